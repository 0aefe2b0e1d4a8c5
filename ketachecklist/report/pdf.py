"""The printed comparison: laid out page by page with QtGui, written with QPdfWriter.

``paint_report`` draws a ``ComparisonReport`` on any paged device — the QPdfWriter behind
``render_pdf`` or the QPrinter of the print preview — so the preview is the PDF.

Page 1 is for everyone: the clinics ranked by your scores, one line each, the spread between
them, the recorded decision and how to read the rest. Then come the clinics' details, a table
per question set (questions as rows, clinics as columns: the rating in numbers and words, the
structured answer, what the clinic said, red flags in words), the totals, and what the
sources say. Clinics that do not fit across a page continue in a further table that repeats
the question column; headers repeat on every page; each page ends with the date, the file
name, "page x of y" and "This is not medical advice". With more clinics than fit across a
portrait page, the report is landscape.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPdfWriter

from ketachecklist.report.model import (
    CHOICE_MARK,
    FLAG_MARK,
    NOT_MEDICAL_ADVICE,
    Cell,
    ComparisonReport,
    PageSize,
    SetTable,
    chunk_evenly,
    format_date,
)
from ketachecklist.report.paged import (
    SUBTOTAL_FILL,
    Flow,
    Fonts,
    Page,
    Para,
    Row,
    Style,
    Table,
    body_height,
    content_area,
    mm,
    page_layout,
    paint_pages,
    pt,
    shorten,
)

TITLE = Style(18, bold=True, space_after=2)
SUBTITLE = Style(10)
H1 = Style(13, bold=True)
H2 = Style(11, bold=True)
BODY = Style(9.5)
BODY_BOLD = Style(9.5, bold=True)
SMALL = Style(8)
SMALL_ITALIC = Style(8, italic=True)
CELL = Style(8.5)
CELL_BOLD = Style(8.5, bold=True)
CELL_ITALIC = Style(8.5, italic=True)
HEAD = Style(8.5, bold=True)
SUMMARY_HEAD = Style(7.5, bold=True)  # page 1 has many narrow columns: whole words must fit
NOTICE = Style(9.5, bold=True)

QUESTION_COLUMN_MIN = mm(52)
CLINIC_COLUMN_MIN = mm(38)
CLINIC_COLUMN_MAX = mm(75)


def clinics_across(width: float) -> int:
    """How many clinic columns fit beside the question column on a page ``width`` wide."""
    return max(1, int((width - QUESTION_COLUMN_MIN) // CLINIC_COLUMN_MIN))


def orientation_for(clinic_count: int, size: PageSize) -> QPageLayout.Orientation:
    """Portrait while every clinic fits across a portrait page; landscape beyond that."""
    portrait = page_layout(size, QPageLayout.Orientation.Portrait)
    if clinic_count <= clinics_across(content_area(portrait)[0]):
        return QPageLayout.Orientation.Portrait
    return QPageLayout.Orientation.Landscape


def report_page_layout(report: ComparisonReport) -> QPageLayout:
    return page_layout(report.page_size, orientation_for(len(report.clinics), report.page_size))


def footer_text(report: ComparisonReport, page: int, count: int) -> str:
    base = format_date(report.generated)
    if report.source_name:
        base += f" · {shorten(report.source_name, 60)}"
    return f"{base} · page {page} of {count} · {NOT_MEDICAL_ADVICE}"


def layout_report(
    report: ComparisonReport, fonts: Fonts, width: float, height: float
) -> list[Page]:
    flow = Flow(fonts, width, height)
    _first_page(flow, report)
    if report.clinics:
        flow.page_break()
        _clinic_details(flow, report)
    for table in report.sets:
        _set_section(flow, report, table)
    if report.clinics:
        _totals(flow, report)
    _information(flow, report)
    return flow.pages


def paint_report(device: QPagedPaintDevice, report: ComparisonReport) -> int:
    """Lay out and paint the report on ``device`` with its current page layout; returns pages."""
    fonts = Fonts()
    layout = device.pageLayout()
    pages = layout_report(report, fonts, content_area(layout)[0], body_height(layout))
    paint_pages(device, fonts, pages, lambda page, count: footer_text(report, page, count))
    return len(pages)


def render_pdf(report: ComparisonReport) -> bytes:
    """The whole PDF, in memory (write it with ``output.write_output``)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(report_page_layout(report))
    writer.setTitle(report.title)
    writer.setCreator("ketachecklist")
    paint_report(writer, report)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(data.data())


