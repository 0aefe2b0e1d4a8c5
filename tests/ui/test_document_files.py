"""Opening and saving through the real window (menu rows 2, 4, 7, 10, 12, 13 in the app): the
lock taken and let go, hostile files refused in one message, the changed-on-disk question, save
failures in plain words with the document still unsaved and the file byte-identical."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ketachecklist.core import atomic
from ketachecklist.core.document import Clinic
from ketachecklist.core.fingerprint import DiskState
from ketachecklist.core.lock import document_lock_path
from ketachecklist.core.recovery import RecoveryStore
from ketachecklist.core.storage import load_comparison, save_comparison
from ketachecklist.ui.app import build_main_window
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.prompter import ChangedOnDiskChoice, SaveChoice
from ketachecklist.ui.settings import AppSettings
from tests.reliability.helpers import CATALOGUE, FIXTURES, names, sample_comparison
from tests.ui.conftest import ScriptedPrompter

HEADER = (
    "format: ketachecklist-comparison\nschema_version: 1\n"
    "catalogue:\n  id: ketachecklist-standard\n  version: '1.0'\n"
)
HOSTILE: dict[str, tuple[bytes, str]] = {
    "python tag": (b"!!python/object/apply:os.system ['touch pwned']\n", "no program objects"),
    "alias bomb": (
        b"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
        "mine.yaml line 2",
    ),
    "deep nesting": (HEADER.encode() + b"clinics: " + b"[" * 200 + b"]" * 200, "nest"),
    "duplicate key": ((HEADER + "title: a\ntitle: b\n").encode(), "line 7"),
    "invalid UTF-8": (HEADER.encode() + b"title: \xff\xfe\n", "UTF-8"),
    "binary junk": (bytes(range(256)) * 4, "mine.yaml"),
    "newer version": (
        HEADER.replace("schema_version: 1", "schema_version: 99").encode(),
        "version 99",
    ),
}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[RecoveryStore]:
    opened = RecoveryStore.open(tmp_path / "recovery")
    yield opened
    opened.close()


@pytest.fixture
def app_window(
    qtbot: QtBot, settings: AppSettings, prompter: ScriptedPrompter, store: RecoveryStore
) -> MainWindow:
    """The window as the app builds it: with autosave (a short delay for the tests)."""
    main = build_main_window(settings, prompter=prompter, recovery=store, autosave_delay_ms=50)
    qtbot.add_widget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    folder = tmp_path / "documents"
    folder.mkdir()
    path = folder / "mine.yaml"
    save_comparison(sample_comparison(1), path)
    return path


def add_clinic(window: MainWindow, name: str) -> None:
    document = window.document
    clinic_id = f"c{len(document.comparison.clinics) + 1}"
    push_edit(document, lambda comparison: comparison.add_clinic(Clinic(id=clinic_id, name=name)))


def lock_pid(path: Path) -> int | None:
    lock = document_lock_path(path)
    if not lock.exists():
        return None
    pid = json.loads(lock.read_text())["pid"]
    assert isinstance(pid, int)
    return pid


# --- the lock follows the document --------------------------------------------------------------
def test_opening_locks_the_file_and_new_open_and_close_let_go(
    app_window: MainWindow, mine: Path, tmp_path: Path
) -> None:
    controller = app_window.controller
    assert controller.open_path(mine)
    assert lock_pid(mine) == os.getpid()
    assert not controller.read_only
    assert "read-only" not in app_window.windowTitle()

    assert controller.new_comparison()
    assert lock_pid(mine) is None

    other = tmp_path / "documents" / "other.yaml"
    save_comparison(sample_comparison(2), other)
    assert controller.open_path(mine)
    assert controller.open_path(other)
    assert lock_pid(mine) is None
    assert lock_pid(other) == os.getpid()

    app_window.close()
    assert lock_pid(other) is None
    assert names(other.parent) == ["mine.yaml", "other.yaml"]


def test_reopening_the_open_file_goes_back_to_the_saved_version_and_keeps_the_lock(
    app_window: MainWindow, prompter: ScriptedPrompter, mine: Path
) -> None:
    controller = app_window.controller
    assert controller.open_path(mine)
    add_clinic(app_window, "Not kept")
    prompter.save_choices.append(SaveChoice.DISCARD)
    assert controller.open_path(mine)
    assert prompter.errors == []
    assert "Not kept" not in [c.name for c in app_window.document.comparison.clinics]
    assert lock_pid(mine) == os.getpid()


# --- row 13: hostile files ----------------------------------------------------------------------
@pytest.mark.parametrize("kind", list(HOSTILE))
def test_row13_hostile_file_gives_one_clear_message_and_keeps_the_document(
    app_window: MainWindow, prompter: ScriptedPrompter, mine: Path, kind: str
) -> None:
    content, phrase = HOSTILE[kind]
    controller = app_window.controller
    assert controller.open_path(mine)
    add_clinic(app_window, "Typed before")
    # Same name as the open file, another folder: the message must name it all the same.
    target = mine.parent.parent / "hostile" / "mine.yaml"
    target.parent.mkdir()
    target.write_bytes(content)

    prompter.save_choices.append(SaveChoice.CANCEL)  # keep what was typed: Open is refused
    assert not controller.open_path(target)
    assert prompter.errors == []  # cancelling the "save changes?" question opens nothing

    assert not controller.open_path(target, confirm=False)
    [(title, message)] = prompter.errors
    assert title == "Could not open the comparison"
    assert phrase in message
    assert "Traceback" not in message
    assert message.startswith("“mine.yaml” could not be opened. Nothing was changed.")
    # The document on screen is untouched, still unsaved, still locked; the file too.
    assert controller.path == mine
    assert [c.name for c in app_window.document.comparison.clinics][-1] == "Typed before"
    assert app_window.isWindowModified()
    assert lock_pid(mine) == os.getpid()
    assert target.read_bytes() == content
    assert names(target.parent) == ["mine.yaml"], "no lock may stay behind a refused file"


# --- row 12: older files ------------------------------------------------------------------------
def test_row12_older_file_shows_the_migration_note_and_keeps_the_original(
    app_window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    path = tmp_path / "old.yaml"
    shutil.copyfile(FIXTURES / "legacy-v0.yaml", path)
    original = path.read_bytes()
    assert app_window.controller.open_path(path)
    [(title, note)] = prompter.infos
    assert title == "An older file was updated"
    assert "format version 0" in note
    assert "“old.yaml.v0.bak”" in note
    add_clinic(app_window, "New one")
    assert app_window.controller.save()
    assert (tmp_path / "old.yaml.v0.bak").read_bytes() == original
    assert load_comparison(path, CATALOGUE).clinics[-1].name == "New one"


# --- row 7: backups -----------------------------------------------------------------------------
def test_row07_saves_from_the_window_rotate_three_backups(
    app_window: MainWindow, mine: Path
) -> None:
    controller = app_window.controller
    assert controller.open_path(mine)
    for number in range(1, 5):
        add_clinic(app_window, f"Saved {number}")
        assert controller.save()
    assert names(mine.parent) == [
        ".~mine.yaml.lock",
        "mine.yaml",
        "mine.yaml.bak1",
        "mine.yaml.bak2",
        "mine.yaml.bak3",
    ]
    for generation in (1, 2, 3):
        backup = load_comparison(mine.with_name(f"mine.yaml.bak{generation}"), CATALOGUE)
        assert backup.clinics[-1].name == f"Saved {4 - generation}"


# --- row 10: changed on disk --------------------------------------------------------------------
@pytest.fixture
def changed_behind(app_window: MainWindow, mine: Path) -> bytes:
    """The file is open with an unsaved edit, and another program has changed it since."""
    assert app_window.controller.open_path(mine)
    add_clinic(app_window, "Mine")
    save_comparison(sample_comparison(7), mine)  # behind the app's back
    return mine.read_bytes()


def test_row10_changed_on_disk_asks_and_cancel_leaves_the_disk_untouched(
    app_window: MainWindow, prompter: ScriptedPrompter, mine: Path, changed_behind: bytes
) -> None:
    prompter.changed_on_disk_choice = ChangedOnDiskChoice.CANCEL
    assert not app_window.controller.save()
    [question] = prompter.changed_on_disk
    assert question.startswith("“mine.yaml” was changed by another program since you opened")
    assert mine.read_bytes() == changed_behind
    assert app_window.isWindowModified()
    assert prompter.errors == []


def test_row10_changed_on_disk_overwrite_keeps_their_version_as_a_backup(
    app_window: MainWindow, prompter: ScriptedPrompter, mine: Path, changed_behind: bytes
) -> None:
    prompter.changed_on_disk_choice = ChangedOnDiskChoice.OVERWRITE
    assert app_window.controller.save()
    assert load_comparison(mine, CATALOGUE).clinics[-1].name == "Mine"
    assert mine.with_name("mine.yaml.bak1").read_bytes() == changed_behind
    assert not app_window.isWindowModified()


def test_row10_changed_on_disk_save_as_leaves_their_file_alone(
    app_window: MainWindow, prompter: ScriptedPrompter, mine: Path, changed_behind: bytes
) -> None:
    prompter.changed_on_disk_choice = ChangedOnDiskChoice.SAVE_AS
    copy = mine.with_name("mine (my version).yaml")
    prompter.save_paths.append(copy)
    assert app_window.controller.save()
    assert mine.read_bytes() == changed_behind
    assert load_comparison(copy, CATALOGUE).clinics[-1].name == "Mine"
    assert app_window.controller.path == copy
    assert lock_pid(copy) == os.getpid()
    assert lock_pid(mine) is None


def test_row10_a_deleted_file_is_mentioned_before_saving_creates_it_again(
    app_window: MainWindow, prompter: ScriptedPrompter, mine: Path
) -> None:
    assert app_window.controller.open_path(mine)
    add_clinic(app_window, "Mine")
    mine.unlink()
    prompter.changed_on_disk_choice = ChangedOnDiskChoice.OVERWRITE
    assert app_window.controller.save()
    assert "moved or deleted" in prompter.changed_on_disk[0]
    assert prompter.changed_on_disk_states == [DiskState.MISSING]  # "Save it there again"
    assert load_comparison(mine, CATALOGUE).clinics[-1].name == "Mine"


def test_row10_a_folder_in_the_files_place_is_said_and_offers_only_save_as(
    app_window: MainWindow, prompter: ScriptedPrompter, mine: Path
) -> None:
    assert app_window.controller.open_path(mine)
    add_clinic(app_window, "Mine")
    mine.unlink()
    mine.mkdir()
    app_window.controller.check_disk()
    assert "no longer a file" in app_window.statusBar().currentMessage()
    assert not app_window.controller.save()  # the scripted answer: Cancel
    assert "no longer a file" in prompter.changed_on_disk[0]
    assert prompter.changed_on_disk_states == [DiskState.NOT_A_FILE]
    assert app_window.isWindowModified()  # nothing typed is lost


# --- rows 2 and 4: failed saves -----------------------------------------------------------------
def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write

    def write(fd: int, data: Any) -> int:
        if len(data) > 100:  # let the lock file through; fail the document halfway
            real_write(fd, bytes(data)[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)


def _read_only_medium(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)


@pytest.mark.parametrize(
    ("failure", "words"),
    [
        (_disk_full, "The disk is full, so “mine.yaml” could not be saved."),
        (_read_only_medium, "can't be written to (it is read-only, or you don't have permission)"),
    ],
    ids=["row02-disk-full", "row04-read-only-medium"],
)
def test_failed_save_says_why_keeps_the_document_unsaved_and_the_file_identical(
    app_window: MainWindow,
    prompter: ScriptedPrompter,
    mine: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: Any,
    words: str,
) -> None:
    assert app_window.controller.open_path(mine)
    original = mine.read_bytes()
    add_clinic(app_window, "Typed today")
    failure(monkeypatch)
    assert not app_window.controller.save()
    monkeypatch.undo()
    [(title, message)] = prompter.errors
    assert title == "Could not save"
    assert words in message
    assert "The file on the disk was not changed, and your changes are still open here." in message
    assert "Errno" not in message
    assert "Traceback" not in message
    assert app_window.isWindowModified()
    assert app_window.windowTitle().startswith("mine.yaml[*]")
    assert mine.read_bytes() == original
    assert names(mine.parent) == [".~mine.yaml.lock", "mine.yaml"]
    # Nothing was lost: once the disk is back, the same Save works.
    assert app_window.controller.save()
    assert not app_window.isWindowModified()
    assert load_comparison(mine, CATALOGUE).clinics[-1].name == "Typed today"


@pytest.fixture
def read_only_folder(mine: Path) -> Iterator[Path]:
    """``mine``'s folder made read-only for real. Root ignores folder permissions, so as root
    (here and in CI) the folder is made immutable instead, which binds root too."""
    folder = mine.parent
    if os.geteuid() != 0:
        folder.chmod(0o500)
        undo = ["chmod", "700", str(folder)]
    elif shutil.which("chattr") and _run(["chattr", "+i", str(folder)]):
        undo = ["chattr", "-i", str(folder)]
    else:
        pytest.skip("root without chattr: no way to make a folder read-only here")
    try:
        yield folder
    finally:
        _run(undo)


def _run(command: list[str]) -> bool:
    return subprocess.run(command, check=False, capture_output=True).returncode == 0


def test_row04_read_only_folder_gives_plain_words_and_writes_nothing(
    app_window: MainWindow, prompter: ScriptedPrompter, mine: Path, read_only_folder: Path
) -> None:
    original = mine.read_bytes()
    messages: list[str] = []
    app_window.controller.message.connect(messages.append)
    assert app_window.controller.open_path(mine)
    assert messages == [
        "The folder of “mine.yaml” can't be written to; use Save As to keep changes."
    ]
    add_clinic(app_window, "Typed today")
    assert not app_window.controller.save()
    [(title, message)] = prompter.errors
    assert title == "Could not save"
    assert message.startswith(
        f"The folder “{read_only_folder}” can't be written to (it is read-only, or you don't "
        "have permission), so “mine.yaml” could not be saved."
    )
    assert "Use Save As" in message
    assert app_window.isWindowModified()
    assert mine.read_bytes() == original
    assert names(read_only_folder) == ["mine.yaml"], "nothing written, not even a lock"


def test_row10_coming_back_to_the_window_mentions_a_change_on_disk_once(
    app_window: MainWindow, mine: Path
) -> None:
    messages: list[str] = []
    app_window.controller.message.connect(messages.append)
    assert app_window.controller.open_path(mine)

    def activate() -> None:
        QApplication.sendEvent(app_window, QEvent(QEvent.Type.WindowActivate))

    activate()
    assert messages == []
    save_comparison(sample_comparison(7), mine)  # another program, while we were away
    activate()
    activate()
    assert messages == [
        "“mine.yaml” was changed by another program. Save will ask before replacing it."
    ]
    mine.unlink()
    activate()
    assert messages[-1] == "“mine.yaml” was moved or deleted. Saving will create it again."
    assert app_window.statusBar().currentMessage() == messages[-1]
