"""The report model: everything any printed or exported form shows, as plain data (no Qt).

``build_report`` turns a comparison and its scores into a ``ComparisonReport``;
``build_sheet`` turns one clinic (or none) into a ``ConsultationSheet``. Renderers only lay
these out: they never compute a score, never read a widget, and treat every string that came
from the patient as text, never as markup.

Clinics appear in ranked order everywhere ("ranked by your scores"; clinics without a score
last, in the order of the document). The report organises what the patient recorded; it never
says that a clinic is safe and never recommends one.
"""

from __future__ import annotations

import datetime as dt
import locale
import os
import re
from dataclasses import dataclass
from enum import Enum

from ketachecklist import CRISIS_HELP, DISCLAIMER
from ketachecklist.core.applicability import applicability_text, not_applying_headline
from ketachecklist.core.catalogue import AnswerKind, Question
from ketachecklist.core.document import (
    DOESNT_APPLY,
    NOT_ASKED,
    RATING_LABELS,
    Answer,
    AnswerValue,
    Clinic,
    Comparison,
    CostDetails,
    Coverage,
)
from ketachecklist.core.scoring import (
    ASK_MORE,
    NOT_RATED,
    RED_FLAG_MARK,
    ClinicScore,
    ComparisonScores,
    CostEstimate,
    RedFlag,
    best_rated_clinics,
    counted_ratings,
    score_clinic,
    score_comparison,
    unrated_text,
)

NOT_MEDICAL_ADVICE = "This is not medical advice"
DEFAULT_TITLE = "Ketamine clinic comparison"
BEST_MARK = "★"
FLAG_MARK = RED_FLAG_MARK
CHOICE_MARK = "✔"
RANKING_NOTE = (
    "Ranked by your scores: the ratings you gave each answer, weighted as you chose. "
    "The ranking describes what you recorded; it is not a recommendation and does not say "
    "that any clinic is safe."
)
LEGEND = (
    f"How to read this report: each answer is rated from 1 to 5 "
    f"({', '.join(f'{n} – {label}' for n, label in RATING_LABELS.items())}). "
    f"“{NOT_RATED}” means you recorded something but gave it no rating; “{NOT_ASKED}” means "
    "nothing was recorded. Either way the answer is left out of the scores, never counted as "
    f"zero. “{DOESNT_APPLY}” (your choice), or “Not for …” when the question is about "
    "treatments the clinic does not offer, means the question is left out of the scores, of "
    "the questions counted and of the red flags; anything you recorded there is kept and shown. "
    f"Scores are out of 100. {BEST_MARK} marks the highest rating on a question among "
    f"the clinics. {FLAG_MARK} RED FLAG marks an answer the sources give reason to ask more "
    "about: a prompt for your next conversation, not a verdict on the clinic. "
    "Costs are shown in dollars ($), as you recorded them."
)
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Territories that use US Letter paper; everywhere else uses A4.
_LETTER_TERRITORIES = {"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PA", "SV", "DO", "PR"}