# --- page 1 -----------------------------------------------------------------------------------
def _notice_table(flow: Flow, text: str) -> Table:
    return Table([flow.width], None, [Row([[Para(text, NOTICE)]])], padding=pt(5), keep_whole=True)


def _notice(flow: Flow, text: str) -> None:
    flow.table(_notice_table(flow, text))


def _first_page(flow: Flow, report: ComparisonReport) -> None:
    flow.text([Para(report.title, TITLE), Para(report.subtitle, SUBTITLE)])
    flow.space(pt(8))
    _notice(flow, report.disclaimer)
    flow.space(pt(10))
    flow.text([Para("The clinics, ranked by your scores", H1)], keep_with=pt(60))
    flow.space(pt(3))
    flow.text([Para(report.ranking_note, BODY), Para(report.verdict, BODY_BOLD)])
    flow.space(pt(6))
    if report.summary:
        flow.table(_summary_table(flow, report))
    else:
        flow.text([Para("No clinics in this comparison yet.", BODY)])
    flow.space(pt(8))
    decision = [Para(report.decision.text, BODY_BOLD)]
    if report.decision.reason_text:
        decision.append(Para(report.decision.reason_text, BODY))
    flow.text(decision)
    flow.space(pt(10))
    flow.text([Para(report.legend, SMALL)])


def _summary_table(flow: Flow, report: ComparisonReport) -> Table:
    fonts = flow.fonts
    padding = pt(3)

    def fit(text: str, minimum: float) -> float:
        widest = max((fonts.text_width(w, SUMMARY_HEAD) for w in text.split()), default=0.0)
        return max(minimum, widest + 2 * padding + pt(1))

    heads = ["Rank", "Clinic", "Overall (of 100)", *report.set_titles]
    heads += ["Questions rated", "Course cost (estimate)", "Red flags"]
    widths = [fit("Rank", mm(11)), 0.0, fit("Overall", mm(13))]
    widths += [fit(title, mm(12)) for title in report.set_titles]
    widths += [fit("Questions", mm(17)), fit("(estimate)", mm(21)), fit("flags", mm(12))]
    # On a wide page, let "22 of 30 (73%)" and the cost sit on one line: one line per clinic.
    spare = flow.width - sum(widths) - mm(55)
    for column, texts in (
        (-3, [row.completeness_text for row in report.summary]),
        (-2, [row.cost_text for row in report.summary]),
    ):
        natural = max(fonts.text_width(t, CELL) for t in texts) + 2 * padding + pt(1)
        grow = min(max(0.0, natural - widths[column]), max(0.0, spare), mm(30))
        widths[column] += grow
        spare -= grow
    rest = flow.width - sum(widths)
    if rest < mm(38):  # many question sets: shrink the others, keep the names readable
        factor = (flow.width - mm(38)) / sum(widths)
        widths = [w * factor for w in widths]
        rest = mm(38)
    if rest > mm(80):  # a wide page: give the room beyond a comfortable name column to all
        spare = rest - mm(80)
        others = sum(widths)
        widths = [w + spare * w / others for w in widths]
        rest = mm(80)
    widths[1] = rest
    rows = []
    for row in report.summary:
        name = [Para(row.name, CELL_BOLD)]
        if row.decided:
            name.append(Para(f"{CHOICE_MARK} your recorded decision", CELL_ITALIC))
        flags = f"{FLAG_MARK} {len(row.red_flags)}" if row.red_flags else "0"
        cells = [
            [Para(row.rank_text, CELL_BOLD)],
            name,
            [Para(_short_score(row.overall), CELL_BOLD)],
            *[[Para(_short_score(s), CELL)] for s in row.set_scores],
            [Para(row.completeness_text, CELL)],
            [Para(row.cost_text, CELL)],
            [Para(flags, CELL_BOLD if row.red_flags else CELL)],
        ]
        rows.append(Row(cells))
    return Table(
        widths,
        [[Para(h, SUMMARY_HEAD)] for h in heads],
        rows,
        continued=[Para("The clinics, ranked by your scores (continued)", SMALL_ITALIC)],
        padding=padding,
    )


