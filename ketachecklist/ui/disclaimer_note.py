"""The calm, permanent line on every screen: this is not medical advice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ketachecklist import DISCLAIMER
from ketachecklist.present.text import tr


class DisclaimerNote(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr(DISCLAIMER), parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Not medical advice"))
        self.setAccessibleDescription(self.text())
