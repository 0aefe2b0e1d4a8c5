"""Flowing text stacks and tables down pages (report/paged.py): the Flow places each item on
the current page or the next; a table row that does not fit moves to the next page with the
table header repeated, and only a row taller than a whole page is split between two lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import (
    QColor,
)

from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.report.page_ops import LineOp, Op, Page, RectOp, TextOp
from ketachecklist.report.text_stack import EPSILON, Fonts, Para, Style, TextStack, pt

HEADER_FILL = QColor(225, 225, 225)  # light grey: prints clearly in black and white
SUBTOTAL_FILL = QColor(242, 242, 242)
_FOOTNOTE_GAP = pt(4)


class Row(FrozenRecord):
    cells: list[list[Para]]
    fill: QColor | None = None
    min_height: float = 0.0  # layout units: room to write by hand
    # Shown in the first column where a row split across pages goes on, once that column's
    # own text is used up (so the reader still knows which question it is).
    continued: Sequence[Para] = ()


class Table(FrozenRecord):
    """Columns of fixed widths; ``header`` repeats at the top of every page the table spans.

    ``continued`` (if any) is printed above the repeated header on each later page;
    ``footnote`` (if any) under the table, on the same page as its last row.
    """

    widths: list[float]
    header: list[list[Para]] | None
    rows: list[Row]
    continued: Sequence[Para] = ()
    padding: float = pt(3.0)
    borders: bool = True
    keep_whole: bool = False  # start on a new page rather than split, if it fits on one
    footnote: Sequence[Para] = ()


@dataclass
class _LaidRow:
    stacks: list[TextStack]
    fill: QColor | None
    min_height: float
    continued: TextStack | None = None

    def label_needed(self, offsets: list[float]) -> bool:
        """Whether a continued piece starting at ``offsets`` shows the ``continued`` label."""
        return (
            self.continued is not None
            and any(o > EPSILON for o in offsets)
            and offsets[0] >= self.stacks[0].height - EPSILON
        )

    def height_from(self, offsets: list[float], padding: float) -> float:
        content = max((s.height - o for s, o in zip(self.stacks, offsets, strict=True)), default=0)
        if self.continued is not None and self.label_needed(offsets):
            content = max(content, self.continued.height)
        return max(content + 2 * padding, self.min_height)


def widen_to_fit(widths: Sequence[float], needs: Sequence[float]) -> list[float]:
    """``widths`` (summing to the table's width) with every column at least its ``need`` (its
    widest word plus padding), the room taken from columns wider than their own need.

    When the needs alone exceed the width, they are scaled down together: some word will have
    to break, the one case nothing else can help.
    """
    total = sum(widths)
    needs = [min(n, total) for n in needs]
    # Only when the needs really overflow: just under the width, the room taken below is still
    # shared from columns with slack (their slack is more than what the others lack).
    if sum(needs) >= total:
        return [total * n / sum(needs) for n in needs] if sum(needs) > 0 else list(widths)
    short = sum(max(0.0, n - w) for w, n in zip(widths, needs, strict=True))
    slack = [max(0.0, w - n) for w, n in zip(widths, needs, strict=True)]
    spare = sum(slack)  # more than ``short``: the needs sum to less than the width
    return [
        max(w, n) - short * room / spare for w, n, room in zip(widths, needs, slack, strict=True)
    ]


class Flow:
    """Places blocks top to bottom on pages of ``width`` × ``height`` layout units."""

    def __init__(self, fonts: Fonts, width: float, height: float) -> None:
        self.fonts = fonts
        self.width = width
        self.height = height
        self.pages: list[Page] = [[]]
        self.y = 0.0
        self._stacks: dict[tuple[tuple[Para, ...], float], TextStack] = {}

    @property
    def remaining(self) -> float:
        return self.height - self.y

    @property
    def at_top(self) -> bool:
        return self.y <= EPSILON

    def new_page(self) -> None:
        self.pages.append([])
        self.y = 0.0

    def page_break(self) -> None:
        if not self.at_top:
            self.new_page()

    def space(self, height: float) -> None:
        if self.at_top:
            return
        if height >= self.remaining:
            self.new_page()
        else:
            self.y += height

    def keep_together(self, height: float) -> None:
        """Start a new page unless ``height`` fits here (or could not fit on any page)."""
        if height > self.remaining and not self.at_top and height <= self.height:
            self.new_page()

    def add(self, op: Op) -> None:
        self.pages[-1].append(op)

    def stack(self, paragraphs: Sequence[Para], width: float | None = None) -> TextStack:
        """The paragraphs laid out ``width`` wide; a stack is only read once made, so equal
        cells ("Not asked yet", a repeated header) share one."""
        key = (tuple(paragraphs), self.width if width is None else width)
        stack = self._stacks.get(key)
        if stack is None:
            stack = self._stacks[key] = TextStack(self.fonts, paragraphs, key[1])
        return stack

    def text(
        self, paragraphs: Sequence[Para], *, indent: float = 0.0, keep_with: float = 0.0
    ) -> TextStack:
        """Flow paragraphs; ``keep_with`` is room needed below them on the same page."""
        stack = self.stack(paragraphs, self.width - indent)
        self.place_stack(stack, indent, keep_with=keep_with)
        return stack

    def place_stack(self, stack: TextStack, x: float = 0.0, *, keep_with: float = 0.0) -> None:
        self.keep_together(stack.height + keep_with)
        start = 0.0
        while True:
            rest = stack.height - start
            if rest <= self.remaining + EPSILON:
                self.add(TextOp(stack, x, self.y, start, stack.height))
                self.y += rest
                return
            cut = stack.cut(start, self.remaining)
            if cut <= start:
                if not self.at_top:
                    self.new_page()
                    continue
                cut = stack.next_cut(start)  # a line taller than a page: draw it anyway
            self.add(TextOp(stack, x, self.y, start, cut))
            start = cut
            self.new_page()

    def bullets(
        self, items: Sequence[str], style: Style, indent: float, *, keep_last_with: float = 0.0
    ) -> None:
        """A bulleted list; ``keep_last_with`` is room needed below the last item on its page
        (a source line under the list never opens a page alone)."""
        for position, item in enumerate(items):
            marker = self.stack([Para("•", style)], indent)
            body = self.stack([Para(item, style)], self.width - indent)
            if keep_last_with and position == len(items) - 1:  # the whole item, and what follows
                self.keep_together(body.height + pt(style.size) * 0.2 + keep_last_with)
            else:
                self.keep_together(min(body.height, pt(style.size) * 2.5))
            if body.height > self.remaining and not self.at_top:
                self.new_page()
            self.add(TextOp(marker, 0.0, self.y, 0.0, marker.height))
            self.place_stack(body, indent)
            self.y += pt(style.size) * 0.2

    def rules(self, count: int, gap: float, indent: float = 0.0) -> None:
        """``count`` ruled lines ``gap`` apart, to write on by hand."""
        for _ in range(count):
            if gap > self.remaining:
                self.new_page()
            self.y += gap
            self.add(LineOp(indent, self.y, self.width, self.y, pt(0.4)))

    # --- tables ---
    def _lay_row(self, table: Table, cells: list[list[Para]]) -> list[TextStack]:
        return [
            self.stack(paras, width - 2 * table.padding)
            for paras, width in zip(cells, table.widths, strict=True)
        ]

    def table_height(self, table: Table, *, first_row_only: bool = False) -> float:
        """The height of the header and the first row (or every row) of ``table``."""
        zeros = [0.0] * len(table.widths)
        height = 0.0
        if table.header:
            height += _LaidRow(self._lay_row(table, table.header), None, 0.0).height_from(
                zeros, table.padding
            )
        for row in table.rows[:1] if first_row_only else table.rows:
            laid = _LaidRow(self._lay_row(table, row.cells), None, row.min_height)
            height += laid.height_from(zeros, table.padding)
        return height

    def footnote_height(self, table: Table) -> float:
        """The room ``table``'s footnote takes under its last row (0 without one)."""
        return self.stack(table.footnote).height + _FOOTNOTE_GAP if table.footnote else 0.0

    def rows_that_fit(self, table: Table, room: float) -> int:
        """How many of ``table``'s rows, under its header, fit whole in ``room`` (0 when not
        even the first does): the rows ``table()`` would place before starting a page."""
        zeros = [0.0] * len(table.widths)
        used = 0.0
        if table.header:
            used = _LaidRow(self._lay_row(table, table.header), None, 0.0).height_from(
                zeros, table.padding
            )
        for count, row in enumerate(table.rows):
            laid = _LaidRow(self._lay_row(table, row.cells), None, row.min_height)
            used += laid.height_from(zeros, table.padding)
            if used > room + EPSILON:
                return count
        return len(table.rows)

    def table(self, table: Table) -> None:
        header = (
            _LaidRow(self._lay_row(table, table.header), HEADER_FILL, 0.0) if table.header else None
        )
        rows = [
            _LaidRow(
                self._lay_row(table, r.cells),
                r.fill,
                r.min_height,
                self.stack(r.continued, table.widths[0] - 2 * table.padding)
                if r.continued
                else None,
            )
            for r in table.rows
        ]
        continued = self.stack(table.continued) if table.continued else None
        footnote = self.stack(table.footnote) if table.footnote else None
        footnote_h = footnote.height + _FOOTNOTE_GAP if footnote else 0.0
        zeros = [0.0] * len(table.widths)
        header_h = header.height_from(zeros, table.padding) if header else 0.0
        caption_h = (continued.height + pt(3)) if continued else 0.0
        page_room = self.height - header_h - caption_h

        def start_page(*, continuing: bool) -> None:
            if continuing:
                self.new_page()
                if continued is not None:
                    self.add(TextOp(continued, 0.0, self.y, 0.0, continued.height))
                    self.y += continued.height + pt(3)
            if header is not None:
                self._place_row(table, header, zeros, [s.height for s in header.stacks], header_h)
                self.y += header_h

        if table.keep_whole:
            whole = header_h + sum(r.height_from(zeros, table.padding) for r in rows)
            self.keep_together(whole + footnote_h)
        if rows:
            need = header_h + rows[0].height_from(zeros, table.padding)
            self.keep_together(need if need <= self.height else header_h + self.height / 5)
        start_page(continuing=False)
        rows_on_page = 0
        index = 0
        offsets = list(zeros)
        while index < len(rows):
            row = rows[index]
            rest = row.height_from(offsets, table.padding)
            if (
                footnote is not None
                and index == len(rows) - 1
                and rows_on_page
                and rest <= self.remaining + EPSILON < rest + footnote_h
                and rest + footnote_h <= page_room + EPSILON
            ):  # the footnote would be left alone on the next page: take the last row along
                start_page(continuing=True)
                rows_on_page = 0
                continue
            if rest <= self.remaining + EPSILON:
                ends = [s.height for s in row.stacks]
                self._place_row(table, row, offsets, ends, rest)
                self.y += rest
                rows_on_page += 1
                index += 1
                offsets = list(zeros)
                continue
            too_tall = rest > page_room + EPSILON
            room = self.remaining - 2 * table.padding
            if not too_tall or (rows_on_page and room < self.height / 5):
                start_page(continuing=True)
                rows_on_page = 0
                if not too_tall:
                    continue
                room = self.remaining - 2 * table.padding
            # A row taller than a page: split it between lines of text, never dropping any.
            cuts = [s.cut(o, room) for s, o in zip(row.stacks, offsets, strict=True)]
            if all(c <= o + EPSILON for c, o in zip(cuts, offsets, strict=True)):
                cuts = [
                    s.next_cut(o) if o < s.height else o
                    for s, o in zip(row.stacks, offsets, strict=True)
                ]
            piece = max(c - o for c, o in zip(cuts, offsets, strict=True)) + 2 * table.padding
            if row.continued is not None and row.label_needed(offsets):
                piece = max(piece, row.continued.height + 2 * table.padding)
            self._place_row(table, row, offsets, cuts, piece)
            self.y += piece
            offsets = cuts
            start_page(continuing=True)
            rows_on_page = 0
        if footnote is not None:
            if not self.at_top:
                self.y += _FOOTNOTE_GAP
            self.place_stack(footnote)

    def _place_row(
        self,
        table: Table,
        row: _LaidRow,
        starts: list[float],
        ends: list[float],
        height: float,
    ) -> None:
        x = 0.0
        for stack, width, start, end in zip(row.stacks, table.widths, starts, ends, strict=True):
            rect = QRectF(x, self.y, width, height)
            if row.fill is not None or table.borders:
                self.add(RectOp(rect, row.fill, pt(0.6) if table.borders else 0.0))
            if end > start:
                self.add(TextOp(stack, x + table.padding, self.y + table.padding, start, end))
            x += width
        if row.continued is not None and row.label_needed(starts):
            label = row.continued
            self.add(TextOp(label, table.padding, self.y + table.padding, 0.0, label.height))
