"""How firm the lead is against the weights: the reported change really changes first place
when applied, and any smaller change of that set's weight does not."""

from __future__ import annotations

import copy

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ketachecklist.core.decision.analysis import analyse
from ketachecklist.core.decision.weights import Direction
from ketachecklist.core.document import Comparison
from ketachecklist.core.scoring import score_comparison
from tests.core.decision.builders import comparisons, leader_as_scored, make, rate


def leader_with_set_weight(comparison: Comparison, set_id: str, weight: float) -> str | None:
    edited = copy.deepcopy(comparison)
    edited.set_set_weight(set_id, weight)
    return leader_as_scored(edited)


def level_with_set_weight(
    comparison: Comparison, set_id: str, weight: float, first: str | None, second: str | None
) -> bool:
    """Whether two clinics score the same under that weight but for floating-point rounding:
    scoring ranks by exact floats, so 50 × w / w coming out as 49.999999999999993 puts a clinic
    level at 50 behind; such a tie can go either way, with or without a weight change."""
    edited = copy.deepcopy(comparison)
    edited.set_set_weight(set_id, weight)
    scores = score_comparison(edited)
    if first is None or second is None:
        return False
    a, b = scores.of(first).overall, scores.of(second).overall
    return a is not None and b is not None and abs(a - b) <= 1e-9


@settings(max_examples=120, deadline=None)
@given(comparisons(2, 4), st.data())
def test_the_reported_weight_change_changes_first_place_and_a_smaller_one_does_not(
    comparison: Comparison, data: st.DataObject
) -> None:
    analysis = analyse(comparison)
    assume(analysis.leader_id is not None and analysis.weight_tipping)
    for tipping in analysis.weight_tipping:
        weight = comparison.set_weight(tipping.set_id)
        assert tipping.new_weight == weight * tipping.multiplier
        assert leader_with_set_weight(comparison, tipping.set_id, tipping.new_weight) == (
            tipping.new_leader_id
        )
        assert tipping.new_leader_id != analysis.leader_id
        low, high = sorted((1.0, tipping.threshold))
        # Kept off the very ends: a weight of 5e-324 beside 1 rounds away in floating point.
        fraction = data.draw(st.floats(1e-6, 1 - 1e-6))
        smaller = low + (high - low) * fraction
        if low < smaller < high:
            new = weight * smaller
            leader = leader_with_set_weight(comparison, tipping.set_id, new)
            assert leader == analysis.leader_id or level_with_set_weight(
                comparison, tipping.set_id, new, leader, analysis.leader_id
            )


@settings(max_examples=80, deadline=None)
@given(comparisons(2, 4), st.sampled_from(["evaluation", "administration", "cost"]), st.data())
def test_no_weight_change_is_missed(
    comparison: Comparison, set_id: str, data: st.DataObject
) -> None:
    """Any multiplier that changes first place is at least as far from 1 as the one reported."""
    analysis = analyse(comparison)
    weight = comparison.set_weight(set_id)
    assume(analysis.leader_id is not None and weight > 0)
    # 0 (the set left out) or a real change: a weight of 5e-324 beside 1 rounds away.
    multiplier = data.draw(st.just(0.0) | st.floats(1e-6, 100 / weight))
    leader = leader_with_set_weight(comparison, set_id, weight * multiplier)
    if leader == analysis.leader_id or level_with_set_weight(
        comparison, set_id, weight * multiplier, leader, analysis.leader_id
    ):
        return
    direction = Direction.MORE if multiplier > 1 else Direction.LESS
    found = [t for t in analysis.weight_tipping if t.set_id == set_id and t.direction is direction]
    assert found, f"x{multiplier} changes first place but no tipping point was reported"
    if direction is Direction.MORE:
        assert found[0].threshold <= multiplier
    else:
        assert found[0].threshold >= multiplier


def test_hand_worked_if_cost_counted_more() -> None:
    comparison = make("Summit", "Harbor")
    rate(comparison, "summit", e1=5, e2=5, a1=5, c1=1)  # 100, 100, 0
    rate(comparison, "harbor", e1=3, e2=3, a1=3, c1=5)  # 50, 50, 100
    comparison.set_set_weight("evaluation", 2.0)
    analysis = analyse(comparison)
    # Summit (2·100 + 100 + 0)/4 = 75; Harbor (2·50 + 50 + m·100)/(3 + m) ... with cost weight m:
    # Summit (300)/(3 + m), Harbor (150 + 100 m)/(3 + m): level at m = 1.5.
    assert analysis.leader_id == "summit"
    cost = next(t for t in analysis.weight_tipping if t.set_id == "cost")
    assert cost.direction is Direction.MORE
    assert cost.threshold == pytest.approx(1.5)
    assert cost.new_leader_id == "harbor"
    assert analysis.smallest_weight_change is not None
    assert analysis.smallest_weight_change.factor <= cost.factor
