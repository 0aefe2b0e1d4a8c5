"""A clinic's details: name, location, phone, website, contact, consultation date, treatments."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ketachecklist import QT_TRANSLATE_NOOP
from ketachecklist.core.document import Clinic
from ketachecklist.core.limits import CLINIC_TEXT_LIMITS
from ketachecklist.core.treatments import Treatment
from ketachecklist.present.choices import choice_text
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.field_message import FieldMessage
from ketachecklist.ui.flow_layout import FlowLayout
from ketachecklist.ui.notes_edit import NotesEdit
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.undo_routing import route_undo_to_window
from ketachecklist.ui.until_a_clinic import UntilAClinic
from ketachecklist.ui.wrapping_form import add_row, wrapping_form

QLINEEDIT_MAX = 32767  # Qt's own longest text for a QLineEdit (its default)
_LINE_FIELDS = (  # field, label (with its mnemonic), accessible name
    (
        "name",
        QT_TRANSLATE_NOOP("ClinicDetailsForm", "&Name"),
        QT_TRANSLATE_NOOP("ClinicDetailsForm", "Clinic name"),
    ),
    (
        "location",
        QT_TRANSLATE_NOOP("ClinicDetailsForm", "&Location"),
        QT_TRANSLATE_NOOP("ClinicDetailsForm", "Location"),
    ),
    (
        "phone",
        QT_TRANSLATE_NOOP("ClinicDetailsForm", "&Phone"),
        QT_TRANSLATE_NOOP("ClinicDetailsForm", "Phone"),
    ),
    (
        "website",
        QT_TRANSLATE_NOOP("ClinicDetailsForm", "&Website"),
        QT_TRANSLATE_NOOP("ClinicDetailsForm", "Website"),
    ),
    (
        "contact",
        QT_TRANSLATE_NOOP("ClinicDetailsForm", "Con&tact person"),
        QT_TRANSLATE_NOOP("ClinicDetailsForm", "Contact person"),
    ),
)


class ClinicDetailsForm(QWidget):
    def __init__(self, document: OpenDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._clinic_id = ""

        self.heading = QLabel(self.tr("Clinic details"))
        font = self.heading.font()
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)

        form = wrapping_form()
        self.lines: dict[str, QLineEdit] = {}
        for field, label_text, accessible in _LINE_FIELDS:
            edit = QLineEdit()
            edit.setAccessibleName(self.tr(accessible))
            edit.setMaxLength(min(CLINIC_TEXT_LIMITS[field], QLINEEDIT_MAX))
            route_undo_to_window(edit)
            edit.textEdited.connect(lambda text, f=field: self._line_edited(f, text))
            add_row(form, self.tr(label_text), edit)
            self.lines[field] = edit
            if field == "name":
                self.name_message = FieldMessage()
                self.name_message.describe(edit)
                form.addRow("", self.name_message)
        self.lines["website"].setPlaceholderText(self.tr("as they gave it; the app never opens it"))

        self.has_date = QCheckBox(self.tr("Consultation &booked for"))
        self.has_date.setAccessibleName(self.tr("Consultation booked"))
        self.date = QDateEdit()
        self.date.setAccessibleName(self.tr("Consultation date"))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setDate(QDate.currentDate())
        date_row = FlowLayout()
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.date)
        form.addRow(self.tr("Consultation"), date_row)

        treatments = FlowLayout()
        self.treatments: dict[Treatment, QCheckBox] = {}
        for treatment in Treatment:
            words = choice_text(treatment)
            box = QCheckBox(words)
            box.setAccessibleName(self.tr("Treatment offered: {treatment}").format(treatment=words))
            box.toggled.connect(lambda _checked: self._treatments_edited())
            treatments.addWidget(box)
            self.treatments[treatment] = box
        form.addRow(self.tr("Treatment offered"), treatments)
        self.treatment_other = QLineEdit()
        self.treatment_other.setAccessibleName(self.tr("Other treatment, in your words"))
        route_undo_to_window(self.treatment_other)
        self.treatment_other.textEdited.connect(
            lambda text: self._edit("treatment_other", treatment_other=text)
        )
        add_row(form, self.tr("&Other treatment"), self.treatment_other)
        self.notes = NotesEdit(self.tr("Notes about the clinic"), lines=6)
        add_row(form, self.tr("Note&s"), self.notes, buddy=self.notes.editor)

        working = QWidget()
        working_layout = QVBoxLayout(working)
        working_layout.setContentsMargins(0, 0, 0, 0)
        working_layout.addWidget(self.heading)
        working_layout.addLayout(form)
        working_layout.addStretch(1)
        first_step = self.tr(
            "No clinic yet. Add the first clinic you are considering with the Add button on "
            "the left (or Clinic ▸ Add clinic, Ctrl+Shift+N)."
        )
        self.stack = UntilAClinic(first_step, working)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        self.has_date.clicked.connect(self._date_edited)
        self.date.dateChanged.connect(self._date_changed)
        self.notes.edited.connect(lambda text: self._edit("notes", notes=text))
        document.clinic_changed.connect(self._clinic_changed)
        document.clinics_changed.connect(self._refresh)
        document.replaced.connect(self._refresh)
        self._updating = False

    @property
    def clinic_id(self) -> str:
        return self._clinic_id

    def set_clinic(self, clinic_id: str) -> None:
        self._clinic_id = clinic_id
        self._refresh()

    def focus_name(self) -> None:
        self.lines["name"].setFocus(Qt.FocusReason.OtherFocusReason)
        self.lines["name"].selectAll()

    # --- showing --------------------------------------------------------------------------------
    def _clinic(self) -> Clinic | None:
        try:
            return self._document.comparison.clinic(self._clinic_id)
        except KeyError:
            return None

    def _clinic_changed(self, clinic_id: str) -> None:
        if clinic_id == self._clinic_id:
            self._refresh()

    def _refresh(self) -> None:
        clinic = self._clinic() if self._clinic_id else None
        self.stack.show_working(clinic is not None)
        if clinic is None:
            return
        self._updating = True
        try:
            for field, edit in self.lines.items():
                value = getattr(clinic, field)
                if field == "name" and self.name_message.has_problem and not edit.text().strip():
                    continue  # the patient is still typing a new name into an empty box
                if edit.text() != value:
                    edit.setText(value)
            self.has_date.setChecked(clinic.consultation_date is not None)
            self.date.setEnabled(clinic.consultation_date is not None)
            if clinic.consultation_date is not None:
                day = clinic.consultation_date
                self.date.setDate(QDate(day.year, day.month, day.day))
            else:  # never another clinic's date, ready to be ticked
                self.date.setDate(QDate.currentDate())
            for treatment, box in self.treatments.items():
                box.setChecked(treatment in clinic.treatments)
            if self.treatment_other.text() != clinic.treatment_other:
                self.treatment_other.setText(clinic.treatment_other)
            self.treatment_other.setEnabled(Treatment.OTHER in clinic.treatments)
            self.notes.set_text(clinic.notes)
        finally:
            self._updating = False

    # --- editing --------------------------------------------------------------------------------
    def _edit(self, field: str, **change: object) -> None:
        clinic = self._clinic()
        if clinic is None or self._updating:
            return
        updated = replace(clinic, **change)  # type: ignore[arg-type]
        if updated != clinic:
            push_edit(self._document, lambda comparison: comparison.update_clinic(updated), field)

    def _line_edited(self, field: str, text: str) -> None:
        if field == "name":
            if not text.strip():
                self.name_message.show_problem(
                    self.tr("A clinic needs a name. Until you type one, the last name is kept.")
                )
                return
            self.name_message.clear_problem()
        self._edit(field, **{field: text})

    def _date_edited(self, checked: bool) -> None:
        self.date.setEnabled(checked)
        day = self.date.date()
        value = dt.date(day.year(), day.month(), day.day()) if checked else None
        self._edit("consultation_date", consultation_date=value)

    def _date_changed(self, day: QDate) -> None:
        if self._updating or not self.has_date.isChecked():
            return
        self._edit(
            "consultation_date", consultation_date=dt.date(day.year(), day.month(), day.day())
        )

    def _treatments_edited(self) -> None:
        if self._updating:
            return
        chosen = tuple(t for t, box in self.treatments.items() if box.isChecked())
        self.treatment_other.setEnabled(Treatment.OTHER in chosen)
        self._edit("treatments", treatments=chosen)
