"""The comparison report's model: everything a printed or exported comparison shows, as plain
data (no Qt), in the words of the presentation layer (ketachecklist/present).

``build_report`` turns a comparison (and its presentation) into a ``ComparisonReport`` (its
records are in ``report_types``, re-exported here); the consultation sheet's model is
``sheet_model``. Renderers only lay these out: they never compute
a score, never word a fact themselves, and treat every string that came from the patient as
text, never as markup.

Clinics appear in the order of their standing everywhere ("ranked by your scores"; clinics
without a score next, then those ruled out by the patient's own criteria, whose rank every
table shows as "ruled out by your own criteria"). The report organises what the patient
recorded; it never says that a clinic is safe and never recommends one.
"""

from __future__ import annotations

import datetime as dt

from ketachecklist import CRISIS_HELP, DISCLAIMER
from ketachecklist.core.catalogue import Question
from ketachecklist.core.document import Comparison
from ketachecklist.core.scoring import RED_FLAG_MARK, ComparisonScores
from ketachecklist.present import ClinicText, Presentation
from ketachecklist.present.answers import Cell, make_cell
from ketachecklist.present.charts import build_charts
from ketachecklist.present.numbers import round_half_up
from ketachecklist.present.question_marks import marked_question, question_marks
from ketachecklist.present.ratings import (
    BEST_MARK,
    BEST_MARK_RULE,
    DOESNT_APPLY,
    NOT_ASKED,
    NOT_RATED,
    rating_scale,
)
from ketachecklist.present.scores import progress_text, set_score_text
from ketachecklist.present.text import QT_TR_NOOP, tr
from ketachecklist.report.common import (
    CHOICE_MARK,
    CRISIS_POINTER,
    NOT_MEDICAL_ADVICE,
    PageSize,
    chunk_evenly,
    citation,
    clinic_details,
    decided_text,
    default_page_size,
    find_clinic,
    format_date,
    printable_text,
)
from ketachecklist.report.family_page import build_family_page
from ketachecklist.report.report_types import (
    ClinicColumn,
    ComparisonReport,
    DecisionSummary,
    InfoBlock,
    QuestionRow,
    SetScore,
    SetTable,
    SummaryRow,
    TotalRow,
)
from ketachecklist.report.sheet_model import (
    SHEET_INSTRUCTIONS,
    ConsultationSheet,
    SheetQuestion,
    SheetSet,
    build_sheet,
)

# Public names the renderers, the CLI and the tests import from here.
__all__ = [
    "BEST_MARK",
    "CHOICE_MARK",
    "CRISIS_POINTER",
    "FLAG_MARK",
    "NOT_MEDICAL_ADVICE",
    "SHEET_INSTRUCTIONS",
    "Cell",
    "ClinicColumn",
    "ComparisonReport",
    "ConsultationSheet",
    "DecisionSummary",
    "InfoBlock",
    "PageSize",
    "QuestionRow",
    "SetScore",
    "SetTable",
    "SheetQuestion",
    "SheetSet",
    "SummaryRow",
    "TotalRow",
    "build_report",
    "build_sheet",
    "chunk_evenly",
    "clinic_details",
    "decided_text",
    "default_page_size",
    "find_clinic",
    "format_date",
    "make_cell",
    "printable_text",
]

DEFAULT_TITLE = QT_TR_NOOP("Ketamine clinic comparison")
FLAG_MARK = RED_FLAG_MARK
RANKING_NOTE = QT_TR_NOOP(
    "Ranked by your scores: the ratings you gave each answer, weighted as you chose. "
    "The ranking describes what you recorded; it is not a recommendation and does not say "
    "that any clinic is safe."
)


def legend_text() -> str:
    """How to read the report: the rating scale, the unrated, the ★ rule, the red flag."""
    return tr(
        "How to read this report: each answer is rated from 1 to 5 ({scale}). "
        "“{not_rated}” means you recorded something but gave it no rating; “{not_asked}” means "
        "nothing was recorded. Either way the answer is left out of the scores, never counted as "
        "zero. “{doesnt_apply}” (your choice), or “Not for …” when the question is about "
        "treatments the clinic does not offer, means the question is left out of the scores, of "
        "the questions counted and of the red flags; anything you recorded there is kept and "
        "shown. Scores are out of 100, rounded to the nearest whole point (a half rounds up). "
        "{best_rule} {flag} RED FLAG marks an answer the sources give reason to ask more "
        "about: a prompt for your next conversation, not a verdict on the clinic. "
        "Costs are shown in dollars ($), as you recorded them."
    ).format(
        scale=rating_scale(),
        not_rated=tr(NOT_RATED),
        not_asked=tr(NOT_ASKED),
        doesnt_apply=tr(DOESNT_APPLY),
        best_rule=tr(BEST_MARK_RULE),
        flag=FLAG_MARK,
    )


