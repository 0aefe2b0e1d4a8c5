"""Consultation sheets, for one clinic and blank, read back with QtPdf."""

from __future__ import annotations

import datetime as dt

import pytest

from ketachecklist.core.catalogue import load_bundled_catalogue
from ketachecklist.core.document import Comparison
from ketachecklist.core.storage import load_comparison
from ketachecklist.report.model import NOT_MEDICAL_ADVICE, PageSize, build_sheet
from ketachecklist.report.sheet import render_sheet_pdf
from tests.conftest import EXAMPLES
from tests.report.factory import HOSTILE_NAME, make_comparison
from tests.report.pdf_text import read_pdf, shows

TODAY = dt.date(2026, 12, 10)


@pytest.fixture(scope="module")
def example() -> Comparison:
    return load_comparison(EXAMPLES / "three-clinics.yaml", load_bundled_catalogue())


def test_sheet_for_one_clinic_has_every_question_why_and_answers(example: Comparison) -> None:
    clinic = example.clinics[2]
    sheet = build_sheet(example, clinic.id, source_name="three-clinics.yaml", generated=TODAY)
    pages = read_pdf(render_sheet_pdf(sheet))
    flat = pages.flat
    assert shows(flat, clinic.name)
    for question in example.questions():
        assert shows(flat, question.text)
        assert shows(flat, question.why)
    recorded = [q for q in sheet.questions() if q.recorded is not None]
    assert recorded
    for question in recorded:
        assert shows(flat, question.recorded_text)
    assert "Recorded so far: nothing yet." in flat
    assert "Your rating:" in flat
    assert "Other questions and notes" in flat
    for number, text in enumerate(pages.texts, start=1):
        assert f"page {number} of {pages.count}" in text
        assert NOT_MEDICAL_ADVICE in text


def test_blank_sheet_leaves_room_and_records_nothing(example: Comparison) -> None:
    sheet = build_sheet(example, None, generated=TODAY, page_size=PageSize.LETTER)
    pages = read_pdf(render_sheet_pdf(sheet))
    assert "Recorded so far" not in pages.flat
    assert "blank consultation sheet" in pages.texts[0]
    assert all(shows(pages.flat, q.text) for q in example.questions())
    assert {(round(s.width()), round(s.height())) for s in pages.sizes} == {(612, 792)}


def test_sheet_prints_hostile_names_literally() -> None:
    comparison = make_comparison(2)
    sheet = build_sheet(comparison, comparison.clinics[1].id, generated=TODAY)
    pages = read_pdf(render_sheet_pdf(sheet))
    assert HOSTILE_NAME in pages.flat
    assert all(HOSTILE_NAME in t for t in pages.texts)  # in the footer of every page


def test_sheet_marks_deal_breakers_and_says_when_they_rule_the_clinic_out(
    example: Comparison,
) -> None:
    """The patient's deal-breakers are on the sheet as on the grid, for a clinic and on a blank
    sheet; a clinic they rule out says so on the first page, with the reason."""
    comparison = load_comparison(EXAMPLES / "three-clinics.yaml", load_bundled_catalogue())
    question = "evaluation-who-evaluates"  # Quickwell rated it 2 in the example
    comparison.set_deal_breaker(question, True)
    text = comparison.question(question).text
    ruled_out = next(c for c in comparison.clinics if c.name.startswith("Quickwell"))
    other = next(c for c in comparison.clinics if c.name.startswith("Riverside"))

    sheet = build_sheet(comparison, ruled_out.id, generated=TODAY)
    pages = read_pdf(render_sheet_pdf(sheet))
    assert shows(pages.flat, f"{text} (deal-breaker for me)")
    assert sheet.ruled_out_text.startswith("Ruled out by your own criteria:")
    assert shows(pages.texts[0], sheet.ruled_out_text)

    kept = read_pdf(render_sheet_pdf(build_sheet(comparison, other.id, generated=TODAY)))
    assert shows(kept.flat, f"{text} (deal-breaker for me)")
    assert "Ruled out" not in kept.flat
    blank = read_pdf(render_sheet_pdf(build_sheet(comparison, None, generated=TODAY)))
    assert shows(blank.flat, f"{text} (deal-breaker for me)")
    assert "Ruled out" not in blank.flat
