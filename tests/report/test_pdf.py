"""The PDF report read back with QtPdf: everything is there, on every page, at every size."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QPageLayout

from ketachecklist.core.document import Clinic, Comparison
from ketachecklist.core.storage import load_comparison
from ketachecklist.report.model import NOT_MEDICAL_ADVICE, PageSize, build_report, chunk_evenly
from ketachecklist.report.paged import Fonts, content_area, page_layout
from ketachecklist.report.pdf import clinics_across, clinics_per_page, render_pdf
from tests.conftest import EXAMPLES
from tests.report.factory import HOSTILE_NAME, clinic_name, long_note, make_comparison
from tests.report.pdf_text import FOOTER, PdfPages, read_pdf, searchable, shows
from tests.strategies import HOSTILE_SAMPLES

A4_POINTS = (595, 842)
LETTER_POINTS = (612, 792)
TODAY = dt.date(2026, 12, 10)


@cache
def rendered(clinics: int, size: PageSize = PageSize.A4) -> tuple[Comparison, PdfPages]:
    comparison = make_comparison(clinics)
    report = build_report(comparison, source_name="family.yaml", generated=TODAY, page_size=size)
    return comparison, read_pdf(render_pdf(report))


def assert_complete(comparison: Comparison, pages: PdfPages) -> None:
    flat = pages.flat
    for clinic in comparison.clinics:
        assert shows(flat, clinic.name), clinic.name
        if clinic.notes:
            assert shows(flat, clinic.notes), clinic.notes
    for question in comparison.questions():
        assert shows(flat, question.text), question.text
    for section in comparison.catalogue.information:
        assert shows(flat, section.title)
        for item in section.items:
            assert shows(flat, item), item


def assert_every_page_footed(pages: PdfPages) -> None:
    for number, text in enumerate(pages.texts, start=1):
        assert f"page {number} of {pages.count}" in text
        assert NOT_MEDICAL_ADVICE in text
        assert "10 December 2026" in text
        assert "family.yaml" in text
        assert FOOTER.findall(text) == [(str(number), str(pages.count))]


@pytest.mark.parametrize("clinics", [1, 3, 10, 30])
def test_every_clinic_question_and_footer_is_printed(clinics: int) -> None:
    comparison, pages = rendered(clinics)
    assert_complete(comparison, pages)
    assert_every_page_footed(pages)


@pytest.mark.parametrize(("clinics", "summary_pages"), [(1, 1), (3, 1), (10, 2), (30, 4)])
def test_first_page_ranks_every_clinic_with_its_figures(clinics: int, summary_pages: int) -> None:
    comparison, pages = rendered(clinics)
    report = build_report(comparison, generated=TODAY)
    # At 10 pt a landscape page 1 ranks a dozen clinics under the verdict and the weights in
    # force, one line each (tests/report/test_first_page_ranking.py); the set scores and the
    # questions rated follow with the note on how to read them (30 clinics: onto a fourth page).
    assert "The clinics, ranked by your scores" in searchable(pages.texts[0])
    front = searchable(" ".join(pages.texts[:summary_pages]))
    assert "How to read this report" in searchable(pages.texts[summary_pages - 1])
    for title in ("Overall", "Questions rated", "Course cost", "Red flags", *report.set_titles):
        assert searchable(title) in front
    for row in report.summary:
        assert shows(front, row.name)
        assert shows(front, row.completeness_text)
        assert shows(front, row.cost_text)
    assert shows(front, report.decision.text)
    assert shows(front, report.decision.reason_text)


def test_hostile_and_long_text_is_printed_literally() -> None:
    _, pages = rendered(10)
    flat = pages.flat
    assert HOSTILE_NAME in flat  # markup drawn as the characters typed
    assert shows(flat, long_note(0))  # a 200-character note, whole
    assert "END-009" in flat
    assert "<script>alert('x')</script>" in flat


def test_red_flags_are_in_words_and_ratings_in_words_and_numbers() -> None:
    _, pages = rendered(3)
    flat = pages.flat
    assert "RED FLAG:" in flat
    assert "5 – Reassuring" in flat or "4 – Good" in flat
    assert "Not asked yet" in flat


@pytest.mark.parametrize(
    ("size", "points"), [(PageSize.A4, A4_POINTS), (PageSize.LETTER, LETTER_POINTS)]
)
def test_page_sizes(size: PageSize, points: tuple[int, int]) -> None:
    _, portrait = rendered(3, size)
    assert {(round(s.width()), round(s.height())) for s in portrait.sizes} == {points}
    _, landscape = rendered(10, size)
    assert {(round(s.width()), round(s.height())) for s in landscape.sizes} == {points[::-1]}


def test_few_clinics_portrait_many_landscape() -> None:
    assert clinics_across(1.0) == 1  # at least one clinic always fits across
    for clinics in (1, 3):
        _, pages = rendered(clinics)
        assert all(s.height() > s.width() for s in pages.sizes)
    for clinics in (10, 30):
        _, pages = rendered(clinics)
        assert all(s.width() > s.height() for s in pages.sizes)


@pytest.mark.parametrize("clinics", [10, 30])
def test_clinics_that_do_not_fit_continue_with_the_question_column_repeated(
    clinics: int,
) -> None:
    comparison, pages = rendered(clinics)
    width = content_area(page_layout(PageSize.A4, QPageLayout.Orientation.Landscape))[0]
    per_page = clinics_per_page(build_report(comparison), Fonts(), width)
    assert per_page <= clinics_across(width)
    chunks = chunk_evenly(clinics, per_page)
    assert len(chunks) >= 2
    names = [c.name for c in build_report(comparison).clinics]
    for question_set in comparison.catalogue.sets:
        first_question = comparison.questions_in(question_set.id)[0].text
        for chunk in chunks:
            label = f"clinics {chunk.start + 1}–{chunk.stop} of {clinics}"
            starts = [t for t in pages.texts if label in t and shows(t, f"{question_set.title}")]
            assert starts, (question_set.title, label)
            # The chunk's table repeats the question column beside its own clinics.
            assert any(
                shows(t, first_question) and all(shows(t, names[i]) for i in chunk) for t in starts
            ), (question_set.title, label)


def test_every_table_page_repeats_the_header_row() -> None:
    comparison, pages = rendered(30)
    questions = [q.text[:30] for q in comparison.questions()]
    # The family page names questions too (strengths, concerns): the tables start after it.
    first_table = next(i for i, t in enumerate(pages.texts) if "About the clinics" in t)
    detail = [t for t in pages.texts[first_table:] if any(q in searchable(t) for q in questions)]
    assert len(detail) > 20
    for text in detail:
        if "What the sources say" in text:
            continue
        assert "Question" in text


def test_example_file_renders_completely() -> None:
    from ketachecklist.core.catalogue import load_bundled_catalogue

    comparison = load_comparison(EXAMPLES / "three-clinics.yaml", load_bundled_catalogue())
    report = build_report(comparison, source_name="three-clinics.yaml", generated=TODAY)
    pages = read_pdf(render_pdf(report))
    assert_complete(comparison, pages)
    for number, text in enumerate(pages.texts, start=1):
        assert f"page {number} of {pages.count}" in text
        assert "three-clinics.yaml" in text


def test_an_empty_comparison_still_prints() -> None:
    comparison = make_comparison(0)
    pages = read_pdf(render_pdf(build_report(comparison, generated=TODAY)))
    assert "No clinics in this comparison yet." in pages.flat
    assert all(shows(pages.flat, q.text) for q in comparison.questions())
    assert all(NOT_MEDICAL_ADVICE in t for t in pages.texts)


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.sampled_from(HOSTILE_SAMPLES) | st.text(min_size=1, max_size=40),
    note=st.text(alphabet="abc <>&=+-@\n", min_size=150, max_size=200),
)
def test_any_name_and_long_note_is_printed_whole(name: str, note: str) -> None:
    comparison = make_comparison(2, decide=False)
    first = comparison.clinics[0]
    readable = name if name.strip() else "x"
    comparison.update_clinic(_renamed(first, readable, note))
    pages = read_pdf(render_pdf(build_report(comparison, generated=TODAY)))
    flat = pages.flat
    printable = "".join(ch for ch in readable if ch.isprintable() or ch in "\n\t")
    for word in searchable(printable).split():
        if word.isascii():
            assert shows(flat, word), word
    assert shows(flat, note)
    assert_every_page_footed_without_name(pages)


def assert_every_page_footed_without_name(pages: PdfPages) -> None:
    for number, text in enumerate(pages.texts, start=1):
        assert f"page {number} of {pages.count}" in text
        assert NOT_MEDICAL_ADVICE in text


def _renamed(clinic: Clinic, name: str, notes: str) -> Clinic:
    import dataclasses

    return dataclasses.replace(clinic, name=name, notes=notes)


def test_names_are_unique_in_the_factory() -> None:
    names = [clinic_name(i) for i in range(30)]
    assert len(set(names)) == 30


def test_a_cell_taller_than_a_page_splits_across_pages_and_loses_nothing() -> None:
    from ketachecklist.core.document import Answer

    comparison = make_comparison(3, decide=False)
    question = comparison.questions()[0]
    words = " ".join(f"w{n:04d}" for n in range(900))  # about 5,400 characters
    comparison.set_answer(comparison.clinics[1].id, question.id, Answer(rating=2, said=words))
    pages = read_pdf(render_pdf(build_report(comparison, generated=TODAY)))
    flat = searchable(pages.flat)
    holders = [t for t in pages.texts if "w0000" in t or "w0899" in t]
    assert all(f"w{n:04d}" in flat for n in range(900))
    assert len({pages.texts.index(t) for t in holders}) >= 2  # the row went on to a next page
    for text in pages.texts:
        if "w0450" in text:
            assert "Question" in text  # the header row repeats above the continued row
            assert "1.1 (continued)" in text  # which question the continued row belongs to
