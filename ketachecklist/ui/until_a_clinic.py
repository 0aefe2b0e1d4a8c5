"""A page that waits for a clinic: until there is one to work on it says, centred and in plain
words, what to do first (the Answers tab, the clinic details); then it shows its working part."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStackedWidget, QWidget

from ketachecklist.ui.plain_label import plain_label


class UntilAClinic(QStackedWidget):
    def __init__(self, first_step: str, working: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty = plain_label(selectable=False)
        self.empty.setText(first_step)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(self.empty)
        self.addWidget(working)

    def show_working(self, working: bool) -> None:
        self.setCurrentIndex(1 if working else 0)
