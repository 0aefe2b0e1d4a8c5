"""The comparison grid's table view: row heights fitted to the columns actually on screen.

Qt's own ``sizeHintForRow`` measures every column; with 50 clinics that is thousands of text
layouts for each row. A row only needs to be tall enough for what is visible, so this view
measures the question column plus the clinic columns in view, and the page refits the rows
again when the view scrolls sideways or a column is resized. Each cell's measured height is
kept, so after an edit only the cells that changed are measured again (``fit_cells``). The
view paints nothing under the question column and the summary rows that lie over it
(``set_frozen_margins``): those views paint their own copies of the cells.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Signal
from PySide6.QtGui import QPaintEvent, QRegion, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem, QTableView, QWidget


class GridView(QTableView):
    resized = Signal()
    columns_shown = Signal()  # the page showed or hid clinic columns

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frozen_width = 0
        self._frozen_height = 0
        self._heights: dict[int, dict[int, int]] = {}  # row → column → the cell's measured height

    def set_frozen_margins(self, width: int, height: int) -> None:
        """The question column's width and the summary rows' height, which lie over the grid."""
        self._frozen_width, self._frozen_height = width, height

    def paintEvent(self, event: QPaintEvent) -> None:
        region = event.region()
        if self._frozen_width > 0 or self._frozen_height > 0:
            viewport = self.viewport().rect()
            covered = QRegion(0, 0, self._frozen_width, viewport.height()).united(
                QRegion(0, 0, viewport.width(), self._frozen_height)
            )
            visible = region.subtracted(covered)
            if visible.isEmpty():
                return  # an edit of summary cells only: the frozen rows paint them
            if visible != region:
                super().paintEvent(QPaintEvent(visible))
                return
        super().paintEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def updateGeometries(self) -> None:
        super().updateGeometries()  # the header grew or shrank: the viewport moved
        self.resized.emit()

    def scrollTo(
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        super().scrollTo(index, hint)
        if not index.isValid():
            return
        rect = self.visualRect(index)
        bar = self.horizontalScrollBar()
        if index.column() > 0 and rect.left() < self._frozen_width:
            bar.setValue(bar.value() - (self._frozen_width - rect.left()))
        bar = self.verticalScrollBar()
        in_content = self.rowViewportPosition(index.row()) + self.verticalOffset()
        if in_content >= self._frozen_height and rect.top() < self._frozen_height:
            bar.setValue(bar.value() - (self._frozen_height - rect.top()))

    def visible_columns(self) -> list[int]:
        model = self.model()
        if model is None:
            return []
        header = self.horizontalHeader()
        first = max(0, header.logicalIndexAt(0))
        last = header.logicalIndexAt(self.viewport().width() - 1)
        if last < 0:
            last = model.columnCount() - 1
        columns = list(range(first, last + 1))
        if 0 not in columns:
            columns.insert(0, 0)  # the question column (it may be scrolled away, still counts)
        return [c for c in columns if not self.isColumnHidden(c)]

    def sizeHintForRow(self, row: int) -> int:
        model = self.model()
        if model is None or row < 0:
            return -1
        option = self._measuring_option(row)
        heights = {c: self._cell_height(option, row, c) for c in self.visible_columns()}
        self._heights[row] = heights
        return max(heights.values(), default=0) + (1 if self.showGrid() else 0)

    def fit_cells(self, row: int, columns: Iterable[int]) -> None:
        """Fit a row again after ``columns`` of it changed, measuring only those cells when the
        others' heights are known for the columns now in view (else the whole row)."""
        heights = self._heights.get(row)
        if heights is None or heights.keys() != set(self.visible_columns()):
            self.resizeRowToContents(row)
            return
        option = self._measuring_option(row)
        for column in columns:
            if column in heights:
                heights[column] = self._cell_height(option, row, column)
        content = max(heights.values(), default=0) + (1 if self.showGrid() else 0)
        header = self.verticalHeader()
        header.resizeSection(row, max(content, header.sectionSizeHint(row)))  # as Qt's own

    def _measuring_option(self, row: int) -> QStyleOptionViewItem:
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        # A valid rect (height too, as Qt's own sizeHintForRow gives): with an empty one the
        # style measures the text on one line, never wrapped, and long questions get cut off.
        option.rect = QRect(0, 0, 0, max(1, self.rowHeight(row)))
        return option

    def _cell_height(self, option: QStyleOptionViewItem, row: int, column: int) -> int:
        option.rect = QRect(0, 0, self.columnWidth(column), option.rect.height())
        index = self.model().index(row, column)
        return self.itemDelegateForIndex(index).sizeHint(option, index).height()
