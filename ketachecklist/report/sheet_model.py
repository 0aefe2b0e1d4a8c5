"""The consultation sheet's model: one clinic's questions (or a blank sheet) to take to a call or
a visit, with what was recorded so far in the words every other output uses (no Qt)."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from typing import Any

from ketachecklist import CRISIS_HELP, DISCLAIMER
from ketachecklist.core.catalogue import Question, QuestionSet
from ketachecklist.core.document import Comparison
from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.core.scoring import RED_FLAG_MARK
from ketachecklist.present import Presentation
from ketachecklist.present.answers import ASK_MORE, Cell
from ketachecklist.present.question_marks import marked_question
from ketachecklist.present.ratings import DOESNT_APPLY, rating_scale
from ketachecklist.present.text import QT_TR_NOOP, tr
from ketachecklist.report.common import (
    CRISIS_POINTER,
    PageSize,
    citation,
    clinic_details,
    format_date,
)


class SheetQuestion(Question, kw_only=True):
    """A catalogue question as the sheet asks it: numbered, its source cited, and what was
    recorded so far for the clinic."""

    number: str
    marked_text: str  # the text with the grid's marks: '… (deal-breaker for me)'
    citation: str
    recorded: Cell | None  # None: nothing recorded yet (or a blank sheet)
    not_applying: str = ""  # why the question does not count for this clinic; "" when it does

    @property
    def recorded_text(self) -> str:
        if self.recorded is None:
            return tr("Recorded so far: nothing yet.")
        parts = [self.recorded.rating_text]
        if self.recorded.value_text:
            parts.append(self.recorded.value_text)
        if self.recorded.said:
            parts.append(tr("“{said}”").format(said=self.recorded.said))
        # the label is bold on the sheet (report/sheet.py): its own text, as the sheet's others
        return f"{tr('Recorded so far:')} {' · '.join(parts)}"

    @property
    def not_applying_text(self) -> str:
        """Marks a question that does not count for this clinic (shown, never hidden)."""
        if not self.not_applying:
            return ""
        marked = tr(DOESNT_APPLY)
        if self.not_applying == marked:
            return tr("You marked this “{marked}”: it is left out of its scores.").format(
                marked=marked
            )
        return tr("{reason}. You can skip it: it is left out of this clinic's scores.").format(
            reason=self.not_applying
        )

    @property
    def red_flag_hint(self) -> str:
        rule = self.red_flag
        if rule is None or self.not_applying:
            return ""
        if rule.when:
            hint = tr("{mark} RED FLAG if the answer is yes: {flag}. {ask_more}")
        else:
            hint = tr("{mark} RED FLAG if the answer is no: {flag}. {ask_more}")
        return hint.format(mark=RED_FLAG_MARK, flag=rule.label.rstrip(". "), ask_more=tr(ASK_MORE))


class SheetSet(QuestionSet, kw_only=True):
    """A catalogue question set as the sheet shows it: numbered, with its questions."""

    number: int
    questions: tuple[SheetQuestion, ...]


def _fields(record: Question | QuestionSet) -> dict[str, Any]:
    """A catalogue record's fields by name, for the sheet's record that extends it."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


class ConsultationSheet(FrozenRecord):
    title: str
    clinic_name: str | None  # None: a blank sheet for a clinic not in the comparison yet
    details: tuple[tuple[str, str], ...]  # (label, value) — value "" leaves room to write
    notes: str
    ruled_out_text: str  # 'Ruled out by your own criteria: ‘…’ is a deal-breaker …' or ''
    sets: tuple[SheetSet, ...]
    generated: dt.date
    source_name: str
    page_size: PageSize
    instructions: str
    catalogue_disclaimer: str
    disclaimer: str = DISCLAIMER
    crisis_help: str = CRISIS_HELP  # on the first page
    crisis_pointer: str = CRISIS_POINTER  # in every page's footer, beside the notice

    @property
    def footer_base(self) -> str:
        parts = [format_date(self.generated)]
        if self.source_name:
            parts.append(self.source_name)
        parts.append(self.clinic_name or tr("blank consultation sheet"))
        return " · ".join(parts)

    def questions(self) -> list[SheetQuestion]:
        return [q for s in self.sets for q in s.questions]


# {scale}: the rating scale's words (present.ratings.rating_scale), filled in when built
SHEET_INSTRUCTIONS = QT_TR_NOOP(
    "Take this sheet to the phone call or the visit. Ask each question, write down what they "
    "say, and rate the answer afterwards: {scale}. Skip any question that does not apply."
)
# The clinic's details the sheet leaves room for (common.clinic_details words the same labels)
DETAIL_LABELS = (
    QT_TR_NOOP("Clinic"),
    QT_TR_NOOP("Location"),
    QT_TR_NOOP("Phone"),
    QT_TR_NOOP("Website"),
    QT_TR_NOOP("Contact"),
    QT_TR_NOOP("Consultation"),
    QT_TR_NOOP("Treatments offered"),
)


def build_sheet(
    comparison: Comparison,
    clinic_id: str | None = None,
    *,
    source_name: str = "",
    generated: dt.date | None = None,
    page_size: PageSize = PageSize.A4,
) -> ConsultationSheet:
    """The consultation sheet for one clinic, or a blank one when ``clinic_id`` is None."""
    clinic = comparison.clinic(clinic_id) if clinic_id is not None else None
    presentation = Presentation(comparison) if clinic is not None else None
    sets = []
    for index, question_set in enumerate(comparison.catalogue.sets):
        questions = []
        for position, question in enumerate(comparison.questions_in(question_set.id), start=1):
            recorded = None
            not_applying = ""
            if clinic is not None and presentation is not None:
                cell = presentation.cell(clinic.id, question.id)
                not_applying = cell.not_applying
                if not comparison.answer(clinic.id, question.id).is_blank:
                    recorded = cell
            questions.append(
                SheetQuestion(
                    **_fields(question),
                    number=f"{index + 1}.{position}",
                    marked_text=marked_question(comparison, question),
                    citation=citation(comparison, question.source),
                    recorded=recorded,
                    not_applying=not_applying,
                )
            )
        sets.append(SheetSet(**_fields(question_set), number=index + 1, questions=tuple(questions)))
    if clinic is not None:
        filled = dict(clinic_details(clinic))
        title = tr("Consultation sheet: {clinic}").format(clinic=clinic.name)
    else:
        filled = {}
        title = tr("Consultation sheet")
    values = {tr("Clinic"): clinic.name if clinic else "", **filled}
    labels = [tr(label) for label in DETAIL_LABELS]
    details = tuple((label, values.get(label, "")) for label in labels)
    return ConsultationSheet(
        title=title,
        clinic_name=clinic.name if clinic else None,
        details=details,
        notes=clinic.notes if clinic else "",
        ruled_out_text=(
            presentation.decision.clinic(clinic.id).ruled_out_text
            if clinic is not None and presentation is not None
            else ""
        ),
        sets=tuple(sets),
        generated=generated or dt.date.today(),
        source_name=source_name,
        page_size=page_size,
        instructions=tr(SHEET_INSTRUCTIONS).format(scale=rating_scale()),
        catalogue_disclaimer=comparison.catalogue.disclaimer,
        disclaimer=tr(DISCLAIMER),
        crisis_help=tr(CRISIS_HELP),
        crisis_pointer=tr(CRISIS_POINTER),
    )
