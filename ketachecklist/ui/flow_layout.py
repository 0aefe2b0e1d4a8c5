"""A row of controls that wraps onto the next line when the window is narrow (Qt's Flow Layout
example): rating choices, yes/no, the clinic buttons, the treatments offered.

A plain QHBoxLayout's minimum width is the sum of its items, which at a large system font made
the window wider than the screen; here the minimum is the widest single item. The preferred size
is every item on one line and the layout grows sideways, so a form gives it the whole field's
width and it wraps only when that width is really too narrow (with the widest item as its
preferred width, a form field got only that and stacked the items over the rows below).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def _live(self) -> list[QLayoutItem]:
        """The items whose C++ objects still exist. Qt can delete an item behind this Python
        list (a tester saw it while a clinic was removed with every page built: tracebacks
        from sizeHint, minimumSize and setGeometry); such an item is dropped, not asked."""
        if not all(shiboken6.isValid(item) for item in self._items):
            self._items = [item for item in self._items if shiboken6.isValid(item)]
        return self._items

    def count(self) -> int:
        return len(self._live())

    def itemAt(self, index: int) -> QLayoutItem | None:
        items = self._live()
        return items[index] if 0 <= index < len(items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        items = self._live()
        return items.pop(index) if 0 <= index < len(items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """Every item on one line."""
        width, height, previous = 0, 0, None
        for item in self._live():
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if previous is not None:
                width += self._gap(previous, Qt.Orientation.Horizontal)
            width += hint.width()
            height = max(height, hint.height())
            previous = item
        margins: QMargins = self.contentsMargins()
        return QSize(width, height) + QSize(
            margins.left() + margins.right(), margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._live():
            size = size.expandedTo(item.minimumSize())
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _gap(self, item: QLayoutItem, orientation: Qt.Orientation) -> int:
        if self._spacing >= 0:
            return self._spacing
        widget = item.widget()
        style = widget.style() if widget is not None else None
        if style is None:
            return 6
        control = QSizePolicy.ControlType.PushButton
        gap = style.layoutSpacing(control, control, orientation)
        return gap if gap >= 0 else 6

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._live():
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            across = self._gap(item, Qt.Orientation.Horizontal)
            down = self._gap(item, Qt.Orientation.Vertical)
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x, y = area.x(), y + line_height + down
                line_height = 0
            width = min(hint.width(), max(area.width(), item.minimumSize().width()))
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + across
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()