def build_report(
    comparison: Comparison,
    scores: ComparisonScores | Presentation | None = None,
    *,
    source_name: str = "",
    generated: dt.date | None = None,
    page_size: PageSize = PageSize.A4,
) -> ComparisonReport:
    """The whole report for ``comparison``, worded by its presentation (made now if not given,
    from ``scores`` when those are)."""
    presentation = (
        scores
        if isinstance(scores, Presentation) and scores.is_current(comparison)
        else Presentation(comparison, scores if isinstance(scores, ComparisonScores) else None)
    )
    decision = presentation.decision
    ranked = [presentation.clinic(c.clinic_id) for c in decision.clinics]
    catalogue = comparison.catalogue
    columns = tuple(_clinic_column(comparison, presentation, clinic) for clinic in ranked)
    summary = tuple(
        _summary_row(comparison, presentation, clinic, column)
        for clinic, column in zip(ranked, columns, strict=True)
    )
    sets = tuple(
        _set_table(comparison, presentation, ranked, index, question_set.id)
        for index, question_set in enumerate(catalogue.sets)
    )
    decided = comparison.decision
    recorded = DecisionSummary(
        comparison.clinic(decided.clinic_id).name if decided.clinic_id else None,
        decided.reason,
        decided.decided_on,
        presentation.is_ruled_out(decided.clinic_id) if decided.clinic_id else False,
    )
    information = tuple(
        InfoBlock(
            section.title, section.note, section.items, citation(comparison, section.shared_source)
        )
        for section in catalogue.information
    )
    sources = catalogue.sources
    return ComparisonReport(
        title=comparison.title.strip() or tr(DEFAULT_TITLE),
        generated=generated or dt.date.today(),
        source_name=source_name,
        page_size=page_size,
        clinics=columns,
        summary=summary,
        set_titles=tuple(s.title for s in catalogue.sets),
        verdict=presentation.verdict,
        family=build_family_page(decision, decided.clinic_id),
        ranking_note=tr(RANKING_NOTE),
        legend=legend_text(),
        disclaimer=tr(DISCLAIMER),
        crisis_help=tr(CRISIS_HELP),
        crisis_pointer=tr(CRISIS_POINTER),
        decision=recorded,
        sets=sets,
        totals=_totals(summary, ranked),
        information=information,
        sources=sources,
        catalogue_disclaimer=catalogue.disclaimer,
        charts=build_charts(presentation),
    )


def _clinic_column(
    comparison: Comparison, presentation: Presentation, clinic_text: ClinicText
) -> ClinicColumn:
    clinic = comparison.clinic(clinic_text.clinic_id)
    return ClinicColumn(
        id=clinic.id,
        name=clinic.name,
        rank=clinic_text.rank,
        rank_text=clinic_text.rank_text,
        decided=comparison.decision.clinic_id == clinic.id,
        details=clinic_details(clinic),
        notes=clinic.notes,
        ruled_out=presentation.is_ruled_out(clinic.id),
    )


