"""``ask_or_cancel``, the one way the app asks "this, that, or Cancel": the first way on is the
default (Enter), Escape and Cancel cancel. Answered for real through each box built on it: the
file changed on the disk and the sheet to print (save-changes: tests/ui/test_message_box.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ketachecklist.ui.dialog_prompter import DialogPrompter
from ketachecklist.ui.export_actions import SheetChoice
from ketachecklist.ui.message_box import Choice, ask_or_cancel
from ketachecklist.ui.print_dialogs import PrintDialogs
from ketachecklist.ui.prompter import ChangedOnDiskChoice
from tests.ui.test_recovery_startup import _answer_next_box, _enter, _escape, _press

Answer = Callable[[QMessageBox], None]


@pytest.mark.parametrize(
    ("answer", "choice"),
    [
        (_enter, ChangedOnDiskChoice.SAVE_AS),  # the choice that loses nothing
        (_escape, ChangedOnDiskChoice.CANCEL),
        (_press("Replace it"), ChangedOnDiskChoice.OVERWRITE),
        (_press("Save as a new file…"), ChangedOnDiskChoice.SAVE_AS),
        (_press("Cancel"), ChangedOnDiskChoice.CANCEL),
    ],
    ids=["enter", "escape", "replace", "save-as", "cancel"],
)
def test_changed_on_disk_saves_as_by_default_and_escape_cancels(
    qtbot: QtBot, answer: Answer, choice: ChangedOnDiskChoice
) -> None:
    texts = _answer_next_box(qtbot, answer)
    assert DialogPrompter().ask_changed_on_disk("“<b>x</b>.yaml” changed.") is choice
    assert texts == ["“<b>x</b>.yaml” changed."]


@pytest.mark.parametrize(
    ("answer", "choice"),
    [
        (_enter, SheetChoice.CURRENT),
        (_escape, SheetChoice.CANCEL),
        (_press("Blank sheet"), SheetChoice.BLANK),
        (_press("Cancel"), SheetChoice.CANCEL),
    ],
    ids=["enter", "escape", "blank", "cancel"],
)
def test_the_sheet_question_prints_this_clinics_by_default(
    qtbot: QtBot, answer: Answer, choice: SheetChoice
) -> None:
    parent = QWidget()
    qtbot.add_widget(parent)
    _answer_next_box(qtbot, answer)
    assert PrintDialogs(parent).choose_sheet("Harbor Light") is choice


def test_closing_the_box_without_a_button_cancels(qtbot: QtBot) -> None:
    _answer_next_box(qtbot, lambda box: box.reject())
    answer = ask_or_cancel(
        None,
        QMessageBox.Icon.Question,
        "Title",
        "Which?",
        Choice("this", "This"),
        Choice("that", "That", QMessageBox.ButtonRole.ActionRole),
        "cancelled",
    )
    assert answer == "cancelled"
