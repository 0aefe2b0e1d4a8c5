"""Issue 9: plain values keep the exact text written; YAML 1.1's implicit typing never rewrites it.

Both parsers (libyaml and pure Python) are checked: they must give the same values.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ketachecklist.core import yaml_loaders
from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.storage import load_comparison, parse_comparison
from tests.reliability.helpers import CATALOGUE

HEADER = "format: ketachecklist-comparison\nschema_version: 1\n"
LOADERS = pytest.mark.parametrize("loader", yaml_loaders.LOADERS, ids=lambda c: c.__name__)

TYPED_BY_YAML_11 = [
    "01234567",
    "12:30:45",
    "0x1F",
    "007",
    "on",
    "no",
    "yes",
    "off",
    "1_000",
    "0o17",
    "2026-12-02",
    "1e5",
    "190:20:30.15",
    ".inf",
    "Y",
    "n",
    "1.50",
    "+5",
]


def _clinic(field: str, value: str) -> str:
    return HEADER + f"clinics:\n  - id: 007\n    name: {value}\n    {field}: {value}\n"


@pytest.mark.parametrize("written", TYPED_BY_YAML_11)
def test_text_fields_keep_exactly_what_was_typed(tmp_path: Path, written: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(_clinic("phone", written), encoding="utf-8")
    clinic = load_comparison(path, CATALOGUE).clinics[0]
    assert (clinic.id, clinic.name, clinic.phone) == ("007", written, written)


@LOADERS
def test_both_parsers_type_only_null_booleans_and_decimal_numbers(loader: type) -> None:
    text = (
        "a: 01234567\nb: 12:30:45\nc: 0x1F\nd: on\ne: ~\nf:\ng: true\nh: 42\ni: -1.5\n"
        "j: 2026-12-02\n"
    )
    values = loader(text).get_single_data()
    assert values == {
        "a": "01234567",
        "b": "12:30:45",
        "c": "0x1F",
        "d": "on",
        "e": None,
        "f": None,
        "g": True,
        "h": 42,
        "i": -1.5,
        "j": "2026-12-02",
    }
    assert [str(values[k]) for k in "hi"] == ["42", "-1.5"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789:xXoO._+-eEyYnN", min_size=1, max_size=12))
def test_any_plain_scalar_reads_back_as_written_in_a_text_field(written: str) -> None:
    document = f"phone: {written}\n"
    results = []
    for loader in yaml_loaders.LOADERS:
        try:
            value = loader(document).get_single_data()["phone"]
        except Exception:  # not a plain scalar at all ("-", ":x", "- 1"): nothing to check
            assume(False)
        results.append(value)
    assume(results[0] is not None and not isinstance(results[0], bool))
    assert [str(v) for v in results] == [written] * len(results)
    assert [type(v) for v in results] == [type(results[0])] * len(results)


@pytest.mark.parametrize("written", ["0x3", "03", "3:00", "three"])
def test_a_number_field_given_another_form_is_refused_naming_the_line(written: str) -> None:
    text = (
        _clinic("phone", "x")
        + f"    answers:\n      evaluation-who-evaluates:\n        rating: {written}\n"
    )
    with pytest.raises(FileFormatError) as caught:
        parse_comparison(text.encode(), "mine.yaml", CATALOGUE)
    assert str(caught.value) == (
        "mine.yaml line 9: clinic 'x', answer 'evaluation-who-evaluates': 'rating' must be "
        "a whole number, not text"
    )
