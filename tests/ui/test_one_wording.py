"""The same fact reads the same everywhere: the grid (the real ComparisonPage), the clinic list,
the Decision page, the PDF, the HTML, the CSV and the consultation sheet, through real widgets
and files written to disk and read back.

The comparison holds the edge values: scores of x.5 (62.5 → "63"), a tie, a clinic with
nothing rated, a question only one clinic rated (no ★), a share of questions rated that ends in
.5 (1 of 40 → "3%"), a "doesn't apply" answer with its rating kept, and a red flag. A second
case marks the red-flag question a deal-breaker, which rules out the clinic that leads on
score: every output then ranks the others "in the running" and says the leader is ruled out.
"""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ketachecklist.core.catalogue import AnswerKind, load_bundled_catalogue
from ketachecklist.core.document import Answer, Clinic, Comparison
from ketachecklist.present import Presentation
from ketachecklist.present.ratings import BEST_MARK_RULE
from ketachecklist.present.text import tr
from ketachecklist.report.csv_export import render_csv
from ketachecklist.report.html import render_html
from ketachecklist.report.model import build_report, build_sheet
from ketachecklist.report.output import write_output
from ketachecklist.report.pdf import render_pdf
from ketachecklist.report.sheet import render_sheet_pdf
from ketachecklist.ui.clinic_list_model import PROGRESS_COLUMN, ClinicListModel
from ketachecklist.ui.comparison_model import Row, RowKind
from ketachecklist.ui.comparison_page import ComparisonPage
from ketachecklist.ui.decision_page import DecisionPage
from ketachecklist.ui.open_document import OpenDocument
from tests.report.pdf_text import read_pdf, searchable, shows

CATALOGUE = load_bundled_catalogue()
SUMMARY_KEYS = ("rank", "overall", "completeness", "cost", "flags")


def edge_comparison() -> Comparison:
    comparison = Comparison(catalogue=CATALOGUE)
    for name in ("Able", "Birch", "Cedar", "Dune"):
        comparison.add_clinic(Clinic(id=name.lower(), name=f"{name} Clinic"))
    rated = [q for q in comparison.questions_in("evaluation") if q.kind is AnswerKind.RATING]
    flagged = next(q for q in comparison.questions() if q.red_flag is not None)
    first, second = rated[0].id, rated[1].id
    only_dune = comparison.questions_in("experience")[0].id
    price = next(q for q in comparison.questions() if q.kind is AnswerKind.MONEY)
    # Able and Birch: 4 and 3 in one set -> 62.5, tied. Cedar: nothing rated, one answer that
    # does not apply (its 5 kept). Dune: one question rated 5 that nobody else rated -> 100.
    comparison.set_answer("able", first, Answer(rating=4, said="A real team."))
    comparison.set_answer("able", second, Answer(rating=3))
    comparison.set_answer("able", price.id, Answer(value=4750.5))
    comparison.set_answer("birch", first, Answer(rating=3))
    comparison.set_answer("birch", second, Answer(rating=4))
    comparison.set_answer("cedar", first, Answer(rating=5, doesnt_apply=True))
    comparison.set_answer("dune", only_dune, Answer(rating=5))
    assert flagged.red_flag is not None
    comparison.set_answer("dune", flagged.id, Answer(value=flagged.red_flag.when))
    return comparison


def leader_ruled_out() -> Comparison:
    comparison = edge_comparison()
    flagged = next(q for q in comparison.questions() if q.red_flag is not None)
    comparison.set_deal_breaker(flagged.id, True)  # Dune's red flag answer rules it out
    return comparison


@pytest.fixture(params=["edge values", "leader ruled out"])
def comparison(request: pytest.FixtureRequest) -> Comparison:
    return edge_comparison() if request.param == "edge values" else leader_ruled_out()


