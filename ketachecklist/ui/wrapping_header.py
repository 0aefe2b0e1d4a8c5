"""A column header whose labels wrap onto more lines instead of being cut off.

Clinic names are long ("Riverside Mood Disorders Clinic"); the header grows tall enough for
the longest wrapped name at the current column widths. Qt asks for every section's size each
time the columns move (a grid sorted by score, after an edit): a name's size is measured once
per width and font.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

_MAX_LINES = 4
_KEPT_SIZES = 2_000


class WrappingHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        )
        self.sectionResized.connect(self._refit)
        self._sizes: dict[tuple[str, int], QSize] = {}  # (name, section width) → its size

    def sectionSizeFromContents(self, logical_index: int) -> QSize:
        model = self.model()
        if model is None:
            return super().sectionSizeFromContents(logical_index)
        text = model.headerData(logical_index, self.orientation(), Qt.ItemDataRole.DisplayRole)
        if not text:
            return super().sectionSizeFromContents(logical_index)
        key = (str(text), self.sectionSize(logical_index))
        known = self._sizes.get(key)
        if known is None:
            if len(self._sizes) > _KEPT_SIZES:
                self._sizes.clear()
            known = self._sizes[key] = self._measured(logical_index, str(text))
        return QSize(known)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._sizes.clear()  # the same name takes another size in another font or style
        super().changeEvent(event)

    def _measured(self, logical_index: int, text: str) -> QSize:
        size = super().sectionSizeFromContents(logical_index)
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        margin = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, option, self)
        width = max(1, self.sectionSize(logical_index) - margin)
        metrics = self.fontMetrics()
        bounds = metrics.boundingRect(
            QRect(0, 0, width, metrics.lineSpacing() * _MAX_LINES),
            int(Qt.TextFlag.TextWordWrap),
            text,
        )
        lines_height = min(bounds.height(), metrics.lineSpacing() * _MAX_LINES)
        size.setHeight(max(size.height(), lines_height + margin))
        return size

    def _refit(self, *_args: int) -> None:
        # Column widths changed: the wrapped labels may need more (or fewer) lines.
        self.headerDataChanged(self.orientation(), 0, max(0, self.count() - 1))
