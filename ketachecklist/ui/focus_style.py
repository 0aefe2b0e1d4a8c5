"""Keyboard focus that can be seen on every control: a 2-pixel frame, in a colour with at least
3:1 contrast against the page, around lists, tables, text boxes and multi-line notes (Fusion
marks those only by a faint frame tint). Set on the application, so it follows the palette."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from ketachecklist.ui.contrast import focus_colour

_FOCUS_RULE = (
    "QAbstractItemView:focus, QPlainTextEdit:focus, QTextEdit:focus, QLineEdit:focus, "
    "QAbstractSpinBox:focus, QComboBox:focus {{ border: 2px solid {colour}; }}"
)


def focus_style_sheet(app: QApplication) -> str:
    return _FOCUS_RULE.format(colour=focus_colour(app.palette()).name())


class _PaletteWatcher(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange and isinstance(
            watched, QApplication
        ):
            sheet = focus_style_sheet(watched)
            if watched.styleSheet() != sheet:
                watched.setStyleSheet(sheet)
        return False


def apply_focus_style(app: QApplication) -> None:
    """Set the focus frame now and again whenever the palette changes (a dark theme)."""
    app.setStyleSheet(focus_style_sheet(app))
    if app.findChild(_PaletteWatcher) is None:
        app.installEventFilter(_PaletteWatcher(app))
