"""Colour and contrast, computed (WCAG 2 ratios) from the real palette colours the models and
the focus style return, in a light, a dark and a high-contrast palette."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from ketachecklist.ui.comparison_model import RowKind
from ketachecklist.ui.contrast import contrast_ratio, focus_colour, muted_text, over
from ketachecklist.ui.focus_style import focus_style_sheet, indicator_colour
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.roles import CLINIC_ID_ROLE


def _palette(colours: dict[QPalette.ColorRole, QColor]) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, colour)
    return palette


R = QPalette.ColorRole
DARK = {
    R.Window: QColor(45, 45, 48),
    R.Base: QColor(30, 30, 32),
    R.AlternateBase: QColor(55, 55, 60),
    R.Button: QColor(45, 45, 48),
    R.Text: QColor(230, 230, 230),
    R.WindowText: QColor(230, 230, 230),
    R.ButtonText: QColor(230, 230, 230),
    R.PlaceholderText: QColor(110, 110, 110),
    R.Highlight: QColor(38, 79, 120),  # a dim selection blue: too faint for a focus frame
    R.HighlightedText: QColor(255, 255, 255),
}
HIGH_CONTRAST = {
    R.Window: QColor(0, 0, 0),
    R.Base: QColor(0, 0, 0),
    R.AlternateBase: QColor(20, 20, 20),
    R.Button: QColor(0, 0, 0),
    R.Text: QColor(255, 255, 255),
    R.WindowText: QColor(255, 255, 255),
    R.ButtonText: QColor(255, 255, 255),
    R.PlaceholderText: QColor(90, 90, 90),
    R.Highlight: QColor(255, 255, 0),
    R.HighlightedText: QColor(0, 0, 0),
}


@pytest.fixture(params=["light", "dark", "high contrast"])
def palette(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[QPalette]:
    original = qapp.palette()
    chosen = {
        "light": qapp.style().standardPalette(),
        "dark": _palette(DARK),
        "high contrast": _palette(HIGH_CONTRAST),
    }[request.param]
    qapp.setPalette(chosen)
    yield chosen
    qapp.setPalette(original)


def test_not_asked_yet_is_readable_in_every_palette(
    example_window: MainWindow, palette: QPalette
) -> None:
    model = example_window.comparison.model
    blank = next(
        model.index(r, c)
        for r in range(model.rowCount())
        for c in range(1, model.columnCount())
        if model.index(r, c).data() == "Not asked yet"
    )
    colour = blank.data(Qt.ItemDataRole.ForegroundRole).color()
    painted = over(colour, palette.color(R.Base))  # as drawn: a translucent grey is lighter
    assert contrast_ratio(painted, palette.color(R.Base)) >= 4.5
    assert colour != palette.color(R.Text)  # still muted, told apart from answers
    # The set rows' band and the "best" tint keep the text readable too.
    set_row = next(r for r in range(model.rowCount()) if model.row(r).kind is RowKind.SET)
    band = model.index(set_row, 1).data(Qt.ItemDataRole.BackgroundRole).color()
    assert contrast_ratio(palette.color(R.Text), band) >= 4.5


def test_focus_is_drawn_at_three_to_one_and_follows_the_palette(
    qapp: QApplication, example_window: MainWindow, palette: QPalette
) -> None:
    colour = focus_colour(palette)
    for background in (palette.color(R.Base), palette.color(R.Window)):
        assert contrast_ratio(colour, background) >= 3.0
    assert qapp.styleSheet() == focus_style_sheet(qapp)  # redone on the palette change
    assert colour.name() in qapp.styleSheet()


def test_the_palettes_own_text_colours_pass(palette: QPalette) -> None:
    for text, background in ((R.Text, R.Base), (R.WindowText, R.Window), (R.ButtonText, R.Button)):
        assert contrast_ratio(palette.color(text), palette.color(background)) >= 4.5


@given(
    st.tuples(*[st.integers(0, 255)] * 3),
    st.tuples(*[st.integers(0, 255)] * 3),
)
def test_muted_text_reaches_4_5_whenever_text_does(
    text: tuple[int, int, int], base: tuple[int, int, int]
) -> None:
    palette = QPalette()
    palette.setColor(R.Text, QColor(*text))
    palette.setColor(R.Base, QColor(*base))
    palette.setColor(R.PlaceholderText, QColor(*base))  # invisible as it stands
    if contrast_ratio(QColor(*text), QColor(*base)) >= 4.5:
        assert contrast_ratio(muted_text(palette), QColor(*base)) >= 4.5 - 1e-9


def test_a_red_flag_is_bold_on_screen(example_window: MainWindow) -> None:
    window = example_window
    model = window.comparison.model
    scores = window.document.scores
    flagged = [
        model.index(r, c)
        for r in range(model.rowCount())
        for c in range(1, model.columnCount())
        if model.row(r).kind is RowKind.QUESTION
        and scores.red_flag(str(model.index(r, c).data(CLINIC_ID_ROLE)), model.row(r).key)
    ]
    assert flagged
    for index in flagged:
        font: QFont = index.data(Qt.ItemDataRole.FontRole)
        assert font.bold()


def test_rating_circles_are_drawn_in_the_text_colour(
    qapp: QApplication, example_window: MainWindow, palette: QPalette
) -> None:
    outline = QColor(indicator_colour(palette))
    assert contrast_ratio(outline, palette.color(R.Window)) >= 3.0
    assert contrast_ratio(outline, palette.color(R.Base)) >= 3.0
    assert f"border: 2px solid {outline.name()}" in qapp.styleSheet()
    # What is painted: the circle of a chosen rating differs from the page around it.
    window = example_window
    window.show_page(window.answers)
    button = window.answers.editor.rating.buttons[3]
    button.setChecked(True)
    image = button.grab().toImage()
    middle = image.height() // 2
    darkest_or_lightest = max(
        contrast_ratio(image.pixelColor(x, middle), palette.color(R.Window))
        for x in range(min(image.width(), middle * 3))
    )
    assert darkest_or_lightest >= 3.0
