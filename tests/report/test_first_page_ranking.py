"""Page 1 of the printed report ranks every clinic it can hold, one line each, and says on
which page the ranking goes on only when it cannot hold them all."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketachecklist.core.limits import MAX_CLINICS
from ketachecklist.report.model import ComparisonReport, build_report
from ketachecklist.report.paged import (
    Flow,
    Fonts,
    Page,
    Para,
    RectOp,
    TextOp,
    TextStack,
    body_height,
    content_area,
    pt,
)
from ketachecklist.report.pdf import first_page, render_pdf, report_page_layout
from ketachecklist.report.pdf_styles import CELL, CELL_BOLD, PADDING
from tests.report.factory import make_comparison
from tests.report.pdf_text import PdfPages, read_pdf, searchable, shows
from tests.report.pdf_words import needs_pdftotext, read_words, size
from tests.report.test_print_legibility import TOLERANCE, checkable

TODAY = dt.date(2026, 12, 10)
CONTINUES = re.compile(r"The ranking continues on page (\d+): clinics (\d+) to (\d+) of (\d+)\.")


@cache
def report_of(clinics: int) -> ComparisonReport:
    return build_report(make_comparison(clinics), source_name="family.yaml", generated=TODAY)


@cache
def pdf_of(clinics: int) -> bytes:
    return render_pdf(report_of(clinics))


@cache
def pages_of(clinics: int) -> PdfPages:
    return read_pdf(pdf_of(clinics))


def first_pages(report: ComparisonReport) -> list[Page]:
    """The report's first page, and the pages the family page flows onto, laid out alone."""
    layout = report_page_layout(report)
    flow = Flow(Fonts(), content_area(layout)[0], body_height(layout))
    first_page(flow, report)
    return flow.pages


def paragraphs(page: Page) -> list[str]:
    """The text of every paragraph drawn on ``page``, in drawing order."""
    texts: list[str] = []
    for op in page:
        if isinstance(op, TextOp):
            lines = [ln for ln in op.stack.lines if op.start <= ln.top < op.end]
            for layout in dict.fromkeys(ln.layout for ln in lines):
                texts.append(layout.text())
    return texts


def ranked_names(pages: list[Page], report: ComparisonReport) -> list[str]:
    """The clinics' names as the compact ranking lists them, in order: up to the heading of
    the set scores' table."""
    names = {row.name for row in report.summary}
    found = []
    for page in pages:
        for text in paragraphs(page):
            if text == "Scores by question set and questions rated":
                return found
            if text in names:
                found.append(text)
    return found


def assert_ranked_on_page_one(pages: PdfPages, report: ComparisonReport, rows: int) -> None:
    """The first ``rows`` clinics, each with its standing, score, cost and red flags."""
    first = searchable(pages.texts[0])
    for row in report.summary[:rows]:
        for fact in (row.rank_text, row.name, row.cost_text, row.red_flags_text):
            assert shows(first, searchable(fact)), fact
    for row in report.summary[rows:]:
        if row.decided:
            continue  # named on page 1 anyway, in the recorded decision above the ranking
        if all(checkable(word) for word in row.name.split()):  # comes back word for word
            assert not shows(first, searchable(row.name)), row.name


def test_twelve_clinics_are_ranked_on_the_first_page_as_far_as_it_holds_them() -> None:
    """A landscape page 1 holds ten or so one-line rows under the verdict and the recorded
    decision; the rest of the twelve follow on page 2, and page 1 says so."""
    report, pages = report_of(12), pages_of(12)
    first = searchable(pages.texts[0])
    assert "The clinics, ranked by your scores" in first
    note = CONTINUES.search(first)
    shown = 12 if note is None else int(note.group(2)) - 1
    assert shown >= 10
    assert_ranked_on_page_one(pages, report, shown)
    # The set scores and questions rated follow, with the note on how to read the report.
    second = searchable(pages.texts[1])
    assert "Scores by question set and questions rated" in second
    assert "How to read this report" in second
    for row in report.summary:
        assert shows(second, searchable(row.completeness_text)), row.completeness_text


def test_a_ranking_too_long_for_page_one_says_where_it_goes_on() -> None:
    report, pages = report_of(20), pages_of(20)
    note = CONTINUES.search(searchable(pages.texts[0]))
    assert note is not None
    page, first, last, count = map(int, note.groups())
    assert (page, last, count) == (2, 20, 20)
    assert first > 10  # page 1 holds a dozen or so, one line each
    assert_ranked_on_page_one(pages, report, first - 1)
    second = searchable(pages.texts[1])
    assert "The clinics, ranked by your scores (continued)" in second
    for row in report.summary[first - 1 :]:
        assert shows(second, searchable(row.name)), row.name


