"""The comparison file: round trips, atomic saving and every kind of bad file."""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from ketachecklist.core.catalogue import Catalogue, load_bundled_catalogue
from ketachecklist.core.document import Answer, Clinic, Comparison
from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.storage import (
    SCHEMA_VERSION,
    comparison_to_data,
    comparison_to_yaml,
    load_comparison,
    parse_comparison,
    save_comparison,
)
from ketachecklist.core.yaml_writer import DUMPERS, dump_yaml
from tests.strategies import comparisons

CATALOGUE = load_bundled_catalogue()


def assert_same(a: Comparison, b: Comparison) -> None:
    assert a.clinics == b.clinics
    assert a.answers == b.answers
    assert a.custom_questions == b.custom_questions
    assert a.set_weights == b.set_weights
    assert a.question_weights == b.question_weights
    assert a.decision == b.decision
    assert a.title == b.title


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(comparisons(CATALOGUE))
def test_any_comparison_round_trips_in_memory(comparison: Comparison) -> None:
    text = comparison_to_yaml(comparison)
    assert_same(parse_comparison(text.encode(), "x.yaml", CATALOGUE), comparison)


@pytest.mark.parametrize("dumper", DUMPERS, ids=lambda dumper: dumper.__name__)
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(comparison=comparisons(CATALOGUE))
def test_any_comparison_round_trips_through_each_writer(
    dumper: type[object], comparison: Comparison
) -> None:
    """libyaml's emitter and PyYAML's own (used for emoji, and where libyaml is missing)."""
    text = dump_yaml(comparison_to_data(comparison), dumper=dumper)
    assert_same(parse_comparison(text.encode(), "x.yaml", CATALOGUE), comparison)


def test_emoji_and_line_breaks_stay_readable_in_the_file() -> None:
    comparison = Comparison(catalogue=CATALOGUE)
    comparison.add_clinic(Clinic(id="c", name="Café 😀 Clinic"))
    note = "First line 🙂\nSecond line: 東京\nThird"
    comparison.set_answer("c", "evaluation-who-evaluates", Answer(rating=4, said=note))
    text = comparison_to_yaml(comparison)
    assert "name: Café 😀 Clinic" in text
    assert "said: |" in text
    assert "  First line 🙂" in text
    assert "\\U0001F600" not in text
    assert "\\U0001F642" not in text
    assert_same(parse_comparison(text.encode(), "x.yaml", CATALOGUE), comparison)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)
