"""Alt+S (What the clinic said) or Alt+W (Why, on Decision) into a note already written puts
the cursor at its end: what is typed next is added after it, never in front."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ketachecklist.ui.main_window import MainWindow
from tests.ui.focus import focused_widget

ALT = Qt.KeyboardModifier.AltModifier


def test_alt_s_into_a_written_note_types_at_its_end(
    qtbot: QtBot, active_answers: MainWindow
) -> None:
    window = active_answers
    answers = window.answers
    clinic_id = answers.clinic_id
    for question_id in ("evaluation-basis", "evaluation-who-evaluates"):
        answers.show_question(question_id)
        before = window.document.comparison.answer(clinic_id, question_id).said
        assert before  # the example recorded what they said
        answers.editor.rating.setFocus()
        qtbot.keyClick(focused_widget(), Qt.Key.Key_S, ALT)
        assert focused_widget() is answers.editor.said.editor
        qtbot.keyClicks(focused_widget(), " More.")
        assert window.document.comparison.answer(clinic_id, question_id).said == before + " More."


def test_alt_w_into_the_reason_types_at_its_end(qtbot: QtBot, example_window: MainWindow) -> None:
    window = example_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_page(window.decision)
    reason = window.decision.reason
    reason.editor.setPlainText("Kind people.")
    reason.set_text("Kind people, and near.")  # as an undo or a file puts it back
    window.decision.clinic.setFocus()
    qtbot.keyClick(focused_widget(), Qt.Key.Key_W, ALT)
    assert focused_widget() is reason.editor
    qtbot.keyClicks(focused_widget(), " Yes.")
    assert reason.text() == "Kind people, and near. Yes."
