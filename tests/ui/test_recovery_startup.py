"""Start-up as `ketachecklist FILE` does it (``ui.app.launch``), and the real restore dialog:
its text is plain, it names the time, and closing it with Escape never deletes the work."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from ketachecklist import paths
from ketachecklist.core.fingerprint import DiskState
from ketachecklist.core.recovery import RecoveryStore
from ketachecklist.core.storage import save_comparison
from ketachecklist.ui import app as app_module
from ketachecklist.ui.dialog_prompter import DialogPrompter
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.prompter import ChangedOnDiskChoice, RestoreChoice
from tests.reliability.helpers import same_content, sample_comparison
from tests.ui.conftest import ScriptedPrompter


@pytest.fixture
def recovery(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's private folders, moved into tmp_path for this test."""
    folder = tmp_path / "app-data" / "recovery"
    settings_file = tmp_path / "app-data" / "settings.ini"
    monkeypatch.setattr(paths, "recovery_dir", lambda: folder)
    monkeypatch.setattr(
        paths, "open_settings", lambda: QSettings(str(settings_file), QSettings.Format.IniFormat)
    )
    return folder


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    path = tmp_path / "mine.yaml"
    save_comparison(sample_comparison(1), path)
    return path


def _leave_snapshot(folder: Path, document: Path | None, version: int) -> None:
    crashed = RecoveryStore.open(folder)
    comparison = sample_comparison(version)
    comparison.revision = 1
    crashed.new_slot(document).write(comparison)
    crashed.close()


@pytest.fixture
def launched(qtbot: QtBot) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []

    def launch(path: Path | None, prompter: ScriptedPrompter) -> MainWindow:
        window = app_module.launch(str(path) if path else None, prompter=prompter)
        qtbot.add_widget(window)
        windows.append(window)
        return window

    yield launch
    for window in windows:
        window.close()
        app_module.close_recovery_store(window)


def test_start_with_nothing_to_restore_opens_the_file(
    launched: Callable[..., MainWindow], prompter: ScriptedPrompter, recovery: Path, mine: Path
) -> None:
    window = launched(mine, prompter)
    assert prompter.restore_offers == []
    assert window.controller.path == mine
    assert window.controller.autosaver is not None


def test_restored_work_comes_before_the_file_named_on_the_command_line(
    launched: Callable[..., MainWindow], prompter: ScriptedPrompter, recovery: Path, mine: Path
) -> None:
    _leave_snapshot(recovery, None, 4)
    prompter.restore_choices.append(RestoreChoice.RESTORE)
    window = launched(mine, prompter)
    assert len(prompter.restore_offers) == 1
    assert same_content(window.document.comparison, sample_comparison(4))
    assert window.controller.path is None
    assert window.statusBar().currentMessage().startswith("“mine.yaml” was not opened because")


def test_restored_work_of_the_file_named_on_the_command_line_is_not_called_unopened(
    launched: Callable[..., MainWindow], prompter: ScriptedPrompter, recovery: Path, mine: Path
) -> None:
    _leave_snapshot(recovery, mine, 4)
    prompter.restore_choices.append(RestoreChoice.RESTORE)
    window = launched(mine, prompter)
    assert same_content(window.document.comparison, sample_comparison(4))
    assert window.controller.path == mine
    message = window.statusBar().currentMessage()
    assert "was not opened" not in message
    assert message.startswith("Restored mine.yaml")


def test_two_leftovers_newest_first_and_the_other_kept_for_next_time(
    launched: Callable[..., MainWindow], prompter: ScriptedPrompter, recovery: Path, mine: Path
) -> None:
    _leave_snapshot(recovery, mine, 2)
    _leave_snapshot(recovery, None, 3)
    prompter.restore_choices.append(RestoreChoice.RESTORE)
    window = launched(None, prompter)
    assert len(prompter.restore_offers) == 1
    assert prompter.restore_offers[0][0].startswith("An unsaved comparison")
    assert window.statusBar().currentMessage() == (
        "1 more autosaved copy is kept; it will be offered next time."  # the singular, by Qt's %n
    )
    assert len(list(recovery.glob("*.recovery.yaml"))) == 2  # ours now, and the older one


