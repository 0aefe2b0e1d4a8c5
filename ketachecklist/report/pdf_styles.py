"""The printed report's type, set for older eyes: body 11 pt, table cells 10 pt, hints 9 pt."""

from __future__ import annotations

from ketachecklist.report.paged import Flow, Para, Row, Style, Table, mm, pt

TITLE = Style(20, bold=True, space_after=2)
SUBTITLE = Style(11)
H1 = Style(14, bold=True)
H2 = Style(12, bold=True)
BODY = Style(11)
BODY_BOLD = Style(11, bold=True)
NOTICE = Style(11, bold=True)
NOTE = Style(10)  # the note on how to read the report, under its table
CELL = Style(10)
CELL_BOLD = Style(10, bold=True)
CELL_ITALIC = Style(10, italic=True)
HEAD = Style(10, bold=True)
HINT = Style(9)
HINT_ITALIC = Style(9, italic=True)

PADDING = pt(3)  # the Table default
SLACK = pt(1)  # rounding between measuring a word and laying it out
BULLET_INDENT = pt(13)
BLOCK_WIDTH = mm(88)  # the narrowest clinic block on the family page: two abreast in portrait

# Column widths of the question-set tables.
QUESTION_COLUMN_MIN = mm(52)
CLINIC_COLUMN_MIN = mm(40)
CLINIC_COLUMN_MAX = mm(75)


def notice_table(flow: Flow, text: str) -> Table:
    """The boxed notice ("This is not medical advice …"), the width of the page."""
    return Table([flow.width], None, [Row([[Para(text, NOTICE)]])], padding=pt(5), keep_whole=True)


def add_notice(flow: Flow, text: str) -> None:
    flow.table(notice_table(flow, text))
