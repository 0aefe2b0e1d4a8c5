"""Menu row 10: a file changed on disk since it was loaded is noticed, and saving asks first."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ketachecklist.core.document_file import DocumentFile
from ketachecklist.core.fingerprint import DiskState, disk_state, fingerprint_file
from ketachecklist.core.storage import ChangedOnDiskError, load_comparison, save_comparison
from tests.reliability.helpers import CATALOGUE, sample_comparison


@pytest.fixture
def opened(tmp_path: Path) -> tuple[Path, DocumentFile]:
    path = tmp_path / "mine.yaml"
    save_comparison(sample_comparison(1), path)
    document, _ = DocumentFile.open(path, CATALOGUE)
    yield path, document
    document.close()


def test_row10_file_changed_on_disk_is_detected_and_save_asks(
    opened: tuple[Path, DocumentFile],
) -> None:
    """Another program rewrites the file: the check says so, a plain save refuses (nothing
    written) so the UI can ask, and an explicit overwrite then saves."""
    path, document = opened
    assert document.disk_state() is DiskState.UNCHANGED
    save_comparison(sample_comparison(2), path, backups=0)  # someone else's edit
    theirs = path.read_bytes()
    assert document.disk_state() is DiskState.CHANGED
    assert disk_state(path, document.fingerprint) is DiskState.CHANGED
    mine = sample_comparison(3)
    with pytest.raises(ChangedOnDiskError) as caught:
        document.save(mine)
    assert "was changed by another program" in str(caught.value)
    assert path.read_bytes() == theirs, "nothing may be written before the patient decides"
    document.save(mine, overwrite=True)
    assert load_comparison(path, CATALOGUE).title == "version 3"
    assert document.disk_state() is DiskState.UNCHANGED
    document.save(mine)  # our own save updated the fingerprint: no question next time


def test_touch_without_change_is_not_a_change(opened: tuple[Path, DocumentFile]) -> None:
    path, document = opened
    os.utime(path, ns=(1, 1))
    assert document.disk_state() is DiskState.UNCHANGED


def test_same_size_and_mtime_but_other_bytes_is_a_change(opened: tuple[Path, DocumentFile]) -> None:
    path, document = opened
    info = path.stat()
    data = bytearray(path.read_bytes())
    data[data.index(b"version 1")] = ord("V")
    path.write_bytes(bytes(data))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_size == info.st_size
    assert document.disk_state() is DiskState.CHANGED


def test_a_folder_where_the_file_was_is_not_a_file_and_never_saved_over(
    opened: tuple[Path, DocumentFile],
) -> None:
    path, document = opened
    path.unlink()
    path.mkdir()
    assert document.disk_state() is DiskState.NOT_A_FILE
    with pytest.raises(ChangedOnDiskError, match="no longer a file") as caught:
        document.save(sample_comparison(2))
    assert caught.value.state is DiskState.NOT_A_FILE
    assert "Save as a new file" in str(caught.value)
    assert path.is_dir()
    assert list(path.iterdir()) == []


def test_deleted_or_replaced_by_a_new_file(
    tmp_path: Path, opened: tuple[Path, DocumentFile]
) -> None:
    path, document = opened
    path.unlink()
    assert document.disk_state() is DiskState.MISSING
    with pytest.raises(ChangedOnDiskError, match="moved or deleted"):
        document.save(sample_comparison(2))
    fresh = tmp_path / "new.yaml"
    assert disk_state(fresh, None) is DiskState.UNCHANGED
    save_comparison(sample_comparison(1), fresh)
    assert disk_state(fresh, None) is DiskState.CHANGED
    assert fingerprint_file(tmp_path / "absent.yaml") is None
