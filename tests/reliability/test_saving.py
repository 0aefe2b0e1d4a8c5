"""Menu rows 1, 2, 3, 4 and 6: saving never damages the file that is already on disk."""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ketachecklist.core import atomic, comparison_writer, safe_yaml, storage
from ketachecklist.core.document import Answer
from ketachecklist.core.document_file import DocumentFile
from ketachecklist.core.errors import SaveError, SaveStage, save_error_message
from ketachecklist.core.storage import load_comparison, save_comparison
from tests.reliability.helpers import CATALOGUE, names, same_content, sample_comparison
from tests.strategies import HOSTILE_SAMPLES


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Path, bytes]:
    """A document saved once (version 1), and its bytes."""
    path = tmp_path / "mine.yaml"
    save_comparison(sample_comparison(1), path)
    return path, path.read_bytes()


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file's bytes, inode and mtime: 'untouched' means all three are the same."""
    return {
        p.name: (p.read_bytes(), p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.iterdir()
    }


def test_row01_round_trip_with_hostile_text_leaves_no_temp_file(tmp_path: Path) -> None:
    """Row 1 (with the hypothesis round trip in tests/core/test_storage.py): every kind of text
    a patient or an attacker might type survives save → load, and no temp file stays behind."""
    comparison = sample_comparison(1)
    for index, text in enumerate(HOSTILE_SAMPLES):
        comparison.set_answer("clinic-1", CATALOGUE.questions[index].id, Answer(3, text))
    comparison.title = "\r\n".join(HOSTILE_SAMPLES[:3]) + " 😀" * 50
    path = tmp_path / "mine.yaml"
    document = DocumentFile()  # untitled, then Save As
    document.save_as(comparison, path)
    assert same_content(load_comparison(path, CATALOGUE), comparison)
    assert names(tmp_path) == [".~mine.yaml.lock", "mine.yaml"]
    document.close()
    assert names(tmp_path) == ["mine.yaml"]


def _failing_on_target_fds(
    real: Callable[..., Any], folder: Path, failure: OSError, *, after_bytes: int | None = None
) -> Callable[..., Any]:
    """Wrap os.write/os.fsync so calls on files inside ``folder`` fail (others pass through).

    With ``after_bytes``, a write first writes that many bytes for real: the disk fills up
    halfway through the file.
    """

    def fake(fd: int, *args: Any) -> Any:
        try:
            target = str(Path(f"/proc/self/fd/{fd}").readlink())
        except OSError:
            target = ""
        if not target.startswith(str(folder)):
            return real(fd, *args)
        if after_bytes is not None and args:
            real(fd, bytes(args[0][:after_bytes]))
        raise failure

    return fake


DISK_FULL = OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("call", ["write", "fsync"])
def test_row02_disk_full_leaves_original_and_document_unsaved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    """Row 2: ENOSPC halfway through the write, or on fsync: the file on disk stays
    byte-identical, the document stays unsaved, the patient reads a plain sentence."""
    path = tmp_path / "mine.yaml"
    save_comparison(sample_comparison(1), path)
    save_comparison(sample_comparison(2), path)  # so a backup exists too
    document, comparison = DocumentFile.open(path, CATALOGUE)
    comparison.title = "edited"
    comparison.revision += 1
    before = snapshot(tmp_path)
    fingerprint = document.fingerprint
    real = getattr(os, call)
    monkeypatch.setattr(
        os, call, _failing_on_target_fds(real, tmp_path, DISK_FULL, after_bytes=500)
    )
    with pytest.raises(SaveError) as caught:
        document.save(comparison)
    monkeypatch.undo()
    assert caught.value.errno == errno.ENOSPC
    assert caught.value.original_unchanged
    assert snapshot(tmp_path) == before, "the original, its backups or the folder changed"
    assert document.fingerprint == fingerprint
    message = save_error_message(caught.value)
    assert message.startswith("The disk is full, so “mine.yaml” could not be saved.")
    assert "was not changed" in message
    document.save(comparison)  # space is back: the same document saves normally
    assert load_comparison(path, CATALOGUE).title == "edited"
    document.close()


def test_row02_disk_full_on_the_backup_after_the_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, saved: tuple[Path, bytes]
) -> None:
    """Row 2: the new version's temp file was written, then the disk filled while writing the
    backup: nothing was renamed yet, so the file is untouched and both temp files are gone."""
    path, original = saved
    real_write = os.write
    calls: list[str] = []

    def write(fd: int, data: Any) -> int:
        target = str(Path(f"/proc/self/fd/{fd}").readlink())
        if target.startswith(str(tmp_path)):
            calls.append(target)
            if ".bak1." in target:
                raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)
    with pytest.raises(SaveError, match="No space"):
        save_comparison(sample_comparison(2), path)
    monkeypatch.undo()
    assert ".bak" not in calls[0], "the new version's temp file should be written first"
    assert any(".bak1." in c for c in calls)
    assert path.read_bytes() == original
    assert names(tmp_path) == ["mine.yaml"]


