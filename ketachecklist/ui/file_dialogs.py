"""The Open and Save As / Export file choosers, sized for their contents at the current font.

Qt's own file dialog (used where the desktop offers none) opens at one size whatever the font:
at 2× text its "Files of type" box is cut. Here it gets what its layout asks for at the font in
use, and room for a list of files, within the screen. A desktop's native dialog sizes itself.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from ketachecklist.ui.screen_fit import keep_on_screen, size_to_screen

LIST_LINES = 24  # the height, in lines of text, that shows a useful list of files


class _FileDialog(QFileDialog):
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Measured once shown: its combo boxes size themselves to their items on first show.
        wanted = self.sizeHint().expandedTo(self.size())
        lines = self.fontMetrics().lineSpacing() * LIST_LINES
        size_to_screen(self, wanted.expandedTo(QSize(wanted.width(), lines)))
        keep_on_screen(self)  # centred on a window near the edge, it may reach past it


def choose_file_to_open(parent: QWidget | None, title: str, folder: str, file_filter: str) -> str:
    """The file picked, or "" when the patient cancels."""
    dialog = _FileDialog(parent, title, folder, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _chosen(dialog)


def choose_file_to_save(
    parent: QWidget | None, title: str, suggestion: str, file_filter: str
) -> str:
    """The file to write (``suggestion`` is offered), or "" when the patient cancels."""
    dialog = _FileDialog(parent, title, suggestion, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    return _chosen(dialog)


def _chosen(dialog: QFileDialog) -> str:
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return ""
        files = dialog.selectedFiles()
        return files[0] if files else ""
    finally:
        dialog.deleteLater()
