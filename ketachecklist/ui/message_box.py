"""The app's message boxes, built one way: plain text (a file or clinic called ``<b>x</b>`` shows
as typed; the static QMessageBox helpers guess the format), the buttons asked for, and the answer
as a value instead of a button to compare."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ketachecklist.ui.screen_fit import ScreenFitMessageBox

Answer = TypeVar("Answer")


@dataclass(frozen=True)
class Choice(Generic[Answer]):
    """One button: Qt's own (Cancel, Save …, translated by Qt) or a text of ours."""

    answer: Answer
    button: str | QMessageBox.StandardButton
    role: QMessageBox.ButtonRole = QMessageBox.ButtonRole.AcceptRole


def plain_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = ScreenFitMessageBox(parent)  # on the screen at a large font (ui/screen_fit.py)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)  # plain text: never setInformativeText, which guesses the format
    return box


def tell(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """A message with one OK button."""
    box = plain_box(parent, icon, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def ask(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    choices: Sequence[Choice[Answer]],
    *,
    default: Answer,
    escape: Answer,
) -> Answer:
    """The answer of the button chosen; ``escape``'s when the box is closed without one."""
    box = plain_box(parent, icon, title, text)
    # Each button says its own answer when clicked (Escape clicks the escape button). Asking
    # the box which button was clicked and comparing wrappers is not safe: PySide can hand
    # back a stale wrapper of a deleted button that stood at the same address.
    chosen: list[Answer] = [escape]
    for choice in choices:
        if isinstance(choice.button, QMessageBox.StandardButton):
            button = box.addButton(choice.button)
        else:
            button = box.addButton(choice.button, choice.role)
        button.clicked.connect(partial(_choose, chosen, choice.answer))
        if choice.answer == default:
            box.setDefaultButton(button)
        if choice.answer == escape:
            box.setEscapeButton(button)
    box.exec()
    return chosen[0]


def _choose(chosen: list[Answer], answer: Answer, _checked: bool = False) -> None:
    chosen[0] = answer