def _summary_row(
    comparison: Comparison, presentation: Presentation, text: ClinicText, column: ClinicColumn
) -> SummaryRow:
    score = presentation.score(text.clinic_id)
    set_ids = [s.id for s in comparison.catalogue.sets]
    standing = presentation.decision.clinic(text.clinic_id)
    score_range = presentation.analysis.of(text.clinic_id).score_range
    return SummaryRow(
        column=column,
        overall=score.overall,
        overall_text=text.overall_text,
        overall_number_text=text.overall_number_text,
        set_scores=tuple(score.set_scores.get(set_id) for set_id in set_ids),
        set_score_texts=tuple(
            presentation.set_score(text.clinic_id, set_id).score_number_text for set_id in set_ids
        ),
        answered=score.answered,
        total=score.total,
        completeness_text=text.completeness_text,
        progress_text=text.progress_text,
        course_cost=score.cost.course_total,
        out_of_pocket=score.cost.out_of_pocket,
        cost_text=text.course_cost_text,
        red_flags=text.red_flag_labels,
        red_flags_text=text.red_flags_text,
        not_applying=text.not_applying,
        not_applying_text=text.not_applying_text,
        range_text=standing.range_text,
        lowest=score_range.lowest,
        highest=score_range.highest,
        red_flag_coverage_text=standing.red_flags_text,
        red_flags_checked=presentation.analysis.of(text.clinic_id).red_flags.checked,
    )


def question_note(comparison: Comparison, question: Question) -> str:
    """The line under a question's text in a table: where it comes from when beyond the
    article, then the marks the grid shows after it (present/question_marks.py)."""
    notes = []
    if question.beyond_article and not question.custom:
        source = citation(comparison, question.source)
        notes.append(f"{tr('Beyond the article; source')}: {source}")
    notes.extend(question_marks(comparison, question))
    return " · ".join(notes)


def _set_table(
    comparison: Comparison,
    presentation: Presentation,
    ranked: list[ClinicText],
    index: int,
    set_id: str,
) -> SetTable:
    question_set = comparison.catalogue.question_set(set_id)
    rows = [
        QuestionRow(
            id=question.id,
            number=f"{index + 1}.{position}",
            text=question.text,
            marked_text=marked_question(comparison, question),
            note=question_note(comparison, question),
            cells=tuple(presentation.cell(c.clinic_id, question.id) for c in ranked),
        )
        for position, question in enumerate(comparison.questions_in(set_id), start=1)
    ]
    set_scores = []
    for clinic in ranked:
        result = presentation.set_score(clinic.clinic_id, set_id).result
        set_scores.append(
            SetScore(
                result.score,
                result.rated,
                result.total,
                set_score_text(result),
                f"{progress_text(result.rated, result.total)} {tr('rated')}",
            )
        )
    return SetTable(
        id=set_id,
        number=index + 1,
        title=question_set.title,
        description=question_set.description,
        weight=comparison.set_weight(set_id),
        rows=tuple(rows),
        scores=tuple(set_scores),
    )


# The totals table's rows, in order: their keys, and their labels in the same order.
TOTAL_KEYS = ("overall", "rated", "course_cost", "out_of_pocket", "red_flags")
TOTAL_LABELS = (
    QT_TR_NOOP("Overall score (by your scores)"),
    QT_TR_NOOP("Questions rated"),
    QT_TR_NOOP("Estimated cost of the whole course"),
    QT_TR_NOOP("What you would pay (estimate)"),
    QT_TR_NOOP("Red flags"),
)
WITH_SECOND_LINE = frozenset({"course_cost", "out_of_pocket", "red_flags"})
TotalCell = tuple[str, float | int | None, str]  # text, number, second line


def _total_cells(row: SummaryRow, clinic: ClinicText) -> tuple[TotalCell, ...]:
    """One clinic's cell in each row of TOTAL_KEYS, in that order."""
    overall = None if row.overall is None else round_half_up(row.overall)
    return (
        (f"{row.overall_text} · {row.rank_text}", overall, ""),
        (row.completeness_text, round_half_up(row.completeness * 100), ""),
        (clinic.course_total_text, row.course_cost, clinic.cost_basis_text),
        (clinic.out_of_pocket_text, row.out_of_pocket, clinic.insurance_text),
        (row.red_flags_text, len(row.red_flags), "; ".join(row.red_flags)),
    )


def _totals(summary: tuple[SummaryRow, ...], ranked: list[ClinicText]) -> tuple[TotalRow, ...]:
    cells = [_total_cells(row, clinic) for row, clinic in zip(summary, ranked, strict=True)]
    return tuple(
        TotalRow(
            key,
            tr(TOTAL_LABELS[index]),
            tuple(clinic[index][0] for clinic in cells),
            tuple(clinic[index][1] for clinic in cells),
            tuple(clinic[index][2] for clinic in cells) if key in WITH_SECOND_LINE else (),
        )
        for index, key in enumerate(TOTAL_KEYS)
    )
