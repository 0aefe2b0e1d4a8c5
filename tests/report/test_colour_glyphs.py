"""Colour glyphs (emoji) are written into a PDF once per glyph and size, and drawn exactly where
and as Qt's own text drawing puts them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QImage, QPageLayout, QPainter, QPdfWriter

from ketachecklist.report.model import PageSize
from ketachecklist.report.paged import (
    LU_PER_INCH,
    Fonts,
    Para,
    Style,
    TextStack,
    page_layout,
    pdf_bytes,
    pt,
)
from tests.report.pdf_text import opened_pdf

STYLE = Style(10)
EMOJI = ("\U0001f600", "\U0001f48a")  # the factory's clinics carry these two
IMAGE = re.compile(rb"/Subtype\s*/Image")


@pytest.fixture(scope="module")
def fonts() -> Fonts:
    fonts = Fonts()
    stack = TextStack(fonts, [Para(f"a {EMOJI[0]}", STYLE)], pt(100))
    if not stack.colour:
        pytest.skip("no colour emoji font on this machine: Qt draws emoji as outlines")
    return fonts


def stacks_pdf(stacks: list[TextStack], *, own_drawing: bool) -> bytes:
    """One page with ``stacks`` one below the other, drawn by ``TextStack.draw`` or line by line
    with Qt's own ``QTextLine.draw`` (what the engine did before colour glyphs were cached)."""
    layout = page_layout(PageSize.A4, QPageLayout.Orientation.Portrait)

    def paint(writer: QPdfWriter) -> int:
        painter = QPainter(writer)
        painter.scale(writer.logicalDpiX() / LU_PER_INCH, writer.logicalDpiY() / LU_PER_INCH)
        y = 0.0
        for stack in stacks:
            if own_drawing:
                for line in stack.lines:
                    text_line = line.layout.lineAt(line.index)
                    text_line.draw(painter, QPointF(pt(10), y + line.origin))
            else:
                stack.draw(painter, pt(10), y, 0.0, stack.height)
            y += stack.height + pt(4)
        painter.end()
        return 1

    return pdf_bytes(layout, "colour glyphs", paint)


def first_page(data: bytes) -> QImage:
    with opened_pdf(data) as document:
        return document.render(0, QSize(595, 842)).convertToFormat(QImage.Format.Format_RGB32)


def test_each_emoji_is_written_once_however_often_it_is_drawn(fonts: Fonts) -> None:
    texts = [f"Clinic {n} {EMOJI[n % 2]} notes {EMOJI[n % 2]}" for n in range(12)]
    stacks = [TextStack(fonts, [Para(text, STYLE)], pt(400)) for text in texts]
    cached = stacks_pdf(stacks, own_drawing=False)
    qt_own = stacks_pdf(stacks, own_drawing=True)
    # Each distinct emoji is one image and its transparency mask; Qt alone writes one per use.
    assert len(IMAGE.findall(cached)) == 2 * len(EMOJI)
    assert len(IMAGE.findall(qt_own)) == 2 * 2 * len(texts)
    assert len(cached) < len(qt_own) / 2
    assert first_page(cached) == first_page(qt_own)


def test_a_paragraph_split_between_pages_draws_only_its_lines_in_the_slice(fonts: Fonts) -> None:
    text = " ".join(f"word{n} {EMOJI[n % 2]}" for n in range(30))
    stack = TextStack(fonts, [Para(text, STYLE)], pt(120))
    assert len(stack.lines) > 4
    cut = stack.cut(0.0, stack.height / 2)
    layout = page_layout(PageSize.A4, QPageLayout.Orientation.Portrait)

    def slice_pdf(draw_slice: bool) -> bytes:
        def paint(writer: QPdfWriter) -> int:
            painter = QPainter(writer)
            painter.scale(writer.logicalDpiX() / LU_PER_INCH, writer.logicalDpiY() / LU_PER_INCH)
            if draw_slice:
                stack.draw(painter, 0.0, 0.0, cut, stack.height)
            else:  # Qt's own drawing of the same lines, at the same place
                for line in stack.lines:
                    if line.top >= cut - 0.01:
                        text_line = line.layout.lineAt(line.index)
                        text_line.draw(painter, QPointF(0.0, line.origin - cut))
            painter.end()
            return 1

        return pdf_bytes(layout, "slice", paint)

    ours, qt_own = slice_pdf(True), slice_pdf(False)
    assert first_page(ours) == first_page(qt_own)
    assert len(IMAGE.findall(ours)) == 2 * len(EMOJI)


def test_emoji_sequences_look_as_qt_draws_them(fonts: Fonts) -> None:
    stacks = [TextStack(fonts, [Para(f"a {s} b {s}", STYLE)], pt(300)) for s in SEQUENCES]
    assert all(stack.colour for stack in stacks)
    ours = stacks_pdf(stacks, own_drawing=False)
    assert first_page(ours) == first_page(stacks_pdf(stacks, own_drawing=True))


def test_text_without_a_colour_glyph_is_drawn_as_before(fonts: Fonts) -> None:
    stacks = [TextStack(fonts, [Para(t, STYLE)], pt(300)) for t in ("★ 5 · Reassuring", "café —")]
    assert not any(stack.colour for stack in stacks)
    ours = stacks_pdf(stacks, own_drawing=False)
    assert not IMAGE.search(ours)
    assert first_page(ours) == first_page(stacks_pdf(stacks, own_drawing=True))


OTHER_WORDS = ("Zürich", "café", "مركز الأمل", "漢字", "★", "⚠", "<b>x</b>", "=SUM(A1)", "—")
# A heart with its emoji selector, a skin tone, a family joined by ZWJ, a flag: several glyphs
# (or one ligature) from the colour font.
SEQUENCES = (
    "\u2764\ufe0f",
    "\U0001f44d\U0001f3fd",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "\U0001f1e9\U0001f1ea",
)
pieces = st.sampled_from([*EMOJI, *SEQUENCES, *OTHER_WORDS, "x" * 18])


@settings(max_examples=12, deadline=None)
@given(
    words=st.lists(pieces, min_size=1, max_size=14),
    width=st.floats(min_value=40, max_value=300),
    bold=st.integers(min_value=0, max_value=12),
)
def test_mixed_text_looks_as_qt_draws_it(
    fonts: Fonts, words: list[str], width: float, bold: int
) -> None:
    stack = TextStack(fonts, [Para(" ".join(words), STYLE, bold)], pt(width))
    ours, qt_own = (stacks_pdf([stack], own_drawing=own) for own in (False, True))
    assert first_page(ours) == first_page(qt_own)
