"""The new edit operations return what they replaced, and putting that back restores exactly."""

from __future__ import annotations

import copy

import pytest

from ketachecklist.core.document import Comparison, WeightProfile
from tests.core.decision.builders import make


def state(comparison: Comparison) -> tuple[object, ...]:
    return (
        set(comparison.deal_breakers),
        copy.deepcopy(comparison.weight_profiles),
        comparison.active_profile,
        dict(comparison.set_weights),
    )


def test_deal_breaker_marks_return_what_they_replaced() -> None:
    comparison = make("Harbor")
    assert comparison.set_deal_breaker("a2", True) is False
    assert comparison.set_deal_breaker("a2", True) is True
    assert comparison.is_deal_breaker("a2")
    revision = comparison.revision
    assert comparison.set_deal_breaker("a2", False) is True
    assert comparison.revision == revision + 1
    with pytest.raises(KeyError):
        comparison.set_deal_breaker("nope", True)


def test_switching_profiles_keeps_each_persons_weights_and_undoes_exactly() -> None:
    comparison = make("Harbor")
    comparison.set_set_weight("cost", 2.0)
    comparison.add_weight_profile(WeightProfile("Me"))
    comparison.add_weight_profile(WeightProfile("Mum", {"cost": 4.0}))
    first = comparison.activate_weight_profile("Me")  # "Me" has no weights: all sets weigh 1
    assert comparison.set_weights == {}
    comparison.set_set_weight("evaluation", 3.0)  # an ordinary edit changes the profile in force
    before = state(comparison)
    switch = comparison.activate_weight_profile("Mum")
    assert comparison.set_weights == {"cost": 4.0}
    assert comparison.profile_set_weights("Me") == {"evaluation": 3.0}
    comparison.restore_activation(switch)
    assert state(comparison) == before
    comparison.restore_activation(first)
    assert comparison.active_profile is None
    assert comparison.set_weights == {"cost": 2.0}


def test_removing_and_restoring_profiles_and_replacing_weights() -> None:
    comparison = make("Harbor")
    comparison.add_weight_profile(WeightProfile("Me", {"cost": 2.0}))
    comparison.add_weight_profile(WeightProfile("Mum", {"cost": 4.0}), index=0)
    comparison.activate_weight_profile("Me")
    before = state(comparison)
    removed = comparison.remove_weight_profile("Me")
    assert removed.was_active
    assert removed.profile == WeightProfile("Me", {"cost": 2.0})
    assert comparison.active_profile is None
    assert comparison.set_weights == {"cost": 2.0}  # still in force, unnamed
    comparison.restore_weight_profile(removed)
    assert state(comparison) == before
    old = comparison.replace_set_weights({"evaluation": 1.0, "cost": 1.0})
    assert old == {"cost": 2.0}
    with pytest.raises(ValueError, match="between 0 and 100"):
        comparison.replace_set_weights({"cost": 101.0})
    with pytest.raises(ValueError, match="already called"):
        comparison.add_weight_profile(WeightProfile("Mum"))
    with pytest.raises(ValueError, match="needs a name"):
        comparison.add_weight_profile(WeightProfile("  "))
