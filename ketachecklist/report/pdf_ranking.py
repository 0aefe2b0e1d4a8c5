"""The printed report's ranking on page 1: every clinic, one line each where the page allows.

While the whole summary (rank, name, overall, set scores, questions rated, cost, red flags)
fits on page 1 with the note on how to read it, it is one table. With more clinics it is two:
page 1 ranks them compactly (rank, name, overall, course cost, red flags: one line each, at the
print rules' 10 pt), so a family reading page 1 sees where every clinic stands; the set scores
and questions rated follow in a second table that holds the note. Only when even the compact
ranking cannot fit on page 1 (about a dozen clinics on a landscape page under the verdict) does
page 1 say on which page the ranking goes on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ketachecklist.present.text import QT_TR_NOOP, tr
from ketachecklist.report.model import ComparisonReport, SummaryRow, decided_text
from ketachecklist.report.paged import Flow, Para, Row, Table, mm, pt, widen_to_fit
from ketachecklist.report.pdf_styles import (
    CELL,
    CELL_BOLD,
    CELL_ITALIC,
    H2,
    HEAD,
    HINT_ITALIC,
    PADDING,
    SLACK,
)

SCORES_HEADING = QT_TR_NOOP("Scores by question set and questions rated")
RANKED_CONTINUED = QT_TR_NOOP("The clinics, ranked by your scores (continued)")


def first_page_ranking(flow: Flow, report: ComparisonReport, legend: list[Para]) -> None:
    """The clinics ranked, with ``legend`` (how to read the report) under the last table."""
    whole = _summary_table(flow, report, legend)
    room = flow.remaining - flow.footnote_height(whole)
    if flow.rows_that_fit(whole, room) == len(whole.rows):  # stops at the first that does not
        flow.table(whole)
        return
    _place_ranking(flow, _compact_ranking(flow, report))
    flow.space(pt(12))
    scores = _set_scores_table(flow, report, legend)
    heading = flow.stack([Para(tr(SCORES_HEADING), H2)])
    flow.place_stack(heading, keep_with=flow.table_height(scores, first_row_only=True) + pt(4))
    flow.space(pt(4))
    flow.table(scores)


def _place_ranking(flow: Flow, table: Table) -> None:
    """``table`` from here; the rows that do not fit on this page go on the next, with a line
    here saying on which page (the table's header repeated there)."""
    if flow.table_height(table) <= flow.remaining:
        flow.table(table)
        return
    note_page = len(flow.pages) + 1  # the page after this one
    count = len(table.rows)
    note = [Para(_continues_text(note_page, count, count), CELL_ITALIC)]  # as wide as it gets
    room = flow.remaining - flow.stack(note).height - pt(4)
    fitting = flow.rows_that_fit(table, room)
    if fitting in (0, count):  # all here, or none: the table's own flow says it all
        flow.table(table)
        return
    flow.table(_with_rows(table, table.rows[:fitting], continued=()))
    flow.space(pt(4))
    words = _continues_text(note_page, fitting + 1, count)
    flow.text([Para(words, CELL_ITALIC)])
    flow.new_page()
    flow.text(list(table.continued))
    flow.space(pt(3))
    flow.table(_with_rows(table, table.rows[fitting:], continued=table.continued))


def _continues_text(page: int, first: int, count: int) -> str:
    """'The ranking continues on page 2: clinics 13 to 20 of 20.'"""
    words = tr("The ranking continues on page {page}: clinics {first} to {count} of {count}.")
    return words.format(page=page, first=first, count=count)


def _with_rows(table: Table, rows: list[Row], continued: Sequence[Para]) -> Table:
    return Table(table.widths, table.header, rows, continued=continued, padding=table.padding)


# --- the columns ------------------------------------------------------------------------------
@dataclass
class _Column:
    head: list[Para]
    cells: list[list[Para]]
    need: float  # its widest word, padded: never narrower than this
    width: float


def _column(flow: Flow, head: str, cells: list[list[Para]], minimum: float) -> _Column:
    heading = [Para(head, HEAD)]
    need = flow.fonts.widest_word([*heading, *(p for c in cells for p in c)]) + 2 * PADDING
    return _Column(heading, cells, need + SLACK, max(minimum, need + SLACK))


def _one_line(flow: Flow, column: _Column, limit: float) -> float:
    """The width that sets each of ``column``'s cells on one line (up to ``limit``)."""
    longest = max(
        (flow.fonts.text_width(p.text, p.style) for c in column.cells for p in c), default=0.0
    )
    return max(column.need, min(longest + 2 * PADDING + SLACK, limit))


def _head_on_one_line(flow: Flow, column: _Column) -> float:
    """A narrow column ('Overall (of 100)' over '64') as wide as its heading on one line."""
    return _one_line(flow, _Column(column.head, [column.head], column.need, 0), mm(35))


def _rank_cells(rows: tuple[SummaryRow, ...]) -> list[list[Para]]:
    return [[Para(r.rank_text, CELL_BOLD)] for r in rows]


def _overall_cells(rows: tuple[SummaryRow, ...]) -> list[list[Para]]:
    return [[Para(r.overall_number_text, CELL_BOLD)] for r in rows]


def summary_name(name: str, decided: bool) -> list[Para]:
    paras = [Para(name, CELL_BOLD)]
    if decided:
        paras.append(Para(decided_text(), CELL_ITALIC))
    return paras


def _name_cells(rows: tuple[SummaryRow, ...]) -> list[list[Para]]:
    return [summary_name(r.name, r.decided) for r in rows]


def _table(
    flow: Flow,
    columns: list[_Column],
    name: _Column,
    continued: str,
    footnote: Sequence[Para] = (),
) -> Table:
    """``columns`` at their widths, ``name`` taking what is left (at least mm(45)); when they
    do not fit across, each column is still at least its widest word."""
    name.width = max(mm(45), flow.width - sum(c.width for c in columns if c is not name))
    widths = [c.width for c in columns]
    if sum(widths) > flow.width:
        scaled = [w * flow.width / sum(widths) for w in widths]
        widths = widen_to_fit(scaled, [c.need for c in columns])
    else:  # rounding: the name column makes up the page width exactly
        widths[columns.index(name)] += flow.width - sum(widths)
    count = len(columns[0].cells)
    return Table(
        widths,
        [c.head for c in columns],
        [Row([c.cells[index] for c in columns]) for index in range(count)],
        continued=[Para(continued, HINT_ITALIC)],
        padding=PADDING,
        footnote=footnote,
    )


# Each column's heading and cells, the same in the one summary table and in the two that
# replace it when it does not fit page 1.
def _rank_column(flow: Flow, rows: tuple[SummaryRow, ...]) -> _Column:
    return _column(flow, tr("Rank"), _rank_cells(rows), mm(11))


def _name_column(flow: Flow, rows: tuple[SummaryRow, ...]) -> _Column:
    return _column(flow, tr("Clinic"), _name_cells(rows), mm(38))


def _overall_column(flow: Flow, rows: tuple[SummaryRow, ...]) -> _Column:
    return _column(flow, tr("Overall (of 100)"), _overall_cells(rows), 0)


def _rated_column(flow: Flow, rows: tuple[SummaryRow, ...]) -> _Column:
    cells = [[Para(r.completeness_text, CELL)] for r in rows]
    return _column(flow, tr("Questions rated"), cells, mm(17))


def _cost_column(flow: Flow, rows: tuple[SummaryRow, ...], minimum: float) -> _Column:
    cells = [[Para(r.cost_text, CELL)] for r in rows]
    return _column(flow, tr("Course cost (estimate)"), cells, minimum)


def _flags_column(flow: Flow, rows: tuple[SummaryRow, ...], minimum: float) -> _Column:
    cells = [[Para(r.red_flags_text, CELL_BOLD)] for r in rows]
    return _column(flow, tr("Red flags"), cells, minimum)


def _set_columns(flow: Flow, report: ComparisonReport) -> list[_Column]:
    rows = report.summary
    return [
        _column(flow, title, [[Para(r.set_score_texts[i], CELL)] for r in rows], mm(12))
        for i, title in enumerate(report.set_titles)
    ]


def _compact_ranking(flow: Flow, report: ComparisonReport) -> Table:
    """Rank, name, overall, course cost, red flags: one line per clinic, where the page
    width allows (a long name or 'ruled out by your own criteria' may take two)."""
    rows = report.summary
    rank, name, overall = (
        _rank_column(flow, rows),
        _name_column(flow, rows),
        _overall_column(flow, rows),
    )
    cost, flags = _cost_column(flow, rows, 0), _flags_column(flow, rows, 0)
    overall.width = _head_on_one_line(flow, overall)
    in_the_running = [c for r, c in zip(rows, rank.cells, strict=True) if not r.ruled_out]
    rank.width = _one_line(flow, _Column(rank.head, in_the_running, rank.need, 0), mm(40))
    for column in (cost, flags):
        column.width = _one_line(flow, column, mm(65))
    return _table(flow, [rank, name, overall, cost, flags], name, tr(RANKED_CONTINUED))


def _set_scores_table(flow: Flow, report: ComparisonReport, legend: list[Para]) -> Table:
    """Rank, name, overall, each set's score and questions rated, with the note under it."""
    rows = report.summary
    rank, name, overall = (
        _rank_column(flow, rows),
        _name_column(flow, rows),
        _overall_column(flow, rows),
    )
    sets, rated = _set_columns(flow, report), _rated_column(flow, rows)
    rank.width = _one_line(flow, rank, mm(40))
    rated.width = _one_line(flow, rated, mm(60))
    for column in sets:
        column.width = _one_line(flow, column, mm(30))
    columns = [rank, name, overall, *sets, rated]
    return _table(
        flow, columns, name, tr("{heading} (continued)").format(heading=tr(SCORES_HEADING)), legend
    )


def _summary_table(flow: Flow, report: ComparisonReport, footnote: list[Para]) -> Table:
    """One line per clinic: rank, name, overall, set scores, questions rated, cost, red flags.

    Every column is at least as wide as its widest word. Where the set scores cannot each have
    a column (a portrait page, at these type sizes), they share one, a line per set.
    """
    rows = report.summary

    def grow_to_one_line(target: _Column, spare: float, limit: float) -> float:
        """Widen ``target`` towards one line per cell, up to ``limit`` and within ``spare``;
        returns the spare left."""
        grow = max(0.0, min(_one_line(flow, target, limit) - target.width, spare))
        target.width += grow
        return spare - grow

    name, rated = _name_column(flow, rows), _rated_column(flow, rows)
    cost, rank = _cost_column(flow, rows, mm(21)), _rank_column(flow, rows)
    before = [rank, name, _overall_column(flow, rows)]
    flags = _flags_column(flow, rows, mm(12))
    after = [rated, cost, flags]
    sets = _set_columns(flow, report)
    if sum(c.width for c in [*before, *sets, *after] if c is not name) + name.width > flow.width:
        lines = [
            [
                Para(tr("{set}: {score}").format(set=title, score=score), CELL)
                for title, score in zip(report.set_titles, r.set_score_texts, strict=True)
            ]
            for r in rows
        ]
        sets = [_column(flow, tr("Scores by question set"), lines, mm(40))]
    columns = [*before, *sets, *after]
    # Spare room goes to one line per cell, cheapest first (fewer lines, more clinics on the
    # page): the rank ('3rd of 10 in the running'), questions rated, red flags, the cost, the
    # name, the set scores; the rest to all.
    name.width = max(name.width, mm(45))
    spare = flow.width - sum(c.width for c in columns)
    for target in [rank, rated, flags, cost, name, *(sets if len(sets) == 1 else [])]:
        limit = mm(80) if target is name else mm(28) if target is rank else mm(45)
        spare = grow_to_one_line(target, spare, limit)
    if spare > 0:
        for c in columns:
            c.width += spare * c.width / (flow.width - spare)
    widths = [c.width for c in columns]
    if spare < 0:  # too wide: back to the page width, each column still at its widest word
        scaled = [w * flow.width / sum(widths) for w in widths]
        widths = widen_to_fit(scaled, [c.need for c in columns])
    table_rows = [Row([c.cells[index] for c in columns]) for index in range(len(rows))]
    return Table(
        widths,
        [c.head for c in columns],
        table_rows,
        continued=[Para(tr(RANKED_CONTINUED), HINT_ITALIC)],
        padding=PADDING,
        footnote=footnote,
    )
