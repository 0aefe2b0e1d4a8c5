"""Managing clinics through the real widgets: add, rename, details, duplicate, reorder, remove,
each undoable, with the comparison grid following along."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from ketachecklist.core.treatments import Treatment
from ketachecklist.ui.main_window import MainWindow


def _names(window: MainWindow) -> list[str]:
    return [clinic.name for clinic in window.document.comparison.clinics]


def _grid_headers(window: MainWindow) -> list[str]:
    model = window.comparison.model
    return [
        model.headerData(column, Qt.Orientation.Horizontal)
        for column in range(1, model.columnCount())
    ]


def _button(window: MainWindow, name: str) -> QToolButton:
    return next(b for b in window.clinics.findChildren(QToolButton) if b.accessibleName() == name)


def test_add_and_rename_a_clinic_by_typing(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.mouseClick(_button(window, "Add clinic"), Qt.MouseButton.LeftButton)
    assert _names(window) == ["Clinic 1"]
    # The new clinic is selected and its name box has the focus, all selected: just type.
    assert window.current_page() is window.details
    name_box = window.details.lines["name"]
    qtbot.waitUntil(name_box.hasFocus)
    qtbot.keyClicks(name_box, "Harbor Light")
    assert _names(window) == ["Harbor Light"]
    assert window.clinics.model.index(0, 0).data() == "Harbor Light"
    assert _grid_headers(window) == ["Harbor Light"]
    assert window.isWindowModified()
    # Typing the name was merged into one step: one Undo puts the old name back.
    window.undo_action.trigger()
    assert _names(window) == ["Clinic 1"]
    assert name_box.text() == "Clinic 1"
    window.undo_action.trigger()
    assert _names(window) == []
    assert not window.isWindowModified()
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert _names(window) == ["Harbor Light"]


def test_an_empty_name_is_refused_and_the_text_kept(qtbot: QtBot, window: MainWindow) -> None:
    window.clinics.add_action.trigger()
    name_box = window.details.lines["name"]
    name_box.selectAll()
    qtbot.keyClick(name_box, Qt.Key.Key_Delete)
    assert name_box.text() == ""
    assert _names(window) == ["Clinic 1"]  # a clinic always keeps a name
    message = window.details.name_message
    assert message.isVisible()
    assert "needs a name" in message.text()
    qtbot.keyClicks(name_box, "Riverside")
    assert not message.isVisible()
    assert _names(window) == ["Riverside"]


def test_edit_details(qtbot: QtBot, window: MainWindow) -> None:
    window.clinics.add_action.trigger()
    form = window.details
    for field, text in (
        ("location", "12 Example Quay"),
        ("phone", "555-0101"),
        ("website", "harbor.example"),
        ("contact", "Dr. Reyes"),
    ):
        form.lines[field].setFocus()
        qtbot.keyClicks(form.lines[field], text)
    qtbot.mouseClick(form.treatments[Treatment.SPRAVATO], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.has_date, Qt.MouseButton.LeftButton)
    form.date.setDate(form.date.date().fromString("2026-12-02", Qt.DateFormat.ISODate))
    qtbot.keyClicks(form.notes.editor, "Parking behind.")
    clinic = window.document.comparison.clinics[0]
    assert clinic.location == "12 Example Quay"
    assert clinic.phone == "555-0101"
    assert clinic.website == "harbor.example"
    assert clinic.contact == "Dr. Reyes"
    assert clinic.treatments == (Treatment.SPRAVATO,)
    assert clinic.consultation_date == dt.date(2026, 12, 2)
    assert clinic.notes == "Parking behind."
    # One undo step per field: notes, date (tick + change merged), treatment, contact, ...
    window.undo_action.trigger()
    assert window.document.comparison.clinics[0].notes == ""
    assert form.notes.text() == ""
    window.undo_action.trigger()
    assert window.document.comparison.clinics[0].consultation_date is None
    assert not form.has_date.isChecked()
    window.undo_action.trigger()
    assert not form.treatments[Treatment.SPRAVATO].isChecked()


def test_duplicate_reorder_and_remove_with_undo(qtbot: QtBot, example_window: MainWindow) -> None:
    window = example_window
    harbor, quickwell, riverside = _names(window)
    window.clinics.select_clinic("clinic-1")

    window.clinics.duplicate_action.trigger()
    assert _names(window) == [harbor, f"{harbor} (copy)", quickwell, riverside]
    copy = window.document.comparison.clinics[1]
    assert window.clinics.current_clinic_id == copy.id
    assert dict(window.document.comparison.answers_of(copy.id)) == dict(
        window.document.comparison.answers_of("clinic-1")
    )
    assert _grid_headers(window)[1] == f"{harbor} (copy)"

    window.clinics.move_down_action.trigger()
    assert _names(window) == [harbor, quickwell, f"{harbor} (copy)", riverside]
    assert window.clinics.current_clinic_id == copy.id  # the moved clinic stays selected
    window.clinics.move_up_action.trigger()
    window.clinics.move_up_action.trigger()
    assert _names(window)[0] == f"{harbor} (copy)"
    assert not window.clinics.move_up_action.isEnabled()

    asked: list[str] = []
    window.clinics.confirm_removal = lambda name: asked.append(name) or True
    window.clinics.remove_action.trigger()
    assert asked == [f"{harbor} (copy)"]  # it has answers: asked first
    assert _names(window) == [harbor, quickwell, riverside]
    assert _grid_headers(window) == [harbor, quickwell, riverside]
    assert "Undo brings them back" in window.statusBar().currentMessage()

    for _ in range(4):  # remove, move up, move up, move down
        window.undo_action.trigger()
    assert _names(window) == [harbor, f"{harbor} (copy)", quickwell, riverside]
    window.undo_action.trigger()  # duplicate
    assert _names(window) == [harbor, quickwell, riverside]
    assert not window.isWindowModified()
    window.redo_action.trigger()
    assert _names(window) == [harbor, f"{harbor} (copy)", quickwell, riverside]


def test_removing_the_chosen_clinic_clears_the_decision_until_undo(
    example_window: MainWindow,
) -> None:
    window = example_window
    window.decision.clinic.setCurrentIndex(3)
    window.decision.clinic.activated.emit(3)
    assert window.document.comparison.decision.clinic_id == "clinic-3"
    window.clinics.select_clinic("clinic-3")
    window.clinics.confirm_removal = lambda _name: True  # it has answers: asked, and agreed
    window.clinics.remove_action.trigger()
    assert window.document.comparison.decision.clinic_id is None
    assert window.decision.clinic.currentText() == "Not decided yet"
    window.undo_action.trigger()
    assert window.document.comparison.decision.clinic_id == "clinic-3"
    assert window.decision.clinic.currentText() == "Riverside Mood Disorders Clinic (fictional)"


def test_clinic_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    assert window.clinics.add_action.shortcut() == QKeySequence("Ctrl+Shift+N")
    window.clinics.view.setFocus()
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(window.document.comparison.clinics) == 2
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.document.comparison.clinics) == 1
