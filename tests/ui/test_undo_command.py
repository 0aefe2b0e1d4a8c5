"""The one undo command through the real window: typing merges per field, ratings are one step
each, texts hold no user text, every kind of change refreshes the views on do, undo and redo,
and Add clinic stops at the most clinics a file can hold."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ketachecklist.core.catalogue import AnswerKind, Question
from ketachecklist.core.changes import Change, ChangeKind
from ketachecklist.core.document import Answer, Clinic, Comparison, Decision, WeightProfile
from ketachecklist.core.limits import MAX_CLINICS, MAX_CUSTOM_QUESTIONS
from ketachecklist.core.storage import load_comparison
from ketachecklist.ui.commands import command_text, push_edit
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.open_document import OpenDocument
from tests.ui.conftest import HOSTILE_NAME, ScriptedPrompter


def _undo_texts(document: OpenDocument) -> list[str]:
    stack = document.undo_stack
    return [stack.text(index) for index in range(stack.count())]


def test_typing_merges_per_field_and_ratings_are_one_step_each(
    qtbot: QtBot, window: MainWindow
) -> None:
    document = window.document
    window.clinics.add_action.trigger()
    name_box = window.details.lines["name"]
    qtbot.waitUntil(name_box.hasFocus)
    qtbot.keyClicks(name_box, HOSTILE_NAME)
    qtbot.keyClicks(window.details.lines["phone"], "555 0101")
    window.show_page(window.answers)
    editor = window.answers.editor
    qtbot.mouseClick(editor.rating.buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.rating.buttons[4], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.said.editor, "They said so")
    assert _undo_texts(document) == [
        "Add clinic",
        "Edit clinic name",
        "Edit phone",
        "Edit rating",
        "Edit rating",
        "Edit what the clinic said",
    ]
    assert all("Bold" not in text and "&" not in text for text in _undo_texts(document))
    clinic_id = window.clinics.current_clinic_id
    question_id = window.answers.current_question_id()
    window.undo_action.trigger()
    assert document.comparison.answer(clinic_id, question_id) == Answer(rating=4)
    window.undo_action.trigger()
    assert document.comparison.answer(clinic_id, question_id) == Answer(rating=2)
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert document.comparison.clinic(clinic_id).phone == ""
    window.undo_action.trigger()
    assert document.comparison.clinic(clinic_id).name == "Clinic 1"
    assert name_box.text() == "Clinic 1"


def test_typing_back_to_the_old_text_leaves_no_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    window.clinics.add_action.trigger()
    phone = window.details.lines["phone"]
    qtbot.keyClicks(phone, "55")
    qtbot.keyClick(phone, Qt.Key.Key_Backspace)
    qtbot.keyClick(phone, Qt.Key.Key_Backspace)
    assert _undo_texts(window.document) == ["Add clinic"]


Edit = Callable[[Comparison], Change]
_QUESTION = Question(id="custom-1", set_id="cost", text="Parking?", kind=AnswerKind.MONEY)


def _first_clinic(comparison: Comparison) -> str:
    return comparison.clinics[0].id


# What each kind of edit must make OpenDocument emit (the views listen to these), on do, undo
# and redo alike.
EDITS: list[tuple[str, Edit, list[str]]] = [
    ("add clinic", lambda c: c.add_clinic(Clinic(id="new", name="New")), ["clinics_changed"]),
    (
        "remove clinic",
        lambda c: c.remove_clinic(_first_clinic(c)),
        ["clinics_changed", "decision_changed"],
    ),
    ("duplicate clinic", lambda c: c.duplicate_clinic(_first_clinic(c)), ["clinics_changed"]),
    ("move clinic", lambda c: c.move_clinic(_first_clinic(c), 2), ["clinics_changed"]),
    (
        "edit clinic",
        lambda c: c.update_clinic(replace(c.clinics[0], phone="555")),
        ["clinic_changed"],
    ),
    (
        "answer",
        lambda c: c.set_answer(_first_clinic(c), c.questions()[0].id, Answer(rating=1)),
        ["answer_changed"],
    ),
    ("add question", lambda c: c.add_custom_question(_QUESTION), ["questions_changed"]),
    (
        "set weight",
        lambda c: c.set_set_weight(c.catalogue.sets[0].id, 3),
        ["weights_changed"],
    ),
    (
        "question weight",
        lambda c: c.set_question_weight(c.questions()[0].id, 2),
        ["weights_changed"],
    ),
    (
        "decision",
        lambda c: c.set_decision(Decision(_first_clinic(c), "Close by")),
        ["decision_changed"],
    ),
    (
        "deal-breaker",
        lambda c: c.set_deal_breaker(c.questions()[0].id, True),
        ["weights_changed"],
    ),
    (
        "set weights at once",
        lambda c: c.replace_set_weights({s.id: 2.0 for s in c.catalogue.sets}),
        ["weights_changed"],
    ),
    (
        "weight profile",
        lambda c: c.add_weight_profile(WeightProfile("Mum", {c.catalogue.sets[0].id: 3.0})),
        ["weights_changed"],
    ),
]


@pytest.mark.parametrize(("name", "edit", "signals"), EDITS, ids=[e[0] for e in EDITS])
def test_every_kind_of_edit_refreshes_the_views(
    qtbot: QtBot, example_window: MainWindow, name: str, edit: Edit, signals: list[str]
) -> None:
    document = example_window.document
    grid = example_window.comparison.model
    before = (grid.columnCount(), grid.rowCount(), example_window.clinics.model.rowCount())
    for action in (
        lambda: push_edit(document, edit),
        document.undo_stack.undo,
        document.undo_stack.redo,
    ):
        expected = [getattr(document, signal) for signal in signals]
        with (
            qtbot.waitSignals(expected, order="strict", timeout=1000),
            qtbot.waitSignal(document.edited, timeout=1000),
        ):
            action()
    after = (grid.columnCount(), grid.rowCount(), example_window.clinics.model.rowCount())
    clinics = len(document.comparison.clinics)
    assert after[0] == clinics + 1, "the grid has a column per clinic after every change"
    assert after[2] == clinics
    if name == "add question":
        assert after[1] == before[1] + 1, "the grid has a row for the new question"


def test_a_question_kind_change_and_its_wording_refresh_their_views(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    document = example_window.document
    push_edit(document, lambda c: c.add_custom_question(_QUESTION))
    clinic_id = _first_clinic(document.comparison)
    push_edit(document, lambda c: c.set_answer(clinic_id, "custom-1", Answer(value=12.0)))
    with qtbot.waitSignal(document.questions_changed, timeout=1000):
        push_edit(document, lambda c: c.change_question_kind("custom-1", AnswerKind.YES_NO))
    assert document.comparison.answer(clinic_id, "custom-1").is_blank
    with qtbot.waitSignal(document.questions_changed, timeout=1000):
        document.undo_stack.undo()
    assert document.comparison.answer(clinic_id, "custom-1") == Answer(value=12.0)
    with qtbot.waitSignal(document.question_changed, check_params_cb=lambda q: q == "custom-1"):
        push_edit(
            document,
            lambda c: c.update_custom_question(replace(c.question("custom-1"), text="Parking")),
            "text",
        )
    assert _undo_texts(document)[-1] == "Edit your question"


def test_a_refused_edit_pushes_nothing(example_window: MainWindow) -> None:
    document = example_window.document
    count = document.undo_stack.count()
    with pytest.raises(ValueError, match="between 0 and 100"):
        push_edit(document, lambda c: c.set_set_weight(c.catalogue.sets[0].id, 1000))
    assert document.undo_stack.count() == count
    assert not example_window.isWindowModified()


def test_add_clinic_stops_at_the_limit_and_the_file_saves(
    qtbot: QtBot, window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    comparison = Comparison(window.document.comparison.catalogue)
    for number in range(1, MAX_CLINICS):
        comparison.add_clinic(Clinic(id=f"clinic-{number}", name=f"Clinic {number}"))
    window.document.replace(comparison)
    panel = window.clinics
    assert panel.add_action.isEnabled()
    panel.add_action.trigger()  # the 500th
    assert len(comparison.clinics) == MAX_CLINICS
    for action in (panel.add_action, panel.duplicate_action):
        assert not action.isEnabled()
        assert f"up to {MAX_CLINICS} clinics" in action.toolTip()
        assert "Remove a clinic" in action.statusTip()
    # Neither the shortcut, the menu nor a direct call gets past it.
    panel.add_action.trigger()
    panel.add_clinic()
    panel.duplicate_clinic()
    assert len(comparison.clinics) == MAX_CLINICS
    assert f"up to {MAX_CLINICS} clinics" in window.statusBar().currentMessage()

    path = tmp_path / "many.yaml"
    prompter.save_paths.append(path)
    assert window.controller.save()
    assert len(load_comparison(path, comparison.catalogue).clinics) == MAX_CLINICS

    window.undo_action.trigger()  # Undo the 500th: room again
    assert len(comparison.clinics) == MAX_CLINICS - 1
    assert panel.add_action.isEnabled()
    assert panel.duplicate_action.isEnabled()
    assert "Add a clinic you are considering" in panel.add_action.toolTip()


def test_add_your_own_question_stops_at_the_limit(qtbot: QtBot, window: MainWindow) -> None:
    comparison = Comparison(window.document.comparison.catalogue)
    comparison.add_clinic(Clinic(id="clinic-1", name="Harbor"))
    for number in range(1, MAX_CUSTOM_QUESTIONS):
        comparison.add_custom_question(
            Question(id=f"custom-{number}", set_id="cost", text=f"Mine {number}")
        )
    window.document.replace(comparison)
    window.show_page(window.answers)
    button = window.answers.add_question
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(comparison.custom_questions) == MAX_CUSTOM_QUESTIONS
    assert not button.isEnabled()
    assert f"up to {MAX_CUSTOM_QUESTIONS} questions of your own" in button.toolTip()
    window.answers.add_own_question()
    assert len(comparison.custom_questions) == MAX_CUSTOM_QUESTIONS
    window.undo_action.trigger()
    assert button.isEnabled()
    assert button.toolTip() == "Add a question of your own to this set"


def test_doesnt_apply_clicks_are_one_step_each_and_keep_the_answer(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.clinics.add_action.trigger()
    window.show_page(window.answers)
    editor = window.answers.editor
    qtbot.mouseClick(editor.rating.buttons[3], Qt.MouseButton.LeftButton)
    editor.doesnt_apply.click()
    editor.doesnt_apply.click()
    assert _undo_texts(window.document)[-3:] == [
        "Edit rating",
        "Edit “doesn't apply”",
        "Edit “doesn't apply”",
    ]
    clinic_id = window.clinics.current_clinic_id
    question_id = window.answers.current_question_id()
    window.undo_action.trigger()
    assert window.document.comparison.answer(clinic_id, question_id) == Answer(
        rating=3, doesnt_apply=True
    )
    assert editor.doesnt_apply.isChecked()
    window.undo_action.trigger()
    assert window.document.comparison.answer(clinic_id, question_id) == Answer(rating=3)


@pytest.mark.parametrize("kind", list(ChangeKind), ids=lambda k: k.value)
def test_every_kind_of_change_has_fixed_undo_words(kind: ChangeKind) -> None:
    text = command_text(kind)
    assert text
    assert text[0].isupper()
