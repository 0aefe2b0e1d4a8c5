"""A small page-layout engine for the PDF report, the consultation sheet and the print preview.

Layout happens once, in device-independent *layout units* (1/720 inch, a tenth of a point), and
produces a list of pages of drawing operations; painting then replays them on any
``QPagedPaintDevice`` (``QPdfWriter`` or ``QPrinter``) scaled to its resolution. Because the
page count is known before anything is painted, every footer can say "page x of y".

Text is always plain: each paragraph is a ``QTextLayout`` over the raw string, so markup in a
clinic's name is drawn as the characters typed. Lines break only at spaces — never inside
"scored", "(tied)" or "</b>" — and a word wider than its whole column (the renderers widen
columns for every word of a heading or cell, so only a pasted address in a note can be one)
breaks where Qt allows, or anywhere. Text is never truncated: a table row that does not fit
moves to the next page with the table header repeated, and only a row taller than a whole page
is split — between two lines of text, continuing on the next page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextLine,
    QTextOption,
)

from ketachecklist.report.model import PageSize, printable_text
from ketachecklist.report.qt_support import guard_none_refcount

guard_none_refcount()  # before the thousands of Qt calls a layout makes (see qt_support)

LU_PER_INCH = 720.0
_EPSILON = 0.01
_PREFERRED_FAMILIES = (
    "DejaVu Sans",
    "Noto Sans",
    "Liberation Sans",
    "Segoe UI",
    "Helvetica Neue",
    "Arial",
    "Helvetica",
)
BLACK = QColor(0, 0, 0)
HEADER_FILL = QColor(225, 225, 225)  # light grey: prints clearly in black and white
SUBTOTAL_FILL = QColor(242, 242, 242)


def pt(points: float) -> float:
    return points * 10.0


def mm(millimetres: float) -> float:
    return millimetres * LU_PER_INCH / 25.4


class Align(Enum):
    LEFT = Qt.AlignmentFlag.AlignLeft
    CENTER = Qt.AlignmentFlag.AlignHCenter
    RIGHT = Qt.AlignmentFlag.AlignRight


@dataclass(frozen=True)
class Style:
    size: float  # points
    bold: bool = False
    italic: bool = False
    align: Align = Align.LEFT
    space_after: float = 0.0  # points after the paragraph, inside a stack


@dataclass(frozen=True)
class Para:
    """One paragraph of plain text; the first ``bold_prefix`` characters are set in bold."""

    text: str
    style: Style
    bold_prefix: int = 0


class Fonts:
    """QFonts for styles, in a family found on this system (emoji and other scripts fall back
    to whatever font has the glyph, through Qt's font merging)."""

    def __init__(self) -> None:
        available = set(QFontDatabase.families())
        self.family = next((f for f in _PREFERRED_FAMILIES if f in available), "")
        self._fonts: dict[Style, QFont] = {}
        self._word_widths: dict[tuple[str, Style], tuple[float, ...]] = {}

    def font(self, style: Style) -> QFont:
        font = self._fonts.get(style)
        if font is None:
            font = QFont()
            if self.family:
                font.setFamilies([self.family])
            font.setStyleHint(QFont.StyleHint.SansSerif)
            font.setPixelSize(max(1, round(pt(style.size))))
            font.setBold(style.bold)
            font.setItalic(style.italic)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            font.setKerning(True)
            # No "fi"/"fl" ligatures, so text copied or searched in a PDF reader reads as typed.
            font.setFeature(QFont.Tag("liga"), 0)
            font.setFeature(QFont.Tag("clig"), 0)
            self._fonts[style] = font
        return font

    def text_width(self, text: str, style: Style) -> float:
        return QFontMetricsF(self.font(style)).horizontalAdvance(text)

    def word_widths(self, text: str, style: Style) -> tuple[float, ...]:
        """The widths of the words (runs between spaces) of ``text``, widest first."""
        key = (text, style)
        widths = self._word_widths.get(key)
        if widths is None:
            metrics = QFontMetricsF(self.font(style))
            measured = {metrics.horizontalAdvance(w) for w in printable_text(text).split()}
            widths = self._word_widths[key] = tuple(sorted(measured, reverse=True))
        return widths

    def widest_word(self, paragraphs: Sequence[Para], up_to: float = float("inf")) -> float:
        """The width of the widest word of ``paragraphs``: the narrowest box they can be set
        in without breaking a word. Words wider than ``up_to`` are left out (no box on the
        page could hold them)."""
        widest = 0.0
        for para in paragraphs:
            style = para.style
            if para.bold_prefix:  # measure every word as if bold: never too narrow
                style = Style(style.size, bold=True, italic=style.italic)
            fitting = (w for w in self.word_widths(para.text, style) if w <= up_to)
            widest = max(widest, next(fitting, 0.0))
        return widest


@dataclass
class _Line:
    top: float
    bottom: float
    layout: QTextLayout
    index: int
    origin: float  # the y of the line's layout within the stack


class TextStack:
    """Paragraphs stacked in a box ``width`` wide, wrapped into lines.

    ``height`` is known at once; ``cut`` finds where the stack may be split between lines and
    ``draw`` paints any such slice.
    """

    def __init__(self, fonts: Fonts, paragraphs: Sequence[Para], width: float) -> None:
        self.width = max(width, pt(4))
        self.lines: list[_Line] = []
        self._layouts: list[QTextLayout] = []  # QTextLines live only as long as their layout
        y = 0.0
        for para in paragraphs:
            text = printable_text(para.text).replace("\n", "\u2028")
            if not text:
                continue
            if y > 0:
                y += pt(para.style.size) * 0.25
            layout = QTextLayout(text, fonts.font(para.style))
            option = QTextOption(Qt.AlignmentFlag(para.style.align.value))
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            layout.setTextOption(option)
            layout.setCacheEnabled(True)
            if para.bold_prefix > 0:
                bold = QTextCharFormat()
                bold.setFontWeight(QFont.Weight.Bold)
                prefix = QTextLayout.FormatRange()
                prefix.start = 0
                prefix.length = min(para.bold_prefix, len(text))
                prefix.format = bold
                layout.setFormats([prefix])
            layout.beginLayout()
            line_y = 0.0
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(self.width)
                _break_at_a_space(line, text, self.width)
                line.setPosition(QPointF(0.0, line_y))
                self.lines.append(
                    _Line(y + line_y, y + line_y + line.height(), layout, line.lineNumber(), y)
                )
                line_y += line.height()
            layout.endLayout()
            self._layouts.append(layout)
            y += line_y + pt(para.style.space_after)
        self.height = self.lines[-1].bottom if self.lines else 0.0

    def cut(self, start: float, room: float) -> float:
        """The lowest line bottom at most ``room`` below ``start``; ``start`` if none fits."""
        best = start
        for line in self.lines:
            if line.top < start - _EPSILON:
                continue
            if line.bottom - start > room + _EPSILON:
                break
            best = line.bottom
        return best

    def next_cut(self, start: float) -> float:
        """The bottom of the first line at or after ``start`` (to force progress)."""
        return next((ln.bottom for ln in self.lines if ln.top >= start - _EPSILON), self.height)

    def draw(self, painter: QPainter, x: float, y: float, start: float, end: float) -> None:
        for line in self.lines:
            if line.top < start - _EPSILON:
                continue
            if line.bottom > end + _EPSILON:
                break
            text_line = line.layout.lineAt(line.index)
            text_line.draw(painter, QPointF(x, y - start + line.origin))


def _break_at_a_space(line: QTextLine, text: str, width: float) -> None:
    """Move a break Qt put inside a word (after "/" or "-", or anywhere) back to the line's
    last space; a line with no space holds one overlong word and keeps Qt's break."""
    start = line.textStart()
    end = start + line.textLength()
    if end >= len(text) or text[end - 1].isspace() or text[end].isspace():
        return
    space = max((i for i in range(start, end) if text[i].isspace()), default=-1)
    if space >= start:
        line.setNumColumns(space - start + 1, width)


# --- drawing operations -----------------------------------------------------------------------
class Op:
    def draw(self, painter: QPainter) -> None:
        raise NotImplementedError


@dataclass
class TextOp(Op):
    stack: TextStack
    x: float
    y: float
    start: float
    end: float

    def draw(self, painter: QPainter) -> None:
        self.stack.draw(painter, self.x, self.y, self.start, self.end)


@dataclass
class RectOp(Op):
    rect: QRectF
    fill: QColor | None = None
    border: float = pt(0.6)

    def draw(self, painter: QPainter) -> None:
        if self.fill is not None:
            painter.fillRect(self.rect, self.fill)
        if self.border > 0:
            painter.setPen(QPen(BLACK, self.border))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect)


