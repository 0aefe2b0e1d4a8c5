"""Reading PDFs back with QtPdf: the text of each page and each page's size in points."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSizeF
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtPdf import QPdfDocument

FOOTER = re.compile(r"page (\d+) of (\d+)")


@dataclass(frozen=True)
class PdfPages:
    texts: list[str]
    sizes: list[QSizeF]

    @property
    def count(self) -> int:
        return len(self.texts)

    @property
    def flat(self) -> str:
        """All text, whitespace collapsed (wrapped lines join with one space)."""
        return flatten(" ".join(self.texts))


def flatten(text: str) -> str:
    return " ".join(text.split())


@contextmanager
def opened_pdf(data: bytes) -> Iterator[QPdfDocument]:
    """``data`` loaded into QtPdf, closed again afterwards."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready, document.error()
    try:
        yield document
    finally:
        document.close()
        buffer.close()


def read_pdf(data: bytes) -> PdfPages:
    with opened_pdf(data) as document:
        return _pages(document)


def _pages(document: QPdfDocument) -> PdfPages:
    count = document.pageCount()
    # PDFium gives a hyphen that ends a line back as U+FFFE (it takes it for a soft hyphen);
    # the hyphen is a real one ("off-label" wrapped after "off-").
    texts = [document.getAllText(page).text().replace("\ufffe", "-") for page in range(count)]
    sizes = [document.pagePointSize(page) for page in range(count)]
    return PdfPages(texts, sizes)


_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d]")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufeff]")
_WRAPPED_HYPHEN = re.compile(r"(\w)- ")  # "FDA- approved": wrapped after the hyphen


def searchable(text: str) -> str:
    """Text as a PDF gives it back: emoji are drawn from a colour font that carries no text,
    whitespace collapses, and a line wrapped after a hyphen reads "FDA- approved"."""
    return _WRAPPED_HYPHEN.sub(r"\1-", flatten(_EMOJI.sub("", text)))


def shows(flat: str, expected: str) -> bool:
    """``expected`` appears in the PDF text ``flat``, ignoring whitespace (a line may wrap after
    any punctuation). Right-to-left words may come back in visual order, so for those every
    word must appear. A character no installed font can draw (say CJK on a machine with only
    DejaVu) prints as a fallback box, so it may come back as any one character or none; every
    other character must be there exactly."""
    haystack = _squeezed(flat)
    if _pattern(expected).search(haystack):
        return True
    wanted = searchable(expected)
    return bool(_RTL.search(wanted)) and all(_pattern(w).search(haystack) for w in wanted.split())


def _squeezed(text: str) -> str:
    return "".join(_EMOJI.sub("", text).split())


def _pattern(expected: str) -> re.Pattern[str]:
    """Emoji and characters without a font may come back as one arbitrary character or none
    (a colour font's image carries no text; a symbol font's glyph may map to any letter)."""
    parts = [
        ".?" if _EMOJI.match(ch) or not _drawable(ch) else re.escape(ch)
        for ch in "".join(expected.split())
    ]
    return re.compile("".join(parts))


@cache
def _drawable(char: str) -> bool:
    """Whether any installed font has a glyph for ``char`` (Qt falls back across all of them)."""
    if char.isascii():
        return True
    code = ord(char)
    return any(QFontMetrics(QFont(family)).inFontUcs4(code) for family in _families())


@cache
def _families() -> tuple[str, ...]:
    return tuple(QFontDatabase.families())
