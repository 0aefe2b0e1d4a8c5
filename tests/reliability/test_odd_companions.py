"""Issue 9: the app's own files (lock, recovery, cache, settings) never hang, crash or follow links.

A FIFO, a link (dangling or not), a folder, or a header with an impossible date or nested
60,000 deep where one of them belongs: the start goes on, the odd entry counts as stale, and
no file elsewhere is touched. Every case runs under an alarm, so a hang fails instead of
freezing the run.
"""

from __future__ import annotations

import json
import os
import signal
import stat
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

from ketachecklist import paths
from ketachecklist.core.document_file import DocumentFile
from ketachecklist.core.lock import LockHolder, document_lock_path
from ketachecklist.core.recovery import HEADER_PREFIX, RecoveryStore, read_recovery_info
from ketachecklist.core.storage import save_comparison
from ketachecklist.core.yaml_cache import load_yaml_cached
from tests.reliability.helpers import CATALOGUE, sample_comparison


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    def timeout(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError("the app hung on one of its own files")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    path = tmp_path / "mine.yaml"
    save_comparison(sample_comparison(1), path)
    return path


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    path = tmp_path / "elsewhere" / ".bashrc"
    path.parent.mkdir()
    path.write_text("export PATH\n")
    path.chmod(0o644)
    return path


def _odd(kind: str, where: Path, victim: Path) -> None:
    if kind == "fifo":
        os.mkfifo(where)
    elif kind == "dangling link":
        where.symlink_to(victim.with_name("missing"))
    elif kind == "link to a file":
        where.symlink_to(victim)
    elif kind == "empty folder":
        where.mkdir()
    elif kind == "folder with files":
        where.mkdir()
        (where / "keep.txt").write_text("mine")


KINDS = ["fifo", "dangling link", "link to a file", "empty folder", "folder with files"]


@pytest.mark.parametrize("kind", KINDS)
def test_an_odd_entry_as_the_lock_is_stale_and_editing_works(
    mine: Path, victim: Path, kind: str
) -> None:
    lock = document_lock_path(mine)
    _odd(kind, lock, victim)
    document, comparison = DocumentFile.open(mine, CATALOGUE)
    assert document.lock is not None, "the document must be locked, not opened without a lock"
    assert stat.S_ISREG(lock.lstat().st_mode)
    assert json.loads(lock.read_text())["pid"] == os.getpid()
    document.save(comparison)
    document.close()
    assert not lock.exists()
    assert victim.read_text() == "export PATH\n"
    assert stat.S_IMODE(victim.stat().st_mode) == 0o644
    assert not victim.with_name("missing").exists()
    if kind == "folder with files":  # kept aside, nothing in it lost
        (aside,) = [p for p in mine.parent.iterdir() if p.name.endswith(".stale")]
        assert (aside / "keep.txt").read_text() == "mine"


BAD_SINCE = {
    "past year 9999": "10000-01-01T00:00:00+00:00",
    "out of range in the local zone": "9999-12-31T23:00:00-05:00",
    "year 1 west of UTC": "0001-01-01T00:00:00+05:00",
}


@pytest.mark.parametrize("since", BAD_SINCE.values(), ids=BAD_SINCE.keys())
def test_a_lock_with_an_impossible_date_is_stale(mine: Path, since: str) -> None:
    holder = json.loads(LockHolder.me().to_json())
    holder["since"] = since
    document_lock_path(mine).write_text(json.dumps(holder))
    assert LockHolder.from_json(json.dumps(holder).encode()) is None
    document, _ = DocumentFile.open(mine, CATALOGUE)
    assert document.lock is not None
    document.close()


def test_a_lock_nested_60000_deep_or_with_a_huge_pid_is_stale(mine: Path) -> None:
    for content in ("[" * 60_000 + "]" * 60_000, '{"pid": 1' + "0" * 40 + "}"):
        document_lock_path(mine).write_text(content)
        assert LockHolder.from_json(content.encode()) is None
        document, _ = DocumentFile.open(mine, CATALOGUE)
        assert document.lock is not None
        document.close()


def _snapshot_header(**changes: object) -> bytes:
    meta: dict[str, object] = {
        "format": "ketachecklist-recovery",
        "document_path": None,
        "saved_at": "2026-11-30T10:00:00+00:00",
        "session": "1-abc",
        "pid": 1,
        "host": "h",
    }
    meta.update(changes)
    return HEADER_PREFIX + json.dumps(meta).encode() + b"\n"


@pytest.mark.parametrize("kind", ["fifo", "link to a file", "empty folder"])
def test_an_odd_entry_in_the_recovery_folder_is_skipped(
    tmp_path: Path, victim: Path, kind: str
) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir(mode=0o700)
    victim.write_bytes(_snapshot_header())
    _odd(kind, folder / "1-abc-1.recovery.yaml", victim)
    _odd(kind, folder / "1-abc.session.lock", victim)
    store = RecoveryStore.open(folder)
    assert store.leftovers() == []
    store.close()
    assert victim.read_bytes() == _snapshot_header()


@pytest.mark.parametrize(
    "header",
    [
        _snapshot_header(saved_at="9999-12-31T23:00:00-05:00"),
        _snapshot_header(saved_at="10000-01-01T00:00:00"),
        HEADER_PREFIX + b"[" * 60_000 + b"\n",
        _snapshot_header(pid=10**40),
    ],
    ids=["out of range locally", "past 9999", "nested 60000 deep", "huge pid"],
)
def test_a_snapshot_with_a_bad_header_is_skipped_and_kept(tmp_path: Path, header: bytes) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir(mode=0o700)
    snapshot = folder / "1-abc-1.recovery.yaml"
    snapshot.write_bytes(header + b"format: ketachecklist-comparison\n")
    assert read_recovery_info(snapshot) is None
    store = RecoveryStore.open(folder)
    assert [i.path for i in store.leftovers()] == []
    store.close()
    assert snapshot.exists()


@pytest.mark.parametrize("kind", ["fifo", "link to a file"])
def test_an_odd_catalogue_cache_is_ignored_and_replaced(
    tmp_path: Path, victim: Path, kind: str
) -> None:
    cache = tmp_path / "catalogue-cache.json"
    _odd(kind, cache, victim)
    assert load_yaml_cached(b"a: 1\n", "questions.yaml", cache, dict) == {"a": 1}
    assert stat.S_ISREG(cache.lstat().st_mode)
    assert load_yaml_cached(b"a: 1\n", "questions.yaml", cache, dict) == {"a": 1}
    assert victim.read_text() == "export PATH\n"


@pytest.fixture
def app_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    base = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(base))
    return base


@pytest.mark.parametrize("kind", ["link to a file", "dangling link", "fifo"])
def test_a_settings_file_that_is_a_link_is_never_followed(
    app_data: Path, victim: Path, kind: str
) -> None:
    settings = paths.app_data_dir() / paths.SETTINGS_FILE_NAME
    _odd(kind, settings, victim)
    opened = paths.open_settings()
    opened.setValue("files/last_folder", "/tmp")
    opened.sync()
    assert stat.S_ISREG(settings.lstat().st_mode)
    assert stat.S_IMODE(settings.stat().st_mode) == 0o600
    assert "last_folder" in settings.read_text()
    assert victim.read_text() == "export PATH\n"
    assert stat.S_IMODE(victim.stat().st_mode) == 0o644


def test_an_app_folder_that_is_a_link_is_refused(app_data: Path, victim: Path) -> None:
    app_data.mkdir()
    (app_data / paths.APP_DIR_NAME).symlink_to(victim.parent)
    victim.parent.chmod(0o755)
    with pytest.raises(NotADirectoryError):
        paths.app_data_dir()
    assert stat.S_IMODE(victim.parent.stat().st_mode) == 0o755
