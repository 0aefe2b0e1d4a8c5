"""The one question asked before removing something the patient made (a clinic, a profile):
Keep it is the default and Escape; Edit ▸ Undo brings it back either way."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ketachecklist.ui.message_box import Choice, ask


def confirm_removal(parent: QWidget, title: str, text: str) -> bool:
    """Ask ``text`` (plain text, already translated) under ``title``; True to remove."""
    return ask(
        parent,
        QMessageBox.Icon.Question,
        title,
        text,
        (
            Choice(
                True,
                QCoreApplication.translate("RemovalQuestion", "Remove"),
                QMessageBox.ButtonRole.DestructiveRole,
            ),
            Choice(
                False,
                QCoreApplication.translate("RemovalQuestion", "Keep it"),
                QMessageBox.ButtonRole.RejectRole,
            ),
        ),
        default=False,
        escape=False,
    )
