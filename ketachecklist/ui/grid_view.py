"""The comparison grid's table view: row heights fitted to the columns actually on screen.

Qt's own ``sizeHintForRow`` measures every column; with 50 clinics that is thousands of text
layouts for each row. A row only needs to be tall enough for what is visible, so this view
measures the question column plus the clinic columns in view, and the page refits the rows
again when the view scrolls sideways or a column is resized. Each cell's measured height is
kept (and moved with its column when the model reorders them), so after an edit, a sideways
scroll or a sort only the cells that changed or came into view are measured (``fit_cells``), and a
text is laid out once per font and width: the height the delegate gave it is kept, so a cell
showing a text measured before (a rating's words, a score) costs a lookup. The view paints
nothing under the question column and the summary rows that lie over it
(``set_frozen_margins``): those views paint their own copies of the cells.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QFont, QPaintEvent, QRegion, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem, QTableView, QWidget

_KEPT_TEXT_HEIGHTS = 20_000  # measured texts kept; beyond that the store starts again


class GridView(QTableView):
    resized = Signal()
    columns_shown = Signal()  # the page showed or hid clinic columns

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frozen_width = 0
        self._frozen_height = 0
        self._heights: dict[int, dict[int, int]] = {}  # row → column → the cell's measured height
        self._header_hints: dict[int, int] = {}  # row → the (hidden) row header's size hint
        # (text, font key, width) → the height the delegate needs for it
        self._text_heights: dict[tuple[str, str, int], int] = {}

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
        option = self._measuring_option()
        font_key = self.font().key()
        heights = {c: self._cell_height(option, font_key, row, c) for c in self.visible_columns()}
        self._heights[row] = heights
        self._header_hints.pop(row, None)  # Qt asks the header itself on this path
        return max(heights.values(), default=0) + (1 if self.showGrid() else 0)

    def fit_cells(self, changed: Mapping[int, Iterable[int]]) -> None:
        """Fit rows again after some of their cells changed (row → columns), measuring those
        cells and any column now in view that the row was not measured in (a column scrolled
        or moved into view); a row never measured is measured whole. A row's height is set
        only when it is not the height it has."""
        columns_in_view = set(self.visible_columns())
        option = self._measuring_option()
        font_key = self.font().key()
        header = self.verticalHeader()
        for row in sorted(changed):
            heights = self._heights.get(row)
            if heights is None:
                self.resizeRowToContents(row)
                continue
            for column in heights.keys() - columns_in_view:
                del heights[column]  # out of view: it does not count for the row's height
            to_measure = (columns_in_view - heights.keys()) | (set(changed[row]) & columns_in_view)
            for column in to_measure:
                heights[column] = self._cell_height(option, font_key, row, column)
            content = max(heights.values(), default=0) + (1 if self.showGrid() else 0)
            hint = self._header_hints.get(row)
            if hint is None:
                hint = self._header_hints[row] = header.sectionSizeHint(row)
            height = max(content, hint)  # as Qt's own resizeRowToContents
            if height != header.sectionSize(row):
                header.resizeSection(row, height)

    def move_columns(self, moved: Mapping[int, int]) -> None:
        """The model moved columns (old → new position): the heights measured go with them, so
        a refit after a move measures only the cells of columns that came into view."""
        for row, heights in self._heights.items():
            self._heights[row] = {moved.get(column, column): h for column, h in heights.items()}

    def forget_measures(self) -> None:
        """Measure every text again from now on (the texts' heights kept so far are dropped)."""
        self._text_heights.clear()
        self._header_hints.clear()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.forget_measures()  # the same text lays out anew in another font or style
        super().changeEvent(event)

    def _measuring_option(self) -> QStyleOptionViewItem:
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        return option

    def _cell_height(
        self, option: QStyleOptionViewItem, font_key: str, row: int, column: int
    ) -> int:
        """The height the delegate needs for the cell at its column's width; a text already
        measured in the same font and width is not laid out again (the grid's cells are text
        alone: no icon or check box adds to a cell's height)."""
        width = self.columnWidth(column)
        index = self.model().index(row, column)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        font = index.data(Qt.ItemDataRole.FontRole)
        key = None
        if isinstance(text, str) and (font is None or isinstance(font, QFont)):
            in_font = font_key if font is None else font.resolve(self.font()).key()
            key = (text, in_font, width)
            height = self._text_heights.get(key)
            if height is not None:
                return height
        # A valid rect (a height too, as Qt's own sizeHintForRow gives): with an empty one the
        # style measures the text on one line, never wrapped, and long questions get cut off.
        # Only the width decides where the text wraps.
        option.rect = QRect(0, 0, width, 1)
        height = self.itemDelegateForIndex(index).sizeHint(option, index).height()
        if key is not None:
            if len(self._text_heights) >= _KEPT_TEXT_HEIGHTS:
                self._text_heights.clear()
            self._text_heights[key] = height
        return height
