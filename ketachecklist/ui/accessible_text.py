"""What a screen reader hears: a label's name says what it is ("Why it matters"), its
description carries what it says; a box's hint ("not recorded") is only spoken while empty.

Qt's accessible interface of a line edit describes it by its placeholder text whenever it has
no description of its own, even when a value is filled in; the hint is dropped while there is
text, and put back when the box is emptied.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget


def show_text(label: QLabel, text: str) -> None:
    """Show ``text`` in a label whose accessible name is its heading, and make it heard."""
    label.setText(text)
    label.setAccessibleDescription(text)


def announce(widget: QWidget, text: str) -> None:
    """A message such as "Saved" read out by a screen reader without moving the focus."""
    widget.setAccessibleDescription(text)
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.DescriptionChanged))
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))


def hint_only_when_empty(edit: QLineEdit | QPlainTextEdit) -> None:
    hint = edit.placeholderText()

    def update() -> None:
        filled = bool(edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText())
        wanted = "" if filled else hint
        if edit.placeholderText() != wanted:
            edit.setPlaceholderText(wanted)

    edit.textChanged.connect(update)
    update()
