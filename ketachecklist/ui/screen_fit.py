"""Windows and dialogs that fit the screen: at a large font a window sized by its text can be
taller or wider than the screen, with its Close button out of reach. Each top-level window we
make is sized within the screen's available area, its frame (the title bar) included."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import QMessageBox, QStyle, QWidget


def available_area(widget: QWidget) -> QRect:
    """The part of ``widget``'s screen that windows may use (the parent's, before it shows)."""
    window = widget.window()
    holder = window.parentWidget()
    screen = window.screen() if holder is None else holder.window().screen()
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 700)


def _frame(window: QWidget) -> QSize:
    """The width and height the window's frame adds; before it is first shown, an estimate."""
    frame, inner = window.frameGeometry(), window.geometry()
    if frame.size() != inner.size():
        return frame.size() - inner.size()
    title = window.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight, None, window)
    return QSize(8, title + 8)


def largest_size(window: QWidget) -> QSize:
    """The largest size ``window`` may take (without its frame) and still fit its screen."""
    return available_area(window).size() - _frame(window)


def size_to_screen(window: QWidget, wanted: QSize) -> None:
    """Give ``window`` the size it wants, or the largest that fits its screen."""
    window.resize(wanted.boundedTo(largest_size(window)))


def keep_on_screen(window: QWidget) -> None:
    """Move a shown window whose frame reaches past its screen's edge back inside it."""
    area, frame = available_area(window), window.frameGeometry()
    x = max(area.left(), min(frame.left(), area.right() + 1 - frame.width()))
    y = max(area.top(), min(frame.top(), area.bottom() + 1 - frame.height()))
    if (x, y) != (frame.left(), frame.top()):
        window.move(x, y)


class ScreenFitMessageBox(QMessageBox):
    """A message box that stays on the screen at a large font: QMessageBox keeps its width to a
    few hundred pixels and grows downwards, past a 720-pixel screen; this one widens first."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # QMessageBox fixes its size here, from its text
        largest = largest_size(self)
        layout = self.layout()
        if self.height() > largest.height() and layout is not None:
            width = max(self.width(), largest.width())
            height = (
                layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else self.height()
            )
            self.setFixedSize(QSize(width, height).boundedTo(largest))
        keep_on_screen(self)