def _flat_html(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_every_output_words_every_fact_the_same(
    qtbot: QtBot, tmp_path: Path, comparison: Comparison
) -> None:
    document = OpenDocument(comparison)
    presentation = document.presentation
    page = ComparisonPage(document)
    qtbot.add_widget(page)
    page.show()  # the verdict is worded for a page on screen
    qtbot.waitUntil(page.isVisible)
    decision = DecisionPage(document)
    qtbot.add_widget(decision)
    decision.show()
    qtbot.waitUntil(decision.isVisible)
    clinic_list = ClinicListModel(document)
    grid = page.model

    report = build_report(comparison, presentation, source_name="edge.yaml")
    written = {}
    for name, data in (
        ("report.pdf", render_pdf(report)),
        ("report.html", render_html(report).encode()),
        ("report.csv", render_csv(report)),
    ):
        write_output(tmp_path / name, data)
        written[name] = (tmp_path / name).read_bytes()
    pdf = searchable(read_pdf(written["report.pdf"]).flat)
    raw_html = written["report.html"].decode()
    page_html = _flat_html(raw_html)
    summary_html = raw_html.split('<table class="summary">', 1)[1].split("</table>", 1)[0]
    summary_rows = [_flat_html(r) for r in summary_html.split("<tr>")[2:]]
    rows = list(csv.reader(io.StringIO(written["report.csv"].decode("utf-8-sig"))))
    standing = decision.standing.text()

    # The edge values, as the presentation words them.
    able, birch, cedar, dune = (presentation.clinic(c) for c in ("able", "birch", "cedar", "dune"))
    assert (able.overall_text, birch.overall_text) == ("63/100", "63/100")  # 62.5 rounds up
    assert (cedar.overall_text, cedar.rank_text) == ("No score yet", "Not scored yet")
    assert dune.completeness_text == "1 of 40 (3%)"  # 2.5% rounds up
    assert cedar.completeness_text == "0 of 39 (0%); 1 doesn't apply"
    flag_questions = sum(1 for q in comparison.questions() if q.red_flag is not None)
    assert dune.red_flags_text == f"⚠ 1 found, 1 of {flag_questions} checked"
    assert able.course_cost_text == "$4,750.50"
    if not comparison.deal_breakers:
        assert (able.rank_text, birch.rank_text) == ("2nd of 4 (tied)", "2nd of 4 (tied)")
        assert dune.rank_text == "1st of 4"
        # The lead as the family reads it: 100 - 63 = 37 (not 37.5 rounded up to 38).
        assert presentation.verdict.startswith("Dune Clinic leads on your scores by 37 points")
    else:
        tied_first = "1st of 3 in the running (tied)"
        assert (able.rank_text, birch.rank_text) == (tied_first, tied_first)
        assert dune.rank_text == "ruled out by your own criteria"
        assert [t.clinic_id for t in presentation.ranked()] == ["able", "birch", "cedar", "dune"]
        assert presentation.decision.clinic("dune").standing_text == dune.rank_text

    # Grid summary rows, one column per clinic in the order entered.
    for row_index, key in zip(grid.summary_rows(), SUMMARY_KEYS, strict=False):
        for column, clinic_id in enumerate(grid.clinic_order(), start=1):
            text = presentation.clinic(clinic_id)
            expected = {
                "rank": text.rank_text,
                "overall": text.overall_text,
                "completeness": text.completeness_text,
                "cost": text.course_cost_text,
                "flags": text.red_flags_text,
            }[key]
            assert grid.index(row_index, column).data() == expected, (key, clinic_id)

    for text in presentation.ranked():
        # The Decision page: one line per clinic, in ranked order.
        line = next(ln for ln in standing.splitlines() if f": {text.name} — " in ln)
        for fact in (
            text.rank_text,
            text.overall_text,
            text.completeness_text,
            text.course_cost_text,
            text.red_flags_text,
        ):
            assert fact in line, (fact, line)
        # The clinic list.
        row = clinic_list.row_of(text.clinic_id)
        listed = clinic_list.index(row, PROGRESS_COLUMN).data()
        assert listed.startswith(text.progress_text)
        spoken = clinic_list.index(row, PROGRESS_COLUMN).data(Qt.ItemDataRole.AccessibleTextRole)
        assert spoken.startswith(f"{text.progress_text} questions rated")
        # The first page of the PDF and the HTML.
        for fact in (
            f"{text.rank_text} · {text.name}",
            text.completeness_text,
            text.course_cost_text,
            f"{text.overall_text} · {text.rank_text}",
        ):
            assert shows(pdf, searchable(fact)), fact
            assert fact in page_html, fact
        html_row = next(r for r in summary_rows if text.name in r)
        for fact in (
            text.rank_text,
            text.overall_text,
            text.completeness_text,
            text.course_cost_text,
            text.red_flags_text,
        ):
            assert fact in html_row, (fact, html_row)
        # The CSV: the rank and the questions rated, in the same words.
        column = 3 + 3 * [c.id for c in report.clinics].index(text.clinic_id) + 1
        csv_rank = next(r for r in rows if r and r[0] == "Rank")
        assert csv_rank[column] == text.rank_text
        # the number beside it is the same place ('1st of 3 in the running (tied)' -> 1)
        assert csv_rank[column - 1] == ("" if text.rank is None else str(text.rank))
        csv_rated = next(r for r in rows if r and r[0] == "Questions rated")
        assert csv_rated[column].startswith(text.progress_text)

    # The family blocks and the costs side by side (the Decision tab, the PDF, the HTML, the
    # CSV) word the red flags and a missing cost as the grid does: one text from one function.
    assert cedar.course_cost_text == "no course cost yet"  # Birch, Cedar and Dune: no cost
    assert able.red_flags_text.startswith("none ")
    assert dune.red_flags_text.startswith("⚠ 1 ")
    family = decision.family.text()
    labels = report.family.cost_columns
    csv_cost = next(
        r for r in rows if r[:2] == ["Course cost", "Estimated cost of the whole course"]
    )
    csv_per_point = next(r for r in rows if r[:2] == ["Course cost", labels[-1]])
    assert labels[-1] == "What you would pay per point of overall score"
    for text in presentation.ranked():
        flags = f"{tr('Red flags')}: {text.red_flags_text}"
        assert flags in family.splitlines(), flags
        assert shows(pdf, searchable(flags)), flags
        assert f"Red flags {text.red_flags_text}" in page_html
        cost = presentation.decision.clinic(text.clinic_id).cost
        column = 3 + 3 * [c.id for c in report.clinics].index(text.clinic_id) + 1
        assert csv_per_point[column] == cost.per_point_text
        if presentation.score(text.clinic_id).cost.course_total is not None:
            continue
        shown_in = (
            cost.course_text,
            cost.out_of_pocket_text,
            cost.per_point_text,
            csv_cost[column],
        )
        for shown in shown_in:
            assert shown == text.course_cost_text, shown
        for label in (labels[1], labels[2], labels[-1]):  # whole course, you would pay, per point
            assert f"{label}: {text.course_cost_text}" in family
        assert shows(pdf, searchable(text.course_cost_text))

    # The verdict on the grid page, the Decision page, the PDF and the HTML.
    assert page.verdict.text() == presentation.verdict
    assert standing.endswith(presentation.verdict)
    assert shows(pdf, presentation.verdict)
    assert presentation.verdict in page_html

    # Every answer: the grid's first line is the report's headline, ★ on the same cells.
    cells_by_id = {row.id: row.cells for row in report.questions()}
    report_order = [c.id for c in report.clinics]
    for question in comparison.questions():
        row_index = grid.row_of_question(question.id)
        for column, clinic_id in enumerate(grid.clinic_order(), start=1):
            cell = presentation.cell(clinic_id, question.id)
            shown = grid.index(row_index, column).data().split("\n")[0]
            assert shown == cell.headline
            assert cells_by_id[question.id][report_order.index(clinic_id)] == cell
            assert cell.best == comparison_is_best(presentation, clinic_id, question.id)

    # Set scores: the grid's set rows and the report's set tables.
    for table in report.sets:
        set_row = next(i for i in grid.summary_rows() if grid.row(i) == Row(RowKind.SET, table.id))
        for position, clinic_id in enumerate(report_order):
            text = presentation.set_score(clinic_id, table.id).text
            assert grid.index(set_row, grid.column_of_clinic(clinic_id)).data() == text
            assert table.scores[position].text == text
            csv_set = next(
                r for r in rows if r[:2] == ["Set score", f"{table.title} score (out of 100)"]
            )
            assert text.endswith(" · " + csv_set[3 + 3 * position + 1])
            assert text in page_html
            assert shows(pdf, text)

    # The ★ rule, said in the legends.
    assert BEST_MARK_RULE in page.legend.text()
    assert BEST_MARK_RULE in report.legend
    assert shows(pdf, searchable(BEST_MARK_RULE))

    # The consultation sheet: what was recorded, in the same words as the grid.
    for clinic_id in ("able", "cedar"):
        sheet = build_sheet(comparison, clinic_id)
        write_output(tmp_path / f"{clinic_id}.pdf", render_sheet_pdf(sheet))
        sheet_pdf = searchable(read_pdf((tmp_path / f"{clinic_id}.pdf").read_bytes()).flat)
        for question, recorded in zip(comparison.questions(), sheet.questions(), strict=True):
            if recorded.recorded is None:
                continue
            cell = presentation.cell(clinic_id, question.id)
            assert recorded.recorded.rating_text == cell.rating_text
            assert shows(sheet_pdf, searchable(cell.rating_text)), cell.rating_text


def comparison_is_best(presentation: Presentation, clinic_id: str, question_id: str) -> bool:
    """The one ★ rule, worked out here from the ratings that count."""
    scores = presentation.scores
    rated = {
        s.clinic_id: s.ratings[question_id] for s in scores.clinics if question_id in s.ratings
    }
    if len(rated) < 2 or max(rated.values()) < 4:
        return False
    return rated.get(clinic_id) == max(rated.values())


def test_the_edge_comparison_marks_only_the_clinics_it_should(comparison: Comparison) -> None:
    presentation = Presentation(comparison)
    first, second = [
        q.id for q in comparison.questions_in("evaluation") if q.kind is AnswerKind.RATING
    ][:2]
    only_dune = comparison.questions_in("experience")[0].id
    assert presentation.scores.best(first) == {"able"}  # 4 against 3; Cedar's 5 is not counted
    assert presentation.scores.best(second) == {"birch"}
    assert presentation.scores.best(only_dune) == frozenset()  # one clinic rated
    assert presentation.cell("dune", only_dune).headline == "5 – Reassuring"
    assert presentation.cell("able", first).headline == "★ 4 – Good"
    assert presentation.cell("cedar", first).headline == (
        "Doesn't apply to this clinic. Kept, not counted: 5 – Reassuring"
    )
