"""The Decision tab's charts: QtCharts bars over the chart data every report prints
(present/charts.py), and a "Show as table" alternative over the same rows.

Bars are horizontal, one group per clinic in ranked order from the top, one bar per series,
filled with a brush pattern in the palette's text colour on its base colour (black on white
in a light palette, light on dark in a dark one: never told apart by colour, so a screenshot
printed in black and white reads the same); a thin line with end marks over an edge of the
base colour shows where a set's score could still end. A clinic with no score gets no bar:
the words ("No score yet") are in each bar's tooltip, the accessible description and the
table. QtCharts draws its labels as rich text, so every label is escaped.

QtCharts is imported only when a chart is first shown (start-up time is measured), and the
charts are rebuilt after an edit only while they are on screen.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QCursor, QPainter, QPalette, QPen, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ketachecklist import QT_TRANSLATE_NOOP
from ketachecklist.present.charts import BarChart, BarGroup, ChartSet, Pattern, build_charts
from ketachecklist.present.presentation import Presentation
from ketachecklist.ui.chart_table_model import ChartTableModel
from ketachecklist.ui.contrast import mix
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.tooltips import plain_tooltip

if TYPE_CHECKING:
    from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QCategoryAxis, QChart, QChartView

BAR_WIDTH = 0.8  # of each clinic's band
RANGE_CAP = 0.25  # half the height of a range line's end marks, in bars
BRUSH_STYLES = {
    Pattern.DIAGONAL: Qt.BrushStyle.BDiagPattern,
    Pattern.SOLID: Qt.BrushStyle.SolidPattern,
    Pattern.CROSS: Qt.BrushStyle.CrossPattern,
    Pattern.DOTS: Qt.BrushStyle.Dense6Pattern,
    Pattern.HORIZONTAL: Qt.BrushStyle.HorPattern,
    Pattern.BACK_DIAGONAL: Qt.BrushStyle.FDiagPattern,
    Pattern.VERTICAL: Qt.BrushStyle.VerPattern,
    Pattern.DIAGONAL_CROSS: Qt.BrushStyle.DiagCrossPattern,
}
SHOW_TABLE = QT_TRANSLATE_NOOP("ChartPanel", "Show as &table")
SHOW_CHARTS = QT_TRANSLATE_NOOP("ChartPanel", "Show as &charts")
NO_CLINICS = QT_TRANSLATE_NOOP("ChartPanel", "Add clinics to see the charts.")


def rich(text: str) -> str:
    """``text`` for a QtCharts label (drawn as rich text): escaped, so it shows as typed."""
    return html.escape(text, quote=False)


@dataclass(frozen=True)
class Ink:
    """The chart's two colours, from the palette: ``ink`` draws, ``paper`` is behind."""

    ink: QColor
    paper: QColor

    @classmethod
    def of(cls, palette: QPalette) -> Ink:
        return cls(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base))

    @property
    def dark(self) -> bool:
        return self.paper.lightness() < self.ink.lightness()

    @property
    def solid(self) -> QColor:
        """A solid bar: between ink and paper, so the range line on it still shows."""
        return mix(self.ink, self.paper, 0.65)


def brush_for(pattern: Pattern, ink: Ink) -> QBrush:
    if pattern is Pattern.SOLID:
        return QBrush(ink.solid, Qt.BrushStyle.SolidPattern)
    return QBrush(ink.ink, BRUSH_STYLES[pattern])


def accessible_description(chart: BarChart) -> str:
    """What a screen reader hears: the chart's purpose, then every bar in words."""
    groups = " ".join(f"{g.heading}: {'; '.join(b.label for b in g.bars)}." for g in chart.groups)
    return f"{chart.description} {groups}"


def bar_position(category: int, set_position: int, set_count: int) -> float:
    """The middle of a bar on the category axis: QtCharts centres category i on i and lays its
    sets bottom up, side by side across ``BAR_WIDTH``."""
    width = BAR_WIDTH / set_count
    return category - BAR_WIDTH / 2 + (set_position + 0.5) * width