def _short_score(score: float | None) -> str:
    return "not scored" if score is None else str(int(score + 0.5))


# --- clinic details ---------------------------------------------------------------------------
def _clinic_details(flow: Flow, report: ComparisonReport) -> None:
    flow.text([Para("About the clinics", H1)], keep_with=pt(60))
    flow.space(pt(4))
    widths = [flow.width * 0.26, flow.width * 0.34, flow.width * 0.40]
    rows = []
    for column, summary in zip(report.clinics, report.summary, strict=True):
        name = [Para(f"{column.rank_text} · {column.name}", CELL_BOLD)]
        if column.decided:
            name.append(Para(f"{CHOICE_MARK} your recorded decision", CELL_ITALIC))
        details = [
            Para(f"{label}: {value}", CELL, len(label) + 1) for label, value in column.details
        ]
        notes = [Para(column.notes, CELL)] if column.notes else [Para("No notes.", CELL_ITALIC)]
        if summary.red_flags:
            notes += [
                Para(f"{FLAG_MARK} RED FLAG: {flag}", CELL_BOLD) for flag in summary.red_flags
            ]
        rows.append(Row([name, details or [Para("No details recorded.", CELL_ITALIC)], notes]))
    flow.table(
        Table(
            widths,
            [
                [Para("Clinic", HEAD)],
                [Para("Details", HEAD)],
                [Para("Your notes and red flags", HEAD)],
            ],
            rows,
            continued=[Para("About the clinics (continued)", SMALL_ITALIC)],
        )
    )


# --- question sets ----------------------------------------------------------------------------
def _column_widths(flow: Flow, chunk_size: int) -> list[float]:
    if chunk_size == 0:  # no clinics yet: the questions alone, across the page
        return [flow.width]
    clinic = min((flow.width - QUESTION_COLUMN_MIN) / chunk_size, CLINIC_COLUMN_MAX)
    return [flow.width - clinic * chunk_size] + [clinic] * chunk_size


def _clinic_heads(report: ComparisonReport, chunk: range) -> list[list[Para]]:
    heads = []
    for index in chunk:
        column = report.clinics[index]
        head = [Para(column.name, HEAD), Para(column.rank_text, SMALL)]
        if column.decided:
            head.append(Para(f"{CHOICE_MARK} your decision", SMALL_ITALIC))
        heads.append(head)
    return heads


def _cell(cell: Cell) -> list[Para]:
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
    return f"clinics {chunk.start + 1}–{chunk.stop} of {len(report.clinics)}, in ranked order"


