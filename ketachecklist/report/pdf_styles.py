"""The printed report's type, set for older eyes: body 11 pt, table cells 10 pt, hints 9 pt."""

from __future__ import annotations

from ketachecklist.report.paged import Style, mm, pt

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
