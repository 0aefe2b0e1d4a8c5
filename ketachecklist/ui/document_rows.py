"""What the app's list models share: one row per clinic or question of the open document, its id
under the model's id role, enabled and selectable items, plain-text tooltips, fixed headers.

``DocumentRows`` goes before the Qt model class (``class M(DocumentRows[Clinic],
QAbstractTableModel)``); a model gives its rows (``_rows``) and one item's words
(``_item_data``), and marks its headers ``QT_TRANSLATE_NOOP`` under its own ``CONTEXT``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.tooltips import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
# The roles that carry an item's words: what is shown, its tooltip, what a screen reader says.
TEXT_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
)


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


Item = TypeVar("Item", bound=_HasId)


class DocumentRows(Generic[Item]):
    CONTEXT = ""  # the translation context of HEADERS (the model's class name)
    HEADERS: tuple[str, ...] = ()  # marked with QT_TRANSLATE_NOOP(CONTEXT, …); none: a list
    ID_ROLE: int = Qt.ItemDataRole.UserRole  # the role that gives the row's clinic or question id

    def __init__(self, document: OpenDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)  # type: ignore[call-arg]  # the Qt model class, next in line
        self._document = document

    def _rows(self) -> Sequence[Item]:
        raise NotImplementedError

    def _item_data(self, item: Item, column: int, role: int) -> Any:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else max(1, len(self.HEADERS))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        rows = self._rows()
        if not index.isValid() or index.row() >= len(rows):
            return None
        item = rows[index.row()]
        if role == self.ID_ROLE:
            return item.id
        value = self._item_data(item, index.column(), role)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str):
            return plain_tooltip(value)  # user text must never be read as markup
        return value

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def row_of(self, item_id: str) -> int:
        """The row of the clinic or question ``item_id``; -1 when it is not listed."""
        return next((row for row, item in enumerate(self._rows()) if item.id == item_id), -1)
