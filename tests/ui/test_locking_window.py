"""Menu rows 9 and 18 with a real second app: `python -m ketachecklist FILE` runs in its own
process (headless, its own home); this window is told who holds the file and offered
read-only; once that app is killed its lock is stale and cleared without a word. The files the
running app created are owner-only although it ran under umask 000."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ketachecklist.core.document import Clinic
from ketachecklist.core.lock import document_lock_path
from ketachecklist.core.processes import this_user
from ketachecklist.core.recovery import RecoveryStore
from ketachecklist.core.storage import load_comparison, save_comparison
from ketachecklist.ui.app import build_main_window
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.settings import AppSettings
from tests.reliability.helpers import (
    CATALOGUE,
    app_data_of,
    mode,
    same_content,
    sample_comparison,
    start_app_process,
)
from tests.ui.conftest import ScriptedPrompter

START_TIMEOUT_MS = 60_000


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    folder = tmp_path / "documents"
    folder.mkdir()
    path = folder / "mine.yaml"
    save_comparison(sample_comparison(1), path)
    return path


def lock_pid(path: Path) -> int | None:
    try:
        pid = json.loads(document_lock_path(path).read_text())["pid"]
    except (OSError, ValueError):
        return None
    assert isinstance(pid, int)
    return pid


@pytest.fixture
def other_app(qtbot: QtBot, tmp_path: Path, mine: Path) -> Iterator[subprocess.Popen[str]]:
    """The real app, started on ``mine``; yielded once it holds the file."""
    app = start_app_process(tmp_path / "home", str(mine))

    def holds_the_file() -> bool:
        if app.poll() is not None:
            _, err = app.communicate()
            raise AssertionError(f"the app exited with {app.returncode}: {err}")
        return lock_pid(mine) == app.pid

    try:
        qtbot.waitUntil(holds_the_file, timeout=START_TIMEOUT_MS)  # polls the lock file
        yield app
    finally:
        app.kill()
        app.communicate(timeout=30)


@pytest.fixture
def app_window(
    qtbot: QtBot, settings: AppSettings, prompter: ScriptedPrompter, tmp_path: Path
) -> Iterator[MainWindow]:
    store = RecoveryStore.open(tmp_path / "recovery")
    main = build_main_window(settings, prompter=prompter, recovery=store)
    qtbot.add_widget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    store.close()


def test_row09_second_instance_is_told_who_holds_the_file_and_offered_read_only(
    app_window: MainWindow,
    prompter: ScriptedPrompter,
    mine: Path,
    other_app: subprocess.Popen[str],
) -> None:
    original = mine.read_bytes()
    controller = app_window.controller
    prompter.open_read_only = True
    assert controller.open_path(mine)

    [offer] = prompter.read_only_offers
    since = dt.datetime.now().astimezone()
    assert offer.startswith(
        f"“mine.yaml” is already open for editing by {this_user()} (process {other_app.pid}), "
        "since "
    )
    # "since" is when that app opened it: today, minutes ago at most.
    assert f"{since.day} {since:%B %Y}" in offer  # the day in words, as every screen says it
    assert "You can open it read-only" in offer
    assert controller.read_only
    assert app_window.windowTitle().startswith("mine.yaml (read-only)")
    assert same_content(app_window.document.comparison, sample_comparison(1))

    # Save goes to Save As; the held file and its lock are left alone.
    document = app_window.document
    push_edit(document, lambda comparison: comparison.add_clinic(Clinic(id="mine", name="My own")))
    copy = mine.with_name("mine (copy).yaml")
    prompter.save_paths.append(copy)
    assert controller.save()
    assert load_comparison(copy, CATALOGUE).clinics[-1].name == "My own"
    assert mine.read_bytes() == original
    assert lock_pid(mine) == other_app.pid
    assert not controller.read_only
    assert app_window.windowTitle().startswith("mine (copy).yaml")
    assert prompter.errors == []


def test_row09_declining_read_only_keeps_the_current_document(
    app_window: MainWindow,
    prompter: ScriptedPrompter,
    mine: Path,
    other_app: subprocess.Popen[str],
) -> None:
    prompter.open_read_only = False
    assert not app_window.controller.open_path(mine)
    assert len(prompter.read_only_offers) == 1
    assert app_window.controller.path is None
    assert prompter.errors == []
    assert lock_pid(mine) == other_app.pid


def test_row09_save_as_onto_a_file_open_elsewhere_is_refused_naming_the_holder(
    app_window: MainWindow,
    prompter: ScriptedPrompter,
    mine: Path,
    other_app: subprocess.Popen[str],
) -> None:
    original = mine.read_bytes()
    prompter.save_paths.append(mine)
    assert not app_window.controller.save()
    [(title, message)] = prompter.errors
    assert title == "Could not save"
    assert f"(process {other_app.pid})" in message
    assert "Nothing was written" in message
    assert mine.read_bytes() == original


def test_row09_lock_of_a_killed_app_is_cleared_without_a_word(
    app_window: MainWindow,
    prompter: ScriptedPrompter,
    mine: Path,
    other_app: subprocess.Popen[str],
) -> None:
    other_app.kill()
    other_app.communicate(timeout=30)
    assert lock_pid(mine) == other_app.pid, "a killed app leaves its lock file behind"
    assert app_window.controller.open_path(mine)
    assert prompter.read_only_offers == []
    assert prompter.errors == []
    assert lock_pid(mine) == os.getpid()
    assert not app_window.controller.read_only


def test_row18_the_running_app_creates_owner_only_files(
    tmp_path: Path, mine: Path, other_app: subprocess.Popen[str]
) -> None:
    """The app ran under umask 000: every mode below is the app's own doing."""
    app_data = app_data_of(tmp_path / "home")
    assert mode(app_data) == 0o700
    assert mode(app_data / "settings.ini") == 0o600
    assert mode(app_data / "catalogue-cache.json") == 0o600
    assert mode(app_data / "recovery") == 0o700
    [session_lock] = (app_data / "recovery").glob("*.session.lock")
    assert mode(session_lock) == 0o600
    assert mode(document_lock_path(mine)) == 0o600
    # The settings live in the app's folder, not in ~/.config.
    assert not (tmp_path / "home" / ".config" / "ketachecklist").exists()
