"""The one question asked before removing something the patient made (a clinic, a profile):
Keep it is the default and Escape; Edit ▸ Undo brings it back either way."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_removal(parent: QWidget, title: str, text: str) -> bool:
    """Ask ``text`` (plain text, already translated) under ``title``; True to remove."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    remove = box.addButton(
        QCoreApplication.translate("RemovalQuestion", "Remove"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    keep = box.addButton(
        QCoreApplication.translate("RemovalQuestion", "Keep it"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is remove
