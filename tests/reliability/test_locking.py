"""Menu row 9: one writer per file. A second process is told who holds the file and can open it
read-only; a lock left by a process that has died is cleared."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from ketachecklist.core.document_file import DocumentFile, ReadOnlyDocumentError
from ketachecklist.core.lock import (
    DocumentLockedError,
    LockHolder,
    ProcessLock,
    document_lock_holder,
    document_lock_path,
    lock_document,
)
from ketachecklist.core.processes import this_host, this_user
from ketachecklist.core.storage import save_comparison
from tests.reliability.helpers import (
    CATALOGUE,
    mode,
    names,
    read_line,
    sample_comparison,
    start_python,
)

HOLDER = r"""
import os, sys
from pathlib import Path
from ketachecklist.core.document_file import DocumentFile
from tests.reliability.helpers import CATALOGUE

document, comparison = DocumentFile.open(Path(sys.argv[1]), CATALOGUE)
print(f"holding {os.getpid()}", flush=True)
if sys.argv[2] == "exit-without-release":
    os._exit(0)  # like a crash: no clean-up code runs, the lock file stays behind
sys.stdin.readline()  # hold until the parent says so
document.close()
print("released", flush=True)
"""


@pytest.fixture
def document_path(tmp_path: Path) -> Path:
    path = tmp_path / "mine.yaml"
    save_comparison(sample_comparison(1), path)
    return path


@pytest.fixture
def held_by_child(document_path: Path) -> Iterator[tuple[Path, int, subprocess.Popen[str]]]:
    child = start_python(HOLDER, str(document_path), "hold")
    pid = int(read_line(child, "holding").split()[1])
    try:
        yield document_path, pid, child
    finally:
        child.kill()
        child.communicate(timeout=30)


def test_row09_second_process_is_told_who_holds_the_file_and_offered_read_only(
    held_by_child: tuple[Path, int, subprocess.Popen[str]],
) -> None:
    path, pid, _child = held_by_child
    before = path.read_bytes()
    with pytest.raises(DocumentLockedError) as caught:
        DocumentFile.open(path, CATALOGUE)
    holder = caught.value.holder
    assert holder is not None
    assert (holder.pid, holder.user, holder.host) == (pid, this_user(), this_host())
    assert dt.datetime.now(dt.timezone.utc) - holder.since < dt.timedelta(minutes=5)
    assert not holder.is_this_process
    message = caught.value.user_message()
    assert f"“mine.yaml” is already open for editing by {this_user()} (process {pid})" in message
    assert "You can open it read-only" in message
    assert document_lock_holder(path) == holder

    document, comparison = DocumentFile.open(path, CATALOGUE, read_only=True)
    assert comparison.title == "version 1"
    assert document.read_only
    with pytest.raises(ReadOnlyDocumentError):
        document.save(comparison)
    assert path.read_bytes() == before
    document.close()
    assert document_lock_holder(path) == holder, "a read-only window never touches the lock"


def test_row09_lock_of_a_killed_process_is_cleared(
    held_by_child: tuple[Path, int, subprocess.Popen[str]],
) -> None:
    path, pid, child = held_by_child
    os.kill(pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert document_lock_path(path).exists(), "SIGKILL leaves the lock file behind"
    assert document_lock_holder(path) is None
    document, _ = DocumentFile.open(path, CATALOGUE)
    assert document.lock is not None
    assert json.loads(document_lock_path(path).read_text())["pid"] == os.getpid()
    document.close()
    assert not document_lock_path(path).exists()


def test_row09_stale_lock_from_an_exited_process_is_cleared(document_path: Path) -> None:
    child = start_python(HOLDER, str(document_path), "exit-without-release")
    read_line(child, "holding")
    child.communicate(timeout=30)
    assert document_lock_path(document_path).exists()
    with lock_document(document_path) as lock:
        assert lock.holder.pid == os.getpid()
    assert names(document_path.parent) == ["mine.yaml"]


def test_row09_second_process_waits_for_a_clean_release(
    held_by_child: tuple[Path, int, subprocess.Popen[str]],
) -> None:
    path, _pid, child = held_by_child
    with pytest.raises(DocumentLockedError):
        lock_document(path)
    assert child.stdin is not None
    child.stdin.write("release\n")
    child.stdin.flush()
    read_line(child, "released")
    with lock_document(path):
        pass


def _write_lock(path: Path, pid: int, host: str | None = None) -> None:
    holder = LockHolder(pid, host or this_host(), "someone", dt.datetime.now(dt.timezone.utc))
    document_lock_path(path).write_text(holder.to_json())


def test_lock_of_a_dead_pid_without_flock_is_stale(document_path: Path) -> None:
    _write_lock(document_path, 999_999_999)
    assert document_lock_holder(document_path) is None
    lock_document(document_path).release()


def test_lock_whose_pid_was_reused_by_another_program_is_stale(document_path: Path) -> None:
    """The recorded pid is alive (it is our parent) but nobody holds the lock's flock."""
    _write_lock(document_path, os.getppid())
    assert document_lock_holder(document_path) is None
    lock_document(document_path).release()