def make_chart_view(chart: BarChart, ink: Ink, parent: QWidget | None = None) -> QChartView:
    from PySide6.QtCharts import QChart, QChartView  # noqa: PLC0415 - on first show

    qchart = QChart()
    qchart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
    qchart.legend().setReverseMarkers(True)  # sets are added last first; the legend reads on
    view = QChartView(qchart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    # Nothing to do there by key: the table, one key press away, holds the same numbers.
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
    fill_chart(view, chart, ink)
    return view


def _set_theme(qchart: QChart, ink: Ink) -> None:
    """The theme nearest the palette, with its colours made exact: the title and legend in
    the text colour on the base colour. Set before any series: a theme recolours them."""
    from PySide6.QtCharts import QChart  # noqa: PLC0415 - on first show

    dark = QChart.ChartTheme.ChartThemeDark
    qchart.setTheme(dark if ink.dark else QChart.ChartTheme.ChartThemeLight)
    qchart.setBackgroundBrush(QBrush(ink.paper))
    qchart.setTitleBrush(QBrush(ink.ink))
    qchart.legend().setLabelColor(ink.ink)


def _colour_axes(qchart: QChart, ink: Ink) -> None:
    for axis in qchart.axes():
        axis.setLabelsColor(ink.ink)
        axis.setTitleBrush(QBrush(ink.ink))
        axis.setLinePenColor(ink.ink)
        axis.setGridLineColor(mix(ink.ink, ink.paper, 0.3))


def fill_chart(view: QChartView, chart: BarChart, ink: Ink) -> None:
    """Put ``chart`` in ``view``, replacing what it showed, drawn in ``ink``."""
    from PySide6.QtCharts import (  # noqa: PLC0415 - on first show
        QBarCategoryAxis,
        QBarSet,
        QCategoryAxis,
        QHorizontalBarSeries,
    )

    qchart = view.chart()
    qchart.removeAllSeries()
    for axis in qchart.axes():
        qchart.removeAxis(axis)
    _set_theme(qchart, ink)
    qchart.setTitle(rich(chart.title))
    groups = list(reversed(chart.groups))  # the first category is drawn at the bottom
    count = len(chart.series)
    bars = QHorizontalBarSeries()
    bars.setBarWidth(BAR_WIDTH)
    labels: dict[int, list[str]] = {}
    for index in reversed(range(count)):  # the first series on top within each clinic
        series = chart.series[index]
        bar_set = QBarSet(rich(series.name))
        bar_set.setBrush(brush_for(series.pattern, ink))
        bar_set.setPen(QPen(ink.ink, 1))
        # A clinic without a value gets a bar of no length: nothing is drawn.
        bar_set.append([group.bars[index].value or 0.0 for group in groups])
        labels[id(bar_set)] = [group.bars[index].label for group in groups]
        bars.append(bar_set)
    qchart.addSeries(bars)
    categories = QBarCategoryAxis()
    categories.append([rich(g.heading) for g in groups])
    values = QCategoryAxis()  # the chart data's own tick words: '$2,000', not '2000'
    values.setStartValue(-1e-9)  # so the first tick, at 0, is a category end of its own
    values.setRange(0.0, chart.axis_max)
    values.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    for tick, text in zip(chart.ticks, chart.tick_texts, strict=True):
        values.append(rich(text), tick)
    values.setTitleText(rich(chart.value_axis))
    qchart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    qchart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(categories)
    bars.attachAxis(values)
    _colour_axes(qchart, ink)
    _add_ranges(qchart, chart, groups, categories, values, ink)

    def hovered(status: bool, index: int, bar_set: QBarSet) -> None:
        if status:
            QToolTip.showText(QCursor.pos(), plain_tooltip(labels[id(bar_set)][index]), view)

    bars.hovered.connect(hovered)
    view._chart_labels = labels  # type: ignore[attr-defined]  # kept alive with the view
    view.setAccessibleName(chart.title)
    view.setAccessibleDescription(accessible_description(chart))
    lines = max(1, sum(len(g.bars) for g in chart.groups))
    view.setMinimumHeight(int(view.fontMetrics().height() * (8 + 2 * lines)))


def _add_ranges(
    qchart: QChart,
    chart: BarChart,
    groups: list[BarGroup],
    categories: QBarCategoryAxis,
    values: QCategoryAxis,
    ink: Ink,
) -> None:
    """Each bar's range as a line with end marks, drawn wide in paper, then in ink."""
    from PySide6.QtCharts import QLineSeries  # noqa: PLC0415 - on first show

    count = len(chart.series)
    for category, group in enumerate(groups):
        for bar in group.bars:
            if not bar.has_range or bar.low is None or bar.high is None:
                continue
            y = bar_position(category, count - 1 - bar.series_index, count)
            cap = RANGE_CAP * BAR_WIDTH / count
            points = [
                QPointF(bar.low, y - cap),
                QPointF(bar.low, y + cap),
                QPointF(bar.low, y),
                QPointF(bar.high, y),
                QPointF(bar.high, y + cap),
                QPointF(bar.high, y - cap),
            ]
            for colour, width in ((ink.paper, 5), (ink.ink, 2)):
                line = QLineSeries()
                line.setName(rich(bar.label))
                line.setPen(QPen(colour, width))
                line.append(points)
                qchart.addSeries(line)
                line.attachAxis(categories)
                line.attachAxis(values)
                for marker in qchart.legend().markers(line):
                    marker.setVisible(False)


class ChartPanel(QWidget):
    """Both charts, or their tables: the same numbers either way."""

    def __init__(self, document: OpenDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._shown_for: Presentation | None = None
        self._views_for: ChartSet | None = None
        self._stale = True
        self.charts: ChartSet | None = None
        self.views: list[QChartView] = []

        heading = QLabel(self.tr("Charts"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.empty = QLabel(self.tr(NO_CLINICS))
        self.toggle = QPushButton(self.tr(SHOW_TABLE))
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName(self.tr("Show the charts as tables"))
        self.toggle.toggled.connect(self._toggled)

        self.stack = QStackedWidget()
        self._chart_page = QWidget()
        self._chart_layout = QVBoxLayout(self._chart_page)
        self._chart_layout.setContentsMargins(0, 0, 0, 0)
        table_page = QWidget()
        table_layout = QVBoxLayout(table_page)
        table_layout.setContentsMargins(0, 0, 0, 0)
        self.models = [ChartTableModel(parent=self), ChartTableModel(parent=self)]
        self.captions: list[QLabel] = []
        self.tables: list[QTableView] = []
        for model in self.models:
            caption = QLabel()
            caption.setTextFormat(Qt.TextFormat.PlainText)
            caption.setWordWrap(True)
            table = QTableView()
            table.setModel(model)
            table.setTabKeyNavigation(False)  # Tab leaves the table
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setWordWrap(True)
            table.verticalHeader().setVisible(False)  # its data names each row's clinic
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setStretchLastSection(True)
            table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
            table.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
            caption.setBuddy(table)
            table_layout.addWidget(caption)
            table_layout.addWidget(table)
            self.captions.append(caption)
            self.tables.append(table)
        table_layout.addStretch(1)
        self.stack.addWidget(self._chart_page)
        self.stack.addWidget(table_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.stack)
        document.settled.connect(self._changed)  # once per burst of edits, after the grid

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.views and self.charts:
            # This panel has its new palette before its children are told theirs.
            ink = Ink.of(self.palette())
            for view, chart in zip(self.views, self.charts.charts, strict=True):
                fill_chart(view, chart, ink)

    def _changed(self) -> None:
        if not self.isVisible():  # refreshed when shown: no work per keystroke while hidden
            self._stale = True
            return
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        presentation = self._document.presentation
        if presentation is not self._shown_for:
            self._shown_for = presentation
            self.charts = build_charts(presentation)
            for model, caption, table, chart in zip(
                self.models, self.captions, self.tables, self.charts.charts, strict=True
            ):
                model.set_table(chart.table)
                caption.setText(chart.table.caption)
                table.setAccessibleName(chart.table.caption)
        has_clinics = bool(self.charts and self.charts.scores.groups)
        self.empty.setVisible(not has_clinics)
        self.toggle.setVisible(has_clinics)
        self.stack.setVisible(has_clinics)
        if has_clinics and self.stack.currentIndex() == 0:
            self._update_views()

    def _update_views(self) -> None:
        charts = self.charts
        if charts is None or charts is self._views_for:
            return
        self._views_for = charts
        if not self.views:
            for chart in charts.charts:
                view = make_chart_view(chart, Ink.of(self.palette()), self._chart_page)
                self._chart_layout.addWidget(view)
                self.views.append(view)
            return
        for view, chart in zip(self.views, charts.charts, strict=True):
            fill_chart(view, chart, Ink.of(self.palette()))

    def _toggled(self, as_table: bool) -> None:
        self.stack.setCurrentIndex(1 if as_table else 0)
        self.toggle.setText(self.tr(SHOW_CHARTS) if as_table else self.tr(SHOW_TABLE))
        self.toggle.setAccessibleName(
            self.tr("Show the tables as charts")
            if as_table
            else self.tr("Show the charts as tables")
        )

        if not as_table:
            self._update_views()
