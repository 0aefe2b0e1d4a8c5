"""Menu row 8 end to end: a real app process is edited, autosaves with its real timer, and is
SIGKILLed; the next start offers the work with its time, and restoring gives back every edit
older than the autosave delay — under the file's own name, with the dead app's lock cleared.

The child starts exactly as `python -m ketachecklist FILE` does (``ui.app.launch``: private
settings, recovery store, restore offer, window, FILE); it then types through the window's undo
stack and reports each autosave on its stdout, which the test reads (no sleeping).
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ketachecklist.core.recovery import AUTOSAVE_DELAY_SECONDS, RecoveryStore, list_recoveries
from ketachecklist.core.storage import load_comparison, save_comparison
from ketachecklist.ui.app import build_main_window
from ketachecklist.ui.prompter import RestoreChoice
from ketachecklist.ui.settings import AppSettings
from tests.reliability.helpers import (
    CATALOGUE,
    app_data_of,
    mode,
    read_line,
    same_content,
    sample_comparison,
    start_app_process,
)
from tests.ui.conftest import ScriptedPrompter

AUTOSAVED_EDITS = 3
TYPING = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ketachecklist.core.document import Clinic
from ketachecklist.ui.app import configure_application, launch
from ketachecklist.ui.commands import push_edit

app = QApplication(sys.argv[:1])
configure_application(app)
window = launch(sys.argv[1])
document = window.document
edits = 0


def edit():
    global edits
    edits += 1
    clinic = Clinic(id=f"typed-{edits}", name=f"Typed {edits} — ☕ <b>", notes="=cmd\r\nok")
    push_edit(document, lambda comparison: comparison.add_clinic(clinic))
    print(f"edited {edits}", flush=True)


def autosaved(info):
    print(f"autosaved {edits} {info.saved_at.isoformat()}", flush=True)
    edit()  # the next edit at once: the last one is always younger than the delay


window.controller.autosaver.written.connect(autosaved)
QTimer.singleShot(0, edit)
sys.exit(app.exec())
"""


@pytest.fixture
def killed_app(tmp_path: Path) -> tuple[Path, Path, bytes, list[dt.datetime]]:
    """Run the app on ``mine.yaml`` until three edits are autosaved and a fourth is typed, then
    SIGKILL it. Yields (home, document, its bytes before, autosave times)."""
    home = tmp_path / "home"
    document = tmp_path / "mine.yaml"
    save_comparison(sample_comparison(1), document)
    before = document.read_bytes()
    child = start_app_process(home, document.as_posix(), code=TYPING)
    watchdog = threading.Timer(120, child.kill)  # a hung child fails the test, never hangs it
    watchdog.start()
    times: list[dt.datetime] = []
    try:
        for number in range(1, AUTOSAVED_EDITS + 1):
            read_line(child, f"edited {number}")
            _, count, when = read_line(child, "autosaved").split()
            assert int(count) == number
            times.append(dt.datetime.fromisoformat(when))
        read_line(child, f"edited {AUTOSAVED_EDITS + 1}")
        os.kill(child.pid, signal.SIGKILL)
        child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL
    finally:
        watchdog.cancel()
        if child.poll() is None:
            child.kill()
            child.communicate(timeout=30)
    return home, document, before, times


@pytest.mark.slow
def test_row08_killed_app_is_restored_at_the_next_start(
    qtbot: QtBot,
    settings: AppSettings,
    prompter: ScriptedPrompter,
    killed_app: tuple[Path, Path, bytes, list[dt.datetime]],
) -> None:
    home, document, before, times = killed_app
    recovery = app_data_of(home) / "recovery"
    assert document.read_bytes() == before, "autosave never writes over the real file"
    # Created by the killed app under umask 000: still owner-only (row 18).
    [snapshot] = list_recoveries(recovery)
    assert mode(app_data_of(home)) == 0o700
    assert mode(recovery) == 0o700
    assert mode(snapshot.path) == 0o600
    assert snapshot.saved_at == times[-1]

    # The next start (in this process): the same recovery folder, the restore offer.
    store = RecoveryStore.open(recovery)
    try:
        window = build_main_window(settings, prompter=prompter, recovery=store)
        qtbot.add_widget(window)
        window.show()
        prompter.restore_choices.append(RestoreChoice.RESTORE)
        assert window.controller.offer_recovery()

        [(description, saved_at)] = prompter.restore_offers
        local = times[-1].astimezone()
        assert saved_at == f"on {local.day} {local:%B %Y} at {local:%H:%M}"
        assert description.startswith("“mine.yaml”")
        assert f"autosaved {local.day} {local:%B %Y} at {local:%H:%M}" in description

        restored = window.document.comparison
        ids = [clinic.id for clinic in restored.clinics]
        typed = [f"typed-{n}" for n in range(1, AUTOSAVED_EDITS + 1)]
        # Every edit older than the delay is back; at most the last one, typed less than
        # AUTOSAVE_DELAY_SECONDS before the kill, may be missing.
        assert ids[:3] == ["clinic-1", "clinic-2", "clinic-3"]
        assert ids[3 : 3 + AUTOSAVED_EDITS] == typed
        assert ids[3 + AUTOSAVED_EDITS :] in ([], [f"typed-{AUTOSAVED_EDITS + 1}"])
        assert restored.clinic("typed-2").name == "Typed 2 — ☕ <b>"
        assert restored.clinic("typed-2").notes == "=cmd\r\nok"
        assert window.isWindowModified()
        assert window.controller.path == document
        assert not window.controller.read_only, "the killed app's lock was stale"
        assert AUTOSAVE_DELAY_SECONDS <= 5, "the promise the docs make"

        assert window.controller.save()
        assert same_content(load_comparison(document, CATALOGUE), restored)
        assert list_recoveries(recovery, include_live=True) == []
        window.close()
    finally:
        store.close()
