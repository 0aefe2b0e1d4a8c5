"""The one question asked before removing something the patient made (a clinic, a profile, an
autosaved copy of unsaved work): Keep it is the default and Escape. A clinic or a profile comes
back with Edit ▸ Undo; deleted unsaved work does not, and its question says so."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ketachecklist.ui.message_box import Choice, ask


def confirm_removal(
    parent: QWidget | None,
    title: str,
    text: str,
    action: str = "",
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> bool:
    """Ask ``text`` (plain text, already translated) under ``title``; True to remove. ``action``:
    the removing button's words (translated), "Remove" when not given."""
    return ask(
        parent,
        icon,
        title,
        text,
        (
            Choice(
                True,
                action or QCoreApplication.translate("RemovalQuestion", "Remove"),
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
