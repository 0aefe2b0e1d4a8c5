"""Word boxes read back from a PDF with poppler's ``pdftotext -bbox``, and the type size of each.

pdftotext gives each word's box; its height is the font's ascent plus descent, a fixed multiple
of the type size for one font family. ``points_per_height`` measures that multiple on a
reference PDF drawn here with plain QPainter text at a known point size (nothing of the report
engine), so the sizes read back do not take the engine's word for it.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF
from PySide6.QtGui import QFont, QPainter, QPdfWriter

from ketachecklist.report.paged import Fonts

PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(
    PDFTOTEXT is None,
    reason="pdftotext (poppler-utils) is not installed, so type sizes cannot be read back: "
    "apt-get install poppler-utils (.ci/run installs it)",
)
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)
REFERENCE_POINTS = 20.0


@dataclass(frozen=True)
class Word:
    text: str
    left: float
    top: float
    right: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class WordPage:
    width: float
    height: float
    words: list[Word]


def read_words(data: bytes) -> list[WordPage]:
    assert PDFTOTEXT is not None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.pdf"
        path.write_bytes(data)
        done = subprocess.run(
            [PDFTOTEXT, "-bbox", "-raw", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            check=True,
            timeout=120,
        )
    output = done.stdout.decode("utf-8")
    pages = []
    for width, height, body in _PAGE.findall(output):
        words = [
            Word(html.unescape(text), float(x0), float(y0), float(x1), float(y1))
            for x0, y0, x1, y1, text in _WORD.findall(body)
        ]
        pages.append(WordPage(float(width), float(height), words))
    return pages


@cache
def points_per_height() -> float:
    """Type size in points per point of word-box height, for the report's font family."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    painter = QPainter(writer)
    ratios = []
    for index, bold in enumerate((False, True)):
        font = QFont()
        font.setFamilies([Fonts().family])
        font.setPointSizeF(REFERENCE_POINTS)
        font.setBold(bold)
        painter.setFont(font)
        painter.drawText(QPointF(500, 2000 + 2000 * index), "Reference")
    painter.end()
    del writer
    buffer.close()
    pages = read_words(bytes(data.data()))
    ratios = [REFERENCE_POINTS / w.height for w in pages[0].words if w.text == "Reference"]
    assert len(ratios) == 2
    assert abs(ratios[0] - ratios[1]) < 0.01 * ratios[0]  # regular and bold alike
    return sum(ratios) / 2


def size(word: Word) -> float:
    """The type size of ``word``, in points."""
    return word.height * points_per_height()


def occurrences(page: WordPage, phrase: str) -> list[list[Word]]:
    """Every run of consecutive words on ``page`` that reads ``phrase``."""
    wanted = phrase.split()
    words = page.words
    runs = []
    for start in range(len(words) - len(wanted) + 1):
        if all(words[start + i].text == w for i, w in enumerate(wanted)):
            runs.append(words[start : start + len(wanted)])
    return runs
