"""Answers that do not apply, in words on every output; red flags read as a reason to ask more.

The example file has a Spravato-only clinic (Riverside) that answered the continuous
vital-signs question (IV and IM), and an IV-only clinic (Quickwell). Labels come from the
catalogue, never typed here.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
from dataclasses import replace

import pytest

from ketachecklist.core.catalogue import load_bundled_catalogue
from ketachecklist.core.document import Comparison
from ketachecklist.core.scoring import score_comparison
from ketachecklist.core.storage import load_comparison
from ketachecklist.present.answers import ASK_MORE
from ketachecklist.present.ratings import DOESNT_APPLY
from ketachecklist.report.csv_export import render_csv
from ketachecklist.report.html import render_html
from ketachecklist.report.model import build_report, build_sheet
from ketachecklist.report.pdf import render_pdf
from ketachecklist.report.sheet import render_sheet_pdf
from tests.applies import counted_questions, set_aside
from tests.conftest import EXAMPLES
from tests.report.pdf_text import read_pdf, shows

TODAY = dt.date(2026, 12, 10)
CATALOGUE = load_bundled_catalogue()
VITALS = "administration-vital-signs"
REMS = "administration-spravato-rems"
SPRAVATO_ONLY = "Not for Spravato-only clinics: this question is about IV infusions or injections"


@pytest.fixture
def example() -> Comparison:
    comparison = load_comparison(EXAMPLES / "three-clinics.yaml", CATALOGUE)
    harbor = _clinic(comparison, "Harbor")
    # The patient marks one answer of a clinic whose treatments it fits: still not counted.
    recorded = comparison.answer(harbor, VITALS)
    assert recorded.rating is not None
    comparison.set_answer(harbor, VITALS, replace(recorded, doesnt_apply=True))
    return comparison


def _clinic(comparison: Comparison, start: str) -> str:
    return next(c.id for c in comparison.clinics if c.name.startswith(start))


def test_report_cells_say_it_in_words_and_keep_what_was_recorded(example: Comparison) -> None:
    report = build_report(example, generated=TODAY)
    names = [c.name for c in report.clinics]
    row = next(r for r in report.questions() if r.id == VITALS)
    cells = dict(zip(names, row.cells, strict=True))
    riverside = next(c for n, c in cells.items() if n.startswith("Riverside"))
    harbor = next(c for n, c in cells.items() if n.startswith("Harbor"))
    assert riverside.headline.startswith(SPRAVATO_ONLY)
    assert "Kept, not counted: 5 – Reassuring" in riverside.headline
    assert riverside.rating is None, "a kept rating is never a rating that counts"
    assert riverside.said == "BP before and 40 minutes after each dose."
    assert harbor.headline == f"{DOESNT_APPLY}. Kept, not counted: 5 – Reassuring"
    assert not harbor.best
    assert not riverside.red_flag
    assert not harbor.red_flag


def test_doesnt_apply_is_left_out_of_every_score(example: Comparison) -> None:
    scores = score_comparison(example)
    report = build_report(example, scores, generated=TODAY)
    harbor = _clinic(example, "Harbor")
    score = scores.of(harbor)
    assert VITALS in score.not_applying
    summary = next(s for s in report.summary if s.clinic_id == harbor)
    assert (summary.answered, summary.total) == (score.answered, score.total)
    assert summary.total == counted_questions(example, harbor)
    assert summary.not_applying == set_aside(example, harbor) >= 1
    riverside = next(s for s in report.summary if s.name.startswith("Riverside"))
    aside = set_aside(example, riverside.clinic_id)
    assert aside >= 2  # the IV pump and continuous vital signs, at least
    rated = f"8 of {riverside.total}"
    expected = f"{rated} ({round(800 / riverside.total)}%); {aside} don't apply"
    assert riverside.completeness_text == expected
    assert expected in html.unescape(" ".join(render_html(report).split()))
    rows = render_csv(report).decode("utf-8-sig")
    assert f"{rated}; {aside} don't apply" in rows
    assert shows(read_pdf(render_pdf(report)).texts[0], expected)
    unmarked = load_comparison(EXAMPLES / "three-clinics.yaml", CATALOGUE)
    before = score_comparison(unmarked).of(harbor)
    assert score.answered == before.answered - 1
    assert score.total == before.total - 1
    assert score.overall != before.overall


def test_no_red_flag_on_answers_that_do_not_apply(example: Comparison) -> None:
    quickwell = _clinic(example, "Quickwell")
    rule = CATALOGUE.question(REMS).red_flag
    assert rule is not None
    example.set_answer(quickwell, REMS, replace(example.answer(quickwell, REMS), value=rule.when))
    report = build_report(example, generated=TODAY)
    labels = {row.name: row.red_flags for row in report.summary}
    for name, flags in labels.items():
        assert rule.label not in flags, name
    riverside = next(s for s in report.summary if s.name.startswith("Riverside"))
    assert riverside.red_flags == ()


def test_pdf_html_and_csv_show_it_in_words(example: Comparison) -> None:
    report = build_report(example, generated=TODAY)
    page = " ".join(render_html(report).split())
    flat = read_pdf(render_pdf(report)).flat
    for words in (SPRAVATO_ONLY, DOESNT_APPLY, "Kept, not counted"):
        assert words in html.unescape(page), words
        assert shows(flat, words), words
    rows = list(csv.reader(io.StringIO(render_csv(report).decode("utf-8-sig"), newline="")))
    header = rows[0]
    vitals = next(r for r in rows if len(r) > 2 and r[2] == VITALS)
    for column in report.clinics:
        rating = vitals[header.index(f"{column.name} – rating (1–5)")]
        answer = vitals[header.index(f"{column.name} – answer")]
        if column.name.startswith(("Riverside", "Harbor")):
            assert rating == "", "only ratings that count go in the rating column"
            assert answer.startswith((SPRAVATO_ONLY, DOESNT_APPLY)), answer
        else:
            assert rating.isdigit()


def test_red_flags_read_as_a_reason_to_ask_more_on_paper(example: Comparison) -> None:
    report = build_report(example, generated=TODAY)
    flagged = [c for row in report.questions() for c in row.cells if c.red_flag]
    assert flagged, "Quickwell's answers raise red flags"
    for cell in flagged:
        assert cell.red_flag_text == f"⚠ RED FLAG: {cell.red_flag.rstrip('. ')}. {ASK_MORE}"
    assert "not a verdict" in report.legend
    assert "RED FLAG" in report.legend
    flat = read_pdf(render_pdf(report)).flat
    assert shows(flat, flagged[0].red_flag_text)
    assert flagged[0].red_flag_text in html.unescape(" ".join(render_html(report).split()))
    rows = render_csv(report).decode("utf-8-sig")
    assert f"RED FLAG: {flagged[0].red_flag.rstrip('. ')}. {ASK_MORE}" in rows


def test_the_sheet_marks_questions_that_do_not_apply_and_drops_their_flag_hint(
    example: Comparison,
) -> None:
    quickwell = _clinic(example, "Quickwell")
    sheet = build_sheet(example, quickwell, generated=TODAY)
    rems = next(q for q in sheet.questions() if q.text == CATALOGUE.question(REMS).text)
    assert rems.not_applying_text.startswith(
        "Not for IV-only clinics: this question is about Spravato"
    )
    assert rems.red_flag_hint == ""
    vitals = next(q for q in sheet.questions() if q.text == CATALOGUE.question(VITALS).text)
    assert vitals.not_applying_text == ""
    assert vitals.red_flag_hint.startswith("⚠ RED FLAG if the answer is no")
    assert ASK_MORE in vitals.red_flag_hint
    flat = read_pdf(render_sheet_pdf(sheet)).flat
    assert shows(flat, "Not for IV-only clinics: this question is about Spravato")
    blank = build_sheet(example, None, generated=TODAY)
    assert all(q.not_applying_text == "" for q in blank.questions())
