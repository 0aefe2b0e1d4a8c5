"""The comparison grid's question column and summary rows stay in place while the clinics
scroll (the technique of Qt's "Frozen Column" example, for a column and top rows).

Three views lie over the grid, sharing its model and selection: the question column (it
scrolls up and down with the grid), the summary rows (they scroll sideways with it) and the
corner where they meet. They never take the keyboard focus: the grid keeps it, and the grid
scrolls a current cell out from under them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView

from ketachecklist.ui.grid_view import GridView


class _FrozenView(QTableView):
    def __init__(self, grid: GridView, name: str, *, with_header: bool) -> None:
        super().__init__(grid)
        self.setObjectName(name)
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(grid.wordWrap())
        self.setTextElideMode(grid.textElideMode())
        self.setSelectionMode(grid.selectionMode())
        self.setSelectionBehavior(grid.selectionBehavior())
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setVisible(with_header)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        self.setCornerButtonEnabled(False)
        self.activated.connect(grid.activated)
        self.doubleClicked.connect(grid.doubleClicked)
        self.clicked.connect(lambda _index: grid.setFocus(Qt.FocusReason.MouseFocusReason))


class FrozenParts(QObject):
    def __init__(self, grid: GridView, frozen_rows: int) -> None:
        super().__init__(grid)
        self._grid = grid
        self._frozen_rows = frozen_rows
        self.column = _FrozenView(grid, self.tr("Question column, kept in place"), with_header=True)
        self.rows = _FrozenView(grid, self.tr("Summary rows, kept in place"), with_header=False)
        self.corner = _FrozenView(grid, self.tr("Summary labels, kept in place"), with_header=False)
        self._views = (self.column, self.rows, self.corner)
        model = grid.model()
        for view in self._views:
            view.setModel(model)
            view.setSelectionModel(grid.selectionModel())
            view.setItemDelegate(grid.itemDelegate())
        grid.verticalScrollBar().valueChanged.connect(self.column.verticalScrollBar().setValue)
        grid.horizontalScrollBar().valueChanged.connect(self.rows.horizontalScrollBar().setValue)
        grid.horizontalHeader().sectionResized.connect(self._column_resized)
        grid.verticalHeader().sectionResized.connect(self._row_resized)
        model.modelReset.connect(self.refresh)
        model.layoutChanged.connect(self.refresh)
        model.columnsInserted.connect(self.refresh)
        model.columnsRemoved.connect(self.refresh)
        grid.resized.connect(self.place)
        grid.columns_shown.connect(self.refresh)
        self.refresh()

    @property
    def frozen_height(self) -> int:
        return sum(self._grid.rowHeight(r) for r in range(self._frozen_rows))

    @property
    def frozen_width(self) -> int:
        return self._grid.columnWidth(0)

    def set_frozen_rows(self, count: int) -> None:
        self._frozen_rows = count
        self.refresh()

    def refresh(self) -> None:
        """Copy the grid's columns and rows (sizes, what is hidden) and place the views."""
        grid = self._grid
        model = grid.model()
        columns, rows = model.columnCount(), model.rowCount()
        for view in self._views:
            for column in range(columns):
                hidden = grid.isColumnHidden(column)
                if view is not self.rows:
                    hidden = column != 0
                view.setColumnHidden(column, hidden)
                view.setColumnWidth(column, grid.columnWidth(column))
            for row in range(rows):
                view.setRowHidden(row, view is not self.column and row >= self._frozen_rows)
                view.setRowHeight(row, grid.rowHeight(row))
        self.column.verticalScrollBar().setValue(grid.verticalScrollBar().value())
        self.rows.horizontalScrollBar().setValue(grid.horizontalScrollBar().value())
        self.place()

    def place(self) -> None:
        grid = self._grid
        area = grid.viewport().geometry()  # below the header, inside the frame
        header = grid.horizontalHeader().height()
        width, height = self.frozen_width, self.frozen_height
        has_columns = grid.model().columnCount() > 0
        self.column.setGeometry(area.x(), area.y() - header, width, area.height() + header)
        self.column.setVisible(has_columns)
        self.rows.setGeometry(area.x(), area.y(), area.width(), height)
        self.rows.setVisible(has_columns and height > 0)
        self.corner.setGeometry(area.x(), area.y(), width, height)
        self.corner.setVisible(has_columns and height > 0)
        for view in self._views:
            view.raise_()
        self.column.horizontalHeader().setFixedHeight(header)
        # Scroll the clinics from under the question column (horizontally) and the rows
        # from under the summary rows (vertically): the hidden part is never the current one.
        grid.set_frozen_margins(width, height)

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        for view in self._views:
            view.setColumnWidth(column, new)
        self.place()

    def _row_resized(self, row: int, _old: int, new: int) -> None:
        for view in self._views:
            view.setRowHeight(row, new)
        if row < self._frozen_rows:
            self.place()
