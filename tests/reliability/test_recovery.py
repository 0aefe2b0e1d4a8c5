"""Menu row 8 (core half): autosave + crash → the next start finds the snapshot, with its time,
and it restores exactly what was autosaved. The UI's timer and restore prompt come later."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.recovery import (
    AUTOSAVE_DELAY_SECONDS,
    RecoveryStore,
    list_recoveries,
    load_recovery,
    read_recovery_info,
)
from ketachecklist.core.storage import save_comparison
from tests.reliability.helpers import (
    CATALOGUE,
    mode,
    names,
    read_line,
    same_content,
    sample_comparison,
    start_python,
)

# The child plays the app: it opens a document, edits it (one new version per line read on
# stdin) and autosaves each edit, reporting "autosaved N" — then it is killed.
EDITOR = r"""
import sys
from pathlib import Path
from ketachecklist.core.recovery import RecoveryStore
from tests.reliability.helpers import sample_comparison

folder, document = Path(sys.argv[1]), sys.argv[2]
store = RecoveryStore.open(folder)
slot = store.new_slot(Path(document) if document else None)
print("ready", flush=True)
version = 1
for _ in sys.stdin:
    version += 1
    comparison = sample_comparison(version)
    comparison.revision = version
    info = slot.write(comparison)
    print(f"autosaved {version} {info.saved_at.isoformat()}", flush=True)
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "recovery"


def _start_editor(folder: Path, document: Path | None) -> subprocess.Popen[str]:
    child = start_python(EDITOR, str(folder), str(document) if document else "")
    read_line(child, "ready")
    return child


def _edit(child: subprocess.Popen[str], times: int) -> tuple[int, dt.datetime]:
    assert child.stdin is not None
    version, saved_at = 0, dt.datetime.min
    for _ in range(times):
        child.stdin.write("edit\n")
        child.stdin.flush()
        _, number, when = read_line(child, "autosaved").split()
        version, saved_at = int(number), dt.datetime.fromisoformat(when)
    return version, saved_at


@pytest.fixture
def store(folder: Path) -> Iterator[RecoveryStore]:
    opened = RecoveryStore.open(folder)
    yield opened
    opened.close()


def test_row08_autosave_then_crash_is_found_and_restores_what_was_autosaved(
    tmp_path: Path, folder: Path
) -> None:
    document = tmp_path / "mine.yaml"
    save_comparison(sample_comparison(1), document)
    before_crash = document.read_bytes()
    child = _start_editor(folder, document)
    version, saved_at = _edit(child, 3)
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)

    assert document.read_bytes() == before_crash, "autosave never writes over the real file"
    store = RecoveryStore.open(folder)  # the next start
    try:
        (found,) = store.leftovers()
        assert found.document_path == document
        assert found.saved_at == saved_at
        assert found.pid == child.pid
        assert found.clinic_count == 3
        assert found.title == "version 4"  # the facts the restore prompt words
        restored = store.load(found, CATALOGUE)
        assert version == 4
        assert same_content(restored, sample_comparison(version))
        store.discard(found)  # restored (and saved) or declined: it is gone
        assert store.leftovers() == []
        assert [n for n in names(folder) if not n.startswith(store.session)] == []
    finally:
        store.close()


def test_snapshots_of_a_running_copy_are_not_offered(folder: Path) -> None:
    child = _start_editor(folder, None)
    try:
        _edit(child, 1)
        assert list_recoveries(folder) == []
        (live,) = list_recoveries(folder, include_live=True)
        assert live.document_path is None
        assert (live.title, live.clinic_count) == ("version 2", 3)
    finally:
        child.kill()
        child.communicate(timeout=30)
    (after_crash,) = list_recoveries(folder)
    assert after_crash.pid == child.pid


def test_clean_close_leaves_nothing(folder: Path, tmp_path: Path) -> None:
    store = RecoveryStore.open(folder)
    slot = store.new_slot(tmp_path / "mine.yaml")
    comparison = sample_comparison(2)
    comparison.revision = 5
    assert slot.needs_write(comparison)
    slot.write(comparison)
    assert not slot.needs_write(comparison)
    assert mode(slot.path) == 0o600
    slot.discard()  # saved, or closed without keeping changes
    store.close()
    assert names(folder) == []


def test_snapshot_follows_save_as_and_untitled(store: RecoveryStore, tmp_path: Path) -> None:
    slot = store.new_slot(None)
    slot.write(sample_comparison(2))
    untitled = read_recovery_info(slot.path)
    assert untitled is not None
    assert untitled.document_path is None
    slot.document_path = tmp_path / "named.yaml"
    slot.write(sample_comparison(3))
    info = read_recovery_info(slot.path)
    assert info is not None
    assert info.document_path == tmp_path / "named.yaml"


def test_broken_or_foreign_files_in_the_folder_are_skipped_and_kept(
    folder: Path, store: RecoveryStore
) -> None:
    (folder / "notes.txt").write_text("not ours")
    junk = folder / "1-abc-1.recovery.yaml"
    junk.write_text("# ketachecklist-recovery {not json\n")
    assert store.leftovers() == []
    assert junk.exists()
    bad = folder / "2-abc-1.recovery.yaml"
    bad.write_text(
        '# ketachecklist-recovery {"saved_at": "2026-01-01T00:00:00+00:00", "session": "2-abc",'
        ' "pid": 999999999, "host": "h"}\nformat: [\n'
    )
    (info,) = store.leftovers()
    with pytest.raises(FileFormatError, match="autosaved copy of unsaved comparison"):
        load_recovery(info, CATALOGUE)


def test_autosave_delay_is_a_few_seconds() -> None:
    assert 0 < AUTOSAVE_DELAY_SECONDS <= 5


def test_session_lock_of_the_running_store_is_held(store: RecoveryStore, folder: Path) -> None:
    lock = folder / f"{store.session}.session.lock"
    assert lock.exists()
    assert mode(lock) == 0o600
    assert mode(folder) == 0o700
    assert str(os.getpid()) in store.session
