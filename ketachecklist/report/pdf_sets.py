"""The report's question-set tables (questions down the side, clinics across, continued with
the question column repeated when the clinics do not fit), the totals and what the sources say;
laid out by ``pdf.layout_report`` after the family page."""

from __future__ import annotations

from ketachecklist.present.text import tr
from ketachecklist.report.model import (
    Cell,
    ComparisonReport,
    SetTable,
    TotalRow,
    chunk_evenly,
    decided_text,
)
from ketachecklist.report.paged import (
    SUBTOTAL_FILL,
    Flow,
    Para,
    Row,
    Table,
    pt,
)
from ketachecklist.report.pdf_styles import (
    BODY,
    CELL,
    CELL_BOLD,
    CELL_ITALIC,
    CLINIC_COLUMN_MAX,
    H1,
    H2,
    HEAD,
    HINT,
    HINT_ITALIC,
    QUESTION_COLUMN_MIN,
    add_notice,
    notice_table,
)


# --- question sets ----------------------------------------------------------------------------
def _column_widths(flow: Flow, chunk_size: int) -> list[float]:
    if chunk_size == 0:  # no clinics yet: the questions alone, across the page
        return [flow.width]
    clinic = min((flow.width - QUESTION_COLUMN_MIN) / chunk_size, CLINIC_COLUMN_MAX)
    return [flow.width - clinic * chunk_size] + [clinic] * chunk_size


def clinic_head(report: ComparisonReport, index: int) -> list[Para]:
    column = report.clinics[index]
    head = [Para(column.name, HEAD), Para(column.rank_text, CELL)]
    if column.decided:
        head.append(Para(decided_text(), CELL_ITALIC))
    return head


def _clinic_heads(report: ComparisonReport, chunk: range) -> list[list[Para]]:
    return [clinic_head(report, index) for index in chunk]


def cell_paras(cell: Cell) -> list[Para]:
    paras = [Para(cell.headline, CELL_BOLD if cell.rating is not None else CELL_ITALIC)]
    if cell.value_text:
        paras.append(Para(cell.value_text, CELL_ITALIC))
    if cell.said:
        paras.append(Para(cell.said, CELL))
    if cell.red_flag:
        paras.append(Para(cell.red_flag_text, CELL_BOLD))
    return paras


def _chunk_label(report: ComparisonReport, chunk: range, chunks: int) -> str:
    if chunks <= 1:
        return ""
    return tr("clinics {first}–{last} of {count}, in ranked order").format(
        first=chunk.start + 1, last=chunk.stop, count=len(report.clinics)
    )


def _table_of(position: int, count: int, label: str) -> str:
    """'Table 2 of 3: clinics 6–10 of 12, in ranked order.'"""
    return tr("Table {number} of {count}: {label}.").format(
        number=position + 1, count=count, label=label
    )


def _continued(heading: str) -> str:
    return tr("{heading} (continued)").format(heading=heading)


def set_section(flow: Flow, report: ComparisonReport, table: SetTable, across: int) -> None:
    chunks = chunk_evenly(len(report.clinics), across) or [range(0)]
    heading = f"{table.number}. {table.title}"
    for position, chunk in enumerate(chunks):
        label = _chunk_label(report, chunk, len(chunks))
        spec = _set_table(flow, report, table, chunk, heading, label)
        if position == 0:
            flow.space(pt(16))
            intro = [Para(heading, H1)]
            if table.description:
                intro.append(Para(table.description, BODY))
            if table.weight != 1:
                intro.append(Para(table.weight_text, BODY))
            if label:
                intro.append(Para(_table_of(position, len(chunks), label), HINT_ITALIC))
            flow.text(intro, keep_with=flow.table_height(spec, first_row_only=True) + pt(4))
        else:
            flow.space(pt(14))
            flow.text(
                [
                    Para(_continued(heading), H2),
                    Para(_table_of(position, len(chunks), label), HINT_ITALIC),
                ],
                keep_with=flow.table_height(spec, first_row_only=True) + pt(4),
            )
        flow.space(pt(4))
        flow.table(spec)


