"""The Decision tab: where the scores stand and why (the family section), then the form that
records the final decision — which clinic, when, and why.

The standing and the family section show ``Presentation.decision``'s words; both are refreshed
once a burst of edits has settled (``OpenDocument.settled``), and only while the tab is shown:
not on every keystroke, never while it is hidden. ``chart_slot`` is the place
for the charts panel, between the two.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ketachecklist import QT_TRANSLATE_NOOP
from ketachecklist.core.document import Decision
from ketachecklist.present.decision_words import name_in_line
from ketachecklist.report.family_page import build_family_page
from ketachecklist.ui.accessible_text import show_text
from ketachecklist.ui.chart_view import ChartPanel
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.family_section import TITLE as FAMILY_TITLE
from ketachecklist.ui.family_section import FamilySection
from ketachecklist.ui.flow_layout import FlowLayout
from ketachecklist.ui.name_chooser import name_chooser
from ketachecklist.ui.notes_edit import NotesEdit
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.plain_label import bold, plain_label
from ketachecklist.ui.wrapping_form import add_row, wrapping_form

NOT_DECIDED = QT_TRANSLATE_NOOP("DecisionPage", "Not decided yet")
EXPLANATION = QT_TRANSLATE_NOOP(
    "DecisionPage",
    "When you are ready, record which clinic you chose and why, so you and your family can "
    "look back on it. The app does not recommend a clinic: the choice is yours, made with "
    "your own doctor.",
)


def _bold(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    return bold(label)


class DecisionPage(QWidget):
    def __init__(self, document: OpenDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._updating = False
        self._standing_stale = True
        self._shown_choice: str | None = None  # the chosen clinic the family section marks
        explanation = plain_label(selectable=False)
        explanation.setText(self.tr(EXPLANATION))

        self.clinic = name_chooser(self.tr("Chosen clinic"))
        self.has_date = QCheckBox(self.tr("&Decided on"))
        self.has_date.setAccessibleName(self.tr("Decision date recorded"))
        self.date = QDateEdit()
        self.date.setAccessibleName(self.tr("Decision date"))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setDate(QDate.currentDate())
        self.reason = NotesEdit(self.tr("Why you chose it"), lines=10)
        self.reason.editor.setPlaceholderText(
            self.tr("What decided it: the answers, the people, the cost, how it felt")
        )

        form = wrapping_form()
        add_row(form, self.tr("Chose&n clinic"), self.clinic)
        date_row = FlowLayout()
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.date)
        form.addRow(self.tr("When"), date_row)
        add_row(form, self.tr("&Why"), self.reason, buddy=self.reason.editor)

        self.standing = QLabel()
        self.standing.setTextFormat(Qt.TextFormat.PlainText)
        self.standing.setWordWrap(True)
        self.standing.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.standing.setAccessibleName(self.tr("Where the scores stand"))

        self.family = FamilySection()
        # The charts panel (ui/chart_view.py) goes here, between the words and the form.
        self.chart_slot = QVBoxLayout()

        layout = QVBoxLayout(self)
        layout.addWidget(_bold(QLabel(self.tr("Where the scores stand"))))
        layout.addWidget(self.standing)
        layout.addSpacing(self.fontMetrics().lineSpacing() // 2)
        layout.addWidget(_bold(QLabel(QCoreApplication.translate("FamilySection", FAMILY_TITLE))))
        layout.addWidget(self.family, 1)
        layout.addLayout(self.chart_slot)
        layout.addSpacing(self.fontMetrics().lineSpacing())
        layout.addWidget(_bold(QLabel(self.tr("Your decision"))))
        layout.addWidget(explanation)
        layout.addLayout(form)
        charts = ChartPanel(document, self)  # issue 13's charts, between the words and the form
        self.chart_slot.addWidget(charts)
        QWidget.setTabOrder(self.family, charts.toggle)  # Tab follows the page down
        QWidget.setTabOrder(charts.toggle, self.clinic)

        self.clinic.activated.connect(self._clinic_picked)
        self.has_date.clicked.connect(self._date_toggled)
        self.date.dateChanged.connect(self._date_changed)
        self.reason.edited.connect(self._reason_edited)
        for signal in (
            document.replaced,
            document.clinics_changed,
            document.clinic_changed,
            document.decision_changed,
        ):
            signal.connect(self._refresh_form)
        # What changes the standing; the decision's own words do not (typing "why" stays quick).
        for signal in (
            document.replaced,
            document.clinics_changed,
            document.clinic_changed,
            document.answer_changed,
            document.questions_changed,
            document.question_changed,
            document.weights_changed,
        ):
            signal.connect(self._standing_changed)
        document.settled.connect(self._settled)
        self._refresh_form()
        self._refresh_standing()

    def _refresh_form(self) -> None:
        comparison = self._document.comparison
        decision = comparison.decision
        self._updating = True
        try:
            self.clinic.clear()
            self.clinic.addItem(self.tr(NOT_DECIDED), "")
            for clinic in comparison.clinics:
                self.clinic.addItem(clinic.name, clinic.id)
            self.clinic.setCurrentIndex(max(0, self.clinic.findData(decision.clinic_id or "")))
            self.has_date.setChecked(decision.decided_on is not None)
            self.date.setEnabled(decision.decided_on is not None)
            if decision.decided_on is not None:
                day = decision.decided_on
                self.date.setDate(QDate(day.year, day.month, day.day))
            self.reason.set_text(decision.reason)
        finally:
            self._updating = False
        if decision.clinic_id != self._shown_choice:  # the family section marks the choice
            self._standing_changed()

    def showEvent(self, event: QShowEvent) -> None:
        if self._standing_stale:
            self._refresh_standing()
        super().showEvent(event)

    def _standing_changed(self) -> None:
        self._standing_stale = True

    def _settled(self) -> None:
        if self._standing_stale:
            self._refresh_standing()

    def _refresh_standing(self) -> None:
        if not self.isVisible():  # refreshed when shown: no work per keystroke while hidden
            self._standing_stale = True
            return
        self._standing_stale = False
        comparison = self._document.comparison
        if not comparison.clinics:
            show_text(self.standing, self.tr("No clinics yet."))

            self.family.show_no_clinics()
            self._shown_choice = None
            return
        presentation = self._document.presentation
        lines = []
        for clinic in presentation.ranked():  # the standing: ruled out clinics last, saying so
            # Each fact after its own label: "course cost: no course cost yet".
            lines.append(
                self.tr(
                    "{rank}: {name} — {overall} · questions rated: {completeness} · "
                    "course cost: {cost} · red flags: {flags}"
                ).format(
                    rank=clinic.rank_text,
                    name=name_in_line(clinic.name),
                    overall=clinic.overall_text,
                    completeness=clinic.completeness_text,
                    cost=clinic.course_cost_text,
                    flags=clinic.red_flags_text,
                )
            )
        lines.append("")
        lines.append(presentation.verdict)
        show_text(self.standing, "\n".join(lines))
        self._shown_choice = comparison.decision.clinic_id
        self.family.show_page(build_family_page(presentation.decision, self._shown_choice))

    def _push(self, decision: Decision, field: str) -> None:
        if self._updating or decision == self._document.comparison.decision:
            return
        push_edit(self._document, lambda comparison: comparison.set_decision(decision), field)

    def _clinic_picked(self, index: int) -> None:
        clinic_id = str(self.clinic.itemData(index) or "") or None
        self._push(replace(self._document.comparison.decision, clinic_id=clinic_id), "clinic")

    def _date_toggled(self, checked: bool) -> None:
        self.date.setEnabled(checked)
        day = self.date.date()
        value = dt.date(day.year(), day.month(), day.day()) if checked else None
        self._push(replace(self._document.comparison.decision, decided_on=value), "date")

    def _date_changed(self, day: QDate) -> None:
        if not self.has_date.isChecked():
            return
        value = dt.date(day.year(), day.month(), day.day())
        self._push(replace(self._document.comparison.decision, decided_on=value), "date")

    def _reason_edited(self, text: str) -> None:
        self._push(replace(self._document.comparison.decision, reason=text), "reason")
