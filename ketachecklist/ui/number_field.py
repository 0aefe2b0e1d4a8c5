"""A box for an amount of money or a count, forgiving about how it is typed.

"$1,200", "1200.50" and " 6 " are all fine in English, "1.200" and "1200,50 €" in German (see
``number_parsing``). Anything else keeps the typed text in the box and says under it what is
wrong; the recorded value stays as it was until the text makes sense.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from ketachecklist.ui.accessible_text import hint_only_when_empty
from ketachecklist.ui.field_message import FieldMessage
from ketachecklist.ui.number_parsing import (
    Number,
    NumberInputError,
    number_as_text,
    parse_number,
)
from ketachecklist.ui.undo_routing import route_undo_to_window


class NumberField(QWidget):
    value_edited = Signal(object)  # int | float | None, only for valid text the patient typed

    def __init__(
        self,
        accessible_name: str,
        *,
        whole: bool,
        maximum: float,
        money: bool = False,
        unit: str = "",
        locale: QLocale | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._locale = QLocale() if locale is None else locale
        self._whole = whole
        self._maximum = maximum
        self._money = money
        self.line_edit = QLineEdit()
        self.line_edit.setAccessibleName(accessible_name)
        self.line_edit.setPlaceholderText(self.tr("not recorded"))
        hint_only_when_empty(self.line_edit)  # a filled box is never described "not recorded"
        self.line_edit.setMaxLength(40)
        width = self.line_edit.fontMetrics().horizontalAdvance("0" * 14)
        self.line_edit.setMaximumWidth(width)
        route_undo_to_window(self.line_edit)
        # Made as children at once: showing a label that has no parent yet opens it as a
        # window of its own, which takes the focus from the app's window.
        self.prefix = QLabel("$" if money else "", self)
        self.prefix.setVisible(money)
        self.unit = QLabel(self)
        self.unit.setTextFormat(Qt.TextFormat.PlainText)
        self.set_unit(unit)
        self.message = FieldMessage()
        self.message.describe(self.line_edit)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.prefix, 0, 0)
        layout.addWidget(self.line_edit, 0, 1)
        layout.addWidget(self.unit, 0, 2)
        layout.setColumnStretch(3, 1)
        layout.addWidget(self.message, 1, 0, 1, 4)
        self.setFocusProxy(self.line_edit)
        self.line_edit.textEdited.connect(self._edited)

    def set_unit(self, unit: str) -> None:
        self.unit.setText(unit)
        self.unit.setVisible(bool(unit))

    def set_value(self, value: Number | None) -> None:
        """Show a recorded value (clears any problem message). Keeps the text if it means it."""
        self.message.clear_problem()
        try:
            shown = self._parse(self.line_edit.text())
        except NumberInputError:
            shown = None
        else:
            if shown == value:
                return
        self.line_edit.setText(number_as_text(value, money=self._money, locale=self._locale))

    def value(self) -> Number | None:
        return self._parse(self.line_edit.text())

    def draft(self) -> str | None:
        """The typed text when it is not a valid number (to keep it), else None."""
        return self.line_edit.text() if self.message.has_problem else None

    def restore_draft(self, text: str) -> None:
        self.line_edit.setText(text)
        self._check(text)

    def _parse(self, text: str) -> Number | None:
        return parse_number(
            text, whole=self._whole, maximum=self._maximum, money=self._money, locale=self._locale
        )

    def _check(self, text: str) -> tuple[bool, Number | None]:
        try:
            value = self._parse(text)
        except NumberInputError as problem:
            self.message.show_problem(
                self.tr("{problem} Until then the last recorded value is kept.").format(
                    problem=problem
                )
            )
            return False, None
        self.message.clear_problem()
        return True, value

    def _edited(self, text: str) -> None:
        valid, value = self._check(text)
        if valid:
            self.value_edited.emit(value)
