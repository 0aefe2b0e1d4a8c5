"""Items with a little air above and below, for word-wrapped lists.

``QListView.setSpacing`` would do it, but the list then measures each item's wrapped text at the
full width and paints it narrower by the spacing, so a long last line falls off the item. Here
the width is the same for measuring and painting; only the height grows.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex


class PaddedItemDelegate(QStyledItemDelegate):
    PADDING = 2  # pixels above and below each item

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return super().sizeHint(option, index) + QSize(0, 2 * self.PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        inner = QStyleOptionViewItem(option)
        inner.rect = option.rect.adjusted(0, self.PADDING, 0, -self.PADDING)
        super().paint(painter, inner, index)
