"""The page engine's rules for words: lines break at spaces only, columns hold their widest word."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ketachecklist.report.paged import Fonts, Para, Style, TextStack, pt, widen_to_fit

STYLE = Style(10)
# Words with the characters after which Qt would otherwise break a line: / - ( ) . @
word = st.text(alphabet="abcdefgh/-().@<>", min_size=1, max_size=14).filter(
    lambda w: any(ch.isalpha() for ch in w)
)
words = st.lists(word, min_size=1, max_size=30)


@pytest.fixture(scope="module")
def fonts() -> Fonts:
    return Fonts()


def line_texts(stack: TextStack) -> list[str]:
    texts = []
    for line in stack.lines:
        text_line = line.layout.lineAt(line.index)
        start, length = text_line.textStart(), text_line.textLength()
        texts.append(line.layout.text()[start : start + length])
    return texts


@settings(max_examples=60, deadline=None)
@given(words=words, slack=st.floats(min_value=0, max_value=3))
def test_lines_break_only_at_spaces_when_every_word_fits(
    fonts: Fonts, words: list[str], slack: float
) -> None:
    text = " ".join(words)
    widest = fonts.widest_word([Para(text, STYLE)])
    stack = TextStack(fonts, [Para(text, STYLE)], widest * (1 + slack) + pt(1))
    lines = line_texts(stack)
    assert "".join(lines) == text  # nothing lost, nothing added
    assert [w for line in lines for w in line.split()] == words  # each word whole on a line


@settings(max_examples=30, deadline=None)
@given(words=words)
def test_a_word_wider_than_the_line_still_breaks_rather_than_overflow(
    fonts: Fonts, words: list[str]
) -> None:
    text = " ".join(["x" * 40, *words])
    stack = TextStack(fonts, [Para(text, STYLE)], pt(60))
    lines = line_texts(stack)
    assert "".join(lines) == text
    assert all(fonts.text_width(line.rstrip(), STYLE) <= pt(60) + pt(0.5) for line in lines)


def test_the_breaks_the_report_once_made_now_fall_at_spaces(fonts: Fonts) -> None:
    for text in ("#10 (tied)", "not scored", "<b>Bold</b> & =SUM(A1)", "FDA-approved or not"):
        widest = fonts.widest_word([Para(text, STYLE)])
        for extra in (0.0, pt(2), pt(5), pt(12)):
            lines = line_texts(TextStack(fonts, [Para(text, STYLE)], widest + pt(0.5) + extra))
            assert [w for line in lines for w in line.split()] == text.split(), (text, lines)


widths_and_needs = st.lists(
    st.tuples(st.floats(min_value=1, max_value=500), st.floats(min_value=0, max_value=500)),
    min_size=1,
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(columns=widths_and_needs)
@example(columns=[(1.0, 1.0), (1.0, 0.9921875)])  # the needs just under the width (found by CI)
def test_columns_are_widened_to_their_widest_word_within_the_same_total(
    columns: list[tuple[float, float]],
) -> None:
    widths = [w for w, _ in columns]
    needs = [n for _, n in columns]
    fitted = widen_to_fit(widths, needs)
    assert sum(fitted) == pytest.approx(sum(widths))
    if sum(needs) < sum(widths):
        assert all(f >= n - 1e-6 for f, n in zip(fitted, needs, strict=True))
        # a column already wide enough only gives room, it never grows
        assert all(f <= w + 1e-6 for f, w, n in zip(fitted, widths, needs, strict=True) if w >= n)
    else:  # the needs alone overflow: shared in proportion to them
        assert all(f >= 0 for f in fitted)