def test_row03_failed_rename_leaves_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, saved: tuple[Path, bytes]
) -> None:
    """Row 3: the final rename fails (EBUSY: another program holds the file): original intact,
    temp file removed, and the message says the file could not be replaced."""
    path, original = saved
    real_replace = os.replace

    def replace(src: Any, dst: Any, **kwargs: Any) -> None:
        if Path(dst) == path:
            raise OSError(errno.EBUSY, "Device or resource busy")
        real_replace(src, dst, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(SaveError) as caught:
        save_comparison(sample_comparison(2), path)
    monkeypatch.undo()
    assert caught.value.stage is SaveStage.REPLACE
    assert path.read_bytes() == original
    assert names(tmp_path) == ["mine.yaml", "mine.yaml.bak1"]  # the backup is a copy
    message = save_error_message(caught.value)
    assert message.startswith("“mine.yaml” could not be replaced with the new version")
    assert "The file on the disk was not changed" in message


# --- row 4: a read-only folder ----------------------------------------------------------------
_NOBODY = 65534


def _attempt_save(path: Path) -> dict[str, Any]:
    try:
        save_comparison(sample_comparison(2), path)
    except SaveError as error:
        return {
            "saved": False,
            "errno": error.errno,
            "stage": error.stage.name,
            "message": save_error_message(error),
        }
    return {"saved": True}


def _attempt_save_as_nobody(path: Path) -> dict[str, Any]:
    """Try the save in a forked child that has dropped root, so folder permissions apply."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        status = 0
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(_NOBODY)
            os.setuid(_NOBODY)
            os.write(write_end, json.dumps(_attempt_save(path)).encode())
        except BaseException:
            status = 1
            os.write(write_end, traceback.format_exc().encode())
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        data = reader.read()
    _, status = os.waitpid(pid, 0)
    assert status == 0, f"the unprivileged child failed: {data.decode()}"
    result = json.loads(data)
    assert isinstance(result, dict)
    return result


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs POSIX permissions")
def test_row04_read_only_folder_gives_clear_error_and_writes_nothing() -> None:
    """Row 4, for real: a folder with mode 0500. Root ignores folder permissions, so as root
    (here and in CI) the save runs in a child process that has dropped to user 'nobody'."""
    # pytest's tmp_path sits under a 0700 folder 'nobody' cannot enter: use one in /tmp.
    base = Path(tempfile.mkdtemp(prefix="ketachecklist-readonly-"))
    folder = base / "readonly"
    folder.mkdir()
    try:
        _check_read_only_folder(base, folder)
    finally:
        folder.chmod(0o700)
        shutil.rmtree(base)


def _check_read_only_folder(base: Path, folder: Path) -> None:
    path = folder / "mine.yaml"
    save_comparison(sample_comparison(1), path)
    original = path.read_bytes()
    if os.geteuid() == 0:
        base.chmod(0o755)
        os.chown(folder, _NOBODY, _NOBODY)
        os.chown(path, _NOBODY, _NOBODY)
        folder.chmod(0o500)
        result = _attempt_save_as_nobody(path)
    else:
        folder.chmod(0o500)
        result = _attempt_save(path)
    folder.chmod(0o700)
    assert result["saved"] is False
    assert result["errno"] == errno.EACCES
    assert result["stage"] == "CREATE"  # the first thing a save writes is the new version
    assert path.read_bytes() == original
    assert names(folder) == ["mine.yaml"], "nothing may be written"
    assert result["message"].startswith(
        f"The folder “{folder}” can't be written to (it is read-only, or you don't have "
        "permission), so “mine.yaml” could not be saved."
    )
    assert "Use Save As" in result["message"]


def test_row04_read_only_medium_simulated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, saved: tuple[Path, bytes]
) -> None:
    """Row 4, a read-only medium (EROFS, e.g. a locked SD card), simulated at temp creation."""
    path, original = saved
    (tmp_path / "mine.yaml.bak1").write_bytes(original)  # no backup to write: fail at CREATE

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(SaveError) as caught:
        save_comparison(sample_comparison(1), path)  # same content: no backup rotation
    monkeypatch.undo()
    assert caught.value.stage is SaveStage.CREATE
    assert path.read_bytes() == original
    assert "can't be written to" in save_error_message(caught.value)


# --- row 6: the serializer fails ---------------------------------------------------------------
def test_row06_serializer_failing_halfway_leaves_target_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, saved: tuple[Path, bytes]
) -> None:
    """Row 6: the YAML dumper dies in the middle of the document (after the first clinics):
    nothing on disk changes, not even a backup or a temp file."""
    path, _ = saved
    before = snapshot(tmp_path)
    real = comparison_writer._clinic_data
    calls = {"n": 0}

    def clinic_data(*args: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("serializer bug")
        return real(*args)

    monkeypatch.setattr(comparison_writer, "_clinic_data", clinic_data)
    with pytest.raises(RuntimeError, match="serializer bug"):
        save_comparison(sample_comparison(2), path)
    assert calls["n"] == 2
    assert snapshot(tmp_path) == before
    message = save_error_message(RuntimeError("serializer bug"), path)
    assert "Nothing was written: the file on the disk was not changed" in message


def test_row06_output_that_would_not_read_back_is_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, saved: tuple[Path, bytes]
) -> None:
    """Row 6: output the app could not read back (a dumper bug) is refused before writing."""
    path, _ = saved
    before = snapshot(tmp_path)
    monkeypatch.setattr(
        storage, "comparison_to_yaml", lambda _c: "format: ketachecklist-comparison\n"
    )
    with pytest.raises(storage.FileFormatError, match="the file being saved"):
        save_comparison(sample_comparison(2), path)
    assert snapshot(tmp_path) == before


def test_temp_files_of_killed_saves_are_cleaned_on_the_next_save(
    tmp_path: Path, saved: tuple[Path, bytes]
) -> None:
    """A save killed mid-write leaves its temp file; the next successful save removes it (only
    if its writer is dead: a live writer's temp file is left alone)."""
    path, _ = saved
    dead = tmp_path / ".mine.yaml.999999999.abcd1234.saving"
    dead_backup = tmp_path / ".mine.yaml.bak1.999999999.x1y2z3.saving"
    live = tmp_path / f".mine.yaml.{os.getppid()}.abcd1234.saving"
    other = tmp_path / ".other.yaml.999999999.abcd1234.saving"
    for temp in (dead, dead_backup, live, other):
        temp.write_bytes(b"half")
    save_comparison(sample_comparison(2), path)
    assert names(tmp_path) == sorted([live.name, other.name, "mine.yaml", "mine.yaml.bak1"])


def test_a_comparison_too_large_to_read_back_is_not_written(
    tmp_path: Path, saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The loader refuses files over 5 MB, so saving one would lose the document: refused first.
    (The limit is lowered to 20 kB here: dumping 5 MB of YAML takes seconds.)"""
    path, _ = saved
    assert storage.MAX_BYTES == safe_yaml.MAX_BYTES, "saving and loading share one limit"
    monkeypatch.setattr(storage, "MAX_BYTES", 20_000)
    before = snapshot(tmp_path)
    comparison = sample_comparison(2)
    comparison.title = "x" * 30_000
    with pytest.raises(SaveError) as caught:
        save_comparison(comparison, path)
    assert caught.value.stage is SaveStage.CHECK
    assert snapshot(tmp_path) == before
    message = save_error_message(caught.value)
    assert message.startswith("“mine.yaml” could not be saved: it would be 0.0 MB, over the 0 MB")
    assert "Shorten some very long notes" in message
