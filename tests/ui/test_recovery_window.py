"""Menu row 8 in the app: autosave after each edit (never over the real file), snapshots gone
after save, undo-to-saved and a clean close, and the restore offer for work left by a session
that ended without closing. The timer is real, with a short delay; tests wait on its signal."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ketachecklist.core.document import Clinic, Comparison
from ketachecklist.core.errors import SaveError, SaveStage
from ketachecklist.core.lock import lock_document
from ketachecklist.core.recovery import (
    AutosaveSlot,
    RecoveryStore,
    list_recoveries,
    load_recovery,
)
from ketachecklist.core.storage import load_comparison, save_comparison
from ketachecklist.ui.app import build_main_window
from ketachecklist.ui.autosave import Autosaver
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.prompter import RestoreChoice, SaveChoice
from ketachecklist.ui.settings import AppSettings
from tests.reliability.helpers import CATALOGUE, mode, same_content, sample_comparison
from tests.ui.conftest import ScriptedPrompter

DELAY_MS = 50


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "recovery"


@pytest.fixture
def store(folder: Path) -> Iterator[RecoveryStore]:
    opened = RecoveryStore.open(folder)
    yield opened
    opened.close()


@pytest.fixture
def app_window(
    qtbot: QtBot, settings: AppSettings, prompter: ScriptedPrompter, store: RecoveryStore
) -> MainWindow:
    main = build_main_window(
        settings, prompter=prompter, recovery=store, autosave_delay_ms=DELAY_MS
    )
    qtbot.add_widget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    path = tmp_path / "mine.yaml"
    save_comparison(sample_comparison(1), path)
    return path


def autosaver(window: MainWindow) -> Autosaver:
    saver = window.controller.autosaver
    assert saver is not None
    return saver


def add_clinic(window: MainWindow, name: str) -> None:
    document = window.document
    clinic_id = f"c{len(document.comparison.clinics) + 1}"
    push_edit(document, lambda comparison: comparison.add_clinic(Clinic(id=clinic_id, name=name)))


def snapshots(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.recovery.yaml"))


def leave_snapshot(folder: Path, comparison: Comparison, document: Path | None) -> Path:
    """What a session that crashed leaves: a snapshot, and a session that is no longer alive."""
    crashed = RecoveryStore.open(folder)
    slot = crashed.new_slot(document)
    comparison.revision = 1
    info = slot.write(comparison)
    crashed.close()  # the session lock goes, the snapshot stays: as after a kill
    return info.path


# --- autosave -----------------------------------------------------------------------------------
def test_row08_an_edit_is_autosaved_after_the_delay_never_over_the_file(
    qtbot: QtBot, app_window: MainWindow, mine: Path, folder: Path
) -> None:
    assert app_window.controller.open_path(mine)
    original = mine.read_bytes()
    assert snapshots(folder) == [], "an unchanged document needs no snapshot"
    app_window.clinics.add_action.trigger()  # the real button's action
    with qtbot.waitSignal(autosaver(app_window).written, timeout=5000) as written:
        add_clinic(app_window, "Typed — ☕ <b>")
    info = written.args[0]
    assert snapshots(folder) == [info.path]
    assert info.document_path == mine.absolute()
    assert mode(info.path) == 0o600
    assert mode(folder) == 0o700
    assert same_content(load_recovery(info.path, CATALOGUE), app_window.document.comparison)
    assert mine.read_bytes() == original


def test_row08_edits_in_quick_succession_make_one_snapshot(
    qtbot: QtBot, app_window: MainWindow
) -> None:
    writes: list[object] = []
    autosaver(app_window).written.connect(writes.append)
    for number in range(5):
        add_clinic(app_window, f"Clinic {number}")
        assert autosaver(app_window).pending
    qtbot.waitUntil(lambda: len(writes) == 1, timeout=5000)
    assert not autosaver(app_window).pending
    assert autosaver(app_window).write_now() is False, "nothing new to write"


def test_row08_saving_and_undoing_to_the_saved_state_remove_the_snapshot(
    qtbot: QtBot, app_window: MainWindow, mine: Path, folder: Path
) -> None:
    assert app_window.controller.open_path(mine)
    with qtbot.waitSignal(autosaver(app_window).written, timeout=5000):
        add_clinic(app_window, "One")
    assert app_window.controller.save()
    assert snapshots(folder) == []

    with qtbot.waitSignal(autosaver(app_window).written, timeout=5000):
        add_clinic(app_window, "Two")
    assert len(snapshots(folder)) == 1
    app_window.undo_action.trigger()
    assert not app_window.isWindowModified()
    qtbot.waitUntil(lambda: snapshots(folder) == [], timeout=5000)


@pytest.mark.parametrize("how", ["close", "new", "open"])
def test_row08_closing_or_replacing_a_document_leaves_no_snapshot(
    qtbot: QtBot,
    app_window: MainWindow,
    prompter: ScriptedPrompter,
    mine: Path,
    folder: Path,
    how: str,
) -> None:
    with qtbot.waitSignal(autosaver(app_window).written, timeout=5000):
        add_clinic(app_window, "Not wanted")
    assert len(snapshots(folder)) == 1
    prompter.save_choices.append(SaveChoice.DISCARD)
    if how == "close":
        assert app_window.close()
    elif how == "new":
        assert app_window.controller.new_comparison()
    else:
        assert app_window.controller.open_path(mine)
    assert snapshots(folder) == []
    # Whenever the timer fires next (here: now), it must not bring the snapshot back.
    autosaver(app_window).write_now()
    assert snapshots(folder) == []


def test_cancelling_the_close_keeps_the_snapshot(
    qtbot: QtBot, app_window: MainWindow, prompter: ScriptedPrompter, folder: Path
) -> None:
    with qtbot.waitSignal(autosaver(app_window).written, timeout=5000):
        add_clinic(app_window, "Keep me")
    prompter.save_choices.append(SaveChoice.CANCEL)
    assert not app_window.close()
    assert len(snapshots(folder)) == 1


def test_a_failed_autosave_is_a_quiet_note_and_typing_goes_on(
    qtbot: QtBot,
    app_window: MainWindow,
    prompter: ScriptedPrompter,
    mine: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert app_window.controller.open_path(mine)
    original = mine.read_bytes()

    def disk_full(self: AutosaveSlot, comparison: Comparison) -> None:
        raise SaveError(
            OSError(errno.ENOSPC, "No space left on device"), self.path, SaveStage.WRITE
        )

    monkeypatch.setattr(AutosaveSlot, "write", disk_full)
    with qtbot.waitSignal(app_window.controller.message, timeout=5000) as note:
        add_clinic(app_window, "Still here")
    assert note.args[0] == (
        "Autosave failed (No space left on device). Your changes are still here; please save them."
    )
    assert "Autosave failed" in app_window.statusBar().currentMessage()
    assert prompter.errors == [], "no dialog interrupts the patient"
    assert app_window.isWindowModified()
    assert mine.read_bytes() == original


# --- restore at start-up --------------------------------------------------------------------------
def test_row08_leftover_is_offered_with_its_time_and_restored_under_its_name(
    app_window: MainWindow, prompter: ScriptedPrompter, mine: Path, folder: Path
) -> None:
    edited = sample_comparison(5)
    left = leave_snapshot(folder, edited, mine)
    [info] = list_recoveries(folder)
    prompter.restore_choices.append(RestoreChoice.RESTORE)
    assert app_window.controller.offer_recovery()

    [(description, saved_at)] = prompter.restore_offers
    # the day in words, as the date boxes show one, and the time as the locale writes it
    local = info.saved_at.astimezone()
    assert saved_at == f"on {local.day} {local:%B %Y} at {local:%H:%M}"
    named = f"“mine.yaml” ({edited.title}), {len(edited.clinics)} clinics"
    assert description.startswith(f"{named}, autosaved {saved_at[3:]}")
    assert same_content(app_window.document.comparison, edited)
    assert app_window.isWindowModified(), "restored work is not saved yet"
    assert app_window.controller.path == mine.absolute()
    assert app_window.windowTitle().startswith("mine.yaml[*]")
    # One copy at every moment: ours replaced the crashed session's.
    assert not left.exists()
    assert snapshots(folder) == [autosaver(app_window).snapshot_path]

    assert app_window.controller.save()
    assert same_content(load_comparison(mine, CATALOGUE), edited)
    assert snapshots(folder) == []


def test_an_untitled_leftover_restores_untitled_and_save_asks_where(
    app_window: MainWindow, prompter: ScriptedPrompter, folder: Path, tmp_path: Path
) -> None:
    leave_snapshot(folder, sample_comparison(3), None)
    prompter.restore_choices.append(RestoreChoice.RESTORE)
    assert app_window.controller.offer_recovery()
    assert "An unsaved comparison" in prompter.restore_offers[0][0]
    assert app_window.controller.path is None
    target = tmp_path / "saved.yaml"
    prompter.save_paths.append(target)
    assert app_window.controller.save()
    assert same_content(load_comparison(target, CATALOGUE), sample_comparison(3))
    assert snapshots(folder) == []


def test_not_now_keeps_the_leftover_for_next_time_and_delete_removes_it(
    qtbot: QtBot,
    settings: AppSettings,
    app_window: MainWindow,
    prompter: ScriptedPrompter,
    mine: Path,
    folder: Path,
) -> None:
    left = leave_snapshot(folder, sample_comparison(4), mine)
    prompter.restore_choices.append(RestoreChoice.LATER)
    assert not app_window.controller.offer_recovery()
    assert left.exists()
    assert not app_window.isWindowModified()

    # The next start offers it again; the patient presses Delete, then keeps it after all:
    # the work stays, and the same question comes back.
    prompter.restore_choices += [RestoreChoice.DELETE, RestoreChoice.LATER]
    prompter.confirm_delete.append(False)
    assert not app_window.controller.offer_recovery()
    assert len(prompter.restore_offers) == 3
    assert len(prompter.delete_confirmations) == 1
    assert left.exists()

    # This time the patient deletes it, and confirms.
    prompter.restore_choices.append(RestoreChoice.DELETE)
    assert not app_window.controller.offer_recovery()
    assert len(prompter.restore_offers) == 4
    assert len(prompter.delete_confirmations) == 2
    assert not left.exists()


def test_snapshots_of_a_copy_still_running_are_not_offered(
    app_window: MainWindow, prompter: ScriptedPrompter, folder: Path
) -> None:
    running = RecoveryStore.open(folder)
    try:
        running.new_slot(None).write(sample_comparison(2))
        assert not app_window.controller.offer_recovery()
        assert prompter.restore_offers == []
    finally:
        running.close()


def test_an_unreadable_leftover_is_explained_kept_and_the_next_one_offered(
    app_window: MainWindow, prompter: ScriptedPrompter, mine: Path, folder: Path
) -> None:
    good = leave_snapshot(folder, sample_comparison(2), mine)
    broken = leave_snapshot(folder, sample_comparison(3), None)
    header = broken.read_bytes().split(b"\n", 1)[0]
    broken.write_bytes(header + b"\n!!python/object/apply:os.system ['touch pwned']\n")
    prompter.restore_choices += [RestoreChoice.RESTORE, RestoreChoice.RESTORE]
    assert app_window.controller.offer_recovery()
    [(title, message)] = prompter.errors
    assert title == "Could not restore"
    assert message.startswith("An autosaved copy could not be restored:")
    assert "kept in the recovery folder" in message
    assert broken.exists()
    assert not good.exists()
    assert same_content(app_window.document.comparison, sample_comparison(2))


def test_restoring_onto_a_file_open_elsewhere_is_read_only(
    app_window: MainWindow, prompter: ScriptedPrompter, mine: Path, folder: Path, tmp_path: Path
) -> None:
    leave_snapshot(folder, sample_comparison(6), mine)
    prompter.restore_choices.append(RestoreChoice.RESTORE)
    with lock_document(mine):  # as another window of this app would: the lock is live
        assert app_window.controller.offer_recovery()
    assert app_window.controller.read_only
    assert "(read-only)" in app_window.windowTitle()
    copy = tmp_path / "copy.yaml"
    prompter.save_paths.append(copy)
    assert app_window.controller.save()  # read-only: Save goes to Save As
    assert same_content(load_comparison(copy, CATALOGUE), sample_comparison(6))
    assert same_content(load_comparison(mine, CATALOGUE), sample_comparison(1))