@dataclass
class LineOp(Op):
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = pt(0.5)

    def draw(self, painter: QPainter) -> None:
        painter.setPen(QPen(BLACK, self.width))
        painter.drawLine(QPointF(self.x1, self.y1), QPointF(self.x2, self.y2))


Page = list[Op]


# --- tables -----------------------------------------------------------------------------------
_FOOTNOTE_GAP = pt(4)


@dataclass
class Row:
    cells: list[list[Para]]
    fill: QColor | None = None
    min_height: float = 0.0  # layout units: room to write by hand
    # Shown in the first column where a row split across pages goes on, once that column's
    # own text is used up (so the reader still knows which question it is).
    continued: list[Para] = field(default_factory=list)


@dataclass
class Table:
    """Columns of fixed widths; ``header`` repeats at the top of every page the table spans.

    ``continued`` (if any) is printed above the repeated header on each later page;
    ``footnote`` (if any) under the table, on the same page as its last row.
    """

    widths: list[float]
    header: list[list[Para]] | None
    rows: list[Row]
    continued: list[Para] = field(default_factory=list)
    padding: float = pt(3.0)
    borders: bool = True
    keep_whole: bool = False  # start on a new page rather than split, if it fits on one
    footnote: list[Para] = field(default_factory=list)


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
            and any(o > _EPSILON for o in offsets)
            and offsets[0] >= self.stacks[0].height - _EPSILON
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
    if sum(needs) >= total - _EPSILON:
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
        return self.y <= _EPSILON

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
            if rest <= self.remaining + _EPSILON:
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

    def bullets(self, items: Sequence[str], style: Style, indent: float) -> None:
        for item in items:
            marker = self.stack([Para("•", style)], indent)
            body = self.stack([Para(item, style)], self.width - indent)
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
                and rest <= self.remaining + _EPSILON < rest + footnote_h
                and rest + footnote_h <= page_room + _EPSILON
            ):  # the footnote would be left alone on the next page: take the last row along
                start_page(continuing=True)
                rows_on_page = 0
                continue
            if rest <= self.remaining + _EPSILON:
                ends = [s.height for s in row.stacks]
                self._place_row(table, row, offsets, ends, rest)
                self.y += rest
                rows_on_page += 1
                index += 1
                offsets = list(zeros)
                continue
            too_tall = rest > page_room + _EPSILON
            room = self.remaining - 2 * table.padding
            if not too_tall or (rows_on_page and room < self.height / 5):
                start_page(continuing=True)
                rows_on_page = 0
                if not too_tall:
                    continue
                room = self.remaining - 2 * table.padding
            # A row taller than a page: split it between lines of text, never dropping any.
            cuts = [s.cut(o, room) for s, o in zip(row.stacks, offsets, strict=True)]
            if all(c <= o + _EPSILON for c, o in zip(cuts, offsets, strict=True)):
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


