"""Comparison schema 2 saves "Doesn't apply to this clinic"; a schema-1 file keeps everything."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from ketachecklist.core.backups import original_backup_path
from ketachecklist.core.catalogue import load_bundled_catalogue
from ketachecklist.core.document import Answer, Clinic, Comparison
from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.storage import (
    SCHEMA_VERSION,
    comparison_to_yaml,
    load_comparison,
    open_comparison,
    parse_comparison,
    save_comparison,
)

CATALOGUE = load_bundled_catalogue()
SAVED_V1 = Path(__file__).parent / "fixtures" / "saved-v1.yaml"  # as the schema-1 app wrote it


def test_schema_is_two() -> None:
    assert SCHEMA_VERSION == 2


def test_a_schema_1_file_opens_with_every_answer_note_and_value_kept(tmp_path: Path) -> None:
    raw = yaml.safe_load(SAVED_V1.read_text(encoding="utf-8"))
    assert raw["schema_version"] == 1
    path = tmp_path / "mine.yaml"
    shutil.copyfile(SAVED_V1, path)
    loaded = open_comparison(path, CATALOGUE)
    assert loaded.migrated
    assert loaded.schema_version == 1
    comparison = loaded.comparison
    count = 0
    for clinic in raw["clinics"]:
        assert comparison.clinic(clinic["id"]).notes == clinic["notes"]
        for question_id, entry in clinic["answers"].items():
            answer = comparison.answer(clinic["id"], question_id)
            assert answer.rating == entry["rating"], (clinic["id"], question_id)
            assert answer.said == entry["said"]
            assert not answer.doesnt_apply, "an old answer applies until the patient says not"
            if "value" in entry and not isinstance(entry["value"], dict):
                assert answer.value == entry["value"]
            count += 1
    assert count == len(comparison.answers) > 30

    save_comparison(comparison, path)
    assert original_backup_path(path, 1).read_bytes() == SAVED_V1.read_bytes()
    again = load_comparison(path, CATALOGUE)
    assert again.answers == comparison.answers
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["schema_version"] == 2


def test_doesnt_apply_is_written_only_when_set_and_read_back(tmp_path: Path) -> None:
    comparison = Comparison(catalogue=CATALOGUE)
    comparison.add_clinic(Clinic(id="c", name="C"))
    first, second = CATALOGUE.questions[0].id, CATALOGUE.questions[1].id
    comparison.set_answer("c", first, Answer(rating=3, said="kept", doesnt_apply=True))
    comparison.set_answer("c", second, Answer(rating=4))
    answers = yaml.safe_load(comparison_to_yaml(comparison))["clinics"][0]["answers"]
    assert answers[first]["doesnt_apply"] is True
    assert "doesnt_apply" not in answers[second]
    path = tmp_path / "c.yaml"
    save_comparison(comparison, path)
    loaded = load_comparison(path, CATALOGUE)
    assert loaded.answer("c", first) == Answer(3, "kept", None, True)
    assert loaded.answer("c", second) == Answer(4)


def test_a_marked_answer_with_nothing_else_is_kept() -> None:
    comparison = Comparison(catalogue=CATALOGUE)
    comparison.add_clinic(Clinic(id="c", name="C"))
    question_id = CATALOGUE.questions[0].id
    comparison.set_answer("c", question_id, Answer(doesnt_apply=True))
    loaded = parse_comparison(comparison_to_yaml(comparison).encode(), "c.yaml", CATALOGUE)
    assert loaded.answer("c", question_id) == Answer(doesnt_apply=True)


def test_doesnt_apply_must_be_true_or_false() -> None:
    comparison = Comparison(catalogue=CATALOGUE)
    comparison.add_clinic(Clinic(id="c", name="C"))
    question_id = CATALOGUE.questions[0].id
    comparison.set_answer("c", question_id, Answer(doesnt_apply=True))
    text = comparison_to_yaml(comparison).replace("doesnt_apply: true", "doesnt_apply: maybe")
    with pytest.raises(FileFormatError) as caught:
        parse_comparison(text.encode(), "c.yaml", CATALOGUE)
    assert "'doesnt_apply' must be true or false" in str(caught.value)
    assert "line " in str(caught.value)
