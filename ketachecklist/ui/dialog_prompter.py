"""The real dialogs behind the ``Prompter`` interface.

Message boxes are built by hand with ``Qt.PlainText``: the static QMessageBox helpers guess
whether text is rich text, and a file called ``<b>x</b>.yaml`` must show literally.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ketachecklist.ui.prompter import SaveChoice

FILE_FILTER = "ketachecklist comparisons (*.yaml *.yml);;All files (*)"
SUFFIX = ".yaml"


class DialogPrompter:
    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent

    def set_parent(self, parent: QWidget) -> None:
        """The window the dialogs belong to (made after the prompter)."""
        self._parent = parent

    def choose_file_to_open(self, folder: Path) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self._parent, "Open a comparison", str(folder), FILE_FILTER
        )
        return Path(name) if name else None

    def choose_file_to_save(self, suggestion: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self._parent, "Save the comparison as", str(suggestion), FILE_FILTER
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(SUFFIX)

    def ask_save_changes(self, document_name: str) -> SaveChoice:
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Save your changes?")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"“{document_name}” has changes that are not saved yet.\n\nSave them first?")
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return SaveChoice.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return SaveChoice.DISCARD
        return SaveChoice.CANCEL

    def show_error(self, title: str, message: str) -> None:
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(message)  # plain text: never setInformativeText, which guesses the format
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()
