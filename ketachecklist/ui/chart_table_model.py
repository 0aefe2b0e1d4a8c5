"""A chart's text alternative as a table model: the same rows the PDF and HTML print."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ketachecklist.present.charts import TextTable

_Index = QModelIndex | QPersistentModelIndex


class ChartTableModel(QAbstractTableModel):
    def __init__(self, table: TextTable | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = table or TextTable("", (), ())

    @property
    def table(self) -> TextTable:
        return self._table

    def set_table(self, table: TextTable) -> None:
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._table.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._table.header)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        return self._table.rows[index.row()][index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._table.header):
                return self._table.header[section]
            return None
        if 0 <= section < len(self._table.rows):
            return self._table.rows[section][0]  # a screen reader hears the clinic per row
        return None
