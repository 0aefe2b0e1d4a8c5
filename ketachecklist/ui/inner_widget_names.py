"""Accessible names for the parts Qt builds inside composite widgets.

A combo box's drop-down list, a date or number box's text field and a tab widget's row of tabs
can take the keyboard focus; a screen reader should hear the same name as the widget they
belong to rather than nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QTabWidget, QWidget


def name_inner_widgets(root: QWidget) -> None:
    for combo in root.findChildren(QComboBox):
        view = combo.view()
        if combo.accessibleName() and not view.accessibleName():
            view.setAccessibleName(
                QCoreApplication.translate("InnerWidgetNames", "{name}: choices").format(
                    name=combo.accessibleName()
                )
            )
    for spin in root.findChildren(QAbstractSpinBox):
        edit = spin.findChild(QLineEdit)
        if spin.accessibleName() and edit is not None and not edit.accessibleName():
            edit.setAccessibleName(spin.accessibleName())
    for tabs in root.findChildren(QTabWidget):
        if tabs.accessibleName() and not tabs.tabBar().accessibleName():
            tabs.tabBar().setAccessibleName(tabs.accessibleName())
