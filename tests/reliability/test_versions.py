"""Menu rows 11 and 12: newer files are refused untouched; older files are migrated and kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ketachecklist.core.backups import list_backups, original_backup_path
from ketachecklist.core.document import Answer, Decision
from ketachecklist.core.document_file import DocumentFile
from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.storage import (
    SCHEMA_VERSION,
    load_comparison,
    open_comparison,
    read_comparison,
    save_comparison,
)
from ketachecklist.core.treatments import Treatment
from tests.reliability.helpers import CATALOGUE, FIXTURES, names, sample_comparison

LEGACY = FIXTURES / "legacy-v0.yaml"


def test_row11_newer_version_refused_naming_both_and_file_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    save_comparison(sample_comparison(1), path)
    newer = path.read_bytes().replace(
        f"schema_version: {SCHEMA_VERSION}".encode(), b"schema_version: 7"
    )
    path.write_bytes(newer)
    path.chmod(0o644)
    before = path.stat()
    with pytest.raises(FileFormatError) as caught:
        DocumentFile.open(path, CATALOGUE)
    (line,) = str(caught.value).splitlines()
    assert "format version 7" in line
    assert f"reads format version {SCHEMA_VERSION} and older" in line
    assert "The file was not changed" in line
    after = path.stat()
    assert path.read_bytes() == newer
    assert (after.st_mtime_ns, after.st_ino, after.st_mode) == (
        before.st_mtime_ns,
        before.st_ino,
        before.st_mode,
    )
    assert names(tmp_path) == ["mine.yaml"], "the lock taken for opening is released"


def test_row12_older_version_migrated_in_memory_and_original_kept(tmp_path: Path) -> None:
    """A schema-0 file opens migrated (the UI is told), the bytes on disk do not change until
    the first save, which keeps the original as mine.yaml.v0.bak before writing version 1."""
    path = tmp_path / "mine.yaml"
    shutil.copyfile(LEGACY, path)
    original = path.read_bytes()
    document, comparison = DocumentFile.open(path, CATALOGUE)
    assert document.migrated
    assert document.migrated_from == 0
    assert "format version 0" in document.migration_note()
    assert "mine.yaml.v0.bak" in document.migration_note()
    assert path.read_bytes() == original
    # What the migration did: schema 0's shapes in schema 1's terms.
    assert [c.name for c in comparison.clinics] == [
        "Harbor Light (fictional)",
        "Quiet Pines (fictional)",
    ]
    assert comparison.clinics[0].treatments == (Treatment.IV_INFUSION,)
    assert comparison.clinics[1].treatments == ()
    assert comparison.answer("clinic-1", "evaluation-who-evaluates") == Answer(
        5, "A psychiatrist does the full evaluation."
    )
    assert comparison.answer("clinic-1", "evaluation-basis") == Answer(
        None, "Ask again at the consultation."
    ), "a score of 0 meant 'not asked yet'"
    assert comparison.answer("clinic-1", "custom-1") == Answer(4, "Yes, for some patients.", True)
    assert comparison.set_weights == {"evaluation": 2.0}
    assert comparison.question_weights == {"cost-rounds": 0.5}
    assert comparison.decision == Decision("clinic-1", "Psychiatrist-led.", None)

    document.save(comparison)
    kept = original_backup_path(path, 0)
    assert kept.read_bytes() == original
    assert (tmp_path / "mine.yaml.bak1").read_bytes() == original
    assert open_comparison(path, CATALOGUE).schema_version == SCHEMA_VERSION
    assert not document.migrated
    assert read_comparison(kept.read_bytes(), kept.name, CATALOGUE).migrated

    comparison.title = "edited later"
    comparison.revision += 1
    document.save(comparison)
    assert kept.read_bytes() == original, "the original is never rotated or overwritten"
    assert [b.schema_version for b in list_backups(path) if b.generation is None] == [0]
    document.close()


def test_migrated_file_errors_still_name_lines() -> None:
    data = LEGACY.read_bytes().replace(b"treatment: iv_infusion", b"treatment: teleport")
    with pytest.raises(FileFormatError) as caught:
        read_comparison(data, "old.yaml", CATALOGUE)
    (line,) = str(caught.value).splitlines()
    assert line.startswith("old.yaml line 23: clinic 'Harbor Light (fictional)': unknown treatment")


def test_schema_0_fixture_matches_what_load_comparison_gives() -> None:
    assert load_comparison(LEGACY, CATALOGUE).title == "Early shortlist (fictional)"