@given(comparison=comparisons(CATALOGUE))
def test_any_comparison_round_trips_on_disk(tmp_path: Path, comparison: Comparison) -> None:
    """Reliability menu row 1: save → load equal, and no temp file is ever left behind."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))  # hypothesis reuses tmp_path across examples
    path = folder / "mine.yaml"
    save_comparison(comparison, path)
    assert_same(load_comparison(path, CATALOGUE), comparison)
    assert sorted(p.name for p in folder.iterdir()) == ["mine.yaml"], "temp files left behind"
    save_comparison(comparison, path)  # a second save over it keeps one backup, no temp file
    assert_same(load_comparison(path, CATALOGUE), comparison)
    assert sorted(p.name for p in folder.iterdir()) == ["mine.yaml", "mine.yaml.bak1"]


def test_saved_file_is_private_and_readable_yaml(tmp_path: Path) -> None:
    comparison = Comparison(catalogue=CATALOGUE)
    comparison.add_clinic(Clinic(id="clinic-1", name="North"))
    path = tmp_path / "c.yaml"
    save_comparison(comparison, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["format"] == "ketachecklist-comparison"
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["clinics"][0]["name"] == "North"


def test_failed_save_leaves_original_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.yaml"
    comparison = Comparison(catalogue=CATALOGUE)
    comparison.add_clinic(Clinic(id="clinic-1", name="North"))
    save_comparison(comparison, path)
    original = path.read_bytes()
    comparison.add_clinic(Clinic(id="clinic-2", name="South"))

    def refuse(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="No space"):
        save_comparison(comparison, path)
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["c.yaml"]


def minimal_file(extra: str = "") -> str:
    return (
        "format: ketachecklist-comparison\nschema_version: 1\n"
        f"catalogue:\n  id: {CATALOGUE.id}\n  version: '{CATALOGUE.version}'\n" + extra
    )


def error_lines(text: str | bytes, catalogue: Catalogue = CATALOGUE) -> list[str]:
    data = text.encode() if isinstance(text, str) else text
    with pytest.raises(FileFormatError) as caught:
        parse_comparison(data, "mine.yaml", catalogue)
    return str(caught.value).splitlines()


def first_question_id() -> str:
    return CATALOGUE.questions[0].id


def test_errors_name_what_and_where() -> None:
    qid = first_question_id()
    text = minimal_file(
        "clinics:\n"
        "  - id: clinic-1\n"
        "    name: North\n"
        "    answers:\n"
        f"      {qid}:\n"
        "        rating: 9\n"
        "      no-such-question:\n"
        "        rating: 3\n"
        "  - id: clinic-1\n"
        "    name: Again\n"
        "    treatments: [teleport]\n"
    )
    assert error_lines(text) == [
        f"mine.yaml line 11: clinic 'North', answer '{qid}': 'rating' must be between 1 and 5 "
        "(got 9)",
        "mine.yaml line 12: clinic 'North': answer to unknown question id 'no-such-question'",
        "mine.yaml line 14: clinic 'Again': clinic id 'clinic-1' is used twice",
        "mine.yaml line 16: clinic 'Again': unknown treatment 'teleport' (known: iv_infusion, "
        "spravato, intramuscular, oral, other)",
    ]


def test_missing_name_and_wrong_types() -> None:
    text = minimal_file(
        "clinics:\n  - id: clinic-1\n    phone: [1, 2]\nweights:\n  sets:\n    evaluation: heavy\n"
    )
    assert error_lines(text) == [
        "mine.yaml line 7: clinic 1 has no name",
        "mine.yaml line 8: clinic 1: 'phone' must be text, not a list",
        "mine.yaml line 11: weights.sets: 'evaluation' must be a number, not text",
    ]


def test_newer_version_is_refused_naming_both_versions() -> None:
    text = minimal_file().replace("schema_version: 1", "schema_version: 4")
    (line,) = error_lines(text)
    assert "format version 4" in line
    assert f"reads format version {SCHEMA_VERSION} and older" in line
    assert line.startswith("mine.yaml line 2:")


def test_other_catalogue_and_other_format_refused() -> None:
    assert error_lines(minimal_file().replace(CATALOGUE.id, "someone-else")) == [
        f"mine.yaml line 4: catalogue: the file was made with question catalogue "
        f"'someone-else', but this app has '{CATALOGUE.id}'"
    ]
    assert error_lines("format: spreadsheet\nschema_version: 1\n") == [
        "mine.yaml line 1: the comparison file: this is not a ketachecklist comparison "
        "('format' is 'spreadsheet', expected 'ketachecklist-comparison')"
    ]


HOSTILE = {
    "python object tag": ("!!python/object/apply:os.system ['echo pwned']\n", "program objects"),
    "python name tag": (minimal_file("title: !!python/name:os.system\n"), "program objects"),
    "alias bomb": (
        "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n"
        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n",
        "aliases",
    ),
    "deep nesting": ("x: " + "[" * 5000 + "]" * 5000 + "\n", "nest"),
    "duplicate keys": (minimal_file("title: one\ntitle: two\n"), "duplicate key 'title'"),
    "merge key": (minimal_file("decision:\n  <<: {reason: x}\n"), "merge keys"),
    "a list instead of a mapping": ("- 1\n- 2\n", "must be a mapping"),
    "empty file": ("", "must be a mapping, not nothing"),
    "not yaml": ("format: [\n", "not valid YAML"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_yaml_gives_one_clear_error(name: str) -> None:
    text, expected = HOSTILE[name]
    start = time.perf_counter()
    lines = error_lines(text)
    assert time.perf_counter() - start < 2.0
    assert len(lines) == 1, lines
    assert lines[0].startswith("mine.yaml")
    assert expected in lines[0]


def test_invalid_utf8_names_line() -> None:
    data = minimal_file("title: caf\xe9\n").encode("latin-1")
    byte = data.index(b"\xe9") + 1
    assert error_lines(data) == [
        f"mine.yaml line 6: the file is not valid UTF-8 text (byte {byte})"
    ]


def test_binary_and_huge_files_refused_quickly(tmp_path: Path) -> None:
    assert "binary data" in error_lines(b"format: x\n\x00\x01\x02")[0]
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    start = time.perf_counter()
    with pytest.raises(FileFormatError, match=r"huge\.yaml: the file is 100\.0 MB"):
        load_comparison(huge, CATALOGUE)
    assert time.perf_counter() - start < 2.0


def test_python_tag_runs_no_code(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"!!python/object/apply:os.system ['touch {marker}']\n"
    error_lines(text)
    assert not marker.exists()


def test_answers_survive_with_values(tmp_path: Path) -> None:
    comparison = Comparison(catalogue=CATALOGUE)
    comparison.add_clinic(Clinic(id="clinic-1", name="North"))
    question = CATALOGUE.questions[0]
    comparison.set_answer("clinic-1", question.id, Answer(rating=4, said="Dr. Ng, psychiatrist"))
    path = tmp_path / "c.yaml"
    save_comparison(comparison, path)
    loaded = load_comparison(path, CATALOGUE)
    assert loaded.answer("clinic-1", question.id) == Answer(4, "Dr. Ng, psychiatrist")


def test_a_clinic_treatment_that_is_not_a_name_is_a_problem_not_a_crash() -> None:
    """A mapping or list among a clinic's treatments was looked up in a set (TypeError)."""
    data = (
        b"format: ketachecklist-comparison\nschema_version: 2\nclinics:\n"
        b"  - id: a\n    name: A\n    treatments:\n      - {x: 1}\n      - [2]\n      - oral\n"
    )
    with pytest.raises(FileFormatError) as caught:
        parse_comparison(data, "mine.yaml", load_bundled_catalogue())
    assert caught.value.count == 2
    assert "mine.yaml line 7: clinic 'A': unknown treatment 'a mapping' (known: " in str(
        caught.value
    )
    assert "line 8: clinic 'A': unknown treatment 'a list'" in str(caught.value)
