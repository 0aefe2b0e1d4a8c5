"""Pages not on screen at the start are built when first shown, and behave as if built early."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ketachecklist.ui.app import build_main_window
from ketachecklist.ui.deferred_page import DeferredPage
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.settings import AppSettings
from tests.ui.conftest import ScriptedPrompter


class _WindowWatch(QObject):
    """Records every widget other than ``main`` that is shown as a window of its own."""

    def __init__(self, main: QWidget) -> None:
        super().__init__()
        self.main = main
        self.stray: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched is not self.main
        ):
            self.stray.append(f"{type(watched).__name__} {watched.accessibleName()!r}")
        return False


def _shown_window(qtbot: QtBot, settings: AppSettings, prompter: ScriptedPrompter) -> MainWindow:
    """A new window on ``settings``, shown (several may share the settings, as restarts do)."""
    window = build_main_window(settings, prompter=prompter)
    qtbot.addWidget(window)
    window.show()
    return window


def _deferred(window: MainWindow) -> list[DeferredPage[QWidget]]:
    return [page for page, _ in window.pages if isinstance(page, DeferredPage)]


def test_only_the_first_page_is_built_at_the_start(window: MainWindow) -> None:
    assert window.current_page() is window.details
    tabs = _deferred(window)
    assert len(tabs) == 5
    assert not any(tab.is_built for tab in tabs)


def test_each_page_is_built_when_its_tab_is_first_shown(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    window = example_window
    for number, action in enumerate(window.page_actions[1:], start=1):
        tab = window.pages[number][0]
        assert isinstance(tab, DeferredPage)
        action.trigger()
        assert tab.is_built
        assert window.current_page() is tab.page()
        assert tab.page().isVisible()
    # Built late, the comparison still shows the open file's clinics.
    assert window.comparison.model.columnCount() == 1 + len(window.document.comparison.clinics)


def test_building_pages_while_the_app_runs_opens_no_window_and_keeps_the_focus(
    qtbot: QtBot, settings: AppSettings, prompter: ScriptedPrompter
) -> None:
    window = _shown_window(qtbot, settings, prompter)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    watch = _WindowWatch(window)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(watch)
    try:
        for action in window.page_actions:
            action.trigger()
            QApplication.processEvents()
            assert window.isActiveWindow(), action.text()
            focused = QApplication.focusWidget()
            assert focused is not None, action.text()
            assert focused.window() is window, action.text()
    finally:
        app.removeEventFilter(watch)
    assert watch.stray == []


def test_the_answers_layout_is_kept_when_the_page_was_never_opened(
    qtbot: QtBot, settings: AppSettings, prompter: ScriptedPrompter
) -> None:
    first = _shown_window(qtbot, settings, prompter)
    first.answers.splitter.setSizes([10_000, 1])
    sizes = first.answers.splitter.sizes()
    first.save_layout()

    untouched = _shown_window(qtbot, settings, prompter)  # Answers never opened
    untouched.save_layout()

    again = _shown_window(qtbot, settings, prompter)
    assert again.answers.splitter.sizes() == sizes