def _set_section(flow: Flow, report: ComparisonReport, table: SetTable) -> None:
    chunks = chunk_evenly(len(report.clinics), clinics_across(flow.width)) or [range(0)]
    heading = f"{table.number}. {table.title}"
    for position, chunk in enumerate(chunks):
        label = _chunk_label(report, chunk, len(chunks))
        spec = _set_table(flow, report, table, chunk, heading, label)
        if position == 0:
            flow.space(pt(14))
            intro = [Para(heading, H1)]
            if table.description:
                intro.append(Para(table.description, SMALL))
            if table.weight != 1:
                intro.append(
                    Para(f"This set counts ×{table.weight:g} in the overall score.", SMALL)
                )
            if label:
                intro.append(Para(f"Table {position + 1} of {len(chunks)}: {label}.", SMALL_ITALIC))
            flow.text(intro, keep_with=flow.table_height(spec, first_row_only=True) + pt(4))
        else:
            flow.space(pt(12))
            flow.text(
                [
                    Para(f"{heading} (continued)", H2),
                    Para(f"Table {position + 1} of {len(chunks)}: {label}.", SMALL_ITALIC),
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
            text.append(Para(question.note, SMALL_ITALIC))
        rows.append(
            Row(
                [text, *[_cell(question.cells[i]) for i in chunk]],
                continued=[Para(f"{question.number} (continued)", SMALL_ITALIC)],
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
    continued = f"{heading} (continued)" + (f" · {label}" if label else "")
    return Table(
        widths,
        [[Para("Question", HEAD)], *_clinic_heads(report, chunk)],
        rows,
        continued=[Para(continued, SMALL_ITALIC)],
    )


# --- totals and information -------------------------------------------------------------------
def _totals(flow: Flow, report: ComparisonReport) -> None:
    chunks = chunk_evenly(len(report.clinics), clinics_across(flow.width))
    heading = "Scores, cost and red flags"
    for position, chunk in enumerate(chunks):
        label = _chunk_label(report, chunk, len(chunks))
        rows = []
        for total in report.totals:
            cells = []
            for i in chunk:
                cell = [Para(total.texts[i], CELL_BOLD)]
                if total.note_texts and total.note_texts[i]:
                    cell.append(Para(total.note_texts[i], SMALL))
                cells.append(cell)
            rows.append(Row([[Para(total.label, CELL_BOLD)], *cells]))
        spec = Table(
            _column_widths(flow, len(chunk)),
            [[Para("", HEAD)], *_clinic_heads(report, chunk)],
            rows,
            continued=[Para(f"{heading} (continued)", SMALL_ITALIC)],
            keep_whole=True,
        )
        flow.space(pt(14))
        intro = [Para(heading if position == 0 else f"{heading} (continued)", H1)]
        if label:
            intro.append(Para(f"Table {position + 1} of {len(chunks)}: {label}.", SMALL_ITALIC))
        flow.text(intro, keep_with=flow.table_height(spec) + pt(4))
        flow.space(pt(4))
        flow.table(spec)


def _information(flow: Flow, report: ComparisonReport) -> None:
    flow.page_break()
    flow.text(
        [
            Para("What the sources say", H1),
            Para(
                "General information from the articles this checklist is built on, to discuss "
                "with the clinic and with your own doctor.",
                BODY,
            ),
        ]
    )
    for block in report.information:
        flow.space(pt(9))
        intro = [Para(block.title, H2)]
        if block.note:
            intro.append(Para(block.note, SMALL_ITALIC))
        flow.text(intro, keep_with=pt(30))
        flow.space(pt(3))
        flow.bullets(block.items, BODY, pt(12))
        if block.citation:
            flow.text([Para(f"Source: {block.citation}", SMALL_ITALIC)])
    if report.sources:
        flow.space(pt(12))
        flow.text([Para("Sources", H2)], keep_with=pt(30))
        flow.space(pt(3))
        flow.bullets(
            [f"{s.citation}. {s.note}" if s.note else s.citation for s in report.sources],
            SMALL,
            pt(10),
        )
    flow.space(pt(10))
    notice = flow.table_height(_notice_table(flow, report.disclaimer))
    if report.catalogue_disclaimer:
        # Keep the closing note with the notice, so neither ends up alone on a last page.
        flow.text([Para(report.catalogue_disclaimer, SMALL)], keep_with=notice + pt(6))
        flow.space(pt(6))
    _notice(flow, report.disclaimer)
