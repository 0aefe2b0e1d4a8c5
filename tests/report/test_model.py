"""The report model's words: unrated answers, money, as the app shows them."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from ketachecklist.core.catalogue import AnswerKind, Question, load_bundled_catalogue
from ketachecklist.core.document import Answer, Comparison, CostDetails
from ketachecklist.core.storage import load_comparison
from ketachecklist.present.cost import value_text
from ketachecklist.present.numbers import money_text
from ketachecklist.report.csv_export import render_csv
from ketachecklist.report.html import render_html
from ketachecklist.report.model import build_report, build_sheet, make_cell
from ketachecklist.report.pdf import render_pdf
from tests.applies import counted_questions
from tests.conftest import EXAMPLES
from tests.report.pdf_text import read_pdf, shows

TODAY = dt.date(2026, 12, 10)
IV_ROUTE = "administration-iv-route"  # Riverside: "No", "Spravato only, not IV.", no rating
SAID = "Spravato only, not IV."


@pytest.fixture(scope="module")
def example() -> Comparison:
    return load_comparison(EXAMPLES / "three-clinics.yaml", load_bundled_catalogue())


def _riverside(comparison: Comparison) -> str:
    return next(c.id for c in comparison.clinics if c.name.startswith("Riverside"))


YES_NO = Question("q", "s", "Is it IV?", kind=AnswerKind.YES_NO)
COST = Question("c", "s", "How much?", kind=AnswerKind.COST)


@pytest.mark.parametrize(
    ("question", "answer", "expected"),
    [
        (YES_NO, Answer(), "Not asked yet"),
        (YES_NO, Answer(said="They will call back."), "Not rated yet"),
        (YES_NO, Answer(value=False), "Not rated yet"),
        (COST, Answer(value=CostDetails(price_per_session=475.5)), "Not rated yet"),
        (COST, Answer(value=CostDetails()), "Not asked yet"),
        (YES_NO, Answer(rating=4, said="Yes."), "4 – Good"),
    ],
)
def test_an_unrated_answer_is_not_rated_when_anything_was_recorded(
    question: Question, answer: Answer, expected: str
) -> None:
    cell = make_cell(question, answer, best=False)
    assert cell.rating_text == expected
    assert cell.headline == expected
    assert cell.rating == answer.rating  # never a zero: no number at all


def test_the_report_never_says_not_asked_beside_what_was_recorded(example: Comparison) -> None:
    report = build_report(example, generated=TODAY)
    column = next(i for i, c in enumerate(report.clinics) if c.id == _riverside(example))
    cell = next(row for row in report.questions() if row.id == IV_ROUTE).cells[column]
    assert (cell.headline, cell.value_text, cell.said) == ("Not rated yet", "No", SAID)
    for row in report.questions():
        for answer in row.cells:
            if answer.rating is None and answer.applies:
                recorded = bool(answer.value_text or answer.said)
                assert answer.headline == ("Not rated yet" if recorded else "Not asked yet")
    assert "Not rated yet" in report.legend
    assert "Not asked yet" in report.legend


def test_html_and_pdf_say_not_rated_yet(example: Comparison) -> None:
    report = build_report(example, generated=TODAY)
    page = render_html(report)
    assert (
        '<p class="rating not-asked">Not rated yet</p><p class="value user">No</p>'
        f'<p class="said user">{SAID}</p>'
    ) in page
    assert '<p class="rating not-asked">Not asked yet</p><p class="value' not in page
    assert '<p class="rating not-asked">Not asked yet</p><p class="said' not in page
    flat = read_pdf(render_pdf(report)).flat
    assert f"Not rated yet No {SAID}" in flat


def test_consultation_sheet_says_not_rated_yet(example: Comparison) -> None:
    sheet = build_sheet(example, _riverside(example), generated=TODAY)
    text = next(q.text for q in example.questions() if q.id == IV_ROUTE)
    question = next(q for q in sheet.questions() if q.text == text)
    assert question.recorded_text == f"Recorded so far: Not rated yet · No · “{SAID}”"


def test_money_examples() -> None:
    assert money_text(1234) == "$1,234"
    assert money_text(475.5) == "$475.50"
    assert money_text(0) == "$0"
    money_question = Question("m", "s", "Whole course?", kind=AnswerKind.MONEY)
    assert value_text(money_question, 2600.0) == "$2,600"
    assert value_text(COST, CostDetails(price_per_session=475.5, other_fees=150.0)) == (
        "$475.50 per session; other fees $150"
    )


def test_prices_fees_and_course_costs_show_dollars_in_html_and_pdf(
    example: Comparison,
) -> None:
    report = build_report(example, generated=TODAY)
    harbor = next(row for row in report.summary if row.name.startswith("Harbor Light"))
    assert harbor.cost_text.startswith("$3,100")
    texts = [report.summary[0].cost_text, harbor.cost_text, "$475 per session", "$2,600"]
    totals = {t.key: t for t in report.totals}
    assert all(t.startswith("$") for t in totals["course_cost"].texts)
    assert all(t.startswith("$") or t == "not known" for t in totals["out_of_pocket"].texts)
    page = " ".join(" ".join(render_html(report).split()).split())
    flat = read_pdf(render_pdf(report)).flat
    for text in texts:
        assert text.startswith("$")
        assert text in page, text
        assert shows(flat, text), text


def test_csv_keeps_amounts_as_plain_numbers(example: Comparison) -> None:
    report = build_report(example, generated=TODAY)
    rows = list(csv.reader(io.StringIO(render_csv(report).decode("utf-8-sig"), newline="")))
    header = rows[0]
    answers = [i for i, h in enumerate(header) if h.endswith("– answer")]
    course = next(r for r in rows if r and r[0] == "Course cost")
    harbor = next(i for i, h in enumerate(header) if h.startswith("Harbor Light") and "rating" in h)
    assert course[harbor] == "3100"
    price = next(r for r in rows if r and r[2] == "cost-whole-course")
    assert "2600" in [price[i] for i in answers]  # a number, never "$2,600"


def test_first_page_verdict_says_how_little_the_leader_has_rated(example: Comparison) -> None:
    report = build_report(example, generated=TODAY)
    counted = counted_questions(example, _riverside(example))  # Spravato only
    riverside = "Riverside Mood Disorders Clinic (fictional)"
    verdict = (
        f"{riverside} leads on your scores by 16 points, a lead that could still change: "
        f"it has only 8 of its "
        f"{counted} questions rated, and 2 other clinics could still overtake it."
    )
    assert report.verdict == verdict
    assert report.summary[0].name.startswith("Riverside")
    assert verdict in " ".join(render_html(report).split())
    assert shows(read_pdf(render_pdf(report)).texts[0], verdict)
