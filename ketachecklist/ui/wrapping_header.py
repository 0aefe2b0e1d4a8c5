"""A column header whose labels wrap onto more lines instead of being cut off.

Clinic names are long ("Riverside Mood Disorders Clinic"); the header grows tall enough for
the longest wrapped name at the current column widths.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

_MAX_LINES = 4


class WrappingHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        )
        self.sectionResized.connect(self._refit)

    def sectionSizeFromContents(self, logical_index: int) -> QSize:
        size = super().sectionSizeFromContents(logical_index)
        model = self.model()
        if model is None:
            return size
        text = model.headerData(logical_index, self.orientation(), Qt.ItemDataRole.DisplayRole)
        if not text:
            return size
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        margin = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, option, self)
        width = max(1, self.sectionSize(logical_index) - margin)
        metrics = self.fontMetrics()
        bounds = metrics.boundingRect(
            QRect(0, 0, width, metrics.lineSpacing() * _MAX_LINES),
            int(Qt.TextFlag.TextWordWrap),
            str(text),
        )
        lines_height = min(bounds.height(), metrics.lineSpacing() * _MAX_LINES)
        size.setHeight(max(size.height(), lines_height + margin))
        return size

    def _refit(self, *_args: int) -> None:
        # Column widths changed: the wrapped labels may need more (or fewer) lines.
        self.headerDataChanged(self.orientation(), 0, max(0, self.count() - 1))
