"""The main window's remembered layout: its size and place, its docks and toolbars, and where
each divider (splitter) was left. Restored when the window is made, saved when it closes."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter

from ketachecklist.ui.settings import AppSettings

FIRST_SIZE = 0.85  # of the screen, the first time (nothing remembered yet)


def restore_layout(
    window: QMainWindow, settings: AppSettings, splitters: dict[str, QSplitter]
) -> None:
    geometry = settings.window_geometry()
    if geometry is None or not window.restoreGeometry(geometry):
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            window.resize(int(available.width() * FIRST_SIZE), int(available.height() * FIRST_SIZE))
    state = settings.window_state()
    if state is not None:
        window.restoreState(state)
    for name, splitter in splitters.items():
        restore_splitter(settings, name, splitter)


def restore_splitter(settings: AppSettings, name: str, splitter: QSplitter) -> None:
    """Put a divider back where it was left (a page built later restores its own this way)."""
    saved = settings.layout_state(name)
    if saved is not None:
        splitter.restoreState(saved)


def save_layout(
    window: QMainWindow, settings: AppSettings, splitters: dict[str, QSplitter]
) -> None:
    settings.set_window_geometry(window.saveGeometry())
    settings.set_window_state(window.saveState())
    for name, splitter in splitters.items():
        settings.set_layout_state(name, splitter.saveState())
    settings.sync()