@needs_pdftotext
@pytest.mark.parametrize("clinics", [12, 20])
def test_the_first_page_is_set_at_the_print_rules_sizes(clinics: int) -> None:
    page = read_words(pdf_of(clinics))[0]
    footer_top = page.height - 50  # the two 9 pt footer lines
    sizes = [size(w) for w in page.words if w.bottom < footer_top and checkable(w.text)]
    assert min(sizes) >= CELL.size - TOLERANCE  # table cells and the note: 10 pt at least


def test_at_the_clinic_limit_every_clinic_is_ranked_once_in_order() -> None:
    report = build_report(make_comparison(MAX_CLINICS, answered=0.3), generated=TODAY)
    pages = first_pages(report)
    assert ranked_names(pages, report) == [row.name for row in report.summary]
    note = next(CONTINUES.fullmatch(t) for t in paragraphs(pages[0]) if CONTINUES.fullmatch(t))
    assert note is not None
    assert note.group(1) == "2"
    assert note.group(4) == str(MAX_CLINICS)
    shown = ranked_names(pages[:1], report)
    assert int(note.group(2)) == len(shown) + 1 > 10
    assert_rows_one_line(pages[0], report, len(shown))


def assert_rows_one_line(page: Page, report: ComparisonReport, rows: int) -> None:
    """The ranking's header and its ``rows`` rows on ``page`` are one line of 10 pt text
    tall, but for the clinic decided on (its mark takes a second line)."""
    one_line = TextStack(Fonts(), [Para("1st of 500", CELL_BOLD)], pt(200)).height + PADDING * 2
    cells = [op for op in page if isinstance(op, RectOp)]
    one_line_cells = [op for op in cells if abs(op.rect.height() - one_line) < pt(0.5)]
    columns = 5  # rank, name, overall, course cost, red flags
    decided = sum(row.decided for row in report.summary[:rows])
    assert len(one_line_cells) == columns * (1 + rows - decided)  # the header is one line too


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=1, max_value=30), st.integers(min_value=1, max_value=50))
def test_page_one_ranks_every_clinic_it_can_and_names_the_page_of_the_rest(
    clinics: int, seed: int
) -> None:
    report = build_report(make_comparison(clinics, seed=seed), generated=TODAY)
    pages = first_pages(report)
    names = [row.name for row in report.summary]
    notes = [CONTINUES.fullmatch(t) for page in pages for t in paragraphs(page)]
    notes = [n for n in notes if n]
    compact = any(
        "Scores by question set and questions rated" in paragraphs(page) for page in pages
    )
    on_page_one = ranked_names(pages[:1], report)
    if compact:  # every clinic once, in rank order; all on page 1 or a note says where
        assert ranked_names(pages, report) == names
        assert len(on_page_one) == clinics or notes
    else:  # the whole summary in one table, all of it on page 1
        assert all(name in paragraphs(pages[0]) for name in names)
        assert not notes
    if notes:
        assert len(notes) == 1
        page, first, last, count = map(int, notes[0].groups())
        assert notes[0].group(0) in paragraphs(pages[0])
        assert (page, first, last, count) == (2, len(on_page_one) + 1, clinics, clinics)


@pytest.mark.parametrize("clinics", [3, 12, 20])
def test_the_recorded_decision_is_on_the_first_page(clinics: int) -> None:
    """However many clinics the ranking lists, page 1 carries the recorded decision and its
    reason (the design's first page: the verdict, the ranking and the decision)."""
    report, pages = report_of(clinics), pages_of(clinics)
    assert report.decision.reason_text  # the factory records a decision with a reason
    first = searchable(pages.texts[0])
    assert shows(first, searchable(report.decision.text)), report.decision.text
    assert shows(first, searchable(report.decision.reason_text)), report.decision.reason_text


@pytest.mark.parametrize("clinics", [3, 12, 20])
def test_the_clinic_blocks_heading_is_never_left_alone_at_a_page_foot(clinics: int) -> None:
    """'Each clinic in short' starts the page its first row of blocks is on: it was kept with
    one block measured at the page's width, while three narrow blocks across are far taller."""
    report, pages = report_of(clinics), pages_of(clinics)
    heading = report.family.blocks_heading
    page = next(i for i, text in enumerate(pages.texts) if heading in searchable(text))
    first = report.family.clinics[0]
    assert shows(searchable(pages.texts[page]), searchable(first.standing_text))
    assert shows(searchable(pages.texts[page]), searchable(first.lines[0][1]))
