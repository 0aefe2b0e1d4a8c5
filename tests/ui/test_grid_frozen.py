"""The comparison grid: the question column and the summary rows stay in place while the
clinics scroll, the clinic columns share the spare width, and the patient picks the clinics."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from ketachecklist.ui.comparison_model import SUMMARY_LABELS, RowKind
from ketachecklist.ui.comparison_page import ComparisonPage
from ketachecklist.ui.main_window import MainWindow


def _page(qtbot: QtBot, window: MainWindow, size: QSize) -> ComparisonPage:
    window.resize(size)
    window.show_page(window.comparison)
    page = window.comparison
    qtbot.waitUntil(lambda: page.table.viewport().width() > 0)
    page.share_width()
    return page


def _first_question_row(page: ComparisonPage) -> int:
    model = page.model
    return next(r for r in range(model.rowCount()) if model.row(r).kind is RowKind.QUESTION)


def test_the_question_column_stays_when_the_clinics_scroll_sideways(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    page = _page(qtbot, example_window, QSize(1024, 700))
    grid, frozen = page.table, page.frozen
    bar = grid.horizontalScrollBar()
    assert bar.maximum() > 0  # three clinics do not fit beside the questions at 1024 px
    bar.setValue(bar.maximum())
    point = QPoint(10, frozen.frozen_height + 5)  # left edge, just under the summary rows
    on_top = grid.childAt(grid.viewport().mapTo(grid, point))
    assert on_top is not None
    assert frozen.column.isAncestorOf(on_top)
    shown = frozen.column.indexAt(
        frozen.column.viewport().mapFromGlobal(grid.viewport().mapToGlobal(point))
    )
    assert shown.column() == 0
    assert shown.row() >= len(SUMMARY_LABELS)
    assert shown.data() == page.model.index(shown.row(), 0).data()
    # Under it the grid itself has scrolled its own question column away to the left.
    assert grid.columnViewportPosition(0) == -bar.value() < 0
    assert frozen.column.geometry().left() == grid.frameWidth()


def test_the_summary_rows_stay_when_the_questions_scroll(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    page = _page(qtbot, example_window, QSize(1024, 700))
    grid, frozen = page.table, page.frozen
    bar = grid.verticalScrollBar()
    bar.setValue(bar.maximum())
    point = QPoint(grid.columnWidth(0) + 20, 3)  # the top of the viewport, in a clinic column
    on_top = grid.childAt(grid.viewport().mapTo(grid, point))
    assert on_top is not None
    assert frozen.rows.isAncestorOf(on_top)
    shown = frozen.rows.indexAt(
        frozen.rows.viewport().mapFromGlobal(grid.viewport().mapToGlobal(point))
    )
    assert shown.row() == 0
    assert page.model.index(0, 0).data() == next(iter(SUMMARY_LABELS.values()))
    assert grid.indexAt(point).row() >= len(SUMMARY_LABELS)  # the grid scrolled under it
    # The labels of the summary rows stay at the top left as well.
    corner = grid.childAt(grid.viewport().mapTo(grid, QPoint(10, 3)))
    assert corner is not None
    assert frozen.corner.isAncestorOf(corner)


def test_the_current_cell_is_never_hidden_under_the_frozen_parts(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    page = _page(qtbot, example_window, QSize(1024, 700))
    grid, frozen = page.table, page.frozen
    grid.horizontalScrollBar().setValue(grid.horizontalScrollBar().maximum())
    grid.verticalScrollBar().setValue(grid.verticalScrollBar().maximum())
    row = _first_question_row(page)
    grid.setFocus()
    grid.setCurrentIndex(page.model.index(row, 1))
    rect = grid.visualRect(grid.currentIndex())
    assert rect.left() >= frozen.frozen_width
    assert rect.top() >= frozen.frozen_height
    assert frozen.column.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_clinic_columns_share_the_spare_width(qtbot: QtBot, example_window: MainWindow) -> None:
    page = _page(qtbot, example_window, QSize(1900, 900))
    grid = page.table
    widths = [grid.columnWidth(c) for c in range(1, page.model.columnCount())]
    assert len(set(widths)) == 1
    used = grid.columnWidth(0) + sum(widths)
    assert grid.viewport().width() - len(widths) < used <= grid.viewport().width()
    assert grid.horizontalScrollBar().maximum() == 0


def test_the_patient_picks_the_clinics_to_compare(qtbot: QtBot, example_window: MainWindow) -> None:
    page = _page(qtbot, example_window, QSize(1300, 850))
    clinics = example_window.document.comparison.clinics
    first, second, third = (clinic.id for clinic in clinics[:3])
    menu = page.chooser.menu_of_clinics
    actions = [a for a in menu.actions() if a.isCheckable()]
    assert next(a.text().replace("&", "") for a in actions) == "All clinics"
    actions[3].toggle()  # untick the third clinic
    assert page.table.isColumnHidden(page.model.column_of_clinic(third))
    assert not page.table.isColumnHidden(page.model.column_of_clinic(first))
    assert page.chooser.text().replace("&", "") == "Compare: 2 of 3 clinics"
    # Kept when the grid is sorted again, and the two share the width.
    page.sort.setCurrentIndex(1)
    assert page.table.isColumnHidden(page.model.column_of_clinic(third))
    assert page.table.columnWidth(page.model.column_of_clinic(first)) == page.table.columnWidth(
        page.model.column_of_clinic(second)
    )
    actions[1].toggle()
    actions[2].toggle()  # the last one shown stays: a comparison of no clinic means nothing
    assert not page.table.isColumnHidden(page.model.column_of_clinic(second))
    actions[0].trigger()  # All clinics
    assert all(not page.table.isColumnHidden(c) for c in range(1, page.model.columnCount()))


class _CountingDelegate(QStyledItemDelegate):
    """Paints as the grid's own delegate does, noting each cell painted."""

    def __init__(self) -> None:
        super().__init__()
        self.painted: list[tuple[int, int]] = []

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.painted.append((index.row(), index.column()))
        super().paint(painter, option, index)


def test_the_grid_paints_nothing_under_the_frozen_parts(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    page = _page(qtbot, example_window, QSize(1300, 850))
    frozen_rows = len(SUMMARY_LABELS)
    qtbot.waitUntil(lambda: page.frozen.rows.height() == page.frozen.frozen_height > 0)
    counting = _CountingDelegate()
    page.table.setItemDelegate(counting)  # the grid's own cells only: the frozen views keep theirs
    for _ in range(3):  # the delegate's relayout done and painted: nothing left pending
        QApplication.processEvents()
    counting.painted.clear()
    page.table.viewport().repaint()
    assert counting.painted  # the questions and the set rows in view
    assert all(row >= frozen_rows and column > 0 for row, column in counting.painted)
    QApplication.processEvents()
    counting.painted.clear()
    # What lies under the summary rows only (an edit's summaries): the grid paints no cell.
    page.table.viewport().repaint(0, 0, page.table.viewport().width(), page.frozen.rows.height())
    assert counting.painted == []
    frozen_painted = _CountingDelegate()
    page.frozen.rows.setItemDelegate(frozen_painted)
    page.frozen.rows.viewport().repaint()
    assert any(row < frozen_rows and column > 0 for row, column in frozen_painted.painted)
