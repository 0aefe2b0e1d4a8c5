"""The Qt workarounds in ketachecklist/qt: the None guard and the headless QGuiApplication."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ketachecklist.qt.gui_application import ensure_gui_application
from ketachecklist.qt.none_refcount import guard_none_refcount, none_refcount_leaks


def test_ensure_gui_application_returns_the_running_one(qapp: QApplication) -> None:
    assert ensure_gui_application() is qapp


def test_the_guard_agrees_with_the_leak_check_and_is_idempotent() -> None:
    needed = guard_none_refcount()
    assert guard_none_refcount() is needed
    if not needed:
        assert not none_refcount_leaks()
