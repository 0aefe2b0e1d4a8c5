"""Qt's print preview with a row of real buttons under it: its own toolbar buttons cannot take
the keyboard focus, so Print… (Ctrl+P), Zoom in/out and Close are reachable by Tab and Alt."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget


class PrintPreview(QPrintPreviewDialog):
    def __init__(self, printer: QPrinter, parent: QWidget | None = None) -> None:
        super().__init__(printer, parent)
        actions = {action.text(): action for action in self.findChildren(QAction)}
        buttons = QDialogButtonBox()
        self.print_button = self._button(buttons, "&Print…", actions["Print"])
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setAccessibleName("Print")
        self.print_button.setDefault(True)
        self._button(buttons, "Zoom &in", actions["Zoom in"])
        self._button(buttons, "Zoom &out", actions["Zoom out"])
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName("Close the preview without printing")
        buttons.rejected.connect(self.reject)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(buttons)

    @staticmethod
    def _button(buttons: QDialogButtonBox, text: str, action: QAction) -> QPushButton:
        button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setAccessibleName(text.replace("&", "").removesuffix("…"))
        button.clicked.connect(action.trigger)
        return button
