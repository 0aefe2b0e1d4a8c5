"""Help menu: F1 opens the local help page, the crisis item shows the crisis help as plain text,
About stays plain text; mnemonics are unique."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from ketachecklist import CRISIS_HELP, DISCLAIMER
from ketachecklist.ui.help_window import HELP_TITLE, HelpWindow
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.resources import HELP_PATH, help_page_html


def _help_menu(window: MainWindow) -> QMenu:
    menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "&Help")
    assert isinstance(menu, QMenu)
    return menu


def test_f1_opens_the_help_page(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.help_action.shortcut().toString() == "F1"
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.help_window is not None and window.help_window.isVisible())
    help_window = window.help_window
    assert isinstance(help_window, HelpWindow)
    assert not help_window.isModal()
    assert help_window.windowTitle() == HELP_TITLE
    text = help_window.browser.toPlainText()
    for _page, title in window.pages:  # every tab is explained
        assert title in text, title
    assert CRISIS_HELP in text
    assert DISCLAIMER in text
    for topic in ("How the scores work", "Printing for your family", "Where your files are kept"):
        assert topic in text
    assert "never count as zero" in text

    # Pressing F1 again (or the menu item) brings back the same window.
    window.help_action.trigger()
    assert window.help_window is help_window


def test_help_page_is_local_and_opens_nothing(qtbot: QtBot, window: MainWindow) -> None:
    source = HELP_PATH.read_text(encoding="utf-8")
    assert not re.search(r"(?i)(https?|ftp|file|mailto):", source)
    assert "<script" not in source.lower()
    assert "<img" not in source.lower()
    hrefs = re.findall(r'href="([^"]*)"', source)
    anchors = set(re.findall(r'name="([^"]*)"', source))
    assert hrefs
    assert all(href.startswith("#") and href[1:] in anchors for href in hrefs)
    assert "{{" not in help_page_html()

    window.show_help()
    assert window.help_window is not None
    browser = window.help_window.browser
    assert not browser.openExternalLinks()
    assert not browser.openLinks()
    before = browser.source()
    browser.anchorClicked.emit(QUrl("https://example.com/"))  # a link that leaves: ignored
    assert browser.source() == before
    browser.verticalScrollBar().setValue(0)
    browser.anchorClicked.emit(QUrl("#files"))
    qtbot.waitUntil(lambda: browser.verticalScrollBar().value() > 0)


def test_crisis_item_shows_the_crisis_help_as_plain_text(window: MainWindow) -> None:
    assert window.crisis_action.text() == "If you need help &now…"
    window.crisis_action.trigger()
    box = window.help_box
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert box.text() == CRISIS_HELP
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()


def test_about_box_is_plain_text_and_does_not_block(window: MainWindow) -> None:
    about = next(a for a in _help_menu(window).actions() if a.text() == "&About ketachecklist")
    about.trigger()  # returns at once: the box is not run in a nested event loop
    box = window.help_box
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert DISCLAIMER in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText
    window.crisis_action.trigger()  # one box at a time
    assert window.help_box is not box
    assert not box.isVisible()
    window.help_box.close()  # type: ignore[union-attr]


def test_help_menu_items_and_unique_mnemonics(window: MainWindow) -> None:
    texts = [a.text() for a in _help_menu(window).actions() if not a.isSeparator()]
    assert texts == [
        "&How to use ketachecklist",
        "What is this app &for?",
        "If you need help &now…",
        "&About ketachecklist",
    ]
    mnemonics = [re.search(r"&(\w)", text).group(1).lower() for text in texts]  # type: ignore[union-attr]
    assert len(set(mnemonics)) == len(mnemonics)
