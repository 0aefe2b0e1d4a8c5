"""The two charts of the family page as plain data: words and numbers, no drawing.

(a) each clinic's score in each question set, grouped bars (one group per clinic, one bar per
set) with the range the score could still end in once the open questions are rated (1 to 5);
(b) each clinic's estimated course cost, and what the patient would pay where known.

Every renderer (the SVG of the HTML, the vector drawing of the PDF, QtCharts in the app) draws
these and only these: titles, axis labels, the legend, each bar's words, the pattern each series
is filled with (so a black-and-white print tells the series apart without colour), and a text
alternative holding the same numbers as table rows. Clinics come in ranked order: those in the
running by their standing, then those with no score yet, then those ruled out by the patient's
own deal-breakers (marked so, whatever their total). A clinic without a score or a cost gets
no bar, only words ("No score yet"), never a zero bar.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from enum import Enum

from ketachecklist.core.decision.ranges import SetRange, set_ranges
from ketachecklist.core.decision.tally import ClinicTally
from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.present.cost import (
    NO_COURSE_COST,
    SHARE_NOT_KNOWN,
    course_total_text,
    out_of_pocket_text,
)
from ketachecklist.present.decision_types import RULED_OUT
from ketachecklist.present.numbers import money_text
from ketachecklist.present.presentation import Presentation
from ketachecklist.present.scores import NO_SCORE, score_number_text
from ketachecklist.present.standing import standing_order
from ketachecklist.present.text import QT_TR_NOOP, tr

NONE_HIT = QT_TR_NOOP("none hit")
DEAL_BREAKERS = QT_TR_NOOP("Your deal-breakers")
SCORE_MAX = 100.0
SCORE_TICKS = (0.0, 20.0, 40.0, 60.0, 80.0, 100.0)


class Pattern(Enum):
    """How a series' bars are filled; every renderer maps each to its own hatch or brush."""

    DIAGONAL = "diagonal"  # lines rising to the right
    SOLID = "solid"  # dark grey
    CROSS = "cross"  # a square grid
    DOTS = "dots"  # sparse dots
    HORIZONTAL = "horizontal"
    BACK_DIAGONAL = "back-diagonal"  # lines falling to the right
    VERTICAL = "vertical"
    DIAGONAL_CROSS = "diagonal-cross"


SERIES_PATTERNS = tuple(Pattern)


class Series(FrozenRecord):
    name: str
    pattern: Pattern


class Bar(FrozenRecord):
    """One bar: ``value`` None means no bar is drawn, only ``value_text``."""

    series_index: int
    value: float | None
    low: float | None  # the range the value could still end in (None: no range to show)
    high: float | None
    value_text: str  # '63', '$6,000', 'No score yet'
    detail: str  # '63, could end 25–100': the words beside the bar
    label: str  # 'Evaluation: 63, could end 25–100'

    @property
    def has_range(self) -> bool:
        return self.low is not None and self.high is not None and self.low != self.high

    @property
    def table_text(self) -> str:
        """'63 (could end 25–100)': the bar's words for the text alternative."""
        if self.low is None or self.high is None or self.low == self.high:
            return self.value_text
        return f"{self.value_text} ({range_text(self.low, self.high)})"


class BarGroup(FrozenRecord):
    clinic_id: str
    name: str  # the clinic's name, as typed (user text: escape it when drawing markup)
    ruled_out: bool
    note: str  # 'ruled out by your own criteria', or ''
    bars: tuple[Bar, ...]

    @property
    def heading(self) -> str:
        return f"{self.name} ({self.note})" if self.note else self.name


class TextTable(FrozenRecord):
    """The chart's text alternative: the same numbers, one row per clinic."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


class BarChart(FrozenRecord):
    key: str  # 'set-scores', 'course-cost': for ids in markup and names in tests
    title: str
    description: str  # what the chart shows, in a sentence or two (desc, accessible description)
    value_axis: str  # the label of the value axis
    axis_max: float
    ticks: tuple[float, ...]
    tick_texts: tuple[str, ...]
    series: tuple[Series, ...]
    groups: tuple[BarGroup, ...]
    note: str  # how to read the range lines, or ''
    table: TextTable

    def bars(self) -> list[Bar]:
        return [bar for group in self.groups for bar in group.bars]


class ChartSet(FrozenRecord):
    scores: BarChart
    costs: BarChart

    @property
    def charts(self) -> tuple[BarChart, BarChart]:
        return (self.scores, self.costs)


def build_charts(presentation: Presentation) -> ChartSet:
    """Both charts for the presentation's revision, from its one decision analysis."""
    ruled_out = presentation.ruled_out_ids
    order = standing_order(presentation.scores, ruled_out)  # the order every output ranks in
    return ChartSet(
        _score_chart(presentation, order, ruled_out), _cost_chart(presentation, order, ruled_out)
    )


def _note(clinic_id: str, ruled_out: frozenset[str]) -> str:
    return tr(RULED_OUT) if clinic_id in ruled_out else ""


def _hit(note: str) -> str:
    """The text alternative's deal-breaker column."""
    return note or tr(NONE_HIT)


def range_text(low: float, high: float) -> str:
    """'could end 25–100' (rounded like every score)."""
    return tr("could end {low}–{high}").format(
        low=score_number_text(low), high=score_number_text(high)
    )


def _set_bar(index: int, title: str, set_range: SetRange) -> Bar:
    value = set_range.current
    value_text = score_number_text(value)
    detail = value_text
    low, high = set_range.lowest, set_range.highest
    if low is not None and high is not None and low != high:
        detail += f", {range_text(low, high)}"
    return Bar(index, value, low, high, value_text, detail, f"{title}: {detail}")


