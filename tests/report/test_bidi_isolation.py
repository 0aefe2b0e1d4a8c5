"""A right-to-left name, or one carrying a stray direction override, cannot turn our own words
around it: on paper the crisis line still reads 988, "page 1 of", and "16 points" (the PDF read
back); every HTML line too; and the isolate itself is sound for any text (hypothesis)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from ketachecklist.core.catalogue import load_bundled_catalogue
from ketachecklist.core.document import Comparison
from ketachecklist.core.storage import load_comparison
from ketachecklist.present.text import isolated
from ketachecklist.report.html import render_html
from ketachecklist.report.model import build_report
from ketachecklist.report.pdf import render_pdf
from tests.conftest import EXAMPLES
from tests.report.pdf_text import read_pdf

OVERRIDE = "\u202e"  # RIGHT-TO-LEFT OVERRIDE, with no POP DIRECTIONAL FORMATTING after it
TODAY = dt.date(2026, 12, 10)


def hostile_report_inputs() -> tuple[Comparison, str]:
    comparison = load_comparison(EXAMPLES / "three-clinics.yaml", load_bundled_catalogue())
    comparison.clinics = [
        dataclasses.replace(clinic, name=OVERRIDE + clinic.name) for clinic in comparison.clinics
    ]
    return comparison, OVERRIDE + "lmay.enim"


def test_an_override_in_a_name_leaves_every_printed_page_readable() -> None:
    comparison, source_name = hostile_report_inputs()
    report = build_report(comparison, source_name=source_name, generated=TODAY)
    pages = read_pdf(render_pdf(report))
    for number, text in enumerate(pages.texts, start=1):
        assert f"page {number} of {pages.count}" in text, number
        assert "988" in text, number
        assert "911" in text, number
    first = " ".join(pages.texts[0].split())
    assert "leads on your scores by 16 points" in first
    assert "1st of 3" in first
    assert "stniop" not in first
    assert "889" not in first


def test_an_override_in_a_name_leaves_the_html_footer_and_verdict_in_order() -> None:
    comparison, source_name = hostile_report_inputs()
    report = build_report(comparison, source_name=source_name, generated=TODAY)
    html = render_html(report)
    footer = html[html.index("<footer>") :]
    assert f"\u2068{source_name}\u2069" in footer
    verdict_start = html.index("leads on your scores by")
    assert html[verdict_start - 2 : verdict_start] == "\u2069 "  # the name closed before our words


def test_a_plain_name_comes_back_unchanged() -> None:
    assert isolated("Riverside Ketamine & Wellness (Portland)") == (
        "Riverside Ketamine & Wellness (Portland)"
    )
    assert isolated("") == ""


def _depths(text: str) -> list[int]:
    depth, seen = 0, []
    for character in text:
        if character in "\u2066\u2067\u2068":
            depth += 1
        elif character == "\u2069":
            depth -= 1
        seen.append(depth)
    return seen


@given(
    st.text(
        alphabet=st.characters(codec="utf-8")
        | st.sampled_from("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069א")
    )
)
def test_the_isolate_is_balanced_and_keeps_the_text(text: str) -> None:
    result = isolated(text)
    directional = any(
        unicodedata.bidirectional(c) in {"R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF"}
        or c in "\u2066\u2067\u2068\u2069"
        for c in text
    )
    if not directional:
        assert result == text
        return
    depths = _depths(result)
    assert result.startswith("\u2068")
    assert min(depths) >= 0
    assert depths[-1] == 0
    assert 0 not in depths[:-1]  # nothing of the text stands outside the isolate
    assert result[1:].replace("\u2069", "") == text.replace("\u2069", "")
