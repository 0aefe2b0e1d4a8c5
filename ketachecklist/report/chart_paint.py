"""The charts in the PDF (and the print preview): vector bars, hatching, range lines and real
text drawn with QPainter, laid out by the paged engine, each followed by its text alternative.

Horizontal bars, as in the HTML: a clinic's name on a line of its own, then one bar per series
with the series' name on the left and its words on the right, so the page reads in black and
white by its labels and hatching, never by colour. Each clinic's block is one ``Op`` kept whole
on a page; a chart that goes on over a page repeats its legend and axis. Text is 10 pt (9 pt for
the note under a chart), drawn as text: a PDF reader finds and copies it.

The hatching is drawn line by line, clipped to the bar: QPdfWriter fills QBrush patterns in
device pixels, which at its 1200 dpi print as an even grey that no one can tell apart.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.present.charts import Bar, BarChart, BarGroup, ChartSet, Pattern
from ketachecklist.present.text import tr
from ketachecklist.report.paged import (
    BLACK,
    Align,
    Flow,
    Op,
    Para,
    Row,
    Style,
    Table,
    TextStack,
    pt,
    widen_to_fit,
)

H1 = Style(14, bold=True)
LABEL = Style(10)
LABEL_RIGHT = Style(10, align=Align.RIGHT)
NAME = Style(10, bold=True)
TICK = Style(10, align=Align.CENTER)
NOTE = Style(9, italic=True)
CELL = Style(10)
HEAD = Style(10, bold=True)

BAR_HEIGHT = pt(9)
ROW_HEIGHT = pt(14)
GROUP_GAP = pt(6)
SWATCH = QRectF(0, 0, pt(16), pt(10))
HATCH_GAP = pt(3.2)
HATCH_LINE = pt(0.7)
DARK = QColor(64, 64, 64)
WHITE = QColor(255, 255, 255)
GRID = QColor(150, 150, 150)
RULED_OUT_MARK = "✖"


def fill_bar(painter: QPainter, rect: QRectF, pattern: Pattern) -> None:
    """White, the series' hatching (or dark grey for SOLID), then a black edge."""
    painter.save()
    painter.fillRect(rect, DARK if pattern is Pattern.SOLID else WHITE)
    if pattern is not Pattern.SOLID and rect.width() > 0:
        painter.setClipRect(rect)
        painter.setPen(QPen(BLACK, HATCH_LINE))
        _hatch(painter, rect, pattern)
        painter.setClipping(False)
    painter.setPen(QPen(BLACK, pt(0.6)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)
    painter.restore()


def _hatch(painter: QPainter, rect: QRectF, pattern: Pattern) -> None:
    """The pattern's lines (or dots) as one path: one drawing operation per bar, not one per
    line, in the PDF as on paper the same strokes."""
    left, top, width, height = rect.left(), rect.top(), rect.width(), rect.height()
    gap = HATCH_GAP
    steps = int((width + height) / gap) + 2
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    if pattern in (Pattern.DIAGONAL, Pattern.DIAGONAL_CROSS):
        for i in range(steps):  # rising to the right
            x = left - height + i * gap
            path.moveTo(x, top + height)
            path.lineTo(x + height, top)
    if pattern in (Pattern.BACK_DIAGONAL, Pattern.DIAGONAL_CROSS):
        for i in range(steps):
            x = left - height + i * gap
            path.moveTo(x, top)
            path.lineTo(x + height, top + height)
    if pattern in (Pattern.HORIZONTAL, Pattern.CROSS):
        y = top + gap / 2
        while y < top + height:
            path.moveTo(left, y)
            path.lineTo(left + width, y)
            y += gap
    if pattern in (Pattern.VERTICAL, Pattern.CROSS):
        x = left + gap / 2
        while x < left + width:
            path.moveTo(x, top)
            path.lineTo(x, top + height)
            x += gap
    if pattern is Pattern.DOTS:
        painter.setBrush(BLACK)
        radius = pt(0.7)
        y = top + gap / 2
        row = 0
        while y < top + height:
            x = left + gap / 2 + (gap / 2 if row % 2 else 0)
            while x < left + width:
                path.addEllipse(QPointF(x, y), radius, radius)
                x += gap
            y += gap
            row += 1
    painter.drawPath(path)


def draw_range(painter: QPainter, low: float, high: float, middle: float) -> None:
    """The range line with end marks: white under black, visible on any fill."""
    for colour, width in ((WHITE, pt(2.6)), (BLACK, pt(1.0))):
        painter.setPen(QPen(colour, width))
        painter.drawLine(QPointF(low, middle), QPointF(high, middle))
        for x in (low, high):
            painter.drawLine(QPointF(x, middle - pt(3.5)), QPointF(x, middle + pt(3.5)))


class Columns(FrozenRecord):
    """Where a chart's parts go across the page, in layout units from its left edge."""

    label_width: float  # series names, right-aligned
    plot_left: float
    plot_right: float
    value_left: float
    width: float

    def x(self, chart: BarChart, value: float) -> float:
        share = min(max(value / chart.axis_max, 0.0), 1.0) if chart.axis_max > 0 else 0.0
        return self.plot_left + share * (self.plot_right - self.plot_left)


def columns_for(flow: Flow, chart: BarChart) -> Columns:
    fonts = flow.fonts
    label = max((fonts.text_width(s.name, LABEL) for s in chart.series), default=0.0) + pt(2)
    words = max((fonts.text_width(b.detail, LABEL) for b in chart.bars()), default=0.0) + pt(2)
    label = min(label, flow.width * 0.3)
    words = min(words, flow.width * 0.3)
    plot_left = label + pt(6)
    value_left = flow.width - words
    return Columns(label, plot_left, value_left - pt(8), value_left, flow.width)


class ChartHeaderOp(FrozenRecord, Op):
    """The legend (a swatch and name per series) and the value axis with its ticks."""

    chart: BarChart
    columns: Columns
    y: float
    legend: list[tuple[QRectF, TextStack]]
    axis: TextStack
    ticks: list[tuple[float, TextStack]]
    height: float

    def draw(self, painter: QPainter) -> None:
        for index, (swatch, name) in enumerate(self.legend):
            fill_bar(painter, swatch, self.chart.series[index].pattern)
            name.draw(painter, swatch.right() + pt(4), swatch.top() - pt(1), 0.0, name.height)
        axis_top = self.y + self.height - self.ticks[0][1].height - pt(2) if self.ticks else 0
        self.axis.draw(painter, self.columns.plot_left, axis_top - self.axis.height, 0.0, 1e9)
        for x, label in self.ticks:
            label.draw(painter, x - label.width / 2, axis_top, 0.0, label.height)


def chart_header(flow: Flow, chart: BarChart, columns: Columns) -> ChartHeaderOp:
    legend: list[tuple[QRectF, TextStack]] = []
    x, y = 0.0, flow.y
    for series in chart.series:
        name = flow.stack([Para(series.name, LABEL)], flow.width * 0.45)
        used = SWATCH.width() + pt(4) + flow.fonts.text_width(series.name, LABEL) + pt(14)
        if x > 0 and x + used > flow.width:
            x, y = 0.0, y + pt(15)
        legend.append((SWATCH.translated(x, y + pt(1)), name))
        x += used
    axis = flow.stack([Para(chart.value_axis, NAME)], columns.plot_right - columns.plot_left)
    ticks = [
        (columns.x(chart, tick), flow.stack([Para(text, TICK)], pt(60)))
        for tick, text in zip(chart.ticks, chart.tick_texts, strict=True)
    ]
    tick_height = ticks[0][1].height if ticks else 0.0
    height = (y - flow.y) + pt(16) + axis.height + pt(2) + tick_height + pt(2)
    return ChartHeaderOp(chart, columns, flow.y, legend, axis, ticks, height)


class ChartGroupOp(FrozenRecord, Op):
    """One clinic: its name (and "ruled out" note), its bars, range lines and words."""

    chart: BarChart
    group: BarGroup
    columns: Columns
    y: float
    name: TextStack
    note: TextStack | None
    labels: list[TextStack]
    words: list[TextStack]

    @property
    def bars_top(self) -> float:
        return self.name.height + (self.note.height if self.note else 0.0) + pt(2)

    @property
    def height(self) -> float:
        return self.bars_top + ROW_HEIGHT * len(self.group.bars) + GROUP_GAP

    def draw(self, painter: QPainter) -> None:
        columns, y = self.columns, self.y
        self.name.draw(painter, 0.0, y, 0.0, self.name.height)
        if self.note is not None:
            self.note.draw(painter, 0.0, y + self.name.height, 0.0, self.note.height)
        top = y + self.bars_top
        bottom = top + ROW_HEIGHT * len(self.group.bars)
        for tick in self.chart.ticks:
            x = columns.x(self.chart, tick)
            painter.setPen(QPen(GRID, pt(0.4)))
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        painter.setPen(QPen(BLACK, pt(0.8)))
        painter.drawLine(QPointF(columns.plot_left, top), QPointF(columns.plot_left, bottom))
        for index, bar in enumerate(self.group.bars):
            row_top = top + index * ROW_HEIGHT
            self._bar(painter, bar, row_top + (ROW_HEIGHT - BAR_HEIGHT) / 2)
            for stack, x in ((self.labels[index], 0.0), (self.words[index], columns.value_left)):
                text_y = row_top + (ROW_HEIGHT - stack.height) / 2
                painter.setPen(BLACK)
                stack.draw(painter, x, text_y, 0.0, stack.height)

    def _bar(self, painter: QPainter, bar: Bar, bar_top: float) -> None:
        columns = self.columns
        pattern = self.chart.series[bar.series_index].pattern
        if bar.value is not None:
            right = columns.x(self.chart, bar.value)
            rect = QRectF(columns.plot_left, bar_top, right - columns.plot_left, BAR_HEIGHT)
            fill_bar(painter, rect, pattern)
        if bar.has_range and bar.low is not None and bar.high is not None:
            painter.save()
            draw_range(
                painter,
                columns.x(self.chart, bar.low),
                columns.x(self.chart, bar.high),
                bar_top + BAR_HEIGHT / 2,
            )
            painter.restore()


def chart_group(flow: Flow, chart: BarChart, group: BarGroup, columns: Columns) -> ChartGroupOp:
    name = flow.stack([Para(group.name, NAME)])
    note = flow.stack([Para(f"{RULED_OUT_MARK} {group.note}", NAME)]) if group.note else None
    labels = [
        flow.stack([Para(chart.series[b.series_index].name, LABEL_RIGHT)], columns.label_width)
        for b in group.bars
    ]
    words = [
        flow.stack([Para(b.detail, LABEL)], columns.width - columns.value_left) for b in group.bars
    ]
    return ChartGroupOp(chart, group, columns, flow.y, name, note, labels, words)


def _table(flow: Flow, chart: BarChart) -> Table:
    """The text alternative: the clinic's column wider, every column at least its widest
    word (no word broken)."""
    table = chart.table
    header = [[Para(head, HEAD)] for head in table.header]
    rows = [Row([[Para(cell, CELL)] for cell in row]) for row in table.rows]
    count = len(header)
    first = flow.width * (0.26 if count > 3 else 0.4)
    widths = [first, *([(flow.width - first) / (count - 1)] * (count - 1))]
    needs = [
        flow.fonts.widest_word([*header[i], *(r.cells[i][0] for r in rows)]) + pt(7)
        for i in range(count)
    ]
    return Table(
        widen_to_fit(widths, needs),
        header,
        rows,
        continued=[Para(tr("{heading} (continued)").format(heading=table.caption), NOTE)],
    )


def add_chart(flow: Flow, chart: BarChart) -> None:
    """The chart's heading, header, one block per clinic, its note and its table."""
    columns = columns_for(flow, chart)
    heading = flow.stack([Para(chart.title, H1)])
    header = chart_header(flow, chart, columns)
    first = chart_group(flow, chart, chart.groups[0], columns) if chart.groups else None
    flow.keep_together(heading.height + pt(4) + header.height + (first.height if first else 0))
    flow.place_stack(heading)
    flow.y += pt(4)

    def place_header(*, continuing: bool = False) -> None:
        if continuing:
            flow.text([Para(tr("{heading} (continued)").format(heading=chart.title), NOTE)])
            flow.y += pt(3)
        op = chart_header(flow, chart, columns)
        flow.add(op)
        flow.y += op.height

    place_header()
    for group in chart.groups:
        op = chart_group(flow, chart, group, columns)
        if op.height > flow.remaining and not flow.at_top:
            flow.new_page()
            place_header(continuing=True)
            op = chart_group(flow, chart, group, columns)
        flow.add(op)
        flow.y += op.height
    flow.text([Para(chart.note, NOTE)])
    flow.space(pt(6))
    table = _table(flow, chart)
    flow.text(
        [Para(chart.table.caption, NOTE)], keep_with=flow.table_height(table, first_row_only=True)
    )
    flow.space(pt(2))
    flow.table(table)


def add_charts(flow: Flow, charts: ChartSet | None) -> None:
    """Both charts, after the first page's content (the hook in pdf.layout_report)."""
    if charts is None or not charts.scores.groups:
        return
    for chart in charts.charts:
        flow.space(pt(16))
        add_chart(flow, chart)
