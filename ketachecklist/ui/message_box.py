"""The app's message boxes, built one way: plain text (a file or clinic called ``<b>x</b>`` shows
as typed; the static QMessageBox helpers guess the format), the buttons asked for, and the answer
as a value instead of a button to compare."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

Answer = TypeVar("Answer")


@dataclass(frozen=True)
class Choice(Generic[Answer]):
    """One button: Qt's own (Cancel, Save …, translated by Qt) or a text of ours."""

    answer: Answer
    button: str | QMessageBox.StandardButton
    role: QMessageBox.ButtonRole = QMessageBox.ButtonRole.AcceptRole


def plain_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(parent)
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
    buttons: list[tuple[QPushButton, Answer]] = []
    for choice in choices:
        if isinstance(choice.button, QMessageBox.StandardButton):
            button = box.addButton(choice.button)
        else:
            button = box.addButton(choice.button, choice.role)
        buttons.append((button, choice.answer))
        if choice.answer == default:
            box.setDefaultButton(button)
        if choice.answer == escape:
            box.setEscapeButton(button)
    box.exec()
    clicked = box.clickedButton()
    return next((answer for button, answer in buttons if button is clicked), escape)
