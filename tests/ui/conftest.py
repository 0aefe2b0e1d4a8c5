"""Fixtures for driving the real window headless: private settings, a scripted prompter."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ketachecklist.core.catalogue import Catalogue, load_bundled_catalogue
from ketachecklist.core.fingerprint import DiskState
from ketachecklist.ui.app import build_main_window, configure_application
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.prompter import ChangedOnDiskChoice, RestoreChoice, SaveChoice
from ketachecklist.ui.settings import AppSettings
from tests.conftest import EXAMPLES

HOSTILE_NAME = "<b>Bold</b> & =SUM(A1)"
UI_TESTS = Path(__file__).resolve().parent
# The headless "offscreen" platform says this whenever a window's size limits change; it is a
# note about the test platform, not about the app. Every other Qt warning still fails a test.
OFFSCREEN_NOTE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if UI_TESTS in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOTE))


@dataclass
class ScriptedPrompter:
    """Answers the controller's questions from lists, and records what it was asked."""

    open_paths: list[Path | None] = field(default_factory=list)
    save_paths: list[Path | None] = field(default_factory=list)
    save_choices: list[SaveChoice] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    asked_to_save: list[str] = field(default_factory=list)
    default_choice: SaveChoice = SaveChoice.DISCARD
    infos: list[tuple[str, str]] = field(default_factory=list)
    read_only_offers: list[str] = field(default_factory=list)
    open_read_only: bool = False
    changed_on_disk: list[str] = field(default_factory=list)
    changed_on_disk_states: list[DiskState] = field(default_factory=list)
    changed_on_disk_choice: ChangedOnDiskChoice = ChangedOnDiskChoice.CANCEL
    restore_offers: list[tuple[str, str]] = field(default_factory=list)
    restore_choices: list[RestoreChoice] = field(default_factory=list)
    default_restore_choice: RestoreChoice = RestoreChoice.LATER
    delete_confirmations: list[str] = field(default_factory=list)
    confirm_delete: list[bool] = field(default_factory=list)  # each answer; then True
    backup_offers: list[str] = field(default_factory=list)
    open_backup: bool = False
    shared_offers: list[str] = field(default_factory=list)
    replace_shared: bool = False

    def choose_file_to_open(self, folder: Path) -> Path | None:
        return self.open_paths.pop(0) if self.open_paths else None

    def choose_file_to_save(self, suggestion: Path) -> Path | None:
        return self.save_paths.pop(0) if self.save_paths else None

    def ask_save_changes(self, document_name: str) -> SaveChoice:
        self.asked_to_save.append(document_name)
        return self.save_choices.pop(0) if self.save_choices else self.default_choice

    def show_error(self, title: str, message: str) -> None:
        self.errors.append((title, message))

    def show_info(self, title: str, message: str) -> None:
        self.infos.append((title, message))

    def ask_open_read_only(self, message: str) -> bool:
        self.read_only_offers.append(message)
        return self.open_read_only

    def ask_changed_on_disk(
        self, message: str, state: DiskState = DiskState.CHANGED
    ) -> ChangedOnDiskChoice:
        self.changed_on_disk.append(message)
        self.changed_on_disk_states.append(state)
        return self.changed_on_disk_choice

    def confirm_delete_work(self, description: str) -> bool:
        self.delete_confirmations.append(description)
        return self.confirm_delete.pop(0) if self.confirm_delete else True

    def ask_open_backup(self, message: str) -> bool:
        self.backup_offers.append(message)
        return self.open_backup

    def ask_replace_shared(self, message: str) -> bool:
        self.shared_offers.append(message)
        return self.replace_shared

    def ask_restore(self, description: str, saved_at: str) -> RestoreChoice:
        self.restore_offers.append((description, saved_at))
        return self.restore_choices.pop(0) if self.restore_choices else self.default_restore_choice


@pytest.fixture(autouse=True, scope="session")
def _configured_application(qapp: QApplication) -> None:
    # No QStandardPaths test mode: it sends every lookup to ~/.qttest in the real home, while the
    # session-wide XDG folders (tests/conftest.py) already keep settings and data in a temporary
    # one.
    configure_application(qapp)


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_bundled_catalogue()


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "ketachecklist.ini"


@pytest.fixture
def settings(settings_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(settings_path), QSettings.Format.IniFormat))


@pytest.fixture
def prompter() -> ScriptedPrompter:
    return ScriptedPrompter()


@pytest.fixture
def window(qtbot: QtBot, settings: AppSettings, prompter: ScriptedPrompter) -> MainWindow:
    main = build_main_window(settings, prompter=prompter)
    qtbot.add_widget(main)
    main.resize(1300, 850)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def example_file(tmp_path: Path) -> Path:
    target = tmp_path / "three-clinics.yaml"
    shutil.copyfile(EXAMPLES / "three-clinics.yaml", target)
    return target


@pytest.fixture
def example_window(window: MainWindow, example_file: Path) -> MainWindow:
    assert window.controller.open_path(example_file, confirm=False)
    return window


@pytest.fixture
def active_answers(qtbot: QtBot, example_window: MainWindow) -> MainWindow:
    """The example in an active window (keys go to it) with the Answers tab in front."""
    example_window.activateWindow()
    qtbot.waitUntil(example_window.isActiveWindow)
    example_window.show_page(example_window.answers)
    return example_window
