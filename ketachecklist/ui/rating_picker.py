"""The 1–5 rating, each step labelled in words, plus "Not asked yet" (which is never a zero)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton, QWidget

from ketachecklist.core.document import NOT_ASKED, RATING_LABELS

_NOT_ASKED_ID = 0


class RatingPicker(QWidget):
    rating_picked = Signal(object)  # int 1–5, or None for "not asked yet"; only for clicks/keys

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[int | None, QRadioButton] = {}
        not_asked = QRadioButton(NOT_ASKED.replace("asked", "as&ked"))
        not_asked.setAccessibleName(f"Rating: {NOT_ASKED}")
        self.group.addButton(not_asked, _NOT_ASKED_ID)
        self.buttons[None] = not_asked
        layout.addWidget(not_asked)
        for rating, label in RATING_LABELS.items():
            button = QRadioButton(f"&{rating} {label}")
            button.setAccessibleName(f"Rating: {rating}, {label}")
            self.group.addButton(button, rating)
            self.buttons[rating] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.group.idClicked.connect(self._clicked)
        self.setFocusProxy(not_asked)

    def rating(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked in (-1, _NOT_ASKED_ID) else checked

    def set_rating(self, rating: int | None) -> None:
        self.buttons[rating].setChecked(True)

    def _clicked(self, button_id: int) -> None:
        self.rating_picked.emit(None if button_id == _NOT_ASKED_ID else button_id)