def _score_chart(
    presentation: Presentation, order: list[str], ruled_out: frozenset[str]
) -> BarChart:
    comparison = presentation.comparison
    sets = comparison.catalogue.sets
    series = tuple(
        Series(s.title, SERIES_PATTERNS[i % len(SERIES_PATTERNS)]) for i, s in enumerate(sets)
    )
    clinics = []
    for clinic_id in order:
        clinic = presentation.clinic(clinic_id)
        ranges = set_ranges(ClinicTally(comparison, presentation.score(clinic_id)))
        bars = tuple(
            _set_bar(i, s.title, r) for i, (s, r) in enumerate(zip(sets, ranges, strict=True))
        )
        cells = (clinic.overall_text, *(b.table_text for b in bars))
        clinics.append(_ClinicBars(clinic_id, clinic.name, bars, cells))
    return _bar_chart(
        "set-scores",
        tr("Scores by question set"),
        tr(
            "Bar chart: each clinic's score out of 100 in each question set, by your ratings, "
            "clinics in ranked order. A line across a bar shows where the score could still end "
            "once the questions not rated yet are answered. The same numbers follow as a table."
        ),
        _Axis(tr("Score (of 100)"), SCORE_MAX, SCORE_TICKS, score_number_text),
        series,
        (tr("Overall"), *(s.title for s in sets)),
        clinics,
        ruled_out,
        tr(
            "The thin line with end marks shows the lowest and highest the set's score could "
            "reach once every question not rated yet is rated (all 1, all 5). "
            "“{none}” means nothing in that set was rated: there is no bar, not a zero."
        ).format(none=tr(NO_SCORE)),
    )


class _ClinicBars(FrozenRecord):
    clinic_id: str
    name: str
    bars: tuple[Bar, ...]
    cells: tuple[str, ...]  # the text alternative's columns between the name and deal-breakers


class _Axis(FrozenRecord):
    label: str
    end: float
    ticks: tuple[float, ...]
    tick_text: Callable[[float], str]


def _bar_chart(
    key: str,
    title: str,
    description: str,
    axis: _Axis,
    series: tuple[Series, ...],
    columns: tuple[str, ...],
    clinics: list[_ClinicBars],
    ruled_out: frozenset[str],
    note: str,
) -> BarChart:
    """A chart of ``clinics`` (in their order) and its text alternative: a row per clinic with
    its name, its ``columns`` and whether a deal-breaker rules it out."""
    groups = []
    rows = []
    for clinic in clinics:
        ruled_out_note = _note(clinic.clinic_id, ruled_out)
        groups.append(
            BarGroup(
                clinic.clinic_id, clinic.name, bool(ruled_out_note), ruled_out_note, clinic.bars
            )
        )
        rows.append((clinic.name, *clinic.cells, _hit(ruled_out_note)))
    return BarChart(
        key=key,
        title=title,
        description=description,
        value_axis=axis.label,
        axis_max=axis.end,
        ticks=axis.ticks,
        tick_texts=tuple(axis.tick_text(t) for t in axis.ticks),
        series=series,
        groups=tuple(groups),
        note=note,
        table=TextTable(
            tr("{title}: the same numbers as a table").format(title=title),
            (tr("Clinic"), *columns, tr(DEAL_BREAKERS)),
            tuple(rows),
        ),
    )


def nice_ceiling(value: float) -> tuple[float, tuple[float, ...]]:
    """An axis end at or above ``value`` and its ticks: 1, 2, 2.5 or 5 × 10ⁿ apart, 4–6 of
    them ($0 to $8,000 in steps of $2,000)."""
    if value <= 0:
        return 1000.0, (0.0, 250.0, 500.0, 750.0, 1000.0)
    raw = value / 5
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    count = max(1, math.ceil(value / step - 1e-9))
    top = step * count
    return top, tuple(step * i for i in range(count + 1))


def _cost_bar(index: int, amount: float | None, text: str, series_name: str) -> Bar:
    return Bar(index, amount, None, None, text, text, f"{series_name}: {text}")


def _cost_chart(
    presentation: Presentation, order: list[str], ruled_out: frozenset[str]
) -> BarChart:
    series = (
        Series(tr("Whole course (estimate)"), Pattern.DIAGONAL),
        Series(tr("You would pay (estimate)"), Pattern.SOLID),
    )
    clinics = []
    amounts: list[float] = []
    for clinic_id in order:
        cost = presentation.score(clinic_id).cost
        total_text, pay_text = course_total_text(cost), out_of_pocket_text(cost)
        bars = (
            _cost_bar(0, cost.course_total, total_text, series[0].name),
            _cost_bar(1, cost.out_of_pocket, pay_text, series[1].name),
        )
        amounts += [b.value for b in bars if b.value is not None]
        name = presentation.clinic(clinic_id).name
        clinics.append(_ClinicBars(clinic_id, name, bars, (total_text, pay_text)))
    top, ticks = nice_ceiling(max(amounts, default=0.0))
    return _bar_chart(
        "course-cost",
        tr("Estimated cost of the whole course"),
        tr(
            "Bar chart: each clinic's estimated cost of the whole course and what you would pay "
            "after insurance, in dollars, from what you recorded, clinics in ranked order. "
            "The same numbers follow as a table."
        ),
        _Axis(tr("Dollars ($)"), top, ticks, money_text),
        series,
        (series[0].name, series[1].name),
        clinics,
        ruled_out,
        tr(
            "“{total}” or “{share}”: no bar, because the cost could not be estimated from what "
            "you recorded."
        ).format(total=tr(NO_COURSE_COST), share=tr(SHARE_NOT_KNOWN)),
    )