class PageSize(str, Enum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def label(self) -> str:
        return "A4" if self is PageSize.A4 else "US Letter"


def default_page_size() -> PageSize:
    """Letter where the locale's territory uses it (US, Canada, Mexico, ...), A4 elsewhere."""
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return _page_size_of_locale(value)
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    return _page_size_of_locale(name)


def _page_size_of_locale(name: str) -> PageSize:
    match = re.match(r"^[A-Za-z]{2,3}[_-]([A-Za-z]{2})", name)
    if match and match.group(1).upper() in _LETTER_TERRITORIES:
        return PageSize.LETTER
    return PageSize.A4


# --- formatting (shared by every renderer) ----------------------------------------------------
def format_date(date: dt.date) -> str:
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def format_score(score: float | None) -> str:
    return "no score yet" if score is None else f"{int(score + 0.5)}/100"


def format_money(amount: float) -> str:
    """'$1,234' or '$475.50', as the app shows money: cents only when there are some.

    For reading (PDF, HTML, sheet); the CSV keeps amounts as plain numbers.
    """
    amount = round(amount, 2)
    if float(amount).is_integer():
        return f"${amount:,.0f}"
    return f"${amount:,.2f}"


def format_percent(fraction: float) -> str:
    return f"{int(fraction * 100 + 0.5)}%"


def rating_text(rating: int | None) -> str:
    """'4 – Good', or 'Not asked yet': the number and the words, never one without the other.

    For an answer, use ``answer_rating_text``: it says 'Not rated yet' when something was
    recorded without a rating.
    """
    return NOT_ASKED if rating is None else f"{rating} – {RATING_LABELS[rating]}"


def answer_rating_text(answer: Answer) -> str:
    """'4 – Good'; unrated: 'Not rated yet' if anything was recorded, else 'Not asked yet'."""
    return unrated_text(answer) if answer.rating is None else rating_text(answer.rating)


def weight_text(weight: float) -> str:
    return f"×{weight:g}"


def format_cost_details(details: CostDetails) -> str:
    parts = []
    if details.price_per_session is not None:
        parts.append(f"{format_money(details.price_per_session)} per session")
    if details.sessions_recommended is not None:
        parts.append(_plural(details.sessions_recommended, "session"))
    if details.other_fees is not None:
        parts.append(f"other fees {format_money(details.other_fees)}")
    if details.insurance is not Coverage.UNKNOWN or details.insurance_percent is not None:
        parts.append(f"insurance: {coverage_text(details.insurance, details.insurance_percent)}")
    return "; ".join(parts)


def coverage_text(coverage: Coverage, percent: float | None) -> str:
    if coverage is Coverage.PARTIAL and percent is not None:
        return f"{coverage.label} ({percent:g}%)"
    return coverage.label


def format_value(question: Question, value: AnswerValue) -> str:
    """The structured part of an answer in words: 'Yes', '60 minutes', '2,600', cost details."""
    if value is None:
        return ""
    if isinstance(value, CostDetails):
        return format_cost_details(value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int | float):
        number = format_money(value) if question.kind is AnswerKind.MONEY else f"{value:,}"
        return f"{number} {question.unit}" if question.unit else number
    return value


def numeric_value(value: AnswerValue) -> float | int | None:
    """A money or count answer as a number (for spreadsheets); None for anything else."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


# --- the comparison report --------------------------------------------------------------------
@dataclass(frozen=True)
class ClinicColumn:
    """One clinic, as a column of every table (in ranked order)."""

    id: str
    name: str
    rank: int | None
    tied: bool
    decided: bool  # the clinic the patient recorded as their decision
    details: tuple[tuple[str, str], ...]  # (label, value), only the filled-in ones
    notes: str

    @property
    def rank_text(self) -> str:
        if self.rank is None:
            return "not scored"
        return f"#{self.rank}{' (tied)' if self.tied else ''}"


@dataclass(frozen=True)
class SummaryRow:
    """One line of the first page: a clinic with its scores, completeness, cost and flags."""

    clinic_id: str
    name: str
    rank: int | None
    rank_text: str
    overall: float | None
    set_scores: tuple[float | None, ...]  # aligned with ComparisonReport.sets
    answered: int
    total: int
    course_cost: float | None
    out_of_pocket: float | None
    cost_text: str
    red_flags: tuple[str, ...]
    decided: bool
    not_applying: int = 0  # questions left out: marked, or for treatments not offered

    @property
    def completeness(self) -> float:
        return self.answered / self.total if self.total else 0.0

    @property
    def not_applying_text(self) -> str:
        """'2 don't apply', or '' when every question counts."""
        if not self.not_applying:
            return ""
        verb = "doesn't" if self.not_applying == 1 else "don't"
        return f"{self.not_applying} {verb} apply"

    @property
    def completeness_text(self) -> str:
        """'8 of 28 (29%)', with '; 2 don't apply' when questions were left out."""
        text = f"{self.answered} of {self.total} ({format_percent(self.completeness)})"
        return f"{text}; {self.not_applying_text}" if self.not_applying else text


@dataclass(frozen=True)
class Cell:
    """One clinic's answer to one question, ready to print.

    ``rating`` is the rating that counts: None when the answer does not apply, whose words
    (``not_applying``) then head the cell, with any rating recorded earlier named as kept.
    """

    rating: int | None
    rating_text: str
    best: bool
    value_text: str
    value_number: float | int | None
    said: str
    red_flag: str  # the flag's label, or "" when the answer raises none
    not_applying: str = ""  # "Doesn't apply to this clinic", "Not for IV-only clinics: …"

    @property
    def blank(self) -> bool:
        return (
            self.rating is None and not self.value_text and not self.said and not self.not_applying
        )

    @property
    def applies(self) -> bool:
        return not self.not_applying

    @property
    def headline(self) -> str:
        """'★ 5 – Reassuring', '2 – Weak', 'Not rated yet', 'Not asked yet' or why it does
        not apply."""
        return f"{BEST_MARK} {self.rating_text}" if self.best else self.rating_text

    @property
    def red_flag_sentence(self) -> str:
        """'RED FLAG: <label>. The sources give reason to ask more about this.'"""
        return f"RED FLAG: {self.red_flag.rstrip('. ')}. {ASK_MORE}" if self.red_flag else ""

    @property
    def red_flag_text(self) -> str:
        """The sentence with its ⚠ mark, as printed."""
        return f"{FLAG_MARK} {self.red_flag_sentence}" if self.red_flag else ""


@dataclass(frozen=True)
class QuestionRow:
    id: str
    number: str  # "2.3": set 2, question 3, so a family can point at a row on paper
    text: str
    note: str  # "Goes beyond the article (source: ...)", "Your own question", weight
    cells: tuple[Cell, ...]  # aligned with ComparisonReport.clinics


@dataclass(frozen=True)
class SetScore:
    score: float | None
    rated: int
    total: int

    @property
    def text(self) -> str:
        return f"{format_score(self.score)} · {self.rated} of {self.total} rated"


@dataclass(frozen=True)
class SetTable:
    id: str
    number: int
    title: str
    description: str
    weight: float
    rows: tuple[QuestionRow, ...]
    scores: tuple[SetScore, ...]  # aligned with ComparisonReport.clinics

    @property
    def score_label(self) -> str:
        weight = "" if self.weight == 1 else f" (counts {weight_text(self.weight)})"
        return f"{self.title} score{weight}"


@dataclass(frozen=True)
class TotalRow:
    """A row of the totals table: label, then one value per clinic (text and, if any, number)."""

    key: str  # overall, rated, course_cost, out_of_pocket, red_flags
    label: str
    texts: tuple[str, ...]
    numbers: tuple[float | int | None, ...]
    note_texts: tuple[str, ...] = ()  # a second line per clinic (cost basis, flag words)


@dataclass(frozen=True)
class InfoBlock:
    title: str
    note: str
    items: tuple[str, ...]
    citation: str


@dataclass(frozen=True)
class SourceEntry:
    citation: str
    note: str


@dataclass(frozen=True)
class DecisionSummary:
    clinic_name: str | None
    reason: str
    decided_on: dt.date | None

    @property
    def text(self) -> str:
        if self.clinic_name is None:
            return "No decision recorded yet."
        when = f" on {format_date(self.decided_on)}" if self.decided_on else ""
        return f"{CHOICE_MARK} Your recorded decision{when}: {self.clinic_name}."

    @property
    def reason_text(self) -> str:
        if not self.reason:
            return ""
        return f"Reason: {self.reason}" if self.clinic_name else f"Note: {self.reason}"


# The short form of CRISIS_HELP for page footers, so every printed page carries it.
CRISIS_POINTER = "In a crisis: call or text 988 (US) · in immediate danger, call 911"


@dataclass(frozen=True)
class ComparisonReport:
    title: str
    generated: dt.date
    source_name: str
    page_size: PageSize
    clinics: tuple[ClinicColumn, ...]
    summary: tuple[SummaryRow, ...]  # the same order as clinics
    set_titles: tuple[str, ...]
    verdict: str
    ranking_note: str
    legend: str
    decision: DecisionSummary
    sets: tuple[SetTable, ...]
    totals: tuple[TotalRow, ...]
    information: tuple[InfoBlock, ...]
    sources: tuple[SourceEntry, ...]
    catalogue_disclaimer: str
    disclaimer: str = DISCLAIMER
    crisis_help: str = CRISIS_HELP  # on the first page
    crisis_pointer: str = CRISIS_POINTER  # in every page's footer, beside the notice

    @property
    def subtitle(self) -> str:
        count = _plural(len(self.clinics), "clinic")
        source = f" · {self.source_name}" if self.source_name else ""
        return f"{count} compared · {format_date(self.generated)}{source}"

    @property
    def footer_base(self) -> str:
        """'10 December 2026 · three-clinics.yaml': renderers add 'page x of y' and the notice."""
        parts = [format_date(self.generated)]
        if self.source_name:
            parts.append(self.source_name)
        return " · ".join(parts)

    def questions(self) -> list[QuestionRow]:
        return [row for table in self.sets for row in table.rows]


def build_report(
    comparison: Comparison,
    scores: ComparisonScores | None = None,
    *,
    source_name: str = "",
    generated: dt.date | None = None,
    page_size: PageSize = PageSize.A4,
) -> ComparisonReport:
    """The whole report for ``comparison``; ``scores`` defaults to scoring it now."""
    if scores is None:
        scores = score_comparison(comparison)
    ranked = scores.ranked()
    catalogue = comparison.catalogue
    ranks = [s.rank for s in ranked]
    columns = tuple(
        _clinic_column(comparison, score, tied=ranks.count(score.rank) > 1) for score in ranked
    )
    summary = tuple(
        _summary_row(comparison, score, column)
        for score, column in zip(ranked, columns, strict=True)
    )
    sets = tuple(
        _set_table(comparison, ranked, index, question_set.id)
        for index, question_set in enumerate(catalogue.sets)
    )
    decided = comparison.decision
    decision = DecisionSummary(
        comparison.clinic(decided.clinic_id).name if decided.clinic_id else None,
        decided.reason,
        decided.decided_on,
    )
    information = tuple(
        InfoBlock(
            section.title,
            section.note,
            section.items,
            _citation(comparison, section.source),
        )
        for section in catalogue.information
    )
    sources = tuple(SourceEntry(source.citation, source.note) for source in catalogue.sources)
    return ComparisonReport(
        title=comparison.title.strip() or DEFAULT_TITLE,
        generated=generated or dt.date.today(),
        source_name=source_name,
        page_size=page_size,
        clinics=columns,
        summary=summary,
        set_titles=tuple(s.title for s in catalogue.sets),
        verdict=scores.verdict,
        ranking_note=RANKING_NOTE,
        legend=LEGEND,
        decision=decision,
        sets=sets,
        totals=_totals(summary, ranked),
        information=information,
        sources=sources,
        catalogue_disclaimer=catalogue.disclaimer,
    )


def _citation(comparison: Comparison, source_id: str) -> str:
    source = comparison.catalogue.source(source_id) if source_id else None
    return source.citation if source is not None else source_id


def clinic_details(clinic: Clinic) -> tuple[tuple[str, str], ...]:
    treatments = [t.label for t in clinic.treatments]
    if clinic.treatment_other:
        treatments.append(clinic.treatment_other)
    details = [
        ("Location", clinic.location),
        ("Phone", clinic.phone),
        ("Website", clinic.website),
        ("Contact", clinic.contact),
        (
            "Consultation",
            format_date(clinic.consultation_date) if clinic.consultation_date else "",
        ),
        ("Treatments offered", ", ".join(treatments)),
    ]
    return tuple((label, value) for label, value in details if value)


def _clinic_column(comparison: Comparison, score: ClinicScore, *, tied: bool) -> ClinicColumn:
    clinic = comparison.clinic(score.clinic_id)
    return ClinicColumn(
        id=clinic.id,
        name=clinic.name,
        rank=score.rank,
        tied=tied and score.rank is not None,
        decided=comparison.decision.clinic_id == clinic.id,
        details=clinic_details(clinic),
        notes=clinic.notes,
    )


def cost_text(cost: CostEstimate) -> str:
    if cost.course_total is None:
        return "not enough recorded"
    text = format_money(cost.course_total)
    if cost.out_of_pocket == 0:
        text += " (insurance covers it all)"
    elif cost.out_of_pocket is not None and cost.out_of_pocket != cost.course_total:
        text += f" (you pay about {format_money(cost.out_of_pocket)})"
    return text


def _summary_row(comparison: Comparison, score: ClinicScore, column: ClinicColumn) -> SummaryRow:
    return SummaryRow(
        clinic_id=score.clinic_id,
        name=column.name,
        rank=score.rank,
        rank_text=column.rank_text,
        overall=score.overall,
        set_scores=tuple(score.set_scores.get(s.id) for s in comparison.catalogue.sets),
        answered=score.answered,
        total=score.total,
        course_cost=score.cost.course_total,
        out_of_pocket=score.cost.out_of_pocket,
        cost_text=cost_text(score.cost),
        red_flags=tuple(flag.label for flag in score.red_flags),
        decided=column.decided,
        not_applying=len(score.not_applying),
    )


def make_cell(
    question: Question,
    answer: Answer,
    *,
    best: bool,
    flag: RedFlag | None = None,
    not_applying: str = "",
) -> Cell:
    """A cell from what scoring decided: ``flag`` and ``not_applying`` come from the clinic's
    ``ClinicScore`` (see ``clinic_cell``), never re-judged here."""
    numeric = question.kind in (AnswerKind.MONEY, AnswerKind.COUNT) and not not_applying
    return Cell(
        rating=None if not_applying else answer.rating,
        rating_text=not_applying_headline(not_applying, answer.rating)
        if not_applying
        else answer_rating_text(answer),
        best=best and answer.rating is not None and not not_applying,
        value_text=format_value(question, answer.value),
        value_number=numeric_value(answer.value) if numeric else None,
        said=answer.said,
        red_flag=flag.label if flag is not None and not not_applying else "",
        not_applying=not_applying,
    )


def clinic_cell(
    comparison: Comparison, score: ClinicScore, question: Question, *, best: bool
) -> Cell:
    """One clinic's cell for a question, with its flag and applicability from ``score``."""
    clinic = comparison.clinic(score.clinic_id)
    status = score.applicability(question.id)
    return make_cell(
        question,
        comparison.answer(clinic.id, question.id),
        best=best,
        flag=score.red_flag(question.id),
        not_applying=applicability_text(status, question, clinic),
    )


def question_note(comparison: Comparison, question: Question) -> str:
    notes = []
    if question.custom:
        notes.append("Your own question")
    elif question.beyond_article:
        notes.append(f"Beyond the article; source: {_citation(comparison, question.source)}")
    weight = comparison.question_weight(question.id)
    if weight != 1:
        notes.append(f"counts {weight_text(weight)}")
    return " · ".join(notes)


def _best_marks(comparison: Comparison, question_id: str) -> set[str]:
    """Clinics to mark ★ on a question: only when at least two counted ratings differ."""
    rated = set(counted_ratings(comparison, question_id).values())
    if len(rated) < 2:
        return set()
    return best_rated_clinics(comparison, question_id)


def _set_table(
    comparison: Comparison, ranked: list[ClinicScore], index: int, set_id: str
) -> SetTable:
    question_set = comparison.catalogue.question_set(set_id)
    rows = []
    for position, question in enumerate(comparison.questions_in(set_id), start=1):
        best = _best_marks(comparison, question.id)
        cells = tuple(
            clinic_cell(comparison, score, question, best=score.clinic_id in best)
            for score in ranked
        )
        rows.append(
            QuestionRow(
                id=question.id,
                number=f"{index + 1}.{position}",
                text=question.text,
                note=question_note(comparison, question),
                cells=cells,
            )
        )
    set_scores = []
    for score in ranked:
        rated, total = score.set_answered(comparison, set_id)
        set_scores.append(SetScore(score.set_scores.get(set_id), rated, total))
    return SetTable(
        id=set_id,
        number=index + 1,
        title=question_set.title,
        description=question_set.description,
        weight=comparison.set_weight(set_id),
        rows=tuple(rows),
        scores=tuple(set_scores),
    )


def _totals(summary: tuple[SummaryRow, ...], ranked: list[ClinicScore]) -> tuple[TotalRow, ...]:
    costs = [score.cost for score in ranked]
    return (
        TotalRow(
            "overall",
            "Overall score (by your scores)",
            tuple(f"{format_score(row.overall)} · {row.rank_text}" for row in summary),
            tuple(None if row.overall is None else round(row.overall, 1) for row in summary),
        ),
        TotalRow(
            "rated",
            "Questions rated",
            tuple(row.completeness_text for row in summary),
            tuple(round(row.completeness * 100, 1) for row in summary),
        ),
        TotalRow(
            "course_cost",
            "Estimated cost of the whole course",
            tuple(
                "not enough recorded" if c.course_total is None else format_money(c.course_total)
                for c in costs
            ),
            tuple(c.course_total for c in costs),
            tuple(c.basis for c in costs),
        ),
        TotalRow(
            "out_of_pocket",
            "What you would pay (estimate)",
            tuple(
                "not known" if c.out_of_pocket is None else format_money(c.out_of_pocket)
                for c in costs
            ),
            tuple(c.out_of_pocket for c in costs),
            tuple(f"insurance: {coverage_text(c.insurance, c.insurance_percent)}" for c in costs),
        ),
        TotalRow(
            "red_flags",
            "Red flags",
            tuple(
                f"{FLAG_MARK} {_plural(len(row.red_flags), 'red flag')}"
                if row.red_flags
                else "none recorded"
                for row in summary
            ),
            tuple(len(row.red_flags) for row in summary),
            tuple("; ".join(row.red_flags) for row in summary),
        ),
    )


# --- the consultation sheet -------------------------------------------------------------------
@dataclass(frozen=True)
class SheetQuestion:
    number: str
    text: str
    kind: AnswerKind
    unit: str
    why: str
    reassuring: str
    concerning: str
    citation: str
    red_flag_when: bool | None  # the yes/no answer that is a red flag, if any
    red_flag: str
    custom: bool
    recorded: Cell | None  # None: nothing recorded yet (or a blank sheet)
    not_applying: str = ""  # why the question does not count for this clinic; "" when it does

    @property
    def recorded_text(self) -> str:
        if self.recorded is None:
            return "Recorded so far: nothing yet."
        parts = [self.recorded.rating_text]
        if self.recorded.value_text:
            parts.append(self.recorded.value_text)
        if self.recorded.said:
            parts.append(f"“{self.recorded.said}”")
        return "Recorded so far: " + " · ".join(parts)

    @property
    def not_applying_text(self) -> str:
        """Marks a question that does not count for this clinic (shown, never hidden)."""
        if not self.not_applying:
            return ""
        if self.not_applying == DOESNT_APPLY:
            return f"You marked this “{DOESNT_APPLY}”: it is left out of its scores."
        return f"{self.not_applying}. You can skip it: it is left out of this clinic's scores."

    @property
    def red_flag_hint(self) -> str:
        if self.red_flag_when is None or self.not_applying:
            return ""
        answer = "yes" if self.red_flag_when else "no"
        return (
            f"{FLAG_MARK} RED FLAG if the answer is {answer}: {self.red_flag.rstrip('. ')}. "
            f"{ASK_MORE}"
        )


@dataclass(frozen=True)
class SheetSet:
    number: int
    title: str
    description: str
    questions: tuple[SheetQuestion, ...]


@dataclass(frozen=True)
class ConsultationSheet:
    title: str
    clinic_name: str | None  # None: a blank sheet for a clinic not in the comparison yet
    details: tuple[tuple[str, str], ...]  # (label, value) — value "" leaves room to write
    notes: str
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
        parts.append(self.clinic_name or "blank consultation sheet")
        return " · ".join(parts)

    def questions(self) -> list[SheetQuestion]:
        return [q for s in self.sets for q in s.questions]


SHEET_INSTRUCTIONS = (
    "Take this sheet to the phone call or the visit. Ask each question, write down what they "
    "say, and rate the answer afterwards: "
    + ", ".join(f"{n} {label}" for n, label in RATING_LABELS.items())
    + ". Skip any question that does not apply."
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
    score = score_clinic(comparison, clinic.id) if clinic is not None else None
    sets = []
    for index, question_set in enumerate(comparison.catalogue.sets):
        questions = []
        for position, question in enumerate(comparison.questions_in(question_set.id), start=1):
            recorded = None
            not_applying = ""
            if clinic is not None and score is not None:
                cell = clinic_cell(comparison, score, question, best=False)
                not_applying = cell.not_applying
                if not comparison.answer(clinic.id, question.id).is_blank:
                    recorded = cell
            rule = question.red_flag
            questions.append(
                SheetQuestion(
                    number=f"{index + 1}.{position}",
                    text=question.text,
                    kind=question.kind,
                    unit=question.unit,
                    why=question.why,
                    reassuring=question.reassuring,
                    concerning=question.concerning,
                    citation=_citation(comparison, question.source),
                    red_flag_when=rule.when if rule else None,
                    red_flag=rule.label if rule else "",
                    custom=question.custom,
                    recorded=recorded,
                    not_applying=not_applying,
                )
            )
        sets.append(
            SheetSet(index + 1, question_set.title, question_set.description, tuple(questions))
        )
    if clinic is not None:
        filled = dict(clinic_details(clinic))
        title = f"Consultation sheet: {clinic.name}"
    else:
        filled = {}
        title = "Consultation sheet"
    labels = (
        "Clinic",
        "Location",
        "Phone",
        "Website",
        "Contact",
        "Consultation",
        "Treatments offered",
    )
    values = {"Clinic": clinic.name if clinic else "", **filled}
    details = tuple((label, values.get(label, "")) for label in labels)
    return ConsultationSheet(
        title=title,
        clinic_name=clinic.name if clinic else None,
        details=details,
        notes=clinic.notes if clinic else "",
        sets=tuple(sets),
        generated=generated or dt.date.today(),
        source_name=source_name,
        page_size=page_size,
        instructions=SHEET_INSTRUCTIONS,
        catalogue_disclaimer=comparison.catalogue.disclaimer,
    )


def find_clinic(comparison: Comparison, name: str) -> Clinic | None:
    """The clinic called ``name`` (ignoring case and surrounding spaces), or with that id."""
    wanted = " ".join(name.split()).casefold()
    for clinic in comparison.clinics:
        if " ".join(clinic.name.split()).casefold() == wanted:
            return clinic
    return next((c for c in comparison.clinics if c.id == name.strip()), None)


def chunk_evenly(count: int, max_per_chunk: int) -> list[range]:
    """Split ``count`` columns into the fewest chunks of at most ``max_per_chunk``, evenly.

    12 clinics, 5 per page → 4 + 4 + 4 rather than 5 + 5 + 2.
    """
    if count <= 0:
        return []
    per = max(1, max_per_chunk)
    chunks = -(-count // per)
    base, extra = divmod(count, chunks)
    ranges = []
    start = 0
    for index in range(chunks):
        size = base + (1 if index < extra else 0)
        ranges.append(range(start, start + size))
        start += size
    return ranges


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def printable_text(text: str) -> str:
    """User text ready to lay out: line breaks unified to \\n, tabs as spaces, no controls."""
    text = text.replace("\r\n", "\n").replace("\t", "    ")
    for mark in ("\r", "\x85", "\u2028", "\u2029"):
        text = text.replace(mark, "\n")
    return _CONTROL.sub("", text)
