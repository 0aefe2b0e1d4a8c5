"""Frozen records (core/frozen_record.py), as the edit steps and changes use them: built,
compared, hashed, shown and copied like the frozen dataclasses they replaced."""

from __future__ import annotations

from dataclasses import (
    FrozenInstanceError,
    asdict,
    astuple,
    dataclass,
    field,
    fields,
    is_dataclass,
    replace,
)
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


# A record and the frozen dataclass it stands for, with every kind of default a record takes.
class Visit(FrozenRecord):
    clinic: str
    rating: int | None
    said: str = ""
    tags: list[str] = field(default_factory=list)
    weight: float = field(default=1.0)


@dataclass(frozen=True)
class VisitClass:
    clinic: str
    rating: int | None
    said: str = ""
    tags: list[str] = field(default_factory=list)
    weight: float = field(default=1.0)


visits = st.tuples(
    st.text(max_size=6),
    st.none() | st.integers(1, 5),
    st.text(max_size=6),
    st.lists(st.text(max_size=3), max_size=2),
    st.floats(allow_nan=False),
)


@given(values=visits, other=visits, given_fields=st.integers(2, 5))
def test_a_record_behaves_as_the_frozen_dataclass_it_stands_for(
    values: tuple[str, int | None, str, list[str], float],
    other: tuple[str, int | None, str, list[str], float],
    given_fields: int,
) -> None:
    record, reference = Visit(*values[:given_fields]), VisitClass(*values[:given_fields])
    assert astuple(record) == astuple(reference)
    assert asdict(record) == asdict(reference)
    assert repr(record).split(".")[-1] == repr(reference).split(".")[-1].replace("Class", "")
    twin, twin_reference = Visit(*other), VisitClass(*other)
    assert (record == twin) == (reference == twin_reference)
    changes = dict(zip(("said", "weight"), other[2::2], strict=True))
    assert astuple(replace(record, **changes)) == astuple(replace(reference, **changes))
    assert replace(record, **changes) == record.replaced(**changes)
    for unhashable in (record, reference):  # a list among the fields, as a dataclass
        with pytest.raises(TypeError, match="unhashable"):
            hash(unhashable)


def test_a_record_is_a_dataclass_to_the_dataclasses_module() -> None:
    record = Visit("harbor", 4)
    assert is_dataclass(record)
    assert is_dataclass(Visit)
    assert not is_dataclass(FrozenRecord)
    assert [(f.name, f.type) for f in fields(Visit)] == [
        (f.name, f.type) for f in fields(VisitClass)
    ]
    assert [(f.default, f.default_factory) for f in fields(record)] == [
        (f.default, f.default_factory) for f in fields(VisitClass)
    ]
    assert Visit.weight == VisitClass.weight == 1.0  # a plain default stays a class attribute
    assert not hasattr(Visit, "tags")
    assert not hasattr(VisitClass, "tags")
    with pytest.raises(TypeError):
        replace(record, kind="x")


def test_each_record_gets_its_own_default_from_a_factory() -> None:
    first, second = Visit("a", None), Visit("a", None)
    assert first.tags == []
    assert first.tags is not second.tags
    assert replace(first, tags=["x"]).tags == ["x"]
    assert first.tags == []


def test_a_record_matches_class_patterns_by_position() -> None:
    match Visit("harbor", 5, "calm"):
        case Visit(clinic, 5, said):
            assert (clinic, said) == ("harbor", "calm")
        case _:
            pytest.fail("the pattern should match")
    assert Visit.__match_args__ == VisitClass.__match_args__


def test_field_options_a_record_cannot_honour_are_refused() -> None:
    with pytest.raises(TypeError, match="only a default"):

        class Hidden(FrozenRecord):  # a hidden field would still compare, unlike a dataclass's
            name: str = field(default="", compare=False)


# A record that extends another, its own fields keyword-only, and the dataclasses it stands for.
class NumberedVisit(Visit, kw_only=True):
    number: int
    said: str = "(nothing)"  # a field declared again keeps its place and takes the new default


@dataclass(frozen=True, kw_only=True)
class NumberedVisitClass(VisitClass):
    number: int
    said: str = "(nothing)"


@given(values=visits, number=st.integers())
def test_an_extended_record_behaves_as_the_extended_dataclass(
    values: tuple[str, int | None, str, list[str], float], number: int
) -> None:
    clinic, rating, said, tags, weight = values
    record = NumberedVisit(clinic, rating, number=number, tags=tags)
    reference = NumberedVisitClass(clinic, rating, number=number, tags=tags)
    assert astuple(record) == astuple(reference)
    assert [f.name for f in fields(record)] == [f.name for f in fields(reference)]
    assert [f.kw_only for f in fields(record)] == [f.kw_only for f in fields(reference)]
    assert NumberedVisit.__match_args__ == NumberedVisitClass.__match_args__
    assert repr(record).split(".")[-1] == repr(reference).split(".")[-1].replace("Class", "")
    # ``said``, declared again by the keyword-only class, is keyword-only now, as in a dataclass
    assert replace(record, said=said, weight=weight) == NumberedVisit(
        clinic, rating, tags, weight, said=said, number=number
    )
    assert NumberedVisitClass(clinic, rating, tags, weight, said=said, number=number)
    assert record != Visit(clinic, rating, record.said, tags)  # another class: never equal
    with pytest.raises(TypeError):
        NumberedVisit(clinic, rating, said, tags, weight, number)  # type: ignore[misc]
    with pytest.raises(TypeError):
        NumberedVisit(clinic, rating)  # type: ignore[call-arg]


def test_a_record_extends_one_record_at_most() -> None:
    class Other(FrozenRecord):
        other: int

    with pytest.raises(TypeError, match="more than one record"):

        class Both(Visit, Other):
            pass
