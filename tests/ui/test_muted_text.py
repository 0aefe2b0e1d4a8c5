""" "Not asked yet" is drawn at 4.5:1 as it is painted: a translucent PlaceholderText (Qt 6's
default is black at alpha 128, a mid grey on white) is blended onto Base before it is measured."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QColor, QPalette

from ketachecklist.ui.contrast import contrast_ratio, muted_text, over

R = QPalette.ColorRole
channel = st.integers(0, 255)
rgb = st.tuples(channel, channel, channel)


def test_over_blends_alpha_onto_the_background() -> None:
    grey = over(QColor(0, 0, 0, 128), QColor(255, 255, 255))
    assert grey.alpha() == 255
    assert abs(grey.red() - 127) <= 1
    assert contrast_ratio(grey, QColor(255, 255, 255)) < 4.5  # the 4.0:1 the tester measured


def test_qts_translucent_placeholder_is_not_taken_as_black() -> None:
    for text, base in (((0, 0, 0), (255, 255, 255)), ((230, 230, 230), (30, 30, 32))):
        palette = QPalette()
        palette.setColor(R.Text, QColor(*text))
        palette.setColor(R.Base, QColor(*base))
        palette.setColor(R.PlaceholderText, QColor(*text, 128))
        colour = muted_text(palette)
        assert colour.alpha() == 255
        assert contrast_ratio(colour, QColor(*base)) >= 4.5
        assert colour != QColor(*text)  # still muted


@given(rgb, rgb, rgb, st.integers(0, 255))
def test_muted_text_as_painted_reaches_4_5_whenever_text_does(
    text: tuple[int, int, int],
    base: tuple[int, int, int],
    placeholder: tuple[int, int, int],
    alpha: int,
) -> None:
    palette = QPalette()
    palette.setColor(R.Text, QColor(*text))
    palette.setColor(R.Base, QColor(*base))
    palette.setColor(R.PlaceholderText, QColor(*placeholder, alpha))
    painted = over(muted_text(palette), QColor(*base))
    if contrast_ratio(QColor(*text), QColor(*base)) >= 4.5:
        assert contrast_ratio(painted, QColor(*base)) >= 4.5 - 1e-9
