"""The "Compare: All clinics" button's drop-down arrow is drawn beside its words, never on
them: the arrow alone (the button without words, same size) and the words (what the words
add) are found in the real button's pixels, at 1× and 2× text, light and dark."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ketachecklist.ui.clinic_chooser import ClinicChooser
from ketachecklist.ui.contrast import contrast_ratio
from tests.ui.palettes import palette, scaled_text

__all__ = ["palette"]  # the fixture, used by name


@pytest.fixture(params=[1.0, 2.0], ids=["1x", "2x"])
def text_scale(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    yield from scaled_text(qapp, request.param)


def _inked(image: QImage, background: QColor | None = None) -> set[tuple[int, int]]:
    """The pixels that stand out from the button's face (its most common colour), inside
    the outline (3 pixels in from each edge)."""
    inside = [(x, y) for y in range(3, image.height() - 3) for x in range(3, image.width() - 3)]
    face = background or QColor.fromRgba(
        Counter(image.pixel(x, y) for x, y in inside).most_common(1)[0][0]
    )
    return {(x, y) for x, y in inside if contrast_ratio(image.pixelColor(x, y), face) >= 1.5}


def _span(pixels: set[tuple[int, int]]) -> QRect:
    xs, ys = [x for x, _ in pixels], [y for _, y in pixels]
    return QRect(QPoint(min(xs), min(ys)), QPoint(max(xs), max(ys)))


@pytest.mark.parametrize("shown", [3, 1])
def test_the_arrow_is_beside_the_words(
    qtbot: QtBot, palette: str, text_scale: float, shown: int
) -> None:
    chooser = ClinicChooser()
    qtbot.add_widget(chooser)
    chooser.set_clinics([("a", "Harbor Light"), ("b", "Quickwell"), ("c", "Riverside")])
    if shown < 3:
        chooser.show_only({"a"})  # "Compare: 1 of 3 clinics"
    chooser.show()
    qtbot.waitExposed(chooser)
    whole = chooser.grab().toImage()
    words = chooser.text()
    chooser.setFixedSize(chooser.size())
    chooser.setText("")
    arrow_only = chooser.grab().toImage()
    chooser.setText(words)
    arrow = _inked(arrow_only)
    assert arrow, "no arrow drawn"
    text = {(x, y) for x, y in _inked(whole) if whole.pixel(x, y) != arrow_only.pixel(x, y)}
    assert text, "no words drawn"
    arrow_span, text_span = _span(arrow), _span(text)
    # Beside: the arrow starts right of the last word's pixel, with a gap of 2 pixels or more.
    assert arrow_span.left() >= text_span.right() + 3, (palette, text_scale, arrow_span, text_span)
