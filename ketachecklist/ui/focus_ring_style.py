"""The focus ring drawn round the focused button, tab, divider, list, table or text area.

Fusion marks those by a faint tint or a 1-pixel outline (2.35:1 at best); a style sheet border
would have Qt draw the whole button from the sheet, not in the platform's look. So a 2-pixel
``FocusRing`` in the focus colour is drawn just outside the control, on top of its
neighbours: in the window (or the scrolling area) that holds it rather than in its parent, so
that a control which touches its parent's edge still shows all four sides. On a tab bar it
frames the current tab, not the whole bar; there and on a divider, just inside.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, Slot
from PySide6.QtGui import QPainter, QPaintEvent, QPen, QRegion
from PySide6.QtWidgets import (
    QApplication,
    QFocusFrame,
    QProxyStyle,
    QSplitterHandle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QTabBar,
    QWidget,
)
from shiboken6 import isValid

from ketachecklist.ui.contrast import focus_colour
from ketachecklist.ui.page_tab_bar import PageTabBar

RING_WIDTH = 2


class _AboveTheControl(QProxyStyle):
    """The application's style, but a focus frame placed above the control and its
    neighbours (as macOS does) with room for the whole ring. Only the ring uses it."""

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        return_data: QStyleHintReturn | None = None,
    ) -> int:
        if hint is QStyle.StyleHint.SH_FocusFrame_AboveWidget:
            return 1
        if hint is QStyle.StyleHint.SH_FocusFrame_Mask:
            return 0  # the ring sets its own: round the current tab of a tab bar
        return super().styleHint(hint, option, widget, return_data)

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric in (
            QStyle.PixelMetric.PM_FocusFrameHMargin,
            QStyle.PixelMetric.PM_FocusFrameVMargin,
        ):
            return RING_WIDTH
        return super().pixelMetric(metric, option, widget)


class FocusRing(QFocusFrame):
    def __init__(self) -> None:
        super().__init__()
        # The application's style by name (with none, Qt would make the desktop's default),
        # kept here: a widget does not own its style.
        self._style = _AboveTheControl(QApplication.style().name())
        self._style.setParent(self)
        self.setStyle(self._style)
        self._tabs: QTabBar | None = None

    def frame(self, widget: QWidget | None) -> None:
        """Round ``widget`` (None: nothing)."""
        if self._tabs is not None and isValid(self._tabs):
            self._tabs.currentChanged.disconnect(self._tab_changed)
            if isinstance(self._tabs, PageTabBar):
                self._tabs.laid_out.disconnect(self._tabs_moved)
        self._tabs = widget if isinstance(widget, QTabBar) else None
        if self._tabs is not None:
            self._tabs.currentChanged.connect(self._tab_changed)
            # The tabs move after the bar is resized (the ring hears of that first).
            if isinstance(self._tabs, PageTabBar):
                self._tabs.laid_out.connect(self._tabs_moved)
        # None lets go of the last control (Qt takes a null widget; the stubs do not say so).
        self.setWidget(widget)  # type: ignore[arg-type]
        framed = self.widget() is not None  # Qt frames no window (nor a control of none)
        if framed:
            self._fit_mask()
        self.setVisible(framed)
        self.update()

    @Slot(int)
    def _tab_changed(self, _index: int) -> None:
        self._fit_mask()
        self.update()

    @Slot()
    def _tabs_moved(self) -> None:
        self._tab_changed(-1)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() is QEvent.Type.Resize:
            self._fit_mask()
        return handled

    def _fit_mask(self) -> None:
        """Only the ring's own pixels are the ring's: the control inside repaints without
        repainting the ring, and is seen through it."""
        if self.isWindow():  # not yet in a window: nothing to mask
            return
        ring = self.ring_rect()
        inside = ring.adjusted(RING_WIDTH, RING_WIDTH, -RING_WIDTH, -RING_WIDTH)
        band = QRegion(ring).subtracted(QRegion(inside))
        if band != self.mask():
            self.setMask(band)

    def ring_rect(self) -> QRect:
        """Where the ring is drawn, in the ring's own coordinates: round the whole control,
        or round the current tab of a tab bar."""
        # Round a tab or a divider, the ring is drawn just inside it: outside, it would lie on
        # the neighbouring tabs' or panes' outlines, in a grey that hardly differs from the
        # focus colour.
        if self._tabs is not None and self._tabs.currentIndex() >= 0:
            tab = self._tabs.tabRect(self._tabs.currentIndex())
            return tab.translated(RING_WIDTH, RING_WIDTH).adjusted(1, 1, -1, -1)
        if isinstance(self.widget(), QSplitterHandle):
            return self.rect().adjusted(RING_WIDTH, RING_WIDTH, -RING_WIDTH, -RING_WIDTH)
        return self.rect()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        pen = QPen(focus_colour(self.palette()), RING_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = RING_WIDTH // 2
        painter.drawRect(self.ring_rect().adjusted(half, half, -half, -half))
