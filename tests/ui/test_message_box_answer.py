"""A message box's answer is the answer of the button clicked, read from the button's own signal:
never from comparing ``clickedButton()`` with the buttons added, which PySide can hand back as a
second wrapper of the same button (a click on the action then read as the escape answer)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ketachecklist.ui.message_box import Choice, ask
from tests.ui.test_recovery_startup import _answer_next_box, _escape, _press


@pytest.mark.parametrize(
    ("answer", "expected"),
    [(_press("Go on"), "go"), (_press("Other way"), "other"), (_escape, "cancel")],
    ids=["action", "other", "escape"],
)
def test_the_clicked_buttons_answer_even_when_qt_hands_back_another_wrapper(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    answer: Callable[[QMessageBox], None],
    expected: str,
) -> None:
    # Stands for the wrapper PySide may return: not one of the buttons ask added.
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda _box: None)
    _answer_next_box(qtbot, answer)
    chosen = ask(
        None,
        QMessageBox.Icon.Question,
        "Question",
        "Which way?",
        (
            Choice("go", "Go on"),
            Choice("other", "Other way", QMessageBox.ButtonRole.ActionRole),
            Choice("cancel", QMessageBox.StandardButton.Cancel),
        ),
        default="go",
        escape="cancel",
    )
    assert chosen == expected
