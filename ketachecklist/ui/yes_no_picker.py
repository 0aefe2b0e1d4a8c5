"""Yes, No, or "Not recorded". A question that does not apply to the clinic is marked with the
answer editor's "Doesn't apply to this clinic" box, never with a yes or a no."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QButtonGroup, QRadioButton, QWidget

from ketachecklist import QT_TRANSLATE_NOOP
from ketachecklist.ui.flow_layout import FlowLayout

_CHOICES: tuple[tuple[bool | None, str], ...] = (
    (True, QT_TRANSLATE_NOOP("YesNoPicker", "&Yes")),
    (False, QT_TRANSLATE_NOOP("YesNoPicker", "N&o")),
    (None, QT_TRANSLATE_NOOP("YesNoPicker", "Not &recorded")),
)


class YesNoPicker(QWidget):
    value_picked = Signal(object)  # True, False or None

    def __init__(self, accessible_prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        layout = FlowLayout(self)
        self.buttons: dict[bool | None, QRadioButton] = {}
        for button_id, (value, source) in enumerate(_CHOICES):
            label = self.tr(source)
            button = QRadioButton(label)
            words = label.replace("&", "")  # heard without the mnemonic's mark
            button.setAccessibleName(
                self.tr("{prefix}: {choice}").format(prefix=accessible_prefix, choice=words)
            )
            self.group.addButton(button, button_id)
            self.buttons[value] = button
            layout.addWidget(button)
        self.group.idClicked.connect(
            lambda button_id: self.value_picked.emit(_CHOICES[button_id][0])
        )
        self.group.buttonToggled.connect(self._focus_checked)
        self.setFocusProxy(self.buttons[True])

    def set_value(self, value: bool | None) -> None:
        self.buttons[value].setChecked(True)

    def _focus_checked(self, button: QAbstractButton, checked: bool) -> None:
        if checked:  # focus lands on the answer that is set, never on a Space that changes it
            had_focus = any(b.hasFocus() for b in self.buttons.values())
            self.setFocusProxy(button)
            if had_focus:  # set from elsewhere (an undo) while a choice had the focus
                button.setFocus(Qt.FocusReason.OtherFocusReason)

    def value(self) -> bool | None:
        checked = self.group.checkedId()
        return None if checked < 0 else _CHOICES[checked][0]
