"""Recording answers one clinic at a time, through the real widgets; every edit undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox
from pytestqt.qtbot import QtBot

from ketachecklist.core.catalogue import AnswerKind
from ketachecklist.core.document import Answer, CostDetails, Coverage
from ketachecklist.ui.main_window import MainWindow
from tests.applies import counted_questions


def _start(window: MainWindow, qtbot: QtBot) -> str:
    window.clinics.add_action.trigger()
    window.show_page(window.answers)
    return window.clinics.current_clinic_id


def _answer(window: MainWindow, clinic_id: str, question_id: str) -> Answer:
    return window.document.comparison.answer(clinic_id, question_id)


def test_first_question_shows_its_guidance(qtbot: QtBot, window: MainWindow) -> None:
    _start(window, qtbot)
    page = window.answers
    guidance = page.editor.guidance
    assert page.current_question_id() == "evaluation-who-evaluates"
    assert guidance.text.text().startswith("Who is actually evaluating me")
    assert guidance.why.text().startswith("Verywell warns")
    assert guidance.reassuring.text().startswith("A named doctor")
    assert guidance.concerning.text().startswith("No one in particular")
    assert guidance.source.text().startswith("Source: Ketamine to Treat")
    assert page.heading.text() == "Answers from Clinic 1"
    assert page.editor.rating.buttons[None].isChecked()  # "not asked yet", never a zero


def test_rate_and_record_what_they_said(qtbot: QtBot, window: MainWindow) -> None:
    clinic_id = _start(window, qtbot)
    editor = window.answers.editor
    qtbot.mouseClick(editor.rating.buttons[4], Qt.MouseButton.LeftButton)
    assert _answer(window, clinic_id, "evaluation-who-evaluates").rating == 4
    qtbot.keyClicks(editor.said.editor, "A psychiatrist, in person.")
    answer = _answer(window, clinic_id, "evaluation-who-evaluates")
    assert answer == Answer(rating=4, said="A psychiatrist, in person.")
    # progress is visible per set, per clinic, and in the question list
    questions = window.document.comparison.questions()
    in_evaluation = sum(q.set_id == "evaluation" for q in questions)
    assert window.answers.sets.tabText(0).startswith(f"Evaluation · 1 of {in_evaluation}")
    assert window.clinics.model.index(0, 1).data().startswith(f"1 of {len(questions)}")
    assert "✓ 4 – Good" in window.answers.model.index(0).data()
    # the grid shows it too
    grid = window.comparison.model
    row = grid.row_of_question("evaluation-who-evaluates")
    assert grid.index(row, 1).data() == "4 – Good"

    # All that typing is one undo step; Ctrl+Z inside the box undoes it (not a private history).
    editor.said.editor.setFocus()
    qtbot.keyClick(editor.said.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _answer(window, clinic_id, "evaluation-who-evaluates") == Answer(rating=4)
    assert editor.said.text() == ""
    window.undo_action.trigger()
    assert _answer(window, clinic_id, "evaluation-who-evaluates").is_blank
    assert editor.rating.buttons[None].isChecked()
    assert grid.index(row, 1).data() == "Not asked yet"
    qtbot.keyClick(
        editor.said.editor,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    window.redo_action.trigger()
    assert editor.said.text() == "A psychiatrist, in person."


def test_yes_no_with_a_red_flag_and_not_recorded(qtbot: QtBot, window: MainWindow) -> None:
    clinic_id = _start(window, qtbot)
    page = window.answers
    page.show_question("evaluation-primary-care")
    editor = page.editor
    assert editor.value.kind is AnswerKind.YES_NO
    assert editor.value.yes_no.buttons[None].isChecked()
    qtbot.mouseClick(editor.value.yes_no.buttons[False], Qt.MouseButton.LeftButton)
    assert _answer(window, clinic_id, "evaluation-primary-care").value is False
    assert editor.red_flag.isVisible()
    label = window.document.comparison.question("evaluation-primary-care").red_flag.label  # type: ignore[union-attr]
    assert editor.red_flag.text() == (
        f"⚠ RED FLAG: {label}. The sources give reason to ask more about this."
    )
    grid = window.comparison.model
    row = grid.row_of_question("evaluation-primary-care")
    cell = grid.index(row, 1).data()
    assert "No" in cell.splitlines()
    assert f"⚠ RED FLAG: {label}" in cell
    assert grid.index(row, 1).data(Qt.ItemDataRole.AccessibleTextRole).count("RED FLAG:") == 1
    # Some questions do not apply (Spravato REMS at an IV-only clinic): "Not recorded".
    qtbot.mouseClick(editor.value.yes_no.buttons[None], Qt.MouseButton.LeftButton)
    assert _answer(window, clinic_id, "evaluation-primary-care").value is None
    assert not editor.red_flag.isVisible()


def test_money_typed_badly_is_kept_and_explained(qtbot: QtBot, window: MainWindow) -> None:
    clinic_id = _start(window, qtbot)
    page = window.answers
    page.show_question("cost-whole-course")
    money = page.editor.value.money
    qtbot.keyClicks(money.line_edit, "$2,600")
    assert _answer(window, clinic_id, "cost-whole-course").value == 2600.0
    qtbot.keyClicks(money.line_edit, "x")
    assert money.line_edit.text() == "$2,600x"  # what was typed stays in the box
    assert money.message.isVisible()
    assert "“$2,600x” is not an amount" in money.message.text()
    assert _answer(window, clinic_id, "cost-whole-course").value == 2600.0
    # Going to another question and back keeps the draft and its message.
    page.step(+1)
    page.step(-1)
    assert page.current_question_id() == "cost-whole-course"
    assert money.line_edit.text() == "$2,600x"
    assert money.message.isVisible()
    qtbot.keyClick(money.line_edit, Qt.Key.Key_Backspace)
    assert not money.message.isVisible()
    assert _answer(window, clinic_id, "cost-whole-course").value == 2600.0


def test_cost_details_and_count(qtbot: QtBot, window: MainWindow) -> None:
    clinic_id = _start(window, qtbot)
    page = window.answers
    page.show_question("cost-price-insurance")
    cost = page.editor.value.cost
    assert page.editor.value.kind is AnswerKind.COST
    qtbot.keyClicks(cost.price.line_edit, "475")
    qtbot.keyClicks(cost.sessions.line_edit, "6")
    qtbot.keyClicks(cost.fees.line_edit, "250")
    assert not cost.percent.isEnabled()
    cost.insurance.setCurrentIndex(2)
    cost.insurance.activated.emit(2)
    assert cost.percent.isEnabled()
    qtbot.keyClicks(cost.percent.line_edit, "20")
    qtbot.keyClicks(cost.sessions.line_edit, ".5")  # "6.5" is not a whole number
    assert "not a whole number" in cost.sessions.message.text()
    details = _answer(window, clinic_id, "cost-price-insurance").value
    assert details == CostDetails(475.0, 6, 250.0, Coverage.PARTIAL, 20.0)
    grid = window.comparison.model
    cost_row = next(
        row
        for row in range(grid.rowCount())
        if grid.index(row, 0).data() == "Estimated course cost"
    )
    assert grid.index(cost_row, 1).data() == "$3,100 (you pay about $2,480)"

    page.show_question("cost-rounds")
    count = page.editor.value.count
    assert count.unit.text() == "sessions"
    qtbot.keyClicks(count.line_edit, "8")
    assert _answer(window, clinic_id, "cost-rounds").value == 8
    assert cost.sessions.line_edit.text() == "6.5"  # the draft on the other question is kept
    page.show_question("cost-price-insurance")
    assert cost.sessions.line_edit.text() == "6.5"
    assert cost.sessions.message.isVisible()


def test_text_answer_and_step_through_sets(qtbot: QtBot, window: MainWindow) -> None:
    clinic_id = _start(window, qtbot)
    page = window.answers
    page.show_question("experience-outcomes")
    qtbot.keyClicks(page.editor.value.text, "About half respond")
    assert _answer(window, clinic_id, "experience-outcomes").value == "About half respond"
    # Next question walks through every question of every set, in order.
    page.show_question("evaluation-who-evaluates")
    seen = [page.current_question_id()]
    while page.next_button.isEnabled():
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
        seen.append(page.current_question_id())
    assert seen == [q.id for q in window.document.comparison.questions()]
    assert page.sets.currentIndex() == 3


def test_answers_follow_the_chosen_clinic(qtbot: QtBot, example_window: MainWindow) -> None:
    window = example_window
    page = window.answers
    window.show_page(page)
    window.clinics.select_clinic("clinic-2")
    page.show_question("evaluation-time")
    assert page.heading.text() == "Answers from Quickwell Infusion Lounge (fictional)"
    assert page.editor.value.count.line_edit.text() == "15"
    assert page.editor.rating.buttons[1].isChecked()
    window.clinics.select_clinic("clinic-1")
    assert page.current_question_id() == "evaluation-time"  # same question, other clinic
    assert page.editor.value.count.line_edit.text() == "60"
    counted = counted_questions(window.document.comparison, "clinic-1", "evaluation")
    assert page.sets.tabText(0) == f"Evaluation · 7 of {counted}"


def test_own_question_add_reword_change_kind_remove(qtbot: QtBot, window: MainWindow) -> None:
    clinic_id = _start(window, qtbot)
    page = window.answers
    page.sets.setCurrentIndex(3)  # Cost
    qtbot.mouseClick(page.add_question, Qt.MouseButton.LeftButton)
    comparison = window.document.comparison
    question = comparison.custom_questions[0]
    assert question.set_id == "cost"
    assert page.current_question_id() == question.id
    guidance = page.editor.guidance
    assert guidance.custom.isVisible()
    qtbot.waitUntil(guidance.wording.hasFocus)
    qtbot.keyClicks(guidance.wording, "Do you offer a payment plan?")
    assert comparison.question(question.id).text == "Do you offer a payment plan?"
    assert "Do you offer a payment plan?" in page.model.index(page.model.row_of(question.id)).data()
    grid = window.comparison.model
    assert (
        grid.index(grid.row_of_question(question.id), 0)
        .data()
        .startswith("Do you offer a payment plan? (your own question)")
    )
    guidance.kind.setCurrentIndex(guidance.kind.findData("yes_no"))
    guidance.kind.activated.emit(guidance.kind.currentIndex())
    assert comparison.question(question.id).kind is AnswerKind.YES_NO
    qtbot.mouseClick(page.editor.value.yes_no.buttons[True], Qt.MouseButton.LeftButton)
    assert comparison.answer(clinic_id, question.id).value is True
    guidance.kind.setCurrentIndex(guidance.kind.findData("count"))
    guidance.kind.activated.emit(guidance.kind.currentIndex())
    assert comparison.answer(clinic_id, question.id).value is None  # no longer fits
    window.undo_action.trigger()
    assert comparison.answer(clinic_id, question.id).value is True  # back with the kind
    assert page.editor.value.yes_no.buttons[True].isChecked()

    qtbot.mouseClick(guidance.remove_button, Qt.MouseButton.LeftButton)
    assert comparison.custom_questions == []
    assert grid.row_of_question(question.id) == -1
    window.undo_action.trigger()
    assert comparison.custom_questions[0].text == "Do you offer a payment plan?"
    assert comparison.answer(clinic_id, question.id).value is True


def test_weights_per_set_and_per_question(qtbot: QtBot, example_window: MainWindow) -> None:
    window = example_window
    window.show_page(window.weights)
    spin = window.weights.set_weights["evaluation"]
    assert spin.value() == 2.0
    overall_before = window.document.scores.of("clinic-2").overall
    spin.setValue(0.0)
    assert window.document.comparison.set_weight("evaluation") == 0.0
    assert window.document.scores.of("clinic-2").overall != overall_before
    grid = window.comparison.model
    set_row = next(
        i for i in range(grid.rowCount()) if grid.index(i, 0).data().startswith("Evaluation")
    )
    assert grid.index(set_row, 0).data() == "Evaluation (counts ×0)"
    window.undo_action.trigger()
    assert spin.value() == 2.0

    table = window.weights.table
    index = window.weights.model.index(0, 2)
    table.setCurrentIndex(index)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)  # keyboard: F2 edits the weight
    editor = table.findChild(QDoubleSpinBox)
    assert editor is not None
    assert editor.accessibleName() == "Question weight"
    editor.lineEdit().selectAll()
    qtbot.keyClicks(editor, "3")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits the edit on the next event loop turn
    qtbot.waitUntil(
        lambda: window.document.comparison.question_weight("evaluation-who-evaluates") == 3.0
    )
    window.undo_action.trigger()
    assert window.document.comparison.question_weight("evaluation-who-evaluates") == 1.0


def test_every_question_in_the_list_shows_its_whole_text_and_status(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    """Long questions wrap inside the list; the status line under them is never cut off."""
    window = example_window
    window.resize(1500, 950)
    window.show()
    window.clinics.select_clinic(window.document.comparison.clinics[0].id)
    window.show_page(window.answers)
    page = window.answers
    view = page.questions
    for set_index in range(page.sets.count()):
        page.sets.setCurrentIndex(set_index)
        qtbot.waitUntil(lambda: view.model().rowCount() > 0)
        view.doItemsLayout()
        metrics = view.fontMetrics()
        for row in range(view.model().rowCount()):
            index = view.model().index(row, 0)
            rect = view.visualRect(index)
            needed = metrics.boundingRect(
                0, 0, rect.width() - 8, 100_000, int(Qt.TextFlag.TextWordWrap), index.data()
            ).height()
            assert rect.height() >= needed, (set_index, row, index.data())


def test_a_single_number_box_sits_under_its_title_not_in_a_tall_gap(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    window = example_window
    window.show()
    window.clinics.select_clinic(window.document.comparison.clinics[0].id)
    window.show_page(window.answers)
    window.answers.show_question("experience-extent")  # a count, in years
    value = window.answers.editor.value
    qtbot.waitUntil(value.count.isVisible)
    box = value.count.line_edit
    gap = box.mapTo(value, box.rect().topLeft()).y() - value.title.geometry().bottom()
    assert gap < 3 * box.fontMetrics().lineSpacing()
