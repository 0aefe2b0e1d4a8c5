"""Ctrl+3 and Ctrl+4 put the focus where the next keystroke is meant for: the comparison grid
and the question weights, on their current cell; never the sort box or the whose-weights box
above them, where an arrow key would change what is shown without a word."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ketachecklist.ui.main_window import MainWindow
from tests.ui.focus import focused_widget

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def active(qtbot: QtBot, example_window: MainWindow) -> MainWindow:
    example_window.activateWindow()
    qtbot.waitUntil(example_window.isActiveWindow)
    return example_window


def test_ctrl_3_focuses_the_grid_and_arrows_move_in_it(qtbot: QtBot, active: MainWindow) -> None:
    window = active
    window.clinics.setFocus()
    qtbot.keyClick(focused_widget(), Qt.Key.Key_3, CTRL)
    table = window.comparison.table
    assert focused_widget() is table
    assert table.currentIndex().isValid()
    assert table.currentIndex().column() == 1  # a clinic's cell, not the question's name
    sort, order = window.comparison.sort.currentIndex(), window.comparison.model.clinic_order()
    start = table.currentIndex()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() > start.row()
    assert window.comparison.sort.currentIndex() == sort
    assert window.comparison.model.clinic_order() == order  # nothing re-sorted

    # Back on the page later, the focus returns to the cell left, not the first one.
    left = table.currentIndex()
    window.clinics.setFocus()
    qtbot.keyClick(focused_widget(), Qt.Key.Key_3, CTRL)
    assert focused_widget() is table
    assert table.currentIndex() == left


def test_ctrl_4_focuses_the_question_weights(qtbot: QtBot, active: MainWindow) -> None:
    window = active
    window.clinics.setFocus()
    qtbot.keyClick(focused_widget(), Qt.Key.Key_4, CTRL)
    weights = window.weights
    assert focused_widget() is weights.table
    profile = weights.profiles.findChildren(QWidget)
    assert not any(widget.hasFocus() for widget in profile)
    cell = weights.table.currentIndex()
    assert cell.isValid()
    assert weights.model.flags(cell) & Qt.ItemFlag.ItemIsEditable  # typing sets a weight


def test_shift_tab_from_the_grid_reaches_the_controls_above_it(
    qtbot: QtBot, active: MainWindow
) -> None:
    window = active
    qtbot.keyClick(focused_widget(), Qt.Key.Key_3, CTRL)
    page = window.comparison
    seen = []
    for _ in range(6):
        qtbot.keyClick(focused_widget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        seen.append(focused_widget())
        if focused_widget() is page.sort:
            break
    assert page.sort in seen, seen  # the Tab order runs up the page from the grid
