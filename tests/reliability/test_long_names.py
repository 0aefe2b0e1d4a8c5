"""Issue 9: every legal file name can be saved, locked and backed up (231–255 bytes included)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ketachecklist.core.atomic import NAME_MAX, companion_base
from ketachecklist.core.backups import list_backups
from ketachecklist.core.document_file import DocumentFile
from ketachecklist.core.lock import document_lock_holder
from ketachecklist.core.storage import load_comparison, save_comparison
from tests.reliability.helpers import CATALOGUE, sample_comparison


def _name(size: int, character: str) -> str:
    stem_size = size - len(".yaml")
    width = len(character.encode())
    stem = character * (stem_size // width) + "x" * (stem_size % width)
    name = stem + ".yaml"
    assert len(name.encode()) == size
    return name


@pytest.mark.parametrize("size", [200, 215, 216, 225, 226, 231, 240, 250, 255])
@pytest.mark.parametrize("character", ["a", "é", "☕", "😀"])
def test_a_document_with_any_legal_name_saves_locks_and_keeps_backups(
    tmp_path: Path, size: int, character: str
) -> None:
    path = tmp_path / _name(size, character)
    save_comparison(sample_comparison(1), path)
    document, _ = DocumentFile.open(path, CATALOGUE)
    assert document.lock is not None
    assert document_lock_holder(path) is not None
    for version in (2, 3, 4, 5):
        document.save(sample_comparison(version))
    document.close()
    assert load_comparison(path, CATALOGUE).title == "version 5"
    backups = list_backups(path)
    assert [b.generation for b in backups] == [1, 2, 3]
    assert [load_comparison(b.path, CATALOGUE).title for b in backups] == [
        "version 4",
        "version 3",
        "version 2",
    ]
    assert all(len(os.fsencode(p.name)) <= NAME_MAX for p in tmp_path.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [path.name] + [b.path.name for b in backups]
    )


def test_temp_files_of_a_killed_save_of_a_long_name_are_found(tmp_path: Path) -> None:
    path = tmp_path / _name(250, "a")
    save_comparison(sample_comparison(1), path)
    save_comparison(sample_comparison(2), path)
    dead_pid = 4_000_000  # above any pid in use here
    left = [
        tmp_path / f".{companion_base(path.name)}.{dead_pid}.abcd1234.saving",
        tmp_path / f".{companion_base(path.name)}.bak1.{dead_pid}.abcd1234.saving",
    ]
    for temp in left:
        temp.write_bytes(b"half")
    save_comparison(sample_comparison(3), path)
    assert not any(p.name.endswith(".saving") for p in tmp_path.iterdir())
