"""A page that scrolls up and down, never sideways: at a large font or in a small window the
form's rows stack and wrap to the width, and what does not fit in height scrolls."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class PageScroll(QScrollArea):
    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Our own viewport, set up as Qt sets up its own: asking Qt for the one it made would
        # have PySide look through every widget class for its type (~13 ms of the start).
        viewport = QWidget()
        viewport.setObjectName("qt_scrollarea_viewport")
        viewport.setAutoFillBackground(True)
        self.setViewport(viewport)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(page)

    def page(self) -> QWidget:
        page = self.widget()
        assert page is not None
        return page
