"""A page that scrolls up and down, never sideways: at a large font or in a small window the
form's rows stack and wrap to the width, and what does not fit in height scrolls."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QWidget


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

    def focusNextPrevChild(self, next: bool) -> bool:
        moved = super().focusNextPrevChild(next)
        focused = QApplication.focusWidget()
        if moved and focused is not None and self.page().isAncestorOf(focused):
            self.show_whole(focused)
        return moved

    def show_whole(self, widget: QWidget) -> None:
        """Scroll so that all of ``widget`` is in view, with a line of room around it; when it is
        taller than the view, its top. (QScrollArea's own scrolling on Tab left the Decision
        tab's "Why" box with only its first line in view.)"""
        room = self.fontMetrics().lineSpacing()
        top = widget.mapTo(self.page(), QPoint(0, 0)).y()
        bottom = top + widget.height()
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        if bottom - top + 2 * room > height or top - room < bar.value():
            bar.setValue(top - room)
        elif bottom + room > bar.value() + height:
            bar.setValue(bottom + room - height)