def _set_table(
    flow: Flow, report: ComparisonReport, table: SetTable, chunk: range, heading: str, label: str
) -> Table:
    widths = _column_widths(flow, len(chunk))
    rows = []
    for question in table.rows:
        text = [Para(f"{question.number}  {question.text}", CELL, len(question.number))]
        if question.note:
            text.append(Para(question.note, HINT_ITALIC))
        rows.append(
            Row(
                [text, *[cell_paras(question.cells[i]) for i in chunk]],
                continued=[Para(_continued(question.number), HINT_ITALIC)],
            )
        )
    if chunk:
        rows.append(
            Row(
                [
                    [Para(table.score_label, CELL_BOLD)],
                    *[[Para(table.scores[i].text, CELL_BOLD)] for i in chunk],
                ],
                fill=SUBTOTAL_FILL,
            )
        )
    continued = _continued(heading) + (f" · {label}" if label else "")
    return Table(
        widths,
        [[Para(tr("Question"), HEAD)], *_clinic_heads(report, chunk)],
        rows,
        continued=[Para(continued, HINT_ITALIC)],
    )


# --- totals and information -------------------------------------------------------------------
def total_cell(total: TotalRow, index: int) -> list[Para]:
    cell = [Para(total.texts[index], CELL_BOLD)]
    if total.note_texts and total.note_texts[index]:
        cell.append(Para(total.note_texts[index], CELL))
    return cell


def totals_section(flow: Flow, report: ComparisonReport, across: int) -> None:
    chunks = chunk_evenly(len(report.clinics), across)
    heading = tr("Scores, cost and red flags")
    for position, chunk in enumerate(chunks):
        label = _chunk_label(report, chunk, len(chunks))
        rows = [
            Row([[Para(total.label, CELL_BOLD)], *[total_cell(total, i) for i in chunk]])
            for total in report.totals
        ]
        spec = Table(
            _column_widths(flow, len(chunk)),
            [[Para("", HEAD)], *_clinic_heads(report, chunk)],
            rows,
            continued=[Para(_continued(heading), HINT_ITALIC)],
            keep_whole=True,
        )
        flow.space(pt(16))
        intro = [Para(heading if position == 0 else _continued(heading), H1)]
        if label:
            intro.append(Para(_table_of(position, len(chunks), label), HINT_ITALIC))
        flow.text(intro, keep_with=flow.table_height(spec) + pt(4))
        flow.space(pt(4))
        flow.table(spec)


def information_section(flow: Flow, report: ComparisonReport) -> None:
    flow.page_break()
    flow.text(
        [
            Para(tr("What the sources say"), H1),
            Para(
                tr(
                    "General information from the articles this checklist is built on, to "
                    "discuss with the clinic and with your own doctor."
                ),
                BODY,
            ),
        ]
    )
    for block in report.information:
        flow.space(pt(10))
        intro = [Para(block.title, H2)]
        if block.note:
            intro.append(Para(block.note, HINT_ITALIC))
        flow.text(intro, keep_with=pt(34))
        flow.space(pt(3))
        cited = tr("Source: {citation}").format(citation=block.citation)
        source = flow.stack([Para(cited, HINT_ITALIC)], flow.width)
        flow.bullets(
            block.items, BODY, pt(13), keep_last_with=source.height if block.citation else 0.0
        )
        if block.citation:
            flow.place_stack(source)
    if report.sources:
        flow.space(pt(12))
        flow.text([Para(tr("Sources"), H2)], keep_with=pt(30))
        flow.space(pt(3))
        flow.bullets(
            [f"{s.citation}. {s.note}" if s.note else s.citation for s in report.sources],
            CELL,  # the list a reader looks sources up in: not a hint
            pt(12),
        )
    flow.space(pt(10))
    notice = flow.table_height(notice_table(flow, report.disclaimer))
    if report.catalogue_disclaimer:
        # Keep the closing note with the notice, so neither ends up alone on a last page.
        flow.text([Para(report.catalogue_disclaimer, HINT)], keep_with=notice + pt(6))
        flow.space(pt(6))
    add_notice(flow, report.disclaimer)
