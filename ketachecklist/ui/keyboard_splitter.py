"""A splitter whose handles a keyboard can reach and move: Tab to the handle (named for
screen readers), then the arrow keys move it; the focus is drawn on it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSplitter, QSplitterHandle, QWidget

_STEP = 24  # pixels per arrow key press


class KeyboardSplitterHandle(QSplitterHandle):
    def __init__(self, orientation: Qt.Orientation, parent: QSplitter) -> None:
        super().__init__(orientation, parent)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Left: -_STEP,
            Qt.Key.Key_Up: -_STEP,
            Qt.Key.Key_Right: _STEP,
            Qt.Key.Key_Down: _STEP,
        }
        step = steps.get(Qt.Key(event.key()))
        if step is None:
            super().keyPressEvent(event)
            return
        horizontal = self.orientation() == Qt.Orientation.Horizontal
        position = self.x() if horizontal else self.y()
        self.moveSplitter(self.closestLegalPosition(position + step))
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            # Here, not at the top: QStyle's hundreds of enums cost the app's start ~5 ms.
            from PySide6.QtWidgets import QStyle, QStyleOptionFocusRect  # noqa: PLC0415

            painter = QPainter(self)
            painter.fillRect(self.rect(), self.palette().highlight())
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter)


class KeyboardSplitter(QSplitter):
    def __init__(
        self, orientation: Qt.Orientation, handle_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(orientation, parent)
        self._handle_name = handle_name
        self.setHandleWidth(max(self.handleWidth(), 6))

    def createHandle(self) -> QSplitterHandle:
        handle = KeyboardSplitterHandle(self.orientation(), self)
        handle.setAccessibleName(self._handle_name)
        handle.setAccessibleDescription(self.tr("Move it with the arrow keys"))
        return handle
