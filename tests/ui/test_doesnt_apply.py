"""'Doesn't apply to this clinic' and questions for other treatments, through the real widgets:
the editor's choice (keyboard, accessible name, undo), the question and clinic lists, the grid,
the Decision page; changing the treatments sets questions aside and back, keeping every answer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ketachecklist.core.document import Answer
from ketachecklist.core.treatments import Treatment
from ketachecklist.present.ratings import DOESNT_APPLY
from ketachecklist.ui.main_window import MainWindow
from tests.applies import set_aside

VITALS = "administration-vital-signs"  # [iv_infusion, intramuscular]
REMS = "administration-spravato-rems"  # [spravato]
FIRST = "evaluation-who-evaluates"


def _start(window: MainWindow) -> str:
    window.clinics.add_action.trigger()
    window.show_page(window.answers)
    return window.clinics.current_clinic_id


def _grid_cell(window: MainWindow, clinic_id: str, question_id: str, role: int) -> str:
    model = window.comparison.model
    index = model.index(model.row_of_question(question_id), model.column_of_clinic(clinic_id))
    return str(index.data(role))


def test_the_editor_marks_an_answer_not_applying_and_undo_takes_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    clinic_id = _start(window)
    editor = window.answers.editor
    qtbot.mouseClick(editor.rating.buttons[2], Qt.MouseButton.LeftButton)
    total = window.document.scores.of(clinic_id).total
    assert window.document.scores.of(clinic_id).overall == 25.0

    assert not editor.guidance.about.isVisible(), "a question for every treatment says nothing"
    box = editor.doesnt_apply
    assert box.text().replace("&", "") == DOESNT_APPLY
    interface = QAccessible.queryAccessibleInterface(box)
    assert interface.text(QAccessible.Text.Name) == DOESNT_APPLY
    assert not editor.applicability.isVisible()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert window.document.comparison.answer(clinic_id, FIRST) == Answer(2, doesnt_apply=True)
    score = window.document.scores.of(clinic_id)
    assert (score.overall, score.answered, score.total) == (None, 0, total - 1)
    assert editor.applicability.isVisible()
    assert "left out of this clinic's scores" in editor.applicability.text()
    assert editor.rating.buttons[2].isChecked(), "the rating is kept"
    assert window.answers.model.index(0).data().splitlines()[1].startswith(DOESNT_APPLY)
    grid = _grid_cell(window, clinic_id, FIRST, Qt.ItemDataRole.DisplayRole)
    assert grid.splitlines()[0] == f"{DOESNT_APPLY}. Kept, not counted: 2 – Weak"
    spoken = _grid_cell(window, clinic_id, FIRST, Qt.ItemDataRole.AccessibleTextRole)
    assert "Left out of the scores" in spoken
    assert "don't apply" not in window.clinics.model.index(0, 1).data()
    assert window.clinics.model.index(0, 1).data() == f"0 of {total - 1}"
    assert window.undo_action.text() == "&Undo Edit “doesn't apply”"

    window.undo_action.trigger()
    assert window.document.comparison.answer(clinic_id, FIRST) == Answer(2)
    assert not box.isChecked()
    assert window.document.scores.of(clinic_id).overall == 25.0
    window.redo_action.trigger()
    assert box.isChecked()


def test_the_choice_is_reachable_from_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    clinic_id = _start(window)
    editor = window.answers.editor
    editor.rating.buttons[None].setFocus()
    qtbot.waitUntil(editor.rating.buttons[None].hasFocus)
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # … c&linic
    qtbot.waitUntil(lambda: window.document.comparison.answer(clinic_id, FIRST).doesnt_apply)
    assert editor.doesnt_apply.hasFocus()
    qtbot.keyClick(editor.doesnt_apply, Qt.Key.Key_Space)
    assert not window.document.comparison.answer(clinic_id, FIRST).doesnt_apply


def test_treatments_set_questions_aside_in_words_and_back_keeping_the_answer(
    qtbot: QtBot, window: MainWindow
) -> None:
    clinic_id = _start(window)
    rule = window.document.comparison.question(VITALS).red_flag
    assert rule is not None
    window.answers.show_question(VITALS)
    editor = window.answers.editor
    assert editor.guidance.about.isVisible()
    assert editor.guidance.about.text() == (
        "This question is about IV infusions or injections into a muscle (IM)."
    )
    qtbot.mouseClick(editor.value.yes_no.buttons[rule.when], Qt.MouseButton.LeftButton)
    assert editor.red_flag.isVisible()
    assert "ask more" in editor.red_flag.text()

    # The clinic offers only Spravato: the continuous vital-signs question is for IV and IM.
    window.details.treatments[Treatment.SPRAVATO].click()
    comparison = window.document.comparison
    assert comparison.clinic(clinic_id).treatments == (Treatment.SPRAVATO,)
    assert comparison.answer(clinic_id, VITALS).value is rule.when, "kept, never deleted"
    assert window.document.scores.of(clinic_id).red_flags == ()
    assert not editor.red_flag.isVisible()
    assert editor.applicability.isVisible()
    expected = "Not for Spravato-only clinics: this question is about IV infusions"
    assert editor.applicability.text().startswith(expected)
    assert "You can still record their answer" in editor.applicability.text()
    row = window.answers.model.row_of(VITALS)
    assert expected in window.answers.model.index(row).data()
    assert "RED FLAG" not in window.answers.model.index(row).data()
    cell = _grid_cell(window, clinic_id, VITALS, Qt.ItemDataRole.DisplayRole)
    assert cell.startswith(expected)
    assert "RED FLAG" not in cell
    assert _grid_cell(window, clinic_id, REMS, Qt.ItemDataRole.DisplayRole) == "Not asked yet"
    flags_row = window.comparison.model.summary_rows()[4]
    # The red flag is set aside with its question: none found, and the vital-signs question is
    # no longer among the flag questions counted for this clinic.
    scores = window.document.scores
    counted = [
        q.id
        for q in comparison.questions()
        if q.red_flag is not None and scores.applicability(clinic_id, q.id).counts
    ]
    assert VITALS not in counted
    checked = sum(isinstance(comparison.answer(clinic_id, q).value, bool) for q in counted)
    assert window.comparison.model.index(flags_row, 1).data() == (
        f"none of {len(counted)} checked so far"
        if checked == 0
        else f"none found, {checked} of {len(counted)} checked"
    )
    aside = set_aside(comparison, clinic_id)
    assert aside >= 2  # continuous vital signs and the IV pump, at least
    spoken = window.clinics.model.index(0, 1).data(Qt.ItemDataRole.AccessibleTextRole)
    assert f"{aside} don't apply to this clinic" in spoken
    window.show_page(window.decision)
    assert f"{aside} don't apply" in window.decision.standing.text()

    # Back to IV: the kept answer counts again, and flags again.
    window.details.treatments[Treatment.SPRAVATO].click()
    window.details.treatments[Treatment.IV_INFUSION].click()
    assert [f.question_id for f in window.document.scores.of(clinic_id).red_flags] == [VITALS]
    cell = _grid_cell(window, clinic_id, VITALS, Qt.ItemDataRole.DisplayRole)
    assert f"⚠ RED FLAG: {rule.label}" in cell
    assert _grid_cell(window, clinic_id, REMS, Qt.ItemDataRole.DisplayRole).startswith(
        "Not for IV-only clinics: this question is about Spravato"
    )
