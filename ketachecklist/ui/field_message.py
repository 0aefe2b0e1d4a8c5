"""A calm line under a field that names what is wrong with what was typed, in plain words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class FieldMessage(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setVisible(False)
        self._field: QWidget | None = None
        self._problem = ""
        self._context = ""  # what the field is about, heard after any problem

    def describe(self, field: QWidget) -> None:
        """The field the message is about: it gets the message as accessible description."""
        self._field = field

    def set_context(self, text: str) -> None:
        """What a screen reader hears about the field when there is no problem (the question
        a note answers); a problem is heard first, then this."""
        self._context = text
        self._describe_field()

    def show_problem(self, text: str) -> None:
        # The mark is the red flag's; scoring loads with the first problem, not at the start.
        from ketachecklist.core.scoring import RED_FLAG_MARK  # noqa: PLC0415

        self.setText(f"{RED_FLAG_MARK} {text}")
        self.setVisible(True)
        self._problem = text
        self._describe_field()

    def clear_problem(self) -> None:
        if not self.isHidden() or self.text():
            self.setText("")
            self.setVisible(False)
            self._problem = ""
            self._describe_field()

    def _describe_field(self) -> None:
        if self._field is not None:
            heard = " ".join(part for part in (self._problem, self._context) if part)
            if self._field.accessibleDescription() != heard:
                self._field.setAccessibleDescription(heard)

    @property
    def has_problem(self) -> bool:
        return bool(self.text())
