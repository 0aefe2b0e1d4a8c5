"""Where the keyboard focus is, for the keyboard and focus tests."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget


def focused_widget() -> QWidget:
    """The widget with the keyboard focus (there must be one)."""
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget
