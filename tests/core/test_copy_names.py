"""A duplicated clinic's name is never one a clinic already has, and says whose copy it is."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ketachecklist.core.copy_names import copy_name


def test_copies_are_numbered_from_the_original_name() -> None:
    taken = {"Harbor Light"}
    names = []
    for _ in range(3):
        names.append(copy_name("Harbor Light", taken, 1000))
        taken.add(names[-1])
    assert names == ["Harbor Light (copy)", "Harbor Light (copy 2)", "Harbor Light (copy 3)"]
    # A copy of a copy is numbered on, not "(copy) (copy)".
    assert copy_name("Harbor Light (copy 2)", taken, 1000) == "Harbor Light (copy 4)"


@given(
    st.text(min_size=1, max_size=40),
    st.sets(st.text(max_size=40), max_size=8),
    st.integers(12, 60),
)
def test_a_copy_name_is_free_short_enough_and_keeps_the_start(
    original: str, others: set[str], longest: int
) -> None:
    taken = {*others, original}
    name = copy_name(original, taken, longest)
    assert name not in taken
    assert len(name) <= longest
    assert "(copy" in name
