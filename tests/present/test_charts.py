"""The charts' data: hand-worked bars, ranges, order, no-score and ruled-out clinics, costs,
and a text alternative that says what the bars show."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from ketachecklist.core.catalogue import load_bundled_catalogue
from ketachecklist.core.document import Answer, Clinic, Comparison, CostDetails, Coverage
from ketachecklist.present import Presentation
from ketachecklist.present.charts import (
    NONE_HIT,
    RULED_OUT,
    SCORE_MAX,
    BarChart,
    Pattern,
    build_charts,
    nice_ceiling,
)
from tests.core.decision.builders import comparisons, make, rate


def scores_chart(comparison: Comparison) -> BarChart:
    return build_charts(Presentation(comparison)).scores


def test_hand_worked_set_scores_ranges_order_no_score_and_ruled_out() -> None:
    comparison = make("Harbor", "Lakeside", "Summit", "Dawn")
    rate(comparison, "harbor", e1=5, e2=5, e3=5, a1=5, a2=5, a3=5, c1=5, c2=5)  # 100, settled
    rate(comparison, "lakeside", e1=3)  # evaluation 50 of e1..e3, nothing else rated
    rate(comparison, "summit", e1=5, e2=5, e3=5, a1=5, a2=5, a3=5, c1=1, c2=5)  # c1 = 1 ...
    comparison.set_deal_breaker("c1", True)  # ... on a deal-breaker: ruled out, whatever its 83
    chart = scores_chart(comparison)

    assert [g.name for g in chart.groups] == ["Harbor", "Lakeside", "Dawn", "Summit"]
    assert [s.name for s in chart.series] == ["Evaluation", "Administration", "Cost"]
    assert len({s.pattern for s in chart.series}) == 3  # every series its own pattern

    harbor, lakeside, dawn, summit = chart.groups
    assert [b.value for b in harbor.bars] == [100, 100, 100]
    assert not any(b.has_range for b in harbor.bars)
    assert harbor.bars[0].label == "Evaluation: 100"

    evaluation, administration, cost = lakeside.bars
    assert evaluation.value == 50
    assert evaluation.low == pytest.approx(50 / 3)
    assert evaluation.high == pytest.approx(250 / 3)
    assert evaluation.label == "Evaluation: 50, could end 17–83"
    # Nothing rated in administration: no bar (not a zero one), but a range of 0–100.
    assert administration.value is None
    assert administration.value_text == "No score yet"
    assert (administration.low, administration.high) == (0, 100)
    assert administration.label == "Administration: No score yet, could end 0–100"
    assert cost.table_text == "No score yet (could end 0–100)"

    assert all(b.value is None for b in dawn.bars)
    assert not dawn.ruled_out
    assert summit.ruled_out
    assert summit.note == RULED_OUT
    assert summit.heading == f"Summit ({RULED_OUT})"
    assert summit.bars[2].value == 50  # its cost set: (0 + 100) / 2, still shown as it is

    assert chart.axis_max == SCORE_MAX
    assert chart.tick_texts == ("0", "20", "40", "60", "80", "100")


def test_the_text_alternative_holds_the_bars_numbers() -> None:
    comparison = make("Harbor", "Lakeside")
    rate(comparison, "harbor", e1=4, a1=2)
    rate(comparison, "lakeside", e1=3, e2=5, c1=1)
    comparison.set_deal_breaker("c1", True)
    chart = scores_chart(comparison)
    table = chart.table
    assert table.header == (
        "Clinic",
        "Overall",
        "Evaluation",
        "Administration",
        "Cost",
        "Your deal-breakers",
    )
    assert [row[0] for row in table.rows] == [g.name for g in chart.groups]
    assert table.rows[0] == (
        "Harbor",
        "50/100",
        *[b.table_text for b in chart.groups[0].bars],
        NONE_HIT,
    )
    assert table.rows[0][2] == "75 (could end 25–92)"
    assert table.rows[1][-1] == RULED_OUT


@settings(max_examples=40, deadline=None)
@given(comparisons(1, 5))
def test_every_chart_matches_its_table_and_draws_no_bar_without_a_value(
    comparison: Comparison,
) -> None:
    presentation = Presentation(comparison)
    charts = build_charts(presentation)
    for chart in charts.charts:
        assert [g.clinic_id for g in chart.groups] == [
            g.clinic_id for g in charts.scores.groups
        ]  # both charts in one order
        assert sorted(g.clinic_id for g in chart.groups) == sorted(c.id for c in comparison.clinics)
        assert len(chart.table.rows) == len(chart.groups)
        for group, row in zip(chart.groups, chart.table.rows, strict=True):
            assert row[0] == group.name
            assert len(group.bars) == len(chart.series)
            for bar in group.bars:
                assert bar.table_text in row
                assert bar.table_text.startswith(bar.value_text)
                assert bar.label.startswith(chart.series[bar.series_index].name)
                if bar.value is not None:
                    assert 0 <= bar.value <= chart.axis_max + 1e-9
                if bar.has_range:
                    assert bar.low is not None
                    assert bar.high is not None
                    assert (
                        0 <= bar.low <= bar.high <= chart.axis_max + 1e-9
                    )  # floats: 100.00000000000001
                    if bar.value is not None:
                        assert bar.low - 1e-9 <= bar.value <= bar.high + 1e-9
    # The standing comes first, in scoring's order.
    scores = presentation.scores
    overall = [scores.of(g.clinic_id).overall for g in charts.scores.groups if not g.ruled_out]
    scored = [o for o in overall if o is not None]
    assert scored == sorted(scored, reverse=True)
    assert overall[: len(scored)] == scored  # no-score clinics after the scored ones
    flags = [g.ruled_out for g in charts.scores.groups]
    assert flags == sorted(flags)  # the ruled out last


def test_hand_worked_course_costs() -> None:
    comparison = Comparison(catalogue=load_bundled_catalogue())
    for name in ("Harbor", "Lakeside", "Summit"):
        comparison.add_clinic(Clinic(id=name.lower(), name=name))
    comparison.set_answer("harbor", "cost-whole-course", Answer(4, "", 5400.0))
    comparison.set_answer(
        "harbor",
        "cost-price-insurance",
        Answer(None, "", CostDetails(insurance=Coverage.PARTIAL, insurance_percent=50.0)),
    )
    comparison.set_answer(
        "lakeside",
        "cost-price-insurance",
        Answer(3, "", CostDetails(price_per_session=475.0, sessions_recommended=6)),
    )
    chart = build_charts(Presentation(comparison)).costs
    by_name = {g.name: g for g in chart.groups}
    harbor, lakeside, summit = by_name["Harbor"], by_name["Lakeside"], by_name["Summit"]
    assert [b.value for b in harbor.bars] == [5400, 2700]
    assert [b.value_text for b in harbor.bars] == ["$5,400", "$2,700"]
    assert harbor.bars[1].label == "You would pay (estimate): $2,700"
    assert [b.value for b in lakeside.bars] == [2850, 2850]  # insurance not known: plan for all
    assert [b.value for b in summit.bars] == [None, None]
    # no course to pay for: both bars say so in the one wording of a missing cost
    assert [b.value_text for b in summit.bars] == ["no course cost yet", "no course cost yet"]
    assert chart.axis_max == 6000
    assert chart.tick_texts == ("$0", "$2,000", "$4,000", "$6,000")
    assert [s.pattern for s in chart.series] == [Pattern.DIAGONAL, Pattern.SOLID]
    assert chart.table.rows[[g.name for g in chart.groups].index("Summit")][1:3] == (
        "no course cost yet",
        "no course cost yet",
    )


@pytest.mark.parametrize(
    ("value", "top", "ticks"),
    [
        (5400, 6000, 4),
        (100, 100, 6),
        (999, 1000, 6),
        (12_345, 12_500, 6),
        (0, 1000, 5),
    ],
)
def test_the_cost_axis_ends_at_a_round_amount(value: float, top: float, ticks: int) -> None:
    end, marks = nice_ceiling(value)
    assert end == top
    assert len(marks) == ticks
    assert marks[0] == 0
    assert marks[-1] == end >= value
