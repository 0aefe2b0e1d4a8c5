"""Percentages, presets and profiles; red flags as coverage; highlights; costs side by side."""

from __future__ import annotations

import copy
import math
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from ketachecklist.core.decision.analysis import analyse
from ketachecklist.core.decision.profiles import Preset, percentages, preset_weights
from ketachecklist.core.document import Answer, Comparison, CostDetails, WeightProfile
from tests.core.decision.builders import SET_IDS, comparisons, leader_as_scored, make, rate


@given(st.lists(st.floats(0, 100), min_size=1, max_size=20))
def test_percentages_stay_within_half_a_point_and_equal_weights_read_the_same(
    weights: list[float],
) -> None:
    result = percentages(weights)
    total = sum(Fraction(w) for w in weights)
    if total == 0:
        assert result == [0] * len(weights)
        return
    for weight, percent in zip(weights, result, strict=True):
        assert (
            -Fraction(1, 2) < Fraction(percent) - Fraction(weight) * 100 / total <= Fraction(1, 2)
        )
    assert abs(sum(result) - 100) <= len(weights) / 2  # about 100: each is rounded on its own
    for i, a in enumerate(weights):
        for j, b in enumerate(weights):
            if a > b:  # a larger weight never shows a smaller percentage
                assert result[i] >= result[j]
            if a == b:  # the same weight always shows the same percentage
                assert result[i] == result[j]


@given(st.lists(st.floats(0, 1e300) | st.floats(0, 1e-300), min_size=1, max_size=20))
def test_percentages_are_the_exact_rounding_of_the_weights_however_far_apart(
    weights: list[float],
) -> None:
    total = sum(Fraction(w) for w in weights)
    exact = [
        math.floor(Fraction(w) * 100 / total + Fraction(1, 2)) if total else 0 for w in weights
    ]
    assert percentages(weights) == exact


def test_hand_worked_percentages() -> None:
    assert percentages([1, 1, 1]) == [33, 33, 33]  # 33.3 each: the same, adding up to 99
    assert percentages([2, 1, 1, 1]) == [40, 20, 20, 20]
    assert percentages([1, 1, 1, 3]) == [17, 17, 17, 50]  # 16.7 each, not 17, 17, 16
    assert percentages([1, 1, 1, 1, 4]) == [13, 13, 13, 13, 50]  # 12.5 rounds up
    assert percentages([0, 0]) == [0, 0]


def test_presets_add_up_to_about_100_and_say_what_they_favour() -> None:
    for preset in Preset:
        assert abs(sum(percentages(list(preset_weights(preset, SET_IDS).values()))) - 100) <= 2
    assert preset_weights(Preset.EQUAL, SET_IDS) == dict.fromkeys(SET_IDS, 1.0)
    safety = preset_weights(Preset.SAFETY_FIRST, SET_IDS)
    assert safety["evaluation"] == safety["administration"] > safety["cost"]
    cost = preset_weights(Preset.COST_MATTERS_MOST, SET_IDS)
    assert cost["cost"] > max(cost["evaluation"], cost["administration"])


def test_who_leads_under_each_profile_and_whether_they_agree() -> None:
    comparison = make("Summit", "Harbor")
    rate(comparison, "summit", e1=5, a1=5, c1=1)
    rate(comparison, "harbor", e1=3, a1=3, c1=5)
    comparison.add_weight_profile(WeightProfile("Me", {"evaluation": 3.0}))
    comparison.add_weight_profile(WeightProfile("Mum", {"cost": 4.0}))
    comparison.activate_weight_profile("Me")
    views = analyse(comparison).profiles
    assert [(v.name, v.active, v.leader_id) for v in views.people] == [
        ("Me", True, "summit"),  # (300 + 100 + 0) / 5 = 80 against (150 + 50 + 100) / 5 = 60
        ("Mum", False, "harbor"),  # (100 + 100 + 0) / 6 = 33 against (50 + 50 + 400) / 6 = 83
    ]
    assert views.people[0].percentages == {"evaluation": 60, "administration": 20, "cost": 20}
    assert not views.agree
    assert views.leaders == ("summit", "harbor")
    assert [v.preset for v in views.presets] == list(Preset)
    comparison.activate_weight_profile("Mum")
    assert analyse(comparison).profiles.people[0].leader_id == "harbor"


def test_red_flags_as_coverage_and_highlights() -> None:
    comparison = make("Harbor", "Lakeside")
    comparison.set_answer("harbor", "e3", Answer(4, "", True))
    comparison.set_answer("harbor", "a2", Answer(1, "", False))  # the red flag
    rate(comparison, "harbor", e1=5, e2=2, c1=5)
    comparison.set_question_weight("e1", 3.0)
    analysis = analyse(comparison)
    coverage = analysis.of("harbor").red_flags
    assert (coverage.found, coverage.checked, coverage.questions) == (1, 2, 2)
    untouched = analysis.of("lakeside").red_flags
    assert (untouched.found, untouched.checked, untouched.questions) == (0, 0, 2)
    notes = analysis.of("harbor").highlights
    assert [(a.question_id, a.rating) for a in notes.strengths] == [("c1", 5), ("e1", 5), ("e3", 4)]
    assert notes.strengths[0].share == 1 / 3  # cost's only rated answer, one set of three
    assert [(a.question_id, a.rating) for a in notes.low_ratings] == [("a2", 1), ("e2", 2)]
    assert [f.question_id for f in notes.red_flags] == ["a2"]
    assert notes.has_concerns
    assert sum(a.share for a in (*notes.strengths, *notes.low_ratings)) == 1


def test_costs_side_by_side() -> None:
    # (The cost per point is the presentation's, of the score as shown: tests/present.)
    comparison = make("Harbor", "Lakeside")
    rate(comparison, "harbor", e1=5, a1=3)  # (100 + 50) / 2 = 75
    rate(comparison, "lakeside", e1=1)
    analysis = analyse(comparison)
    row = analysis.of("harbor").costs
    assert row.course_total is None
    assert row.maintenance_recorded == ""
    assert analysis.of("lakeside").costs.course_total is None
    assert CostDetails().is_empty


@given(
    comparisons(2, 3),
    st.lists(st.dictionaries(st.sampled_from(SET_IDS), st.floats(0, 100)), max_size=4),
)
def test_every_profile_shows_percentages_summing_to_100_and_its_own_leader(
    comparison: Comparison, saved: list[dict[str, float]]
) -> None:
    for number, weights in enumerate(saved):
        comparison.add_weight_profile(WeightProfile(f"person {number}", weights))
    if saved:
        comparison.activate_weight_profile("person 0")
    views = analyse(comparison).profiles
    assert len(views.people) == max(1, len(saved))
    for view in (*views.people, *views.presets):
        total = sum(view.percentages.values())
        assert total == 0 or abs(total - 100) <= len(view.percentages) / 2
        if view.preset is not None:
            weights = preset_weights(view.preset, SET_IDS)
        elif not view.name:  # the unnamed weights in force
            weights = dict(comparison.set_weights)
        else:
            weights = comparison.profile_set_weights(view.name)
        edited = copy.deepcopy(comparison)
        edited.replace_set_weights(dict(weights))
        assert view.leader_id == leader_as_scored(edited)
