"""The file reader and the edit operations keep the same limits (core/limits.py): what an edit
may make, the reader takes back; one step past a limit, both refuse."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from ketachecklist.core.catalogue import AnswerKind, load_bundled_catalogue
from ketachecklist.core.document import Answer, Clinic, Comparison, CostDetails, Decision
from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.limits import (
    MAX_CLINIC_ID,
    MAX_CLINICS,
    MAX_COUNT,
    MAX_MONEY,
    MAX_NAME,
    MAX_PERCENT,
    MAX_SESSIONS,
    MAX_TEXT,
    MAX_WEIGHT,
)
from ketachecklist.core.storage import comparison_to_data, parse_comparison
from ketachecklist.core.yaml_writer import dump_yaml

CATALOGUE = load_bundled_catalogue()
COST = next(q for q in CATALOGUE.questions if q.kind is AnswerKind.COST)
COUNT = next((q for q in CATALOGUE.questions if q.kind is AnswerKind.COUNT), None)


def _base() -> Comparison:
    comparison = Comparison(CATALOGUE)
    comparison.add_clinic(Clinic(id="c1", name="Harbor"))
    return comparison


def _reads(data: dict[str, Any]) -> bool:
    try:
        parse_comparison(dump_yaml(data).encode(), "test", CATALOGUE)
    except FileFormatError:
        return False
    return True


Tamper = Callable[[dict[str, Any], Any], None]


def _clinic_field(field: str) -> Tamper:
    def tamper(data: dict[str, Any], value: Any) -> None:
        data["clinics"][0][field] = value

    return tamper


def _cost_field(field: str) -> Tamper:
    def tamper(data: dict[str, Any], value: Any) -> None:
        data["clinics"][0]["answers"] = {COST.id: {"value": {field: value}}}

    return tamper


def _edit_clinic(field: str) -> Callable[[Comparison, Any], object]:
    return lambda c, value: c.update_clinic(replace(c.clinic("c1"), **{field: value}))


def _edit_cost(field: str) -> Callable[[Comparison, Any], object]:
    return lambda c, value: c.set_answer("c1", COST.id, Answer(value=CostDetails(**{field: value})))


CASES: list[tuple[str, Tamper, Callable[[Comparison, Any], object], Any, Any]] = [
    ("name", _clinic_field("name"), _edit_clinic("name"), "n" * MAX_NAME, "n" * (MAX_NAME + 1)),
    ("phone", _clinic_field("phone"), _edit_clinic("phone"), "5" * MAX_NAME, "5" * (MAX_NAME + 1)),
    ("notes", _clinic_field("notes"), _edit_clinic("notes"), "x" * MAX_TEXT, "x" * (MAX_TEXT + 1)),
    (
        "clinic id",
        _clinic_field("id"),
        lambda c, value: c.add_clinic(Clinic(id=value, name="Other")),
        "i" * MAX_CLINIC_ID,
        "i" * (MAX_CLINIC_ID + 1),
    ),
    (
        "price",
        _cost_field("price_per_session"),
        _edit_cost("price_per_session"),
        MAX_MONEY,
        MAX_MONEY * 1.01,
    ),
    (
        "sessions",
        _cost_field("sessions_recommended"),
        _edit_cost("sessions_recommended"),
        MAX_SESSIONS,
        MAX_SESSIONS + 1,
    ),
    (
        "insurance share",
        _cost_field("insurance_percent"),
        _edit_cost("insurance_percent"),
        MAX_PERCENT,
        MAX_PERCENT + 0.5,
    ),
    (
        "weight",
        lambda data, value: data["weights"]["sets"].update({CATALOGUE.sets[0].id: value}),
        lambda c, value: c.set_set_weight(CATALOGUE.sets[0].id, value),
        MAX_WEIGHT,
        MAX_WEIGHT + 1,
    ),
    (
        "reason",
        lambda data, value: data["decision"].update({"reason": value}),
        lambda c, value: c.set_decision(Decision(None, value)),
        "r" * MAX_TEXT,
        "r" * (MAX_TEXT + 1),
    ),
]


@pytest.mark.parametrize(
    ("tamper", "edit", "at_limit", "past_limit"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_reader_and_edits_agree_on_each_limit(
    tamper: Tamper, edit: Callable[[Comparison, Any], object], at_limit: Any, past_limit: Any
) -> None:
    at, past = comparison_to_data(_base()), comparison_to_data(_base())
    tamper(at, at_limit)
    tamper(past, past_limit)
    assert _reads(at), "the reader refuses what an edit may make"
    assert not _reads(past), "the reader takes what an edit refuses"
    edit(_base(), at_limit)
    with pytest.raises(ValueError, match=r"at most|between"):
        edit(_base(), past_limit)


@pytest.mark.skipif(COUNT is None, reason="the catalogue has no question answered by a number")
def test_reader_and_edits_agree_on_counts() -> None:
    assert COUNT is not None
    for value, readable in ((MAX_COUNT, True), (MAX_COUNT + 1, False)):
        data = comparison_to_data(_base())
        data["clinics"][0]["answers"] = {COUNT.id: {"value": value}}
        assert _reads(data) is readable
    _base().set_answer("c1", COUNT.id, Answer(value=MAX_COUNT))
    with pytest.raises(ValueError, match="between"):
        _base().set_answer("c1", COUNT.id, Answer(value=MAX_COUNT + 1))


def test_reader_and_edits_agree_on_the_number_of_clinics() -> None:
    data = comparison_to_data(_base())
    data["clinics"] = [{"id": f"c{n}", "name": "x"} for n in range(MAX_CLINICS)]
    assert _reads(data)
    data["clinics"].append({"id": "one-more", "name": "x"})
    assert not _reads(data)
