"""Issue 9: SIGTERM, SIGHUP and Ctrl+C (SIGINT) end a real app process cleanly; so does logout.

The child starts as ``run_app`` does (``launch`` then ``CleanExit``), types one edit that the
autosave timer would only write an hour later, says so, and is sent a real signal. It must
exit 0 with the edit in the recovery store, its document lock and session lock removed, and
the document untouched; the next start offers the edit.
"""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ketachecklist.core.document import Clinic
from ketachecklist.core.lock import document_lock_path
from ketachecklist.core.recovery import RecoveryStore, list_recoveries, load_recovery
from ketachecklist.core.storage import save_comparison
from ketachecklist.ui.app import build_main_window
from ketachecklist.ui.clean_exit import CleanExit
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.settings import AppSettings
from tests.reliability.helpers import (
    CATALOGUE,
    app_data_of,
    read_line,
    sample_comparison,
    start_app_process,
)
from tests.ui.conftest import ScriptedPrompter

EDIT_THEN_WAIT = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import ketachecklist.ui.autosave as autosave
from ketachecklist.core.document import Clinic
from ketachecklist.ui.app import close_recovery_store, configure_application, launch
from ketachecklist.ui.clean_exit import CleanExit
from ketachecklist.ui.commands import push_edit

autosave.AUTOSAVE_DELAY_SECONDS = 3600  # only the signal can write the snapshot in time
app = QApplication(sys.argv[:1])
configure_application(app)
window = launch(sys.argv[1])
CleanExit(app, window)


def edit():
    document = window.document
    typed = Clinic(id="typed", name="Typed before the signal")
    push_edit(document, lambda comparison: comparison.add_clinic(typed))
    print("edited", flush=True)


QTimer.singleShot(0, edit)
code = app.exec()
close_recovery_store(window)
print(f"exited {code}", flush=True)
"""


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=str)
def test_a_real_signal_keeps_unsaved_work_removes_the_lock_and_quits(
    tmp_path: Path, number: int
) -> None:
    home = tmp_path / "home"
    document = tmp_path / "mine.yaml"
    save_comparison(sample_comparison(1), document)
    before = document.read_bytes()
    child = start_app_process(home, document.as_posix(), code=EDIT_THEN_WAIT)
    watchdog = threading.Timer(120, child.kill)  # a hung child fails the test, never hangs it
    watchdog.start()
    try:
        read_line(child, "edited")
        assert document_lock_path(document).exists()
        os.kill(child.pid, number)
        assert read_line(child, "exited") == "exited 0"
        _, err = child.communicate(timeout=60)
    finally:
        watchdog.cancel()
        if child.poll() is None:
            child.kill()
            child.communicate(timeout=30)
    assert child.returncode == 0, err
    assert "Traceback" not in err
    assert not document_lock_path(document).exists()
    assert document.read_bytes() == before
    folder = app_data_of(home) / "recovery"
    assert not list(folder.glob("*.session.lock"))
    [left] = list_recoveries(folder)
    assert left.document_path == document
    restored = load_recovery(left, CATALOGUE)
    assert [c.id for c in restored.clinics][-1] == "typed"


def test_logout_writes_unsaved_work_to_the_recovery_store(
    qtbot: QtBot, settings: AppSettings, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    """``commitDataRequest`` needs a real session manager to be emitted; its slot is called."""

    store = RecoveryStore.open(tmp_path / "recovery")
    window = build_main_window(
        settings, prompter=prompter, recovery=store, autosave_delay_ms=3_600_000
    )
    qtbot.add_widget(window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    clean_exit = CleanExit(app, window)
    try:
        document = window.document
        typed = Clinic(id="typed", name="Typed")
        push_edit(document, lambda comparison: comparison.add_clinic(typed))
        clean_exit.commit_data()
        [snapshot] = list_recoveries(tmp_path / "recovery", include_live=True)
        assert [c.id for c in load_recovery(snapshot, CATALOGUE).clinics] == ["typed"]
    finally:
        clean_exit.uninstall()
        store.close()
