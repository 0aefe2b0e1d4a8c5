"""A ticked check box shows a tick, a partly ticked one a dash, each at least 3:1 against the
box it is drawn in, and an empty box looks clearly different: read from the pixels of real
check boxes in the application's style, light and dark, at 1× and 2× text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from ketachecklist.ui.contrast import FOCUS_CONTRAST, contrast_ratio
from ketachecklist.ui.focus_style import check_mark_colour
from tests.ui.palettes import palette, scaled_text

__all__ = ["palette"]  # the fixture, used by name


@pytest.fixture(params=[1.0, 2.0], ids=["1x", "2x"])
def text_scale(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    yield from scaled_text(qapp, request.param)


def _box(qtbot: QtBot, state: Qt.CheckState) -> QCheckBox:
    box = QCheckBox("IV infusion")
    qtbot.add_widget(box)
    box.setTristate(state is Qt.CheckState.PartiallyChecked)
    box.setCheckState(state)
    box.show()
    qtbot.waitExposed(box)
    return box


def _inside_of_box(box: QCheckBox) -> tuple[QImage, QRect]:
    """The box's picture and the inside of its square (the 2-pixel outline left out)."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    place = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    # The square at the right of that place (any margin is on its left).
    side = min(place.width(), place.height())
    square = QRect(place.right() + 1 - side, place.top(), side, side)
    return box.grab().toImage(), square.adjusted(3, 3, -3, -3)


def _colours(image: QImage, area: QRect) -> list[QColor]:
    return [
        image.pixelColor(x, y)
        for y in range(area.top(), area.bottom() + 1)
        for x in range(area.left(), area.right() + 1)
    ]


def _mark_pixels(colours: list[QColor]) -> int:
    """How many pixels stand out 3:1 from the box's own (most common) colour."""
    fill = QColor.fromRgba(Counter(c.rgba() for c in colours).most_common(1)[0][0])
    return sum(1 for c in colours if contrast_ratio(c, fill) >= FOCUS_CONTRAST)


def test_a_ticked_box_shows_a_tick_that_stands_out_from_the_box(
    qtbot: QtBot, palette: str, text_scale: float
) -> None:
    ticked_image, inside = _inside_of_box(_box(qtbot, Qt.CheckState.Checked))
    ticked = _colours(ticked_image, inside)
    assert inside.width() >= 6
    # A tick is a stroke at least as long as the box is wide, in a 3:1 colour (a box filled in
    # one colour has none: that was the defect).
    assert _mark_pixels(ticked) >= inside.width(), (palette, text_scale)
    empty_image, empty_inside = _inside_of_box(_box(qtbot, Qt.CheckState.Unchecked))
    empty = _colours(empty_image, empty_inside)
    assert _mark_pixels(empty) == 0  # nothing in an empty box
    # Told apart at a glance: most of the inside changes 3:1 between empty and ticked.
    changed = sum(1 for a, b in zip(ticked, empty, strict=True) if contrast_ratio(a, b) >= 3)
    assert changed >= len(ticked) // 2, (palette, changed, len(ticked))


def test_a_partly_ticked_box_shows_a_dash_not_a_tick(
    qtbot: QtBot, palette: str, text_scale: float
) -> None:
    partial_image, inside = _inside_of_box(_box(qtbot, Qt.CheckState.PartiallyChecked))
    partial = _colours(partial_image, inside)
    assert _mark_pixels(partial) >= inside.width() // 2, palette
    ticked_image, _ = _inside_of_box(_box(qtbot, Qt.CheckState.Checked))
    assert _colours(ticked_image, inside) != partial


@given(st.tuples(*[st.integers(0, 255)] * 3))
def test_the_tick_colour_stands_out_from_any_box_colour(text: tuple[int, int, int]) -> None:
    colours = QPalette()
    colours.setColor(QPalette.ColorRole.WindowText, QColor(*text))
    assert contrast_ratio(QColor(check_mark_colour(colours)), QColor(*text)) >= 4.5
