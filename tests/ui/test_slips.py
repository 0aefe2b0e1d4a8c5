"""Slips a tired user makes: removing a clinic with answers asks first; a new clinic's date is
never another clinic's; the course cost shows as you type; "Other treatment" only with Other."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from ketachecklist.core.catalogue import AnswerKind
from ketachecklist.core.treatments import Treatment
from ketachecklist.ui.main_window import MainWindow


def test_removing_a_clinic_with_answers_asks_and_keeping_it_keeps_it(
    example_window: MainWindow,
) -> None:
    window = example_window
    asked: list[str] = []
    window.clinics.confirm_removal = lambda name: asked.append(name) or False
    clinic_id = window.clinics.current_clinic_id
    name = window.document.comparison.clinic(clinic_id).name
    window.clinics.remove_action.trigger()
    assert asked == [name]
    assert window.document.comparison.clinic(clinic_id).name == name  # kept

    # A clinic with nothing recorded goes without a question (and Undo still brings it back).
    window.clinics.add_action.trigger()
    new_id = window.clinics.current_clinic_id
    window.clinics.remove_action.trigger()
    assert asked == [name]
    assert new_id not in [c.id for c in window.document.comparison.clinics]
    window.undo_action.trigger()
    assert new_id in [c.id for c in window.document.comparison.clinics]


def test_a_new_clinics_date_is_never_another_clinics(example_window: MainWindow) -> None:
    window = example_window
    booked = next(c for c in window.document.comparison.clinics if c.consultation_date)
    window.clinics.select_clinic(booked.id)
    day = booked.consultation_date
    assert day is not None
    assert window.details.date.date() == QDate(day.year, day.month, day.day)
    window.clinics.add_action.trigger()
    details = window.details
    assert not details.has_date.isChecked()
    assert details.date.date() == QDate.currentDate()
    details.has_date.click()  # ticking it records today, not the other clinic's date
    clinic = window.document.comparison.clinic(window.clinics.current_clinic_id)
    assert clinic.consultation_date == dt.date.today()


def test_other_treatment_is_editable_only_when_other_is_ticked(example_window: MainWindow) -> None:
    window = example_window
    window.clinics.add_action.trigger()
    details = window.details
    assert not details.treatment_other.isEnabled()
    details.treatments[Treatment.OTHER].click()
    assert details.treatment_other.isEnabled()
    details.treatments[Treatment.OTHER].click()
    assert not details.treatment_other.isEnabled()


def test_the_cost_page_shows_the_course_cost_as_you_type(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    window = example_window
    window.clinics.add_action.trigger()
    window.show_page(window.answers)
    question = next(q for q in window.document.comparison.questions() if q.kind is AnswerKind.COST)
    window.answers.show_question(question.id)
    editor = window.answers.editor
    assert editor.cost_estimate.isVisible()
    assert editor.cost_estimate.text() == "Estimated course cost: no course cost yet"
    qtbot.keyClicks(editor.value.cost.price.line_edit, "400")
    qtbot.keyClicks(editor.value.cost.sessions.line_edit, "6")
    qtbot.waitUntil(lambda: "2,400" in editor.cost_estimate.text())
    assert editor.cost_estimate.accessibleDescription() == editor.cost_estimate.text()
