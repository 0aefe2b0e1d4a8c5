"""The patient's deal-breaker marks, through the real window: by keyboard, undoable, shown
wherever the question is listed (in words), heard by a screen reader."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ketachecklist.ui.deal_breaker_marks import DEAL_BREAKER_MARK, MARKED_MESSAGE
from ketachecklist.ui.main_window import MainWindow

QUESTION = "evaluation-who-evaluates"  # Quickwell rated it 2 in the example


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


@pytest.fixture
def active(qtbot: QtBot, example_window: MainWindow) -> MainWindow:
    example_window.activateWindow()
    qtbot.waitUntil(example_window.isActiveWindow)
    example_window.show_page(example_window.answers)
    example_window.answers.show_question(QUESTION)
    return example_window


def _grid_label(window: MainWindow) -> str:
    grid = window.comparison.model
    return str(grid.index(grid.row_of_question(QUESTION), 0).data())


def _listed(window: MainWindow) -> str:
    model = window.answers.model
    return str(model.index(model.row_of(QUESTION)).data())


def test_mark_and_unmark_by_keyboard_with_undo_and_redo(qtbot: QtBot, active: MainWindow) -> None:
    window = active
    comparison = window.document.comparison
    box = window.answers.editor.guidance.deal_breaker
    assert not box.isChecked()
    assert DEAL_BREAKER_MARK not in _listed(window)
    assert DEAL_BREAKER_MARK not in _grid_label(window)

    window.answers.editor.said.setFocus()
    qtbot.keyClick(_focused(), Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # the mnemonic
    qtbot.waitUntil(lambda: comparison.is_deal_breaker(QUESTION))
    assert box.isChecked()
    assert _listed(window).endswith(f" · {DEAL_BREAKER_MARK}")
    assert _grid_label(window).endswith(f" ({DEAL_BREAKER_MARK})")
    assert window.statusBar().currentMessage() == MARKED_MESSAGE
    assert window.undo_action.text() == "&Undo Mark deal-breaker"

    window.undo_action.trigger()
    assert not comparison.is_deal_breaker(QUESTION)
    assert not box.isChecked()
    assert DEAL_BREAKER_MARK not in _listed(window)
    assert DEAL_BREAKER_MARK not in _grid_label(window)
    window.redo_action.trigger()
    assert comparison.is_deal_breaker(QUESTION)
    assert box.isChecked()
    assert DEAL_BREAKER_MARK in _listed(window)

    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # unmark from the box itself
    assert not comparison.is_deal_breaker(QUESTION)
    assert not box.isChecked()
    assert DEAL_BREAKER_MARK not in _grid_label(window)
    window.undo_action.trigger()  # the unmark was a step of its own, not merged with the mark
    assert comparison.is_deal_breaker(QUESTION)
    assert box.isChecked()


def test_the_mark_follows_the_question_to_every_clinic(qtbot: QtBot, active: MainWindow) -> None:
    window = active
    box = window.answers.editor.guidance.deal_breaker
    box.click()
    for row in range(window.clinics.model.rowCount()):
        window.clinics.select_clinic(window.document.comparison.clinics[row].id)
        window.answers.show_question(QUESTION)
        assert box.isChecked()
        assert DEAL_BREAKER_MARK in _listed(window)
    window.answers.show_question("evaluation-basis")  # another question: not marked
    assert not box.isChecked()


def test_the_box_is_named_and_described_for_a_screen_reader(active: MainWindow) -> None:
    box = active.answers.editor.guidance.deal_breaker
    interface = QAccessible.queryAccessibleInterface(box)
    assert interface is not None
    assert interface.text(QAccessible.Text.Name) == "Deal-breaker for me"
    assert "ruled out by your own criteria" in interface.text(QAccessible.Text.Description)
    assert interface.state().checkable