# --- pages and painting -----------------------------------------------------------------------
MARGINS_MM = QMarginsF(12.0, 12.0, 12.0, 10.0)
FOOTER_STYLE = Style(9, align=Align.CENTER)
FOOTER_LINES = 2


def page_layout(size: PageSize, orientation: QPageLayout.Orientation) -> QPageLayout:
    page_size = QPageSize(
        QPageSize.PageSizeId.A4 if size is PageSize.A4 else QPageSize.PageSizeId.Letter
    )
    return QPageLayout(page_size, orientation, MARGINS_MM, QPageLayout.Unit.Millimeter)


def content_area(layout: QPageLayout) -> tuple[float, float]:
    """Width and height, in layout units, of the part of a page that text may use."""
    rect = layout.paintRect(QPageLayout.Unit.Point)
    return pt(rect.width()), pt(rect.height())


_FOOTER_GAP = pt(8)  # between the content and the footer, with a rule in it
FOOTER_HEIGHT = pt(FOOTER_STYLE.size) * 1.25 * FOOTER_LINES + _FOOTER_GAP


class PaintError(RuntimeError):
    """The paint device could not be drawn on (QPainter.begin failed)."""


def footer_stack(fonts: Fonts, lines: Sequence[str], width: float) -> TextStack:
    """The footer's lines, each kept to one line (shortened in the middle if it must be)."""
    metrics = QFontMetricsF(fonts.font(FOOTER_STYLE))
    fitted = [
        metrics.elidedText(
            printable_text(line).replace("\n", " "), Qt.TextElideMode.ElideMiddle, width - pt(1)
        )
        for line in lines[:FOOTER_LINES]
    ]
    return TextStack(fonts, [Para("\n".join(fitted), FOOTER_STYLE)], width)


def paint_pages(
    device: QPagedPaintDevice,
    fonts: Fonts,
    pages: Sequence[Page],
    footer: Callable[[int, int], Sequence[str]],
) -> None:
    """Paint laid-out pages on ``device``, with the lines ``footer(page, count)`` at the foot
    of each (at most ``FOOTER_LINES``)."""
    width, height = content_area(device.pageLayout())
    painter = QPainter()
    if not painter.begin(device):
        raise PaintError("could not start drawing the pages")
    try:
        scale_x = device.logicalDpiX() / LU_PER_INCH
        scale_y = device.logicalDpiY() / LU_PER_INCH
        count = len(pages)
        for number, page in enumerate(pages, start=1):
            if number > 1 and not device.newPage():
                raise PaintError("could not start a new page")
            painter.save()
            painter.scale(scale_x, scale_y)
            painter.setPen(BLACK)
            for op in page:
                op.draw(painter)
                painter.setPen(BLACK)
            top = height - FOOTER_HEIGHT + _FOOTER_GAP
            LineOp(0.0, top - pt(3), width, top - pt(3), pt(0.4)).draw(painter)
            painter.setPen(BLACK)
            stack = footer_stack(fonts, footer(number, count), width)
            stack.draw(painter, 0.0, top, 0.0, stack.height)
            painter.restore()
    finally:
        painter.end()


def body_height(layout: QPageLayout) -> float:
    """Height left for content once the footer has its room."""
    return content_area(layout)[1] - FOOTER_HEIGHT


def shorten(text: str, limit: int) -> str:
    """Shorten ``text`` in the middle (for a running footer only; never for content)."""
    if len(text) <= limit:
        return text
    keep = (limit - 1) // 2
    return f"{text[:keep]}…{text[-keep:]}"
