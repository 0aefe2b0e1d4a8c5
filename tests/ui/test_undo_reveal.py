"""Undo and Redo show what they changed: an answer taken back in another clinic than the one on
screen is brought into view, and the status bar names the change, the clinic and the question."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.main_window import MainWindow
from tests.ui.focus import focused_widget

QUESTION = "evaluation-basis"
OTHER_QUESTION = "evaluation-time"


def _rate(qtbot: QtBot, window: MainWindow, clinic_id: str, question_id: str, rating: int) -> None:
    window.clinics.select_clinic(clinic_id)
    window.answers.show_question(question_id)
    qtbot.mouseClick(window.answers.editor.rating.buttons[rating], Qt.MouseButton.LeftButton)


def test_undo_brings_the_answer_it_takes_back_into_view(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    window = example_window
    comparison = window.document.comparison
    first, third = comparison.clinics[0], comparison.clinics[2]
    before = comparison.answer(first.id, QUESTION).rating
    window.show_page(window.answers)
    new_rating = 1 if before != 1 else 2
    _rate(qtbot, window, first.id, QUESTION, new_rating)
    assert comparison.answer(first.id, QUESTION).rating == new_rating

    # Looking at another clinic's other answer, the patient presses Undo.
    window.clinics.select_clinic(third.id)
    window.answers.show_question(OTHER_QUESTION)
    window.undo_action.trigger()
    assert comparison.answer(first.id, QUESTION).rating == before
    assert window.clinics.current_clinic_id == first.id
    assert window.answers.current_question_id() == QUESTION
    assert window.answers.editor.rating.rating() == before
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Undone: Edit rating — {first.name}, “")
    assert comparison.question(QUESTION).text[:40] in message

    window.clinics.select_clinic(third.id)
    window.redo_action.trigger()
    assert comparison.answer(first.id, QUESTION).rating == new_rating
    assert window.clinics.current_clinic_id == first.id
    assert window.statusBar().currentMessage().startswith("Redone: Edit rating — ")


def test_undo_on_the_grid_selects_the_cell_it_changed(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    window = example_window
    comparison = window.document.comparison
    first = comparison.clinics[0]
    window.show_page(window.answers)
    _rate(qtbot, window, first.id, QUESTION, 3)
    window.show_page(window.comparison)
    grid = window.comparison
    grid.table.setCurrentIndex(grid.model.index(0, 2))
    window.undo_action.trigger()
    current = grid.table.currentIndex()
    assert (current.row(), current.column()) == (
        grid.model.row_of_question(QUESTION),
        grid.model.column_of_clinic(first.id),
    )
    assert window.current_page() is window.comparison  # the page stays where the patient is


def test_other_changes_are_named_without_moving_anything(example_window: MainWindow) -> None:
    window = example_window
    window.clinics.add_clinic()  # shows the new clinic's details
    window.show_page(window.weights)
    added = window.document.comparison.clinics[-1]
    window.undo_action.trigger()
    assert window.statusBar().currentMessage() == f"Undone: Add clinic — {added.name}"
    assert window.current_page() is window.weights


def test_undo_names_the_question_or_clinic_and_selects_a_clinic_it_brings_back(
    example_window: MainWindow,
) -> None:
    window = example_window
    comparison = window.document.comparison
    question = comparison.question(QUESTION)
    push_edit(window.document, lambda c: c.set_deal_breaker(QUESTION, True))
    window.undo_action.trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Undone: Mark deal-breaker — “{question.text[:40]}")

    removed = comparison.clinics[1]
    window.clinics.select_clinic(removed.id)
    window.clinics.confirm_removal = lambda _name: True  # type: ignore[method-assign]
    window.clinics.remove_action.trigger()
    assert window.clinics.current_clinic_id != removed.id
    window.undo_action.trigger()
    assert window.clinics.current_clinic_id == removed.id  # back, and shown
    assert window.statusBar().currentMessage() == f"Undone: Remove clinic — {removed.name}"


def test_ctrl_y_redoes_as_well_as_the_platform_key(
    qtbot: QtBot, active_answers: MainWindow
) -> None:
    window = active_answers
    comparison = window.document.comparison
    first = comparison.clinics[0]
    before = comparison.answer(first.id, QUESTION).rating
    _rate(qtbot, window, first.id, QUESTION, 1 if before != 1 else 2)
    after = comparison.answer(first.id, QUESTION).rating
    window.undo_action.trigger()
    assert comparison.answer(first.id, QUESTION).rating == before
    qtbot.keyClick(focused_widget(), Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert comparison.answer(first.id, QUESTION).rating == after
    assert window.statusBar().currentMessage().startswith("Redone: Edit rating — ")


def test_undo_of_a_rating_leaves_the_focus_on_the_choice_it_restored(
    qtbot: QtBot, active_answers: MainWindow
) -> None:
    """The rating put back by Undo has the focus when a choice had it, so a Space there never
    records the rating that was just undone."""
    window = active_answers
    comparison = window.document.comparison
    first = comparison.clinics[0]
    before = comparison.answer(first.id, QUESTION).rating
    new_rating = 5 if before != 5 else 4
    _rate(qtbot, window, first.id, QUESTION, new_rating)
    picker = window.answers.editor.rating
    picker.buttons[new_rating].setFocus()
    qtbot.waitUntil(picker.buttons[new_rating].hasFocus)
    window.undo_action.trigger()
    assert picker.rating() == before
    qtbot.waitUntil(picker.buttons[before].hasFocus)
    qtbot.keyClick(focused_widget(), Qt.Key.Key_Space)
    assert comparison.answer(first.id, QUESTION).rating == before  # Space kept it
