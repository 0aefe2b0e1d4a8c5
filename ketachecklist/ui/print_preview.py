"""Qt's print preview with a row of real buttons under it: its own toolbar buttons cannot take
the keyboard focus, so Print… (Ctrl+P), Zoom in/out and Close are reachable by Tab and Alt."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

from ketachecklist.ui.screen_fit import keep_on_screen, largest_size, size_to_screen

PREVIEW_SHARE = 0.85  # of the screen


class PrintPreview(QPrintPreviewDialog):
    def __init__(self, printer: QPrinter, parent: QWidget | None = None) -> None:
        super().__init__(printer, parent)
        # Qt's own toolbar actions, found by the words Qt gives them (in the user's language).
        actions = {action.text(): action for action in self.findChildren(QAction)}
        print_action = actions[QCoreApplication.translate("QPrintPreviewDialog", "Print")]
        zoom_in = actions[QCoreApplication.translate("QPrintPreviewDialog", "Zoom in")]
        zoom_out = actions[QCoreApplication.translate("QPrintPreviewDialog", "Zoom out")]
        buttons = QDialogButtonBox()
        self.print_button = self._button(
            buttons, self.tr("&Print…"), self.tr("Print"), print_action
        )
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setDefault(True)
        self._button(buttons, self.tr("Zoom &in"), self.tr("Zoom in"), zoom_in)
        self._button(buttons, self.tr("Zoom &out"), self.tr("Zoom out"), zoom_out)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close the preview without printing"))
        buttons.rejected.connect(self.reject)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(buttons)
        # Room for a page to be read, whatever the font; never past the screen.
        size_to_screen(self, largest_size(self) * PREVIEW_SHARE)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        keep_on_screen(self)

    @staticmethod
    def _button(
        buttons: QDialogButtonBox, text: str, accessible_name: str, action: QAction
    ) -> QPushButton:
        button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setAccessibleName(accessible_name)
        button.clicked.connect(action.trigger)
        return button
