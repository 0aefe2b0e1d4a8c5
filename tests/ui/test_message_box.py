"""The message boxes built by ``ui/message_box.py`` that no other test answers: save your
changes (Qt's own Save, Discard, Cancel) and removing something the patient made (Keep it is
the default and Escape). Each answered for real, by key or by button, its text shown as typed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ketachecklist.ui.dialog_prompter import DialogPrompter
from ketachecklist.ui.prompter import SaveChoice
from ketachecklist.ui.removal_question import confirm_removal
from tests.ui.test_recovery_startup import _answer_next_box, _enter, _escape, _press


def _standard(button: QMessageBox.StandardButton) -> Callable[[QMessageBox], None]:
    def press(box: QMessageBox) -> None:
        found = box.button(button)
        assert found is not None
        found.click()

    return press


@pytest.mark.parametrize(
    ("answer", "choice"),
    [
        (_escape, SaveChoice.CANCEL),
        (_enter, SaveChoice.SAVE),
        (_standard(QMessageBox.StandardButton.Discard), SaveChoice.DISCARD),
        (_standard(QMessageBox.StandardButton.Cancel), SaveChoice.CANCEL),
        (_standard(QMessageBox.StandardButton.Save), SaveChoice.SAVE),
    ],
    ids=["escape", "enter", "discard", "cancel", "save"],
)
def test_save_changes_box(
    qtbot: QtBot, answer: Callable[[QMessageBox], None], choice: SaveChoice
) -> None:
    texts = _answer_next_box(qtbot, answer)
    assert DialogPrompter().ask_save_changes("<b>mine</b>.yaml") is choice
    assert texts == ["“<b>mine</b>.yaml” has changes that are not saved yet.\n\nSave them first?"]


@pytest.mark.parametrize(
    ("answer", "removes"),
    [(_escape, False), (_enter, False), (_press("Keep it"), False), (_press("Remove"), True)],
    ids=["escape", "enter-keeps", "keep", "remove"],
)
def test_removal_question_keeps_by_default(
    qtbot: QtBot, answer: Callable[[QMessageBox], None], removes: bool
) -> None:
    parent = QWidget()
    qtbot.add_widget(parent)
    texts = _answer_next_box(qtbot, answer)
    assert confirm_removal(parent, "Remove clinic", "Remove “<i>A & B</i>”?") is removes
    assert texts == ["Remove “<i>A & B</i>”?"]
