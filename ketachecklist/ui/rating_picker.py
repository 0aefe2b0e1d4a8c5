"""The 1–5 rating, each step labelled in words, plus "Not asked yet" (which is never a zero)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QButtonGroup, QRadioButton, QWidget

from ketachecklist.present.ratings import RATING_LABELS
from ketachecklist.present.text import tr
from ketachecklist.ui.flow_layout import FlowLayout

_NOT_ASKED_ID = 0


class RatingPicker(QWidget):
    rating_picked = Signal(object)  # int 1–5, or None for "not asked yet"; only for clicks/keys

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = FlowLayout(self)  # wraps at a large font instead of cutting off "5"
        self.buttons: dict[int | None, QRadioButton] = {}
        not_asked = QRadioButton(self.tr("Not as&ked yet"))
        not_asked.setAccessibleName(self.tr("Rating: Not asked yet"))
        self.group.addButton(not_asked, _NOT_ASKED_ID)
        self.buttons[None] = not_asked
        layout.addWidget(not_asked)
        for rating, words in RATING_LABELS.items():
            label = tr(words)  # the scale's words are the presentation layer's, as on paper
            button = QRadioButton(self.tr("&{number} {label}").format(number=rating, label=label))
            button.setAccessibleName(
                self.tr("Rating: {number}, {label}").format(number=rating, label=label)
            )
            self.group.addButton(button, rating)
            self.buttons[rating] = button
            layout.addWidget(button)
        self.group.idClicked.connect(self._clicked)
        self.group.buttonToggled.connect(self._focus_checked)
        self.setFocusProxy(not_asked)

    def rating(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked in (-1, _NOT_ASKED_ID) else checked

    def set_rating(self, rating: int | None) -> None:
        self.buttons[rating].setChecked(True)

    def _clicked(self, button_id: int) -> None:
        self.rating_picked.emit(None if button_id == _NOT_ASKED_ID else button_id)

    def _focus_checked(self, button: QAbstractButton, checked: bool) -> None:
        # Focus lands on the choice that is set, so Space there never clears a rating.
        if checked:
            had_focus = any(b.hasFocus() for b in self.buttons.values())
            self.setFocusProxy(button)
            if had_focus:  # set from elsewhere (an undo) while a choice had the focus
                button.setFocus(Qt.FocusReason.OtherFocusReason)
