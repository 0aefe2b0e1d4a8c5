"""The first-start offer to add the app to the applications menu: shown after the welcome note
while the app is not in the menu, does the install on Add, and never comes back once answered."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ketachecklist import desktop_integration as integration
from ketachecklist.ui.app import build_main_window
from ketachecklist.ui.desktop_offer import OFFER_TEXT
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.settings import AppSettings
from tests.ui.conftest import ScriptedPrompter


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def _window(qtbot: QtBot, settings_path: Path, prompter: ScriptedPrompter) -> MainWindow:
    settings = AppSettings(QSettings(str(settings_path), QSettings.Format.IniFormat))
    window = build_main_window(settings, prompter=prompter)
    qtbot.add_widget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_offer_waits_for_the_welcome_note_then_adds_the_menu_entry(
    qtbot: QtBot, data_home: Path, settings_path: Path, prompter: ScriptedPrompter
) -> None:
    window = _window(qtbot, settings_path, prompter)
    assert window.welcome.isVisible()
    assert not window.desktop_offer.isVisible()  # one note at a time

    qtbot.mouseClick(window.welcome.button, Qt.MouseButton.LeftButton)
    assert window.desktop_offer.isVisible()
    assert window.desktop_offer.text.textFormat() == Qt.TextFormat.PlainText
    assert window.desktop_offer.text.wordWrap()
    assert not window.desktop_offer.isWindow()  # inside the window, not a dialog
    for widget, name in (
        (window.desktop_offer.add_button, "Add ketachecklist to the applications menu"),
        (window.desktop_offer.decline_button, "No thanks: don't add it and don't ask again"),
    ):
        interface = QAccessible.queryAccessibleInterface(widget)
        assert interface.text(QAccessible.Text.Name) == name
    label = QAccessible.queryAccessibleInterface(window.desktop_offer.text)
    assert label.text(QAccessible.Text.Name) == OFFER_TEXT

    with qtbot.waitSignal(window.desktop_offer.message) as message:
        qtbot.mouseClick(window.desktop_offer.add_button, Qt.MouseButton.LeftButton)
    assert message.args is not None
    assert message.args[0].startswith("ketachecklist is now in your applications menu.")
    assert not window.desktop_offer.isVisible()
    assert integration.status(data_home).installed
    entry = (data_home / integration.DESKTOP_ENTRY.relative_path).read_text(encoding="utf-8")
    assert f"Exec={integration.exec_value(integration.launcher_command())}" in entry
    assert window.settings.desktop_offer_answer() == "accepted"

    # Removed later by hand: still not offered again, the patient already answered.
    integration.uninstall(data_home)
    window.close()
    again = _window(qtbot, settings_path, prompter)
    assert not again.welcome.isVisible()
    assert not again.desktop_offer.isVisible()


def test_declined_offer_never_comes_back(
    qtbot: QtBot, data_home: Path, settings_path: Path, prompter: ScriptedPrompter
) -> None:
    window = _window(qtbot, settings_path, prompter)
    qtbot.mouseClick(window.welcome.button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.desktop_offer.decline_button, Qt.MouseButton.LeftButton)
    assert not window.desktop_offer.isVisible()
    assert not data_home.exists()  # nothing written
    window.show_welcome()
    qtbot.mouseClick(window.welcome.button, Qt.MouseButton.LeftButton)
    assert not window.desktop_offer.isVisible()
    window.close()

    later = _window(qtbot, settings_path, prompter)
    assert not later.desktop_offer.isVisible()
    assert later.settings.desktop_offer_answer() == "declined"


def test_offer_not_shown_when_already_installed_or_without_freedesktop_menus(
    qtbot: QtBot,
    data_home: Path,
    settings_path: Path,
    prompter: ScriptedPrompter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    AppSettings(QSettings(str(settings_path), QSettings.Format.IniFormat)).set_welcome_seen(True)
    window = _window(qtbot, settings_path, prompter)
    assert window.desktop_offer.isVisible()  # control: welcome seen, not installed
    window.close()

    integration.install(data_home, ["ketachecklist"])
    installed = _window(qtbot, settings_path, prompter)
    assert not installed.desktop_offer.isVisible()
    installed.close()

    integration.uninstall(data_home)
    monkeypatch.setattr(sys, "platform", "darwin")
    elsewhere = _window(qtbot, settings_path, prompter)
    assert not elsewhere.desktop_offer.isVisible()


def test_a_failed_install_says_so_and_keeps_the_offer(
    qtbot: QtBot,
    tmp_path: Path,
    settings_path: Path,
    prompter: ScriptedPrompter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker / "share"))
    AppSettings(QSettings(str(settings_path), QSettings.Format.IniFormat)).set_welcome_seen(True)
    window = _window(qtbot, settings_path, prompter)
    qtbot.mouseClick(window.desktop_offer.add_button, Qt.MouseButton.LeftButton)
    assert window.desktop_offer.isVisible()
    label: QLabel = window.desktop_offer.text
    assert label.text().startswith("The menu entry could not be added (")
    assert window.settings.desktop_offer_answer() is None
