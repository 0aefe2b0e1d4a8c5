"""Ctrl+Z in a text box undoes the app's last edit, not a private per-box history.

Text boxes normally claim Undo/Redo for their own history. Every keystroke here is already a
(merging) command on the document's undo stack, so we stop text boxes from claiming the
shortcut: the Edit menu's Undo then runs, and the box shows the restored text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

_HISTORY_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


class UndoShortcutRouter(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and any(event.matches(key) for key in _HISTORY_KEYS)
        ):
            return True  # filtered and not accepted: the window's shortcut fires instead
        return super().eventFilter(watched, event)


_ROUTER: UndoShortcutRouter | None = None


def route_undo_to_window(*widgets: QWidget) -> None:
    """Let Ctrl+Z / Ctrl+Shift+Z in these text boxes reach the Edit menu."""
    global _ROUTER  # noqa: PLW0603 - one stateless filter serves every text box
    if _ROUTER is None:
        _ROUTER = UndoShortcutRouter()
    for widget in widgets:
        widget.installEventFilter(_ROUTER)
