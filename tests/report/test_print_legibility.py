"""Print that older eyes can read, checked on the PDFs themselves: type sizes read back with
pdftotext, no word broken across lines, the first page used, the reading note beside its table,
crisis help on the first page and in every footer — for the report, the print preview and the
consultation sheet."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter

from ketachecklist import CRISIS_HELP
from ketachecklist.core.catalogue import load_bundled_catalogue
from ketachecklist.core.document import BLANK, Comparison
from ketachecklist.core.storage import load_comparison
from ketachecklist.report.model import (
    CRISIS_POINTER,
    NOT_MEDICAL_ADVICE,
    ComparisonReport,
    build_report,
    build_sheet,
)
from ketachecklist.report.paged import FOOTER_HEIGHT, Flow, Fonts, Para, Row, Style, Table, pt
from ketachecklist.report.pdf import paint_report, render_pdf, report_page_layout
from ketachecklist.report.sheet import render_sheet_pdf
from tests.conftest import EXAMPLES
from tests.report.factory import make_comparison
from tests.report.pdf_text import _EMOJI, PdfPages, _drawable, read_pdf, searchable, shows
from tests.report.pdf_words import WordPage, needs_pdftotext, occurrences, read_words, size

TODAY = dt.date(2026, 12, 10)
TOLERANCE = 0.05  # points: rounding between the layout's tenths of a point and the PDF
BODY, CELL, SMALLEST = 11.0, 10.0, 9.0
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufeff]")


@cache
def example() -> Comparison:
    return load_comparison(EXAMPLES / "three-clinics.yaml", load_bundled_catalogue())


@cache
def comparison_of(clinics: int) -> Comparison:
    return example() if clinics == 0 else make_comparison(clinics)


def report_of(clinics: int) -> ComparisonReport:
    """0: the example file's three clinics; otherwise the factory's hostile comparison."""
    return build_report(comparison_of(clinics), source_name="family.yaml", generated=TODAY)


@cache
def pdf_of(clinics: int) -> bytes:
    return render_pdf(report_of(clinics))


@cache
def words_of(clinics: int) -> list[WordPage]:
    return read_words(pdf_of(clinics))


@cache
def text_of(clinics: int) -> PdfPages:
    return read_pdf(pdf_of(clinics))


def checkable(word: str) -> bool:
    """A word every machine draws from the report's own font (no emoji, right-to-left script
    or character without a font), so it comes back from the PDF exactly as written."""
    return (
        bool(word)
        and not _RTL.search(word)
        and not _EMOJI.search(word)
        and all(_drawable(ch) for ch in word)
    )


def longest_checkable_run(text: str) -> str:
    runs: list[list[str]] = [[]]
    for word in text.split():
        if checkable(word):
            runs[-1].append(word)
        else:
            runs.append([])
    return " ".join(max(runs, key=lambda run: len(" ".join(run))))


def sizes_of(pages: list[WordPage], phrase: str) -> list[float]:
    """The type sizes of every word of every occurrence of ``phrase`` (at least one)."""
    found = [size(w) for page in pages for run in occurrences(page, phrase) for w in run]
    assert found, f"not found: {phrase!r}"
    return found


# --- type sizes ------------------------------------------------------------------------------
@needs_pdftotext
@pytest.mark.parametrize("clinics", [0, 12])
def test_no_text_in_the_report_is_under_9_points(clinics: int) -> None:
    pages = words_of(clinics)
    smallest = min(size(w) for page in pages for w in page.words if checkable(w.text))
    assert smallest >= SMALLEST - TOLERANCE


@needs_pdftotext
@pytest.mark.parametrize("clinics", [0, 12])
def test_body_text_is_at_least_11_points(clinics: int) -> None:
    report = report_of(clinics)
    pages = words_of(clinics)
    phrases = [report.ranking_note, report.crisis_help, report.disclaimer]
    phrases += [item for block in report.information for item in block.items[:2]]
    for phrase in phrases:
        assert min(sizes_of(pages, phrase)) >= BODY - TOLERANCE, phrase


@needs_pdftotext
@pytest.mark.parametrize("clinics", [0, 12])
def test_table_cells_are_at_least_10_points(clinics: int) -> None:
    report = report_of(clinics)
    pages = words_of(clinics)
    phrases = [q.text for q in report.questions()]  # the grid's question column
    phrases += ["Not asked yet", "Question", "Questions rated", "Red flags"]
    phrases += [row.completeness_text for row in report.summary]  # the ranked table
    # The clinics' names, in the grid's column heads and the ranked table (names mixing in
    # other scripts are left to the words that come back exactly).
    names = [longest_checkable_run(c.name) for c in report.clinics]
    phrases += [name for name in names if len(name.split()) >= 2]
    for phrase in phrases:
        assert min(sizes_of(pages, phrase)) >= CELL - TOLERANCE, phrase


@needs_pdftotext
@pytest.mark.parametrize("clinics", [0, 12])
def test_every_footer_is_at_least_9_points(clinics: int) -> None:
    pages = words_of(clinics)
    for page in pages:
        footer = [w for w in page.words if w.top > page.height - FOOTER_HEIGHT / 10 - 30]
        assert footer, "no footer"
        assert min(size(w) for w in footer) >= SMALLEST - TOLERANCE
        footer_text = " ".join(w.text for w in footer)
        assert NOT_MEDICAL_ADVICE in footer_text
        assert CRISIS_POINTER in footer_text


@needs_pdftotext
def test_the_consultation_sheet_reads_at_11_points_with_9_point_sources() -> None:
    comparison = example()
    sheet = build_sheet(comparison, comparison.clinics[0].id, generated=TODAY)
    pages = read_words(render_sheet_pdf(sheet))
    assert min(size(w) for p in pages for w in p.words if checkable(w.text)) >= 9 - TOLERANCE
    for question in sheet.questions()[:6]:
        for phrase in (question.text, question.why, question.reassuring, question.concerning):
            assert min(sizes_of(pages, phrase)) >= BODY - TOLERANCE, phrase
    assert min(sizes_of(pages, sheet.instructions)) >= BODY - TOLERANCE
    assert min(sizes_of(pages, sheet.crisis_help)) >= BODY - TOLERANCE


# --- no word broken across lines -------------------------------------------------------------
def tied_and_unscored() -> Comparison:
    """Four clinics: two tied ("#1 (tied)"), one with nothing rated ("not scored")."""
    comparison = make_comparison(4)
    first, second, _, last = comparison.clinics
    # the same treatments too, so the same questions apply to both
    comparison.update_clinic(replace(second, treatments=first.treatments))
    for question in comparison.questions():
        comparison.set_answer(second.id, question.id, comparison.answer(first.id, question.id))
        comparison.set_answer(last.id, question.id, BLANK)
    return comparison


def model_words(report: ComparisonReport) -> set[str]:
    texts = [report.title, report.legend, report.ranking_note, report.verdict]
    texts += [q.text for q in report.questions()]
    texts += [c.name for c in report.clinics] + [c.rank_text for c in report.clinics]
    texts += [c.headline for row in report.questions() for c in row.cells]
    texts += [t for total in report.totals for t in (*total.texts, *total.note_texts)]
    texts += [row.cost_text for row in report.summary]
    texts += ["Not scored yet", "Administration and Monitoring", "Course cost (estimate)"]
    return {w for text in texts for w in searchable(text).split()}


@pytest.mark.parametrize("case", ["example", "twelve", "tied"])
def test_no_word_of_a_question_name_or_heading_is_broken_across_lines(case: str) -> None:
    comparison = {"example": example, "twelve": lambda: comparison_of(12)}.get(
        case, tied_and_unscored
    )()
    report = build_report(comparison, generated=TODAY)
    pages = read_pdf(render_pdf(report))
    if case == "tied":
        assert any(c.rank_text.endswith(" (tied)") for c in report.clinics)
        assert "Not scored yet" in {c.rank_text for c in report.clinics}
    tokens = set(pages.flat.split())
    whole = [q.text for q in report.questions()] + [c.name for c in report.clinics]
    for text in whole:
        for word in searchable(text).split():
            if checkable(word):
                assert word in tokens, (word, text)
    # A word broken at a line end comes back as two tokens that join into a known word, one
    # of them no word at all: "score" + "d", "(tied" + ")", "<b>Bold</" + "b>". (What a
    # clinic said is not among the known words: a pasted address wider than any column may
    # break.)
    known = model_words(report)
    for page in pages.texts:
        line_ends = searchable(page).split()
        for left, right in itertools.pairwise(line_ends):
            joined = left + right
            if joined in known and not (left in known and right in known):
                pytest.fail(f"{joined!r} broken as {left!r} / {right!r}")


# --- the first page ---------------------------------------------------------------------------
@needs_pdftotext
@pytest.mark.parametrize("clinics", [0, 1, 12])
def test_the_first_page_is_used_not_half_empty(clinics: int) -> None:
    page = words_of(clinics)[0]
    content = [w for w in page.words if w.bottom < page.height - FOOTER_HEIGHT / 10 - 30]
    assert max(w.bottom for w in content) > page.height * 0.7


@pytest.mark.parametrize("clinics", [0, 3, 12, 30])
def test_the_note_on_how_to_read_the_report_stays_with_its_table(clinics: int) -> None:
    report = report_of(clinics) if clinics in (0, 12) else build_report(make_comparison(clinics))
    pages = text_of(clinics).texts if clinics in (0, 12) else read_pdf(render_pdf(report)).texts
    legend = [i for i, t in enumerate(pages) if "How to read this report" in t]
    assert len(legend) == 1
    # The ranked table is on the note's page (its header repeats on every page it spans)...
    assert shows(pages[legend[0]], "Rank Clinic Overall (of 100)")
    # ...and goes on no further: its last row is there too. (Rows are not compared as text:
    # a row with an Arabic name may come back from the PDF in right-to-left order.)
    continued = "The clinics, ranked by your scores (continued)"
    assert not any(continued in t for t in pages[legend[0] + 1 :])
    if clinics in (0, 3):
        assert legend == [0]


def test_a_table_takes_its_last_row_to_the_next_page_rather_than_leave_its_note_alone() -> None:
    fonts = Fonts()
    style = Style(10)
    rows = [Row([[Para(f"row {n}", style)]]) for n in range(3)]
    note = [Para("How to read this table", style)]
    table = Table([pt(200)], [[Para("Head", style)]], rows, footnote=note)
    flow = Flow(fonts, pt(200), pt(400))
    height = flow.table_height(table)
    # Leave exactly the room for the table, not for its note.
    flow.y = flow.height - height - pt(1)
    flow.table(table)
    texts = [
        [op.stack.lines[0].layout.text() for op in page if hasattr(op, "stack")]
        for page in flow.pages
    ]
    assert len(texts) == 2
    assert "How to read this table" in texts[1]
    assert "row 2" in texts[1]  # the last row went along
    assert "row 0" in texts[0]


# --- crisis help ------------------------------------------------------------------------------
@pytest.mark.parametrize("clinics", [0, 12])
def test_crisis_help_is_on_the_first_page_and_its_pointer_in_every_footer(clinics: int) -> None:
    pages = text_of(clinics)
    assert shows(pages.texts[0], CRISIS_HELP)
    for text in pages.texts:
        assert shows(text, CRISIS_POINTER)
        assert NOT_MEDICAL_ADVICE in text


def test_an_empty_report_has_crisis_help_too() -> None:
    pages = read_pdf(render_pdf(build_report(make_comparison(0), generated=TODAY)))
    assert shows(pages.texts[0], CRISIS_HELP)
    assert all(shows(t, CRISIS_POINTER) for t in pages.texts)


@pytest.mark.parametrize("blank", [False, True])
def test_crisis_help_is_on_the_sheets_first_page_and_in_every_footer(blank: bool) -> None:
    comparison = example()
    sheet = build_sheet(comparison, None if blank else comparison.clinics[1].id, generated=TODAY)
    pages = read_pdf(render_sheet_pdf(sheet))
    assert shows(pages.texts[0], CRISIS_HELP)
    for text in pages.texts:
        assert shows(text, CRISIS_POINTER)
        assert NOT_MEDICAL_ADVICE in text


def test_the_crisis_text_comes_from_the_model() -> None:
    report = report_of(0).replaced(
        crisis_help="Call the test line.", crisis_pointer="Test pointer."
    )
    pages = read_pdf(render_pdf(report))
    assert "Call the test line." in pages.texts[0]
    assert all("Test pointer." in t for t in pages.texts)


# --- the print preview ------------------------------------------------------------------------
@pytest.mark.parametrize("clinics", [0, 12])
def test_the_print_preview_lays_out_the_same_pages_as_the_pdf(clinics: int, tmp_path: Path) -> None:
    report = report_of(clinics)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "preview.pdf"))
    printer.setPageLayout(report_page_layout(report))
    count = paint_report(printer, report)
    del printer
    printed = read_pdf((tmp_path / "preview.pdf").read_bytes())
    exported = text_of(clinics)
    assert count == printed.count == exported.count
    assert printed.texts == exported.texts
    landscape = report_page_layout(report).orientation() is QPageLayout.Orientation.Landscape
    assert landscape == (clinics == 12)
