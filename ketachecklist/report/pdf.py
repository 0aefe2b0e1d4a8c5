"""The printed comparison: laid out page by page with QtGui, written with QPdfWriter.

``paint_report`` draws a ``ComparisonReport`` on any paged device — the QPdfWriter behind
``render_pdf`` or the QPrinter of the print preview — so the preview is the PDF.

Page 1 is for everyone, the family page: the notice, crisis help, the verdict and the weights
in force (pdf_family.py), the clinics ranked by your scores, one line each (pdf_ranking.py:
with more clinics than the whole summary leaves room for, a compact ranking of every clinic
page 1 can hold, then their set scores), how to read them (kept with the table), the recorded
decision, then a block per clinic, what could still
change the ranking, how firm the lead is, everyone's view and the costs side by side; then the
clinics' details. Then (pdf_sets.py) a table per question set (questions as
rows, clinics as columns: the rating in numbers and words, the structured answer, what the
clinic said, red flags in words), the totals, and what the sources say. Clinics that do not
fit across a page continue in a further table that repeats the question column; headers
repeat on every page; each page ends with the date, the file name, "page x of y", "This is
not medical advice" and where to call in a crisis. With more clinics than fit across a
portrait page, the report is landscape.

Type is set for older eyes: body text 11 pt, table cells 10 pt, footers and hints 9 pt. A
column is never narrower than the widest word of its heading and cells (a clinic's name,
"(tied)", "Reassuring", a word of what the clinic said): when the clinics' words need more
room, fewer clinics share a page. Only a word wider than any column (a pasted web address)
still breaks.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QPagedPaintDevice, QPageLayout

from ketachecklist.present.text import tr
from ketachecklist.report.chart_paint import add_charts
from ketachecklist.report.model import FLAG_MARK, ComparisonReport, PageSize
from ketachecklist.report.paged import (
    Flow,
    Fonts,
    Page,
    PagedDocument,
    Para,
    Row,
    Table,
    content_area,
    page_layout,
    pt,
    running_footer,
    shorten,
    widen_to_fit,
)
from ketachecklist.report.pdf_family import family_details, family_head
from ketachecklist.report.pdf_ranking import first_page_ranking, summary_name
from ketachecklist.report.pdf_sets import (
    cell_paras,
    clinic_head,
    information_section,
    set_section,
    total_cell,
    totals_section,
)
from ketachecklist.report.pdf_styles import (
    BODY,
    CELL,
    CELL_BOLD,
    CELL_ITALIC,
    CLINIC_COLUMN_MAX,
    CLINIC_COLUMN_MIN,
    H1,
    HEAD,
    HINT_ITALIC,
    NOTE,
    PADDING,
    QUESTION_COLUMN_MIN,
    SLACK,
    SUBTITLE,
    TITLE,
    add_notice,
)


def clinics_across(width: float, clinic_width: float = CLINIC_COLUMN_MIN) -> int:
    """How many clinic columns ``clinic_width`` wide fit beside the question column."""
    return max(1, int((width - QUESTION_COLUMN_MIN) // max(clinic_width, CLINIC_COLUMN_MIN)))


def clinic_column_need(report: ComparisonReport, fonts: Fonts) -> float:
    """The narrowest clinic column that holds every word of every clinic's headings and cells
    whole. A word wider than the widest clinic column (say a pasted web address) is left out:
    no column could hold it, and it breaks where Qt allows."""
    paras: list[Para] = []
    for index in range(len(report.clinics)):
        paras += clinic_head(report, index)
        for table in report.sets:
            paras += [p for row in table.rows for p in cell_paras(row.cells[index])]
            paras.append(Para(table.scores[index].text, CELL_BOLD))
        for total in report.totals:
            paras += total_cell(total, index)
    room = CLINIC_COLUMN_MAX - 2 * PADDING - SLACK
    widest = fonts.widest_word(paras, up_to=room)
    return max(widest + 2 * PADDING + SLACK, CLINIC_COLUMN_MIN)


def clinics_per_page(report: ComparisonReport, fonts: Fonts, width: float) -> int:
    """Clinics side by side in a table: as many as fit with every word whole."""
    return clinics_across(width, clinic_column_need(report, fonts))


def orientation_for(clinic_count: int, size: PageSize) -> QPageLayout.Orientation:
    """Portrait while every clinic fits across a portrait page; landscape beyond that."""
    portrait = page_layout(size, QPageLayout.Orientation.Portrait)
    if clinic_count <= clinics_across(content_area(portrait)[0]):
        return QPageLayout.Orientation.Portrait
    return QPageLayout.Orientation.Landscape


def report_page_layout(report: ComparisonReport) -> QPageLayout:
    return page_layout(report.page_size, orientation_for(len(report.clinics), report.page_size))


def footer_lines(report: ComparisonReport, page: int, count: int) -> list[str]:
    parts = [shorten(report.source_name, 60)] if report.source_name else []
    return running_footer(report.generated, parts, report.crisis_pointer, page, count)


def layout_report(
    report: ComparisonReport, fonts: Fonts, width: float, height: float
) -> list[Page]:
    flow = Flow(fonts, width, height)
    across = clinics_per_page(report, fonts, width)
    first_page(flow, report)
    add_charts(flow, report.charts)
    if report.clinics:
        _clinic_details(flow, report)
    for table in report.sets:
        set_section(flow, report, table, across)
    if report.clinics:
        totals_section(flow, report, across)
    information_section(flow, report)
    return flow.pages


def report_document(report: ComparisonReport) -> PagedDocument:
    layout, footer = partial(layout_report, report), partial(footer_lines, report)
    return PagedDocument(report_page_layout(report), report.title, layout, footer)


def paint_report(
    device: QPagedPaintDevice, report: ComparisonReport, fonts: Fonts | None = None
) -> int:
    """Lay out and paint the report on ``device`` with its current page layout; returns pages."""
    return report_document(report).paint(device, fonts)


def render_pdf(report: ComparisonReport) -> bytes:
    """The whole PDF, in memory (write it with ``output.write_output``)."""
    return report_document(report).pdf()


# --- page 1 -----------------------------------------------------------------------------------
def first_page(flow: Flow, report: ComparisonReport) -> None:
    flow.text([Para(report.title, TITLE), Para(report.subtitle, SUBTITLE)])
    flow.space(pt(8))
    add_notice(flow, report.disclaimer)
    flow.space(pt(5))
    flow.text([Para(report.crisis_help, BODY)])
    flow.space(pt(12))
    family_head(flow, report)
    # The recorded decision under the verdict, before the ranking, so page 1 carries it
    # however many clinics the ranking lists.
    flow.space(pt(4))
    decided, reason = report.decision.text, report.decision.reason_text
    # One paragraph, the decision in bold: a short reason shares its last line.
    flow.text([Para(f"{decided} {reason}" if reason else decided, BODY, len(decided))])
    flow.space(pt(4))
    flow.text([Para(report.ranking_note, BODY)])
    flow.space(pt(6))
    legend = [Para(report.legend, NOTE)]
    if report.summary:
        first_page_ranking(flow, report, legend)
    else:
        flow.text([Para(tr("No clinics in this comparison yet."), BODY)])
        flow.space(pt(4))
        flow.text(legend)
    family_details(flow, report)


# --- clinic details ---------------------------------------------------------------------------
def _clinic_details(flow: Flow, report: ComparisonReport) -> None:
    flow.space(pt(16))
    heading = flow.stack([Para(tr("About the clinics"), H1)])
    rows = []
    for column, summary in zip(report.clinics, report.summary, strict=True):
        name = summary_name(f"{column.rank_text} · {column.name}", column.decided)
        details = [
            Para(f"{label}: {value}", CELL, len(label) + 1) for label, value in column.details
        ]
        no_notes = Para(tr("No notes."), CELL_ITALIC)
        notes = [Para(column.notes, CELL)] if column.notes else [no_notes]
        red_flag = tr("{mark} RED FLAG: {flag}")
        notes += [
            Para(red_flag.format(mark=FLAG_MARK, flag=flag), CELL_BOLD)
            for flag in summary.red_flags
        ]
        no_details = [Para(tr("No details recorded."), CELL_ITALIC)]
        rows.append(Row([name, details or no_details, notes]))
    header = [
        [Para(tr("Clinic"), HEAD)],
        [Para(tr("Details"), HEAD)],
        [Para(tr("Your notes and red flags"), HEAD)],
    ]
    widths = [flow.width * 0.26, flow.width * 0.34, flow.width * 0.40]
    names = [p for row in rows for p in row.cells[0]]
    needs = [flow.fonts.widest_word([*header[0], *names]) + 2 * PADDING + SLACK, 0.0, 0.0]
    table = Table(
        widen_to_fit(widths, needs),
        header,
        rows,
        continued=[Para(tr("About the clinics (continued)"), HINT_ITALIC)],
    )
    flow.place_stack(heading, keep_with=flow.table_height(table, first_row_only=True) + pt(4))
    flow.space(pt(4))
    flow.table(table)
