"""The first-start note: where to find help now if you are in crisis (first, so that it is in
view at any text size), what the app is for, how to begin, and that it is not medical advice
(plain text: no link is opened).

Shown inside the window (never a modal dialog) until the patient says "Got it"; Help ▸ What is
this app for? brings it back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ketachecklist import CRISIS_HELP
from ketachecklist.present.text import tr
from ketachecklist.ui.page_scroll import PageScroll


class WelcomeBanner(QFrame):
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        title = QLabel(self.tr("Welcome. This app helps you compare ketamine clinics."))
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "Add each clinic you are considering (the Add button on the left). For each "
                "one, go through the questions under Answers: every question says why it "
                "matters and what a reassuring or concerning answer sounds like. Rate what they "
                "told you, note their words, and see the clinics side by side under Comparison. "
                "Your answers stay on this computer, in the file you save.\n"
                "It is not medical advice: it organises what you recorded and never says a "
                "clinic is safe. Talk about your choice with your own doctor."
            )
        )
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        self.crisis = QLabel(tr(CRISIS_HELP))
        self.crisis.setTextFormat(Qt.TextFormat.PlainText)
        self.crisis.setWordWrap(True)
        crisis_font = self.crisis.font()
        crisis_font.setBold(True)
        self.crisis.setFont(crisis_font)
        self.button = QPushButton(self.tr("&Got it"))
        self.button.setAccessibleName(self.tr("Got it: hide this welcome note"))
        self.button.clicked.connect(self._dismiss)
        words_page = QWidget()
        words = QVBoxLayout(words_page)
        words.setContentsMargins(0, 0, 0, 0)
        # The crisis words first: at a large font the note scrolls, and they must be in view.
        words.addWidget(self.crisis)
        words.addWidget(title)
        words.addWidget(text)
        # At a large font in a small window the note scrolls instead of pushing the pages away.
        self.words = PageScroll(words_page)
        self.words.viewport().setAutoFillBackground(False)
        words_page.setAutoFillBackground(False)
        layout = QHBoxLayout(self)
        layout.addWidget(self.words, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self.setAccessibleName(self.tr("Welcome note"))

    def fit_height(self, window_height: int) -> None:
        """At most a quarter of the window (its words scroll), and all of them when they fit."""
        page = self.words.page()
        wanted = page.heightForWidth(max(1, self.words.viewport().width()))
        margins = self.contentsMargins()
        frame = margins.top() + margins.bottom() + 2 * self.frameWidth() + 24
        cap = max(window_height // 4 - frame, self.fontMetrics().lineSpacing() * 3)
        self.words.setMaximumHeight(cap)
        self.words.setMinimumHeight(min(max(wanted, 0), cap))

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
