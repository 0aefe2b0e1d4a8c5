"""Frozen records (core/frozen_record.py), as the edit steps and changes use them: built,
compared, hashed, shown and copied like the frozen dataclasses they replaced."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketachecklist.core.changes import Change, ChangeKind, PutDealBreaker, PutSetWeights, PutWeight
from ketachecklist.core.frozen_record import FrozenRecord

weights = st.none() | st.floats(min_value=0, max_value=10, allow_nan=False)


@given(of_set=st.booleans(), key=st.text(max_size=8), old=weights, new=weights)
def test_a_step_is_a_value_like_a_frozen_dataclass(
    of_set: bool, key: str, old: float | None, new: float | None
) -> None:
    step = PutWeight(of_set, key, old, new)
    same = PutWeight(of_set=of_set, key=key, old=old, new=new)
    assert step == same
    assert hash(step) == hash(same)
    assert step.inverse().inverse() == step
    assert (step.inverse() == step) == (old == new)
    assert step.replaced(new=old) == PutWeight(of_set, key, old, old)
    assert repr(step) == f"PutWeight(of_set={of_set!r}, key={key!r}, old={old!r}, new={new!r})"


def test_fields_left_out_take_their_defaults() -> None:
    step = PutDealBreaker("q", False, True)
    change = Change(ChangeKind.SET_DEAL_BREAKER, (step,))
    assert (change.clinic_id, change.question_id, change.set_id) == (None, None, None)
    named = Change(ChangeKind.SET_DEAL_BREAKER, (step,), question_id="q")
    assert named == Change(ChangeKind.SET_DEAL_BREAKER, (step,), None, "q", None)
    assert named != change
    assert named.inverse() == named.replaced(steps=(step.inverse(),))
    assert named.inverse().question_id == "q"


def test_records_of_other_kinds_never_compare_equal() -> None:
    assert PutDealBreaker("q", True, False) != PutWeight(True, "q", 1.0, 0.0)
    assert PutSetWeights({"a": 1.0}, {}) != ({"a": 1.0}, {})


def test_a_record_cannot_be_changed_or_built_from_the_wrong_fields() -> None:
    step = PutDealBreaker("q", False, True)
    with pytest.raises(FrozenInstanceError):
        step.new = False  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del step.old  # type: ignore[misc]
    with pytest.raises(TypeError):
        PutDealBreaker("q", False)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        PutDealBreaker("q", False, True, True)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        PutDealBreaker("q", False, True, old=False)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        PutDealBreaker("q", False, flag=True)  # type: ignore[call-arg]


def test_class_variables_are_not_fields() -> None:
    class Counted(FrozenRecord):
        made: ClassVar[int] = 0
        name: str
        size: int = 1

    assert Counted("a") == Counted(name="a", size=1)
    assert repr(Counted("a", 2)).endswith(".Counted(name='a', size=2)")  # its __qualname__
    with pytest.raises(TypeError):
        Counted("a", 2, 3)  # type: ignore[call-arg]


def test_a_record_of_one_field_is_a_value_too() -> None:
    class Named(FrozenRecord):
        name: str

    assert Named("ann") == Named(name="ann") != Named("bob")
    assert hash(Named("ann")) == hash(Named(name="ann"))
    assert Named("ann").replaced() == Named("ann")  # its one value, not the value's letters
    assert Named("ann").replaced(name="bob") == Named("bob")
    assert repr(Named("ann")).endswith(".Named(name='ann')")
    with pytest.raises(TypeError):
        Named()  # type: ignore[call-arg]
