"""Rows as tall as their wrapped text in a QTreeView.

QTreeView asks a delegate for a row's size without the column's width, so with word wrap on
each row keeps the height of its unwrapped text and long names are cut short. This delegate
measures the text wrapped to its column's width; the view lays its rows out again when that
width changes (``ClinicPanel``).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView


class ColumnWrapDelegate(QStyledItemDelegate):
    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = self._view.header().sectionSize(index.column())
        if width <= 0:
            return super().sizeHint(option, index)
        wrapped = QStyleOptionViewItem(option)
        self.initStyleOption(wrapped, index)
        wrapped.rect = QRect(0, 0, width, 1 << 20)  # the style wraps to the rect's width
        return self._view.style().sizeFromContents(
            QStyle.ContentsType.CT_ItemViewItem, wrapped, QSize(), self._view
        )