def test_an_unusable_app_folder_still_starts_without_autosave(
    launched: Callable[..., MainWindow],
    prompter: ScriptedPrompter,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    recovery: Path,
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setattr(paths, "recovery_dir", lambda: blocker / "recovery")

    def no_settings() -> QSettings:
        raise NotADirectoryError(20, "Not a directory")

    monkeypatch.setattr(paths, "open_settings", no_settings)
    window = launched(None, prompter)
    assert window.controller.autosaver is None
    message = window.statusBar().currentMessage()
    assert message.startswith("Autosave is off:")
    assert f"“{blocker}”" in message  # where the folder would be, so someone can fix it
    marks = [
        label
        for label in window.statusBar().findChildren(QLabel)
        if label.text() == "⚠ Autosave is off"
    ]
    assert len(marks) == 1  # still there once the message has gone
    assert marks[0].isVisible()
    assert marks[0].accessibleDescription() == message


# --- the real dialogs ---------------------------------------------------------------------------
def _answer_next_box(qtbot: QtBot, answer: Callable[[QMessageBox], None]) -> list[str]:
    """Watch for the next message box, record its text, then answer it."""
    texts: list[str] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            timer.stop()
            texts.append(box.text())
            answer(box)

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(10)
    _timers.append(timer)  # kept alive until it has answered
    return texts


_timers: list[QTimer] = []  # one per dialog answered; stopped once it answered


def _press(text: str) -> Callable[[QMessageBox], None]:
    def press(box: QMessageBox) -> None:
        next(button for button in box.buttons() if button.text() == text).click()

    return press


def _escape(box: QMessageBox) -> None:
    QTest.keyClick(box, Qt.Key.Key_Escape)


@pytest.mark.parametrize(
    ("answer", "choice"),
    [
        (_escape, RestoreChoice.LATER),
        (_press("Restore"), RestoreChoice.RESTORE),
        (_press("Delete it"), RestoreChoice.DELETE),
        (_press("Not now (ask next time)"), RestoreChoice.LATER),
    ],
    ids=["escape", "restore", "delete", "not-now"],
)
def test_restore_dialog_names_the_time_and_escape_keeps_the_work(
    qtbot: QtBot, answer: Callable[[QMessageBox], None], choice: RestoreChoice
) -> None:
    texts = _answer_next_box(qtbot, answer)
    result = DialogPrompter().ask_restore(
        "“<b>mine</b>.yaml”, 3 clinics, autosaved 22 November 2026 at 08:41",
        "on 22 November 2026 at 08:41",
    )
    assert result is choice
    assert "autosaved 22 November 2026 at 08:41" in texts[0]
    assert texts[0].count("22 November 2026") == 1  # the time is given once
    assert "“<b>mine</b>.yaml”" in texts[0]


@pytest.mark.parametrize(
    ("answer", "deleted"),
    [(_escape, False), (_press("Keep it"), False), (_press("Delete it for good"), True)],
    ids=["escape", "keep", "delete"],
)
def test_deleting_unsaved_work_asks_again_and_keeps_it_by_default(
    qtbot: QtBot, answer: Callable[[QMessageBox], None], deleted: bool
) -> None:
    texts = _answer_next_box(qtbot, answer)
    assert DialogPrompter().confirm_delete_work("“mine.yaml”, 3 clinics") is deleted
    assert "“mine.yaml”, 3 clinics" in texts[0]
    assert "cannot be brought back" in texts[0]


def test_the_delete_confirmation_defaults_to_keeping_the_work(qtbot: QtBot) -> None:
    texts = _answer_next_box(qtbot, lambda box: QTest.keyClick(box, Qt.Key.Key_Return))
    assert DialogPrompter().confirm_delete_work("“mine.yaml”") is False
    assert texts


@pytest.mark.parametrize(
    ("answer", "choice"),
    [
        (_escape, ChangedOnDiskChoice.CANCEL),
        (_press("Replace it"), ChangedOnDiskChoice.OVERWRITE),
        (_press("Save as a new file…"), ChangedOnDiskChoice.SAVE_AS),
    ],
    ids=["escape", "replace", "save-as"],
)
def test_changed_on_disk_dialog_escape_cancels(
    qtbot: QtBot, answer: Callable[[QMessageBox], None], choice: ChangedOnDiskChoice
) -> None:
    _answer_next_box(qtbot, answer)
    assert DialogPrompter().ask_changed_on_disk("“mine.yaml” was changed") is choice


@pytest.mark.parametrize(
    ("state", "buttons"),
    [
        (DiskState.CHANGED, ["Save as a new file…", "Replace it", "Cancel"]),
        (DiskState.MISSING, ["Save as a new file…", "Save it there again", "Cancel"]),
        (DiskState.NOT_A_FILE, ["Save as a new file…", "Cancel"]),
    ],
)
def test_changed_on_disk_dialog_offers_what_can_be_done(
    qtbot: QtBot, state: DiskState, buttons: list[str]
) -> None:
    shown: list[list[str]] = []

    def look(box: QMessageBox) -> None:
        shown.append(sorted(b.text() for b in box.buttons()))
        QTest.keyClick(box, Qt.Key.Key_Escape)

    _answer_next_box(qtbot, look)
    assert DialogPrompter().ask_changed_on_disk("“mine.yaml” …", state) is (
        ChangedOnDiskChoice.CANCEL
    )
    assert shown == [sorted(buttons)]


@pytest.mark.parametrize(
    ("answer", "opens"), [(_escape, False), (_press("Open read-only"), True)], ids=["escape", "ok"]
)
def test_read_only_dialog_escape_opens_nothing(
    qtbot: QtBot, answer: Callable[[QMessageBox], None], opens: bool
) -> None:
    _answer_next_box(qtbot, answer)
    assert DialogPrompter().ask_open_read_only("“mine.yaml” is already open") is opens


def _enter(box: QMessageBox) -> None:
    QTest.keyClick(box, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("answer", "opens"),
    [
        (_escape, False),
        (_enter, True),
        (_press("Open the backup"), True),
        (_press("Cancel"), False),
    ],
    ids=["escape", "enter", "backup", "cancel"],
)
def test_damaged_file_dialog_offers_the_backup(
    qtbot: QtBot, answer: Callable[[QMessageBox], None], opens: bool
) -> None:
    texts = _answer_next_box(qtbot, answer)
    assert DialogPrompter().ask_open_backup("“mine.yaml” is damaged") is opens
    assert texts == ["“mine.yaml” is damaged"]


@pytest.mark.parametrize(
    ("answer", "saves"),
    [(_escape, False), (_enter, False), (_press("Save anyway"), True)],
    ids=["escape", "enter-keeps-their-access", "save-anyway"],
)
def test_shared_file_dialog_keeps_their_access_by_default(
    qtbot: QtBot, answer: Callable[[QMessageBox], None], saves: bool
) -> None:
    _answer_next_box(qtbot, answer)
    assert DialogPrompter().ask_replace_shared("“mine.yaml” belongs to sam") is saves
