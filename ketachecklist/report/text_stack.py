"""Plain text for the page-layout engine (report/paged.py): layout units, styles, fonts, and
the TextStack that wraps paragraphs into lines, breaking only at spaces.

Each paragraph is a ``QTextLayout`` over the raw string, so markup in a clinic's name is drawn
as the characters typed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGlyphRun,
    QImage,
    QPainter,
    QRawFont,
    QTextCharFormat,
    QTextLayout,
    QTextLine,
    QTextOption,
)

from ketachecklist.qt.none_refcount import guard_none_refcount
from ketachecklist.report.model import printable_text

guard_none_refcount()  # before the thousands of Qt calls a layout makes (see ketachecklist/qt)

LU_PER_INCH = 720.0
EPSILON = 0.01
_PREFERRED_FAMILIES = (
    "DejaVu Sans",
    "Noto Sans",
    "Liberation Sans",
    "Segoe UI",
    "Helvetica Neue",
    "Arial",
    "Helvetica",
)
BLACK = QColor(0, 0, 0)


def pt(points: float) -> float:
    return points * 10.0


def mm(millimetres: float) -> float:
    return millimetres * LU_PER_INCH / 25.4


class Align(Enum):
    LEFT = Qt.AlignmentFlag.AlignLeft
    CENTER = Qt.AlignmentFlag.AlignHCenter
    RIGHT = Qt.AlignmentFlag.AlignRight


@dataclass(frozen=True)
class Style:
    size: float  # points
    bold: bool = False
    italic: bool = False
    align: Align = Align.LEFT
    space_after: float = 0.0  # points after the paragraph, inside a stack


@dataclass(frozen=True)
class Para:
    """One paragraph of plain text; the first ``bold_prefix`` characters are set in bold."""

    text: str
    style: Style
    bold_prefix: int = 0


class Fonts:
    """QFonts for styles, in a family found on this system (emoji and other scripts fall back
    to whatever font has the glyph, through Qt's font merging)."""

    def __init__(self) -> None:
        available = set(QFontDatabase.families())
        self.family = next((f for f in _PREFERRED_FAMILIES if f in available), "")
        self._fonts: dict[Style, QFont] = {}
        self._word_widths: dict[tuple[str, Style], tuple[float, ...]] = {}
        self._elided: dict[tuple[str, Style, float], str] = {}
        self.colour_glyphs = ColourGlyphs()

    def font(self, style: Style) -> QFont:
        font = self._fonts.get(style)
        if font is None:
            font = QFont()
            if self.family:
                font.setFamilies([self.family])
            font.setStyleHint(QFont.StyleHint.SansSerif)
            font.setPixelSize(max(1, round(pt(style.size))))
            font.setBold(style.bold)
            font.setItalic(style.italic)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            font.setKerning(True)
            # No "fi"/"fl" ligatures, so text copied or searched in a PDF reader reads as typed.
            font.setFeature(QFont.Tag("liga"), 0)
            font.setFeature(QFont.Tag("clig"), 0)
            self._fonts[style] = font
        return font

    def elided(self, text: str, style: Style, width: float) -> str:
        """``text`` on one line, shortened in the middle to ``width`` if it must be (a footer:
        the same line on every page is measured once)."""
        key = (text, style, width)
        fitted = self._elided.get(key)
        if fitted is None:
            metrics = QFontMetricsF(self.font(style))
            one_line = printable_text(text).replace("\n", " ")
            fitted = metrics.elidedText(one_line, Qt.TextElideMode.ElideMiddle, width)
            self._elided[key] = fitted
        return fitted

    def text_width(self, text: str, style: Style) -> float:
        return QFontMetricsF(self.font(style)).horizontalAdvance(text)

    def word_widths(self, text: str, style: Style) -> tuple[float, ...]:
        """The widths of the words (runs between spaces) of ``text``, widest first."""
        key = (text, style)
        widths = self._word_widths.get(key)
        if widths is None:
            metrics = QFontMetricsF(self.font(style))
            measured = {metrics.horizontalAdvance(w) for w in printable_text(text).split()}
            widths = self._word_widths[key] = tuple(sorted(measured, reverse=True))
        return widths

    def widest_word(self, paragraphs: Sequence[Para], up_to: float = float("inf")) -> float:
        """The width of the widest word of ``paragraphs``: the narrowest box they can be set
        in without breaking a word. Words wider than ``up_to`` are left out (no box on the
        page could hold them)."""
        widest = 0.0
        for para in paragraphs:
            style = para.style
            if para.bold_prefix:  # measure every word as if bold: never too narrow
                style = Style(style.size, bold=True, italic=style.italic)
            fitting = (w for w in self.word_widths(para.text, style) if w <= up_to)
            widest = max(widest, next(fitting, 0.0))
        return widest


class ColourGlyphs:
    """Colour glyphs (emoji) drawn as images made once per glyph and size.

    Qt's PDF engine draws a colour glyph as an image, but decodes it from the font and writes
    it to the file anew each time; an image it has seen (the same ``QImage.cacheKey``) it
    writes once. So a paragraph with a colour glyph is drawn run by run: its other text as
    glyph runs, each colour glyph as this cache's image, where Qt would have put it.
    """

    def __init__(self) -> None:
        self._images: dict[tuple[str, str, int, float, int], QImage] = {}
        self._colour_families: dict[str, bool] = {}

    def in_runs(self, runs: Sequence[QGlyphRun]) -> bool:
        """True if any of ``runs`` is set in a colour font."""
        return any(self._is_colour(run) for run in runs)

    def draw(self, painter: QPainter, origin: QPointF, runs: Sequence[QGlyphRun]) -> None:
        for run in runs:
            if not self._is_colour(run):
                painter.drawGlyphRun(origin, run)
                continue
            painter.save()  # as Qt draws a colour glyph: smoothed when text is antialiased
            smooth = bool(painter.renderHints() & QPainter.RenderHint.TextAntialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
            font = run.rawFont()
            left, top = origin.x(), origin.y() - font.ascent()
            for glyph, position in zip(run.glyphIndexes(), run.positions(), strict=True):
                # Qt puts a colour glyph at whole units, rounded down.
                at = QPointF(math.floor(left + position.x()), math.floor(top + position.y()))
                painter.drawImage(at, self._image(font, glyph))
            painter.restore()

    def _image(self, font: QRawFont, glyph: int) -> QImage:
        key = (font.familyName(), font.styleName(), font.weight(), font.pixelSize(), glyph)
        image = self._images.get(key)
        if image is None:
            image = self._images[key] = font.alphaMapForGlyph(glyph, _PIXEL_ANTIALIASING)
        return image

    def _is_colour(self, run: QGlyphRun) -> bool:
        font = run.rawFont()
        family = font.familyName()
        colour = self._colour_families.get(family)
        if colour is None:
            # A colour font's glyphs come as ARGB images, an outline font's as coverage masks;
            # a space has no image, so the first glyph that has one decides.
            for glyph in run.glyphIndexes():
                sample = font.alphaMapForGlyph(glyph, _PIXEL_ANTIALIASING)
                if not sample.isNull():
                    colour = sample.format() == QImage.Format.Format_ARGB32_Premultiplied
                    self._colour_families[family] = colour
                    return colour
            return False
        return colour


_PIXEL_ANTIALIASING = QRawFont.AntialiasingType.PixelAntialiasing
# Paragraphs with no character past this one (Latin, Greek, Cyrillic, Hebrew, Arabic, general
# punctuation such as "—" and "·") are drawn whole by Qt without a look at their glyph runs:
# emoji and their selectors all come later. A colour glyph still among them (say "‼" where the
# font lacks it) is drawn by Qt as before, only not shared.
_LAST_PLAIN = "\u206f"


@dataclass(slots=True)
class _Line:
    top: float
    bottom: float
    layout: QTextLayout
    index: int
    origin: float  # the y of the line's layout within the stack


@dataclass(slots=True)
class _Block:
    """One paragraph's QTextLayout and the span of ``TextStack.lines`` it holds."""

    layout: QTextLayout
    origin: float
    top: float
    bottom: float
    first: int
    count: int
    colour: bool  # has a colour glyph: drawn through ColourGlyphs


_OPTIONS: dict[Align, QTextOption] = {}


def _text_option(align: Align) -> QTextOption:
    option = _OPTIONS.get(align)
    if option is None:
        option = _OPTIONS[align] = QTextOption(Qt.AlignmentFlag(align.value))
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


class TextStack:
    """Paragraphs stacked in a box ``width`` wide, wrapped into lines.

    ``height`` is known at once; ``cut`` finds where the stack may be split between lines and
    ``draw`` paints any such slice.
    """

    def __init__(self, fonts: Fonts, paragraphs: Sequence[Para], width: float) -> None:
        self.width = width = max(width, pt(4))
        self._colour_glyphs = colour_glyphs = fonts.colour_glyphs
        self.lines: list[_Line] = []
        # QTextLines live only as long as their layout; a block is drawn whole when it can be.
        self._blocks: list[_Block] = []
        lines = self.lines
        y = 0.0
        for para in paragraphs:
            text = printable_text(para.text).replace("\n", "\u2028")
            if not text:
                continue
            style = para.style
            if y > 0:
                y += pt(style.size) * 0.25
            layout = QTextLayout(text, fonts.font(style))
            layout.setTextOption(_text_option(style.align))
            layout.setCacheEnabled(True)
            if para.bold_prefix > 0:
                layout.setFormats([_bold_range(min(para.bold_prefix, len(text)))])
            layout.beginLayout()
            first = len(lines)
            line_y = 0.0
            index = 0
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                _break_at_a_space(line, text, width)
                line.setPosition(QPointF(0.0, line_y))
                height = line.height()
                lines.append(_Line(y + line_y, y + line_y + height, layout, index, y))
                line_y += height
                index += 1
            layout.endLayout()
            colour = max(text) > _LAST_PLAIN and colour_glyphs.in_runs(layout.glyphRuns())
            self._blocks.append(_Block(layout, y, y, y + line_y, first, index, colour))
            y += line_y + pt(style.space_after)
        self.height = lines[-1].bottom if lines else 0.0

    @property
    def colour(self) -> bool:
        """True if some of the text is set in a colour font (emoji)."""
        return any(block.colour for block in self._blocks)

    def cut(self, start: float, room: float) -> float:
        """The lowest line bottom at most ``room`` below ``start``; ``start`` if none fits."""
        best = start
        for line in self.lines:
            if line.top < start - EPSILON:
                continue
            if line.bottom - start > room + EPSILON:
                break
            best = line.bottom
        return best

    def next_cut(self, start: float) -> float:
        """The bottom of the first line at or after ``start`` (to force progress)."""
        return next((ln.bottom for ln in self.lines if ln.top >= start - EPSILON), self.height)

    def draw(self, painter: QPainter, x: float, y: float, start: float, end: float) -> None:
        low, high = start - EPSILON, end + EPSILON
        for block in self._blocks:
            origin = QPointF(x, y - start + block.origin)
            if block.top >= low and block.bottom <= high and not block.colour:
                block.layout.draw(painter, origin)  # every line of it: one call
                continue
            if block.bottom < low or block.top > high:
                continue
            # Line by line, top to bottom as Qt draws them (the whole layout's glyph runs come
            # in no set order, and where two lines' glyphs touch a pixel the order shows).
            for line in self.lines[block.first : block.first + block.count]:
                if line.top < low or line.bottom > high:
                    continue
                text_line = block.layout.lineAt(line.index)
                if block.colour:
                    self._colour_glyphs.draw(painter, origin, text_line.glyphRuns())
                else:
                    text_line.draw(painter, origin)


def _bold_range(length: int) -> QTextLayout.FormatRange:
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    prefix = QTextLayout.FormatRange()
    prefix.start = 0
    prefix.length = length
    prefix.format = bold
    return prefix


def _break_at_a_space(line: QTextLine, text: str, width: float) -> None:
    """Move a break Qt put inside a word (after "/" or "-", or anywhere) back to the line's
    last space; a line with no space holds one overlong word and keeps Qt's break."""
    start = line.textStart()
    end = start + line.textLength()
    if end >= len(text) or text[end - 1].isspace() or text[end].isspace():
        return
    space = max((i for i in range(start, end) if text[i].isspace()), default=-1)
    if space >= start:
        line.setNumColumns(space - start + 1, width)
