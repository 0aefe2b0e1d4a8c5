"""Crisis help in the app: on the first-start note and the "Before your consultation" page, as
plain text that a screen reader reads (no link, no network)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from ketachecklist import CRISIS_HELP
from ketachecklist.ui.main_window import MainWindow


def test_the_first_start_note_shows_crisis_help(window: MainWindow) -> None:
    banner = window.welcome
    assert banner.isVisible(), "a fresh profile sees the first-start note"
    assert banner.crisis.isVisible()
    assert banner.crisis.text() == CRISIS_HELP
    assert "988" in banner.crisis.text()
    assert "911" in banner.crisis.text()
    assert banner.crisis.textFormat() is Qt.TextFormat.PlainText
    assert not banner.crisis.openExternalLinks()
    interface = QAccessible.queryAccessibleInterface(banner.crisis)
    assert interface.text(QAccessible.Text.Name) == CRISIS_HELP, "read out in full"


def test_before_your_consultation_starts_with_crisis_help(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page(window.information_tab)
    page = window.information
    qtbot.waitUntil(page.isVisible)
    text = page.browser.toPlainText()
    assert CRISIS_HELP in text
    first_section = page.sections()[0].title
    assert text.index(CRISIS_HELP) < text.index(first_section), "before the lists"
    assert page.browser.document().toHtml().count("<a ") == 0, "text only: nothing to click"
