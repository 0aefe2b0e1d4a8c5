"""The new edit operations return a Change that reverts exactly (``apply(change.inverse())``)
and redoes exactly (``apply(change)``)."""

from __future__ import annotations

import copy

import pytest

from ketachecklist.core.catalogue import Question
from ketachecklist.core.changes import Change, ChangeKind
from ketachecklist.core.document import Comparison, WeightProfile
from ketachecklist.core.limits import LimitError
from tests.core.decision.builders import make


def state(comparison: Comparison) -> tuple[object, ...]:
    return (
        set(comparison.deal_breakers),
        copy.deepcopy(comparison.weight_profiles),
        comparison.active_profile,
        dict(comparison.set_weights),
        list(comparison.custom_questions),
    )


def undo_redo(comparison: Comparison, change: Change, before: tuple[object, ...]) -> None:
    after = state(comparison)
    comparison.apply(change.inverse())
    assert state(comparison) == before
    comparison.apply(change)
    assert state(comparison) == after


def test_deal_breaker_marks_undo_and_redo() -> None:
    comparison = make("Harbor")
    before = state(comparison)
    revision = comparison.revision
    change = comparison.set_deal_breaker("a2", True)
    assert change.kind is ChangeKind.SET_DEAL_BREAKER
    assert change.question_id == "a2"
    assert comparison.is_deal_breaker("a2")
    assert comparison.revision == revision + 1
    undo_redo(comparison, change, before)
    assert comparison.set_deal_breaker("a2", True).is_empty  # marking it again changes nothing
    with pytest.raises(KeyError):
        comparison.set_deal_breaker("nope", True)


def test_removing_a_custom_question_takes_its_mark_and_undo_brings_it_back() -> None:
    comparison = make("Harbor")
    comparison.add_custom_question(Question("custom-1", "cost", "Sliding scale?"))
    comparison.set_deal_breaker("custom-1", True)
    before = state(comparison)
    change = comparison.remove_custom_question("custom-1")
    assert not comparison.is_deal_breaker("custom-1")
    undo_redo(comparison, change, before)
    comparison.add_custom_question(Question("custom-1", "cost", "Another question"))
    assert not comparison.is_deal_breaker("custom-1")  # a new question of that id starts clean


def test_switching_profiles_keeps_each_persons_weights_and_undoes_exactly() -> None:
    comparison = make("Harbor")
    comparison.set_set_weight("cost", 2.0)
    comparison.add_weight_profile(WeightProfile("Me"))
    comparison.add_weight_profile(WeightProfile("Mum", {"cost": 4.0}))
    before = state(comparison)
    first = comparison.activate_weight_profile("Me")  # "Me" has no weights: every set weighs 1
    assert comparison.set_weights == {}
    assert comparison.active_profile == "Me"
    undo_redo(comparison, first, before)
    comparison.set_set_weight("evaluation", 3.0)  # an ordinary edit changes the profile in force
    before = state(comparison)
    switch = comparison.activate_weight_profile("Mum")
    assert comparison.set_weights == {"cost": 4.0}
    assert comparison.profile_set_weights("Me") == {"evaluation": 3.0}
    assert comparison.profile_set_weights("Mum") == {"cost": 4.0}
    undo_redo(comparison, switch, before)
    unnamed = comparison.activate_weight_profile(None)
    assert comparison.active_profile is None
    assert comparison.set_weights == {"cost": 4.0}  # kept in force, unnamed
    assert comparison.profile_set_weights("Mum") == {"cost": 4.0}
    assert comparison.activate_weight_profile(None).is_empty
    assert unnamed.kind is ChangeKind.ACTIVATE_WEIGHT_PROFILE


def test_removing_profiles_and_replacing_weights_undo_exactly() -> None:
    comparison = make("Harbor")
    comparison.add_weight_profile(WeightProfile("Me", {"cost": 2.0}))
    comparison.add_weight_profile(WeightProfile("Mum", {"cost": 4.0}), index=0)
    assert [p.name for p in comparison.weight_profiles] == ["Mum", "Me"]
    comparison.activate_weight_profile("Me")
    before = state(comparison)
    removed = comparison.remove_weight_profile("Me")
    assert comparison.active_profile is None
    assert comparison.set_weights == {"cost": 2.0}  # still in force, unnamed
    undo_redo(comparison, removed, before)
    comparison.apply(removed.inverse())
    before = state(comparison)
    reset = comparison.replace_set_weights({"evaluation": 1.0, "cost": 1.0})
    assert comparison.profile_set_weights("Me") == {"evaluation": 1.0, "cost": 1.0}
    undo_redo(comparison, reset, before)
    with pytest.raises(LimitError, match="between 0 and 100"):
        comparison.replace_set_weights({"cost": 101.0})
    with pytest.raises(KeyError):
        comparison.replace_set_weights({"costs": 1.0})
    with pytest.raises(ValueError, match="already called"):
        comparison.add_weight_profile(WeightProfile("Mum"))
    with pytest.raises(LimitError, match="cannot be empty"):
        comparison.add_weight_profile(WeightProfile("  "))
    with pytest.raises(LimitError, match="at most 100 characters"):
        comparison.add_weight_profile(WeightProfile("x" * 101))
    for number in range(18):
        comparison.add_weight_profile(WeightProfile(f"p{number}"))
    with pytest.raises(LimitError, match="at most 20 profiles"):
        comparison.add_weight_profile(WeightProfile("one too many"))


def test_renaming_a_profile_keeps_its_weights_and_whether_it_is_in_force() -> None:
    comparison = make("Harbor")
    comparison.add_weight_profile(WeightProfile("Me", {"cost": 2.0}))
    comparison.add_weight_profile(WeightProfile("Mum", {"cost": 4.0}))
    comparison.activate_weight_profile("Me")
    before = state(comparison)
    change = comparison.rename_weight_profile("Me", "Alex")
    assert comparison.active_profile == "Alex"
    assert comparison.profile_set_weights("Alex") == {"cost": 2.0}
    undo_redo(comparison, change, before)
    comparison.rename_weight_profile("Mum", "Mother")
    assert comparison.profile_set_weights("Mother") == {"cost": 4.0}
    with pytest.raises(ValueError, match="already called"):
        comparison.rename_weight_profile("Mother", "Alex")
