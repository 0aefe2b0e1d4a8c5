"""A box for longer notes: what a clinic said, the reason for a decision.

Tab moves on to the next control (so the form works by keyboard alone), Ctrl+Z reaches the
app's undo, and text longer than a comparison file can hold is kept in the box with a message
instead of being cut or lost.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from ketachecklist.core.limits import MAX_TEXT
from ketachecklist.ui.field_message import FieldMessage
from ketachecklist.ui.undo_routing import route_undo_to_window


class NotesEdit(QWidget):
    edited = Signal(str)  # only for the patient's own typing, never for set_text

    def __init__(self, accessible_name: str, lines: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(accessible_name)
        self.editor.setTabChangesFocus(True)
        self.editor.setUndoRedoEnabled(False)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        line = self.editor.fontMetrics().lineSpacing()
        self.editor.setMinimumHeight(line * 2 + 12)
        self.editor.setMaximumHeight(line * lines + 16)
        route_undo_to_window(self.editor)
        self.message = FieldMessage()
        self.message.describe(self.editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        layout.addWidget(self.message)
        self.setFocusProxy(self.editor)
        self._updating = False
        self.editor.textChanged.connect(self._changed)

    def set_context(self, text: str) -> None:
        """What a screen reader hears about the box besides its name (the question it answers)."""
        self.message.set_context(text)

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        self.message.clear_problem()
        if text == self.editor.toPlainText():
            return
        self._updating = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._updating = False
        # Alt+letter or Tab into a note goes on from its end, where more is added, not its start.
        self.editor.moveCursor(QTextCursor.MoveOperation.End)

    def _changed(self) -> None:
        if self._updating:
            return
        text = self.editor.toPlainText()
        if len(text) > MAX_TEXT:
            self.message.show_problem(
                self.tr(
                    "This is {length} characters; a note can hold up to {most}. Shorten it to "
                    "keep it: until then the shorter version is what is recorded."
                ).format(length=QLocale().toString(len(text)), most=QLocale().toString(MAX_TEXT))
            )
            return
        self.message.clear_problem()
        self.edited.emit(text)
