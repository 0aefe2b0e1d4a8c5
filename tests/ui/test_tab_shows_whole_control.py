"""Tab into a control further down a scrolling page brings all of it into view (or, when it is
taller than the page's view, its top), never just its first line."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.page_scroll import PageScroll


def _rect_in_viewport(scroll: PageScroll, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(scroll.viewport(), QPoint(0, 0)), widget.size())


def test_tab_to_why_shows_the_whole_box(qtbot: QtBot, example_window: MainWindow) -> None:
    window = example_window
    window.resize(1360, 860)
    window.focus_page(window.decision_tab)
    reason = window.decision.reason.editor
    scroll = window.decision_tab.findChild(PageScroll)
    assert scroll is not None
    qtbot.waitUntil(lambda: scroll.viewport().height() > 400)  # laid out in the window
    for _ in range(12):
        focused = QApplication.focusWidget()
        assert focused is not None
        if focused is reason:
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is reason
    shown = _rect_in_viewport(scroll, reason)
    view = scroll.viewport().rect()
    if reason.height() <= view.height():
        assert view.contains(shown), (shown, view)
    else:
        assert 0 <= shown.top() < view.height() // 4, (shown, view)
