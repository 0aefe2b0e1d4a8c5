"""The comparison report's data: what every printed or exported comparison shows, as plain
frozen records in ready-made words (built by ``report/model.py``'s ``build_report``); records
(``core/frozen_record.py``), not dataclasses, as every export imports them."""

from __future__ import annotations

import datetime as dt

from ketachecklist import CRISIS_HELP, DISCLAIMER
from ketachecklist.core.catalogue import Source
from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.present.answers import Cell
from ketachecklist.present.charts import ChartSet
from ketachecklist.present.decision_types import RULED_OUT
from ketachecklist.present.numbers import number_text, plural
from ketachecklist.present.text import isolated, tr
from ketachecklist.report.common import CHOICE_MARK, CRISIS_POINTER, PageSize, format_date
from ketachecklist.report.family_page import FamilyPage


class ClinicColumn(FrozenRecord):
    """One clinic, as a column of every table (in ranked order)."""

    id: str
    name: str
    rank: int | None  # its place among the clinics in the running (None: unscored, ruled out)
    rank_text: str  # '2nd of 5', '1st of 5 (tied)', 'Not scored yet', 'ruled out by your own …'
    decided: bool  # the clinic the patient recorded as their decision
    details: tuple[tuple[str, str], ...]  # (label, value), only the filled-in ones
    notes: str
    ruled_out: bool = False  # by the patient's own deal-breakers


class SummaryRow(FrozenRecord):
    """One line of the first page: a clinic with its scores, completeness, cost and flags."""

    column: ClinicColumn  # who it is and where it stands, as every table names it
    overall: float | None
    overall_text: str  # '63/100'
    overall_number_text: str  # '63', under 'Overall (of 100)'
    set_scores: tuple[float | None, ...]  # aligned with ComparisonReport.sets
    set_score_texts: tuple[str, ...]  # '63' or 'No score yet', aligned likewise
    answered: int
    total: int
    completeness_text: str  # '8 of 28 (29%); 2 don't apply'
    progress_text: str  # '8 of 28'
    course_cost: float | None
    out_of_pocket: float | None
    cost_text: str
    red_flags: tuple[str, ...]
    red_flags_text: str  # '⚠ 2 found, 3 of 5 checked' or 'none of 5 checked so far'
    not_applying: int = 0  # questions left out: marked, or for treatments not offered
    not_applying_text: str = ""  # "2 don't apply"
    range_text: str = ""  # 'could end between 40 and 81 once its 20 open questions are answered'
    lowest: float | None = None  # the range's ends, as numbers
    highest: float | None = None
    red_flag_coverage_text: str = ""  # 'none of 5 checked so far'
    red_flags_checked: int = 0  # red-flag questions with their yes or no recorded

    @property
    def clinic_id(self) -> str:
        return self.column.id

    @property
    def name(self) -> str:
        return self.column.name

    @property
    def rank(self) -> int | None:
        return self.column.rank

    @property
    def rank_text(self) -> str:
        return self.column.rank_text

    @property
    def decided(self) -> bool:
        return self.column.decided

    @property
    def ruled_out(self) -> bool:
        return self.column.ruled_out

    @property
    def completeness(self) -> float:
        return self.answered / self.total if self.total else 0.0


class QuestionRow(FrozenRecord):
    id: str
    number: str  # "2.3": set 2, question 3, so a family can point at a row on paper
    text: str
    marked_text: str  # the text with the grid's marks after it: '… (counts ×2)'
    note: str  # "Beyond the article; source: …", then the marks: "your own question · counts ×2"
    cells: tuple[Cell, ...]  # aligned with ComparisonReport.clinics


class SetScore(FrozenRecord):
    score: float | None
    rated: int
    total: int
    text: str  # '63/100 · 3 of 6 rated'
    rated_text: str  # '3 of 6 rated'


class SetTable(FrozenRecord):
    id: str
    number: int
    title: str
    description: str
    weight: float
    rows: tuple[QuestionRow, ...]
    scores: tuple[SetScore, ...]  # aligned with ComparisonReport.clinics

    @property
    def score_label(self) -> str:
        weight = "" if self.weight == 1 else f" ({tr('counts')} ×{number_text(self.weight)})"
        return f"{self.title} {tr('score')}{weight}"

    @property
    def weight_text(self) -> str:
        """'This set counts ×2 in the overall score.', or '' at the usual weight."""
        if self.weight == 1:
            return ""
        return tr("This set counts ×{weight} in the overall score.").format(
            weight=number_text(self.weight)
        )


class TotalRow(FrozenRecord):
    """A row of the totals table: label, then one value per clinic (text and, if any, number)."""

    key: str  # overall, rated, course_cost, out_of_pocket, red_flags
    label: str
    texts: tuple[str, ...]
    numbers: tuple[float | int | None, ...]
    note_texts: tuple[str, ...] = ()  # a second line per clinic (cost basis, flag words)


class InfoBlock(FrozenRecord):
    title: str
    note: str
    items: tuple[str, ...]
    citation: str


class DecisionSummary(FrozenRecord):
    clinic_name: str | None
    reason: str
    decided_on: dt.date | None
    ruled_out: bool = False  # the clinic decided on is ruled out by the patient's own criteria

    @property
    def text(self) -> str:
        if self.clinic_name is None:
            return tr("No decision recorded yet.")
        name = isolated(self.clinic_name)
        if self.ruled_out:  # said beside the choice, as everywhere else the clinic is named
            name = tr("{name} ({ruled_out})").format(name=name, ruled_out=tr(RULED_OUT))
        if self.decided_on:
            return tr("{mark} Your recorded decision on {day}: {name}.").format(
                mark=CHOICE_MARK, day=format_date(self.decided_on), name=name
            )
        return tr("{mark} Your recorded decision: {name}.").format(mark=CHOICE_MARK, name=name)

    @property
    def reason_text(self) -> str:
        if not self.reason:
            return ""
        label = tr("Reason") if self.clinic_name else tr("Note")
        return f"{label}: {self.reason}"


class ComparisonReport(FrozenRecord):
    title: str
    generated: dt.date
    source_name: str
    page_size: PageSize
    clinics: tuple[ClinicColumn, ...]
    summary: tuple[SummaryRow, ...]  # the same order as clinics
    set_titles: tuple[str, ...]
    verdict: str
    family: FamilyPage  # the first page
    ranking_note: str
    legend: str
    decision: DecisionSummary
    sets: tuple[SetTable, ...]
    totals: tuple[TotalRow, ...]
    information: tuple[InfoBlock, ...]
    sources: tuple[Source, ...]  # the catalogue's own: each gives its citation and note
    catalogue_disclaimer: str
    disclaimer: str = DISCLAIMER
    crisis_help: str = CRISIS_HELP  # on the first page
    crisis_pointer: str = CRISIS_POINTER  # in every page's footer, beside the notice
    charts: ChartSet | None = None  # the family page's charts (present/charts.py)

    @property
    def subtitle(self) -> str:
        count = plural(len(self.clinics), tr("%n clinic compared"), tr("%n clinics compared"))
        source = f" · {isolated(self.source_name)}" if self.source_name else ""
        return f"{count} · {format_date(self.generated)}{source}"

    @property
    def footer_base(self) -> str:
        """'10 December 2026 · three-clinics.yaml': renderers add 'page x of y' and the notice."""
        parts = [format_date(self.generated)]
        if self.source_name:
            parts.append(isolated(self.source_name))
        return " · ".join(parts)

    def questions(self) -> list[QuestionRow]:
        return [row for table in self.sets for row in table.rows]
