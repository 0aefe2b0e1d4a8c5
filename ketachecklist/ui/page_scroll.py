"""A page that scrolls up and down, never sideways: at a large font or in a small window the
form's rows stack and wrap to the width, and what does not fit in height scrolls.

Wherever the keyboard focus goes inside a scrolling area — by Tab, by a shortcut (Alt+letter,
Ctrl+number), or set by the app — the area scrolls to show the control (``show_focused``), so
what is typed next is never typed out of sight. Every scroll area the focus sits in follows,
the innermost first (the Answers page's answer scrolls inside the page that scrolls).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication
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
        follow_focus()

    def page(self) -> QWidget:
        page = self.widget()
        assert page is not None
        return page

    def focusNextPrevChild(self, next: bool) -> bool:
        # QScrollArea's own scrolling on Tab shows only a box's first line; ours shows it all
        # (the focus follower does it, once the focus has moved).
        return QWidget.focusNextPrevChild(self, next)


_following: list[bool] = []


def follow_focus() -> None:
    """Have every focus change scroll the newly focused control into view (once per app)."""
    app = QApplication.instance()
    if _following or not isinstance(app, QApplication):
        return
    app.focusChanged.connect(_focus_changed)
    _following.append(True)


def _focus_changed(old: QWidget | None, now: QWidget | None) -> None:
    # A click focuses what is already under the pointer: scrolling then would move the page
    # away under the mouse. A window coming back to the front (no focus before) gets its
    # focus back where it was, and its pages stay where they were left.
    if old is None or now is None:
        return
    if QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton:
        show_focused(now)


def show_focused(widget: QWidget) -> None:
    """Scroll every scroll area that holds ``widget`` so that all of it is in view, with a line
    of room around it; when it is taller than the view, its top."""
    if not any(isinstance(holder, QScrollArea) for holder in _holders(widget)):
        return
    # A page whose content just changed (the next question) is laid out first, or the
    # control's place is where it was before.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    wanted = widget.rect()  # what to show, in the coordinates of ``child``
    child = widget
    for holder in _holders(widget):
        content = holder.widget() if isinstance(holder, QScrollArea) else None
        if isinstance(holder, QScrollArea) and child is holder.viewport() and content:
            in_content = wanted.translated(-content.pos())  # the content is the view's child
            _scroll_to_show(holder, in_content.top(), in_content.bottom() + 1)
            wanted = in_content.translated(content.pos()).intersected(child.rect())
            if wanted.isEmpty():
                return
        if child.isWindow():
            return
        wanted = wanted.translated(child.pos())
        child = holder


def _holders(widget: QWidget) -> list[QWidget]:
    holders = []
    holder = widget.parentWidget()
    while holder is not None:
        holders.append(holder)
        holder = holder.parentWidget()
    return holders


def _scroll_to_show(area: QScrollArea, top: int, bottom: int) -> None:
    room = area.fontMetrics().lineSpacing()
    bar = area.verticalScrollBar()
    height = area.viewport().height()
    if bottom - top + 2 * room > height or top - room < bar.value():
        bar.setValue(top - room)
    elif bottom + room > bar.value() + height:
        bar.setValue(bottom + room - height)
