"""The Decision tab's charts: QtCharts series hold the chart data's values, the table
alternative holds its rows, both are named for a screen reader, the table is reachable by
keyboard, and the charts follow edits while shown (and only then)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QHorizontalBarSeries, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ketachecklist.core.catalogue import Catalogue
from ketachecklist.core.document import Clinic, Comparison
from ketachecklist.core.storage import load_comparison
from ketachecklist.present import Presentation
from ketachecklist.present.charts import BarChart, build_charts
from ketachecklist.ui.chart_view import SHOW_CHARTS, ChartPanel, bar_position, rich
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.contrast import contrast_ratio
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.open_document import OpenDocument
from tests.conftest import EXAMPLES
from tests.ui.conftest import HOSTILE_NAME

ROOT = Path(__file__).resolve().parents[2]


def shown_panel(qtbot: QtBot, document: OpenDocument) -> ChartPanel:
    panel = ChartPanel(document)
    qtbot.add_widget(panel)
    panel.resize(1000, 1400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def example(catalogue: Catalogue) -> OpenDocument:
    return OpenDocument(load_comparison(EXAMPLES / "three-clinics.yaml", catalogue))


def bar_series(panel: ChartPanel, index: int) -> QHorizontalBarSeries:
    series = [s for s in panel.views[index].chart().series() if isinstance(s, QHorizontalBarSeries)]
    assert len(series) == 1
    return series[0]


def check_view(panel: ChartPanel, index: int, chart: BarChart) -> None:
    series = bar_series(panel, index)
    sets = list(reversed(series.barSets()))  # added last first, so the first is on top
    assert [s.label() for s in sets] == [rich(s.name) for s in chart.series]
    groups = list(reversed(chart.groups))  # QtCharts' first category is at the bottom
    for position, bar_set in enumerate(sets):
        assert [bar_set.at(i) for i in range(bar_set.count())] == [
            g.bars[position].value or 0.0 for g in groups
        ]
    axis = next(a for a in series.attachedAxes() if isinstance(a, QBarCategoryAxis))
    assert axis.categories() == [rich(g.heading) for g in groups]
    ranges = [s for s in panel.views[index].chart().series() if isinstance(s, QLineSeries)]
    with_range = [b for b in chart.bars() if b.has_range]
    assert len(ranges) == 2 * len(with_range)  # a white edge and the black line
    for line in ranges[1::2]:
        points = line.points()
        assert (points[0].x(), points[-1].x()) in {(b.low, b.high) for b in with_range}
    view = panel.views[index]
    interface = QAccessible.queryAccessibleInterface(view)
    assert interface is not None
    assert interface.text(QAccessible.Text.Name) == chart.title
    description = interface.text(QAccessible.Text.Description)
    assert description.startswith(chart.description)
    for bar in chart.bars():
        assert bar.label in description


def test_the_charts_hold_the_chart_datas_values(qtbot: QtBot, catalogue: Catalogue) -> None:
    document = example(catalogue)
    panel = shown_panel(qtbot, document)
    expected = build_charts(Presentation(document.comparison))
    assert panel.charts == expected
    assert len(panel.views) == 2
    for index, chart in enumerate(expected.charts):
        check_view(panel, index, chart)


def test_the_table_alternative_is_reachable_by_keyboard_and_matches(
    qtbot: QtBot, catalogue: Catalogue
) -> None:
    panel = shown_panel(qtbot, example(catalogue))
    assert panel.charts is not None
    panel.toggle.setFocus()
    qtbot.waitUntil(panel.toggle.hasFocus)
    qtbot.keyClick(panel.toggle, Qt.Key.Key_Space)
    qtbot.waitUntil(panel.tables[0].isVisible)
    assert panel.toggle.text() == SHOW_CHARTS
    assert not panel.views[0].isVisible()
    for table, model, chart in zip(panel.tables, panel.models, panel.charts.charts, strict=True):
        assert table.tabKeyNavigation() is False  # Tab leaves the table
        assert table.focusPolicy() & Qt.FocusPolicy.TabFocus
        header = [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ]
        assert tuple(header) == chart.table.header
        rows = [
            tuple(model.index(r, c).data() for c in range(model.columnCount()))
            for r in range(model.rowCount())
        ]
        assert rows == list(chart.table.rows)
        interface = QAccessible.queryAccessibleInterface(table)
        assert interface is not None
        assert interface.text(QAccessible.Text.Name) == chart.table.caption
    qtbot.keyClick(panel.toggle, Qt.Key.Key_Space)
    qtbot.waitUntil(panel.views[0].isVisible)


def test_the_table_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, catalogue: Catalogue
) -> None:
    panel = shown_panel(qtbot, example(catalogue))
    for model in panel.models:
        qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_clinic_names_show_as_typed_in_the_chart(qtbot: QtBot, catalogue: Catalogue) -> None:
    comparison = load_comparison(EXAMPLES / "three-clinics.yaml", catalogue)
    comparison.update_clinic(replace(comparison.clinics[0], name=HOSTILE_NAME))
    panel = shown_panel(qtbot, OpenDocument(comparison))
    axis = next(a for a in bar_series(panel, 0).attachedAxes() if isinstance(a, QBarCategoryAxis))
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; =SUM(A1)" in axis.categories()
    assert (
        panel.models[0]
        .index([r[0] for r in panel.models[0].table.rows].index(HOSTILE_NAME), 0)
        .data()
        == HOSTILE_NAME
    )


def test_the_charts_follow_edits_while_shown_and_only_then(
    qtbot: QtBot, catalogue: Catalogue
) -> None:
    document = OpenDocument(Comparison(catalogue))
    panel = shown_panel(qtbot, document)
    assert panel.empty.isVisible()
    assert not panel.views  # nothing to chart: QtCharts not even built
    push_edit(document, lambda c: c.add_clinic(Clinic(id="harbor", name="Harbor")))
    qtbot.waitUntil(lambda: len(panel.views) == 2)
    assert not panel.empty.isVisible()
    question = catalogue.sets[0].id
    first = next(q for q in document.comparison.questions() if q.set_id == question)

    def rate(rating: int) -> None:
        answer = document.comparison.answer("harbor", first.id)
        push_edit(
            document, lambda c: c.set_answer("harbor", first.id, replace(answer, rating=rating))
        )

    rate(5)
    qtbot.waitUntil(lambda: bar_series(panel, 0).barSets()[-1].at(0) == 100)
    panel.hide()
    before = panel.charts
    rate(1)
    assert panel.charts is before  # hidden: nothing rebuilt per edit
    panel.show()
    qtbot.waitUntil(lambda: bar_series(panel, 0).barSets()[-1].at(0) == 0)
    assert panel.charts is not before
    check_view(panel, 0, build_charts(document.presentation).scores)


def test_bars_and_range_lines_line_up() -> None:
    # Three sets across a band of 0.8: each bar 0.8/3 high, the first at the bottom.
    assert bar_position(0, 0, 3) == -0.4 + 0.8 / 6
    assert bar_position(2, 2, 3) == 2 + 0.4 - 0.8 / 6


def test_the_decision_tab_shows_the_charts(qtbot: QtBot, example_window: MainWindow) -> None:
    window = example_window
    decision = window.decision
    panels = decision.findChildren(ChartPanel)
    assert len(panels) == 1
    window.show_page(decision)
    qtbot.waitUntil(lambda: len(panels[0].views) == 2)
    assert isinstance(panels[0].views[0], QWidget)


def test_qtcharts_is_imported_only_when_a_chart_is_first_shown() -> None:
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from ketachecklist.core.catalogue import load_bundled_catalogue\n"
        "from ketachecklist.core.storage import load_comparison\n"
        "from ketachecklist.ui.decision_page import DecisionPage\n"
        "from ketachecklist.ui.open_document import OpenDocument\n"
        f"path = {str(EXAMPLES / 'three-clinics.yaml')!r}\n"
        "page = DecisionPage(OpenDocument(load_comparison(__import__('pathlib').Path(path),"
        " load_bundled_catalogue())))\n"
        "print('before', 'PySide6.QtCharts' in sys.modules)\n"
        "page.show(); app.processEvents()\n"
        "print('after', 'PySide6.QtCharts' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=True,
    )
    assert "before False" in done.stdout
    assert "after True" in done.stdout


def test_the_charts_follow_a_dark_palette(
    qtbot: QtBot, catalogue: Catalogue, qapp: QApplication
) -> None:
    """In a dark palette the charts are drawn light on dark, not as a white panel; the ink
    still stands out from the paper (≥ 3:1), and a light palette keeps black on white."""
    original = qapp.palette()
    dark = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, QColor(45, 45, 48)),
        (QPalette.ColorRole.Base, QColor(30, 30, 32)),
        (QPalette.ColorRole.Text, QColor(230, 230, 230)),
        (QPalette.ColorRole.WindowText, QColor(230, 230, 230)),
    ):
        dark.setColor(role, colour)
    panel = shown_panel(qtbot, example(catalogue))
    try:
        light_image = panel.views[0].grab().toImage()
        qapp.setPalette(dark)
        qtbot.waitUntil(
            lambda: panel.views[0].chart().backgroundBrush().color() == QColor(30, 30, 32)
        )
        image = panel.views[0].grab().toImage()
        ink = bar_series(panel, 0).barSets()[0].brush().color()
    finally:
        qapp.setPalette(original)
    corner = image.pixelColor(5, 5)
    assert corner.lightness() < 60, corner.name()  # the paper is the dark base, not white
    assert light_image.pixelColor(5, 5).lightness() > 200
    inks = {
        image.pixelColor(x, y).lightness()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }
    assert max(inks) > 180  # light strokes: bars, labels, range lines
    # and the palette put back, black on white again
    qtbot.waitUntil(lambda: panel.views[0].chart().backgroundBrush().color().lightness() > 200)
    assert contrast_ratio(ink, QColor(30, 30, 32)) >= 3.0