def test_garbage_lock_file_without_holder_is_stale(document_path: Path) -> None:
    document_lock_path(document_path).write_bytes(b"\x00garbage")
    lock_document(document_path).release()


def test_lock_from_another_computer_is_respected(document_path: Path) -> None:
    """On a shared drive we cannot see the other computer's processes: never break its lock."""
    _write_lock(document_path, 999_999_999, host="another-laptop")
    with pytest.raises(DocumentLockedError) as caught:
        lock_document(document_path)
    assert caught.value.holder is not None
    assert "on another-laptop" in caught.value.holder.describe()


def test_same_document_twice_in_this_process(document_path: Path) -> None:
    with lock_document(document_path), pytest.raises(DocumentLockedError) as caught:
        lock_document(document_path)
    assert caught.value.holder is not None
    assert caught.value.holder.is_this_process


def test_lock_file_is_private_and_release_is_idempotent(document_path: Path) -> None:
    lock = lock_document(document_path)
    assert mode(document_path.parent / ".~mine.yaml.lock") == 0o600
    assert names(document_path.parent) == [".~mine.yaml.lock", "mine.yaml"]
    lock.release()
    lock.release()
    assert names(document_path.parent) == ["mine.yaml"]


def test_release_leaves_someone_elses_lock_alone(document_path: Path) -> None:
    lock = lock_document(document_path)
    lock_path = document_lock_path(document_path)
    lock_path.unlink()  # e.g. removed by hand, then taken by another process
    other = ProcessLock.acquire(lock_path)
    lock.release()
    assert lock_path.exists()
    other.release()


def test_row09_a_file_opened_through_a_link_is_locked_where_it_really_is(tmp_path: Path) -> None:
    real = tmp_path / "real"
    view = tmp_path / "view"
    real.mkdir()
    view.mkdir()
    target = real / "mine.yaml"
    save_comparison(sample_comparison(1), target)
    link = view / "link.yaml"
    link.symlink_to(Path("..") / "real" / "mine.yaml")
    child = start_python(HOLDER, str(link), "hold")
    try:
        pid = int(read_line(child, "holding").split()[1])
        assert names(view) == ["link.yaml"], "no lock beside the link"
        with pytest.raises(DocumentLockedError) as caught:
            DocumentFile.open(target, CATALOGUE)
        assert caught.value.holder is not None
        assert caught.value.holder.pid == pid
        assert document_lock_holder(link) == document_lock_holder(target)
    finally:
        child.kill()
        child.communicate(timeout=30)


def test_row09_the_holder_is_described_with_the_day_in_words() -> None:
    since = dt.datetime(2026, 11, 30, 14, 2, tzinfo=dt.timezone.utc)
    holder = LockHolder(4242, this_host(), "alex", since)
    local = since.astimezone()
    assert holder.describe() == (
        f"alex (process 4242), since {local.day} {local:%B %Y} at {local:%H:%M}"
    )
    assert "2026-11-30" not in holder.describe()
