"""The CSV export: rows and columns, injection neutralised, numbers kept, UTF-8 with BOM."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from ketachecklist.core.catalogue import load_bundled_catalogue
from ketachecklist.core.document import Clinic
from ketachecklist.core.storage import load_comparison
from ketachecklist.report.csv_export import FORMULA_STARTS, cell, neutralise, render_csv
from ketachecklist.report.model import build_report
from tests.conftest import EXAMPLES
from tests.report.factory import HOSTILE_NAME, make_comparison
from tests.strategies import HOSTILE_SAMPLES

BOM = b"\xef\xbb\xbf"


def read_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(BOM)
    return list(csv.reader(io.StringIO(data[len(BOM) :].decode("utf-8"), newline="")))


def dangerous(text: str) -> bool:
    return text.lstrip(" \n").startswith(FORMULA_STARTS)


def test_bom_and_row_structure() -> None:
    comparison = make_comparison(3)
    report = build_report(comparison)
    rows = read_rows(render_csv(report))
    header = rows[0]
    assert header[:3] == ["Set", "Question", "Question id"]
    assert len(header) == 3 + 3 * 3
    questions = comparison.questions()
    body = rows[1 : 1 + len(questions)]
    assert [r[2] for r in body] == [q.id for q in questions]
    kinds = [r[0] for r in rows[1 + len(questions) :] if r]
    assert kinds.count("Set score") == len(comparison.catalogue.sets)
    for kind in ("Overall score", "Course cost", "Red flags", "Decision", "Note"):
        assert kind in kinds
    for column in report.clinics:
        assert any(column.name in h or neutralise(column.name) in h for h in header)
    # not medical advice, and where to get help now, as on every printed page
    assert rows[-2] == ["Note", report.disclaimer]
    assert rows[-1] == ["Crisis help", report.crisis_help]
    assert "988" in rows[-1][1]
    assert "911" in rows[-1][1]


def test_injection_payloads_are_neutralised() -> None:
    rows = read_rows(render_csv(build_report(make_comparison(8))))
    cells = [value for row in rows for value in row]
    assert any(HOSTILE_NAME in value for value in cells)  # shown, but inside a longer cell
    assert any(value.startswith("'=HYPERLINK(") for value in cells)
    assert any(value.startswith("'@SUM(") for value in cells)
    assert any(value.startswith("'=1+1") for value in cells)
    for value in cells:
        assert not dangerous(value) or value.startswith("'"), value
        if value.startswith("-"):
            float(value)  # only a real negative number may start with a minus


def test_numbers_stay_numbers() -> None:
    report = build_report(make_comparison(3))
    rows = read_rows(render_csv(report))
    header = rows[0]
    rating_columns = [i for i, h in enumerate(header) if h.endswith("rating (1–5)")]
    body = rows[1 : 1 + len(report.questions())]
    ratings = [row[i] for row in body for i in rating_columns if row[i]]
    assert ratings
    assert all(r in {"1", "2", "3", "4", "5"} for r in ratings)
    overall = next(r for r in rows if r and r[0] == "Overall score")
    for summary, index in zip(report.summary, rating_columns, strict=True):
        if summary.overall is not None:
            # A whole number, rounded half up as every other output shows it (62.5 is 63).
            assert overall[index] == summary.overall_number_text.replace(",", "")
    cost = next(r for r in rows if r and r[0] == "Course cost")
    assert any(cost[i] and float(cost[i]) > 0 for i in rating_columns)


def test_cell_keeps_numbers_and_neutralises_text() -> None:
    assert cell(12) == 12
    assert cell(2.5) == 2.5
    assert cell(3.0) == 3
    assert cell(-2) == -2
    assert cell("-2") == "'-2"
    assert cell(float("nan")) == ""
    assert cell(None) == ""
    for payload in ("=1+1", "+1", "-1", "@x", "\tx", "\rx", " =1", "\n=1"):
        assert cell(payload) == f"'{payload}"
    assert cell("Zürich") == "Zürich"


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(HOSTILE_SAMPLES) | st.text())
def test_no_text_cell_can_start_a_formula(text: str) -> None:
    value = cell(text)
    assert isinstance(value, str)
    assert not dangerous(value) or value.startswith("'")


def test_an_empty_comparison_exports_its_questions() -> None:
    comparison = make_comparison(0)
    rows = read_rows(render_csv(build_report(comparison)))
    assert rows[0] == ["Set", "Question", "Question id"]
    assert [r[2] for r in rows[1 : 1 + len(comparison.questions())]] == [
        q.id for q in comparison.questions()
    ]


def test_a_clinic_with_no_red_flag_question_checked_has_no_count_not_zero() -> None:
    comparison = load_comparison(EXAMPLES / "three-clinics.yaml", load_bundled_catalogue())
    comparison.add_clinic(Clinic(id="new", name="New clinic"))
    rows = read_rows(render_csv(build_report(comparison)))
    counts = next(r for r in rows if r[:2] == ["Red flags", "Number of red flags"])
    checked = next(r for r in rows if r[:2] == ["Red flags", "Red-flag questions checked"])
    amounts = counts[3::3]  # each clinic: number, note, blank
    assert amounts[-1] == ""  # the new clinic: nothing checked, so no number at all
    assert checked[-2].startswith("none of ")  # and the row below says why
    assert amounts[0] in {"0", "1", "2", "3", "4"}  # a clinic that was checked keeps its count
    assert all(a != "" for a in amounts[:-1])


def test_the_cost_per_point_is_a_number_beside_its_words() -> None:
    """A spreadsheet can add up what the family would pay per point: the figure is a number
    in the clinic's number column, the words (which figure it is) beside it."""
    comparison = load_comparison(EXAMPLES / "three-clinics.yaml", load_bundled_catalogue())
    report = build_report(comparison)
    rows = read_rows(render_csv(report))
    row = next(r for r in rows if len(r) > 1 and r[1] == report.family.cost_columns[-1])
    costs = {cost.clinic_id: cost for cost in report.family.costs}
    for index, column in enumerate(report.clinics):
        cost = costs[column.id]
        number, words = row[3 + 3 * index], row[4 + 3 * index]
        assert cost.per_point is not None  # every example clinic has a cost and a score
        assert number == str(cost.per_point)
        assert words == cost.per_point_text
        assert words == f"${cost.per_point:,}" or words.startswith(f"${cost.per_point:,} if")
