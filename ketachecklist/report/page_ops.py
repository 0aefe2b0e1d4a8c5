"""The drawing operations a laid-out page is made of, replayed on any paint device."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPen,
)

from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.report.text_stack import BLACK, TextStack, pt

_PENS: dict[float, QPen] = {}


def black_pen(width: float) -> QPen:
    """A black pen ``width`` wide, made once (a page draws hundreds of cell borders)."""
    pen = _PENS.get(width)
    if pen is None:
        pen = _PENS[width] = QPen(BLACK, width)
    return pen


class Op:
    def draw(self, painter: QPainter) -> None:
        raise NotImplementedError


@dataclass
class TextOp(Op):
    stack: TextStack
    x: float
    y: float
    start: float
    end: float

    def draw(self, painter: QPainter) -> None:
        self.stack.draw(painter, self.x, self.y, self.start, self.end)


@dataclass
class RectOp(Op):
    rect: QRectF
    fill: QColor | None = None
    border: float = pt(0.6)

    def draw(self, painter: QPainter) -> None:
        if self.fill is not None:
            painter.fillRect(self.rect, self.fill)
        if self.border > 0:
            painter.setPen(black_pen(self.border))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect)


class LineOp(FrozenRecord, Op):
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = pt(0.5)

    def draw(self, painter: QPainter) -> None:
        painter.setPen(black_pen(self.width))
        painter.drawLine(QPointF(self.x1, self.y1), QPointF(self.x2, self.y2))


Page = list[Op]
