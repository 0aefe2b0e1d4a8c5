"""Edits a weight in a table cell with a spin box from 0 to 100."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QDoubleSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ketachecklist.core.limits import MAX_WEIGHT


class WeightDelegate(QStyledItemDelegate):
    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QDoubleSpinBox(parent)
        editor.setRange(0.0, MAX_WEIGHT)
        editor.setDecimals(2)
        editor.setSingleStep(0.5)
        editor.setAccessibleName(self.tr("Question weight"))
        return editor
