"""The edit steps are frozen records (core/changes.py): built, compared, hashed, shown and
copied as the frozen dataclasses they replaced, at a fraction of the import time."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketachecklist.core.changes import PutDealBreaker, PutSetWeights, PutWeight

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


def test_steps_of_other_kinds_never_compare_equal() -> None:
    assert PutDealBreaker("q", True, False) != PutWeight(True, "q", 1.0, 0.0)
    assert PutSetWeights({"a": 1.0}, {}) != ({"a": 1.0}, {})


def test_a_step_cannot_be_changed_or_built_from_the_wrong_fields() -> None:
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
