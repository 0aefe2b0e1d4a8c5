"""The consultation sheet: one clinic's questions on paper, to take to a phone call or a visit.

For each question: why it matters, what a reassuring and a concerning answer sound like, any
red flag to listen for, what was recorded so far, boxes to tick and ruled lines to write on.
A blank sheet (no clinic yet) has the same questions with room for the clinic's details. It is
laid out by the same page engine as the report, always portrait, with the same footer (the
notice and where to call in a crisis on every page) and the same type sizes: 11 pt to read,
9 pt for sources and footers. The first page carries the crisis help line in full.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QPagedPaintDevice, QPageLayout

from ketachecklist.core.catalogue import AnswerKind
from ketachecklist.present.text import tr
from ketachecklist.report.model import ConsultationSheet, SheetQuestion
from ketachecklist.report.paged import (
    Flow,
    Fonts,
    Page,
    PagedDocument,
    Para,
    Row,
    Style,
    Table,
    mm,
    page_layout,
    pt,
    running_footer,
    shorten,
)

TITLE = Style(20, bold=True)
SUBTITLE = Style(13, bold=True)
H1 = Style(14, bold=True)
QUESTION = Style(12, bold=True)
BODY = Style(11)
EXAMPLE = Style(11, italic=True)  # what a reassuring or concerning answer sounds like
FLAG_HINT = Style(11, bold=True)
RECORDED = Style(11)
CHECKS = Style(11)
NOTICE = Style(11, bold=True)
LABEL = Style(11, bold=True)
HINT = Style(9)
HINT_ITALIC = Style(9, italic=True)

BOX = "☐"
RULE_GAP = mm(8)
RATING_BOXES = "   ".join(f"{BOX} {n}" for n in range(1, 6))


def sheet_page_layout(sheet: ConsultationSheet) -> QPageLayout:
    return page_layout(sheet.page_size, QPageLayout.Orientation.Portrait)


def footer_lines(sheet: ConsultationSheet, page: int, count: int) -> list[str]:
    parts = [shorten(sheet.source_name, 50)] if sheet.source_name else []
    parts.append(shorten(sheet.clinic_name or tr("blank consultation sheet"), 50))
    return running_footer(sheet.generated, parts, sheet.crisis_pointer, page, count)


def answer_boxes(question: SheetQuestion) -> str:
    """Boxes and blanks to fill in by hand, by the kind of answer the question asks for."""
    unit = f" {question.unit}" if question.unit else ""
    if question.kind is AnswerKind.YES_NO:
        answer = tr("Answer:  {box} Yes   {box} No").format(box=BOX)
    elif question.kind is AnswerKind.MONEY:
        answer = tr("Amount: ______________{unit}").format(unit=unit)
    elif question.kind is AnswerKind.COUNT:
        answer = tr("Number: __________{unit}").format(unit=unit)
    elif question.kind is AnswerKind.COST:
        answer = tr(
            "Per session: __________   Sessions: ______   Other fees: __________   "
            "Insurance:  {box} none   {box} part: ____%   {box} all"
        ).format(box=BOX)
    else:
        answer = ""
    rating = tr("Your rating:  {boxes}").format(boxes=RATING_BOXES)
    return f"{answer}      {rating}" if answer else rating


def _question_block(flow: Flow, question: SheetQuestion, *, blank: bool) -> None:
    paragraphs = [
        Para(f"{question.number}  {question.marked_text}", QUESTION, len(question.number))
    ]
    if question.why:
        why = tr("Why it matters:")
        paragraphs.append(Para(f"{why} {question.why}", BODY, len(why)))
    if question.reassuring:
        label = tr("Reassuring:")
        paragraphs.append(Para(f"{label} {question.reassuring}", EXAMPLE, len(label)))
    if question.concerning:
        label = tr("Concerning:")
        paragraphs.append(Para(f"{label} {question.concerning}", EXAMPLE, len(label)))
    if question.not_applying_text:
        paragraphs.append(Para(question.not_applying_text, FLAG_HINT))
    if question.red_flag_hint:
        paragraphs.append(Para(question.red_flag_hint, FLAG_HINT))
    if question.citation and not question.custom:  # the patient's own says so after its text
        source = tr("Source: {citation}").format(citation=question.citation)
        paragraphs.append(Para(source, HINT_ITALIC))
    if not blank:
        paragraphs.append(Para(question.recorded_text, RECORDED, len(tr("Recorded so far:"))))
    if question.recorded is not None and question.recorded.red_flag:
        paragraphs.append(Para(question.recorded.red_flag_text, FLAG_HINT))
    paragraphs.append(Para(answer_boxes(question), CHECKS))
    stack = flow.stack(paragraphs)
    lines = 2 if question.kind in (AnswerKind.YES_NO, AnswerKind.COUNT) else 3
    flow.keep_together(stack.height + lines * RULE_GAP)
    flow.place_stack(stack)
    flow.rules(lines, RULE_GAP)
    flow.space(pt(12))


def layout_sheet(sheet: ConsultationSheet, fonts: Fonts, width: float, height: float) -> list[Page]:
    flow = Flow(fonts, width, height)
    subtitle = sheet.clinic_name or tr("For a clinic not in your comparison yet")
    flow.text([Para(tr("Consultation sheet"), TITLE)])
    flow.text([Para(subtitle, SUBTITLE)])
    flow.space(pt(6))
    when, who = tr("Date of this call or visit"), tr("Spoke with")
    labels = [label for label, _ in sheet.details] + [when, who]
    # Each label on one line, where a third of the page allows it.
    widest = max(flow.fonts.text_width(label, LABEL) for label in labels)
    label_width = min(max(mm(38), widest + pt(7)), width / 3)
    rows = []
    for label, value in sheet.details:
        rows.append(
            Row(
                [[Para(label, LABEL)], [Para(value, BODY)] if value else []],
                min_height=0.0 if value else mm(9),
            )
        )
    rows.append(Row([[Para(when, LABEL)], []], min_height=mm(9)))
    rows.append(Row([[Para(who, LABEL)], []], min_height=mm(9)))
    flow.table(Table([label_width, width - label_width], None, rows, keep_whole=True))
    if sheet.ruled_out_text:
        flow.space(pt(4))
        flow.text([Para(sheet.ruled_out_text, FLAG_HINT)])
    if sheet.notes:
        flow.space(pt(4))
        so_far = tr("Your notes so far:")
        flow.text([Para(f"{so_far} {sheet.notes}", BODY, len(so_far))])
    flow.space(pt(8))
    flow.text([Para(sheet.instructions, BODY)])
    flow.space(pt(6))
    flow.table(
        Table(
            [width], None, [Row([[Para(sheet.disclaimer, NOTICE)]])], padding=pt(4), keep_whole=True
        )
    )
    flow.space(pt(4))
    flow.text([Para(sheet.crisis_help, BODY)])
    for question_set in sheet.sets:
        flow.space(pt(12))
        intro = [Para(f"{question_set.number}. {question_set.title}", H1)]
        if question_set.description:
            intro.append(Para(question_set.description, BODY))
        flow.text(intro, keep_with=pt(120))
        flow.space(pt(8))
        for question in question_set.questions:
            _question_block(flow, question, blank=sheet.clinic_name is None)
    flow.space(pt(6))
    flow.text([Para(tr("Other questions and notes"), H1)], keep_with=RULE_GAP * 6)
    flow.rules(10, RULE_GAP)
    if sheet.catalogue_disclaimer:
        flow.space(pt(14))
        flow.text([Para(sheet.catalogue_disclaimer, HINT)])
    return flow.pages


def sheet_document(sheet: ConsultationSheet) -> PagedDocument:
    layout, footer = partial(layout_sheet, sheet), partial(footer_lines, sheet)
    return PagedDocument(sheet_page_layout(sheet), sheet.title, layout, footer)


def paint_sheet(device: QPagedPaintDevice, sheet: ConsultationSheet) -> int:
    """Lay out and paint the sheet on ``device`` with its current page layout; returns pages."""
    return sheet_document(sheet).paint(device)


def render_sheet_pdf(sheet: ConsultationSheet) -> bytes:
    return sheet_document(sheet).pdf()
