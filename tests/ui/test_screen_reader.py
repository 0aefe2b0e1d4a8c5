"""What a screen reader hears, read through Qt's accessibility interfaces (what AT-SPI reads):
every control has a name, and content is readable as name, description or value."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ketachecklist.core.catalogue import AnswerKind
from ketachecklist.core.limits import MAX_TEXT
from ketachecklist.ui.information_page import TITLE
from ketachecklist.ui.main_window import MainWindow

NAME = QAccessible.Text.Name
DESCRIPTION = QAccessible.Text.Description
VALUE = QAccessible.Text.Value


def _heard(widget: QWidget, what: QAccessible.Text) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    assert interface.isValid()
    return interface.text(what)


def test_every_control_on_every_page_has_a_name(example_window: MainWindow) -> None:
    window = example_window
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        unnamed = [
            f"{type(w).__name__} {w.objectName()!r}"
            for w in window.findChildren(QWidget)
            if w.isVisible()
            and w.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not _heard(w, NAME).strip()
        ]
        assert unnamed == [], window.tabs.tabText(index)


def test_the_question_and_its_guidance_are_heard(example_window: MainWindow) -> None:
    window = example_window
    window.show_page(window.answers)
    guidance = window.answers.editor.guidance
    labels = {
        "Question": guidance.text,
        "Why it matters": guidance.why,
        "A reassuring answer sounds like": guidance.reassuring,
        "A concerning answer sounds like": guidance.concerning,
        "Source": guidance.source,
    }
    for name, label in labels.items():
        assert label.text()
        assert _heard(label, NAME) == name
        assert _heard(label, DESCRIPTION) == label.text()
    question = window.document.comparison.question(window.answers.current_question_id())
    assert _heard(guidance.text, DESCRIPTION) == question.text


def test_both_score_summaries_are_heard(example_window: MainWindow) -> None:
    window = example_window
    for page, label in (
        (window.comparison, window.comparison.verdict),
        (window.decision, window.decision.standing),
    ):
        window.show_page(page)
        QApplication.processEvents()
        assert label.text()
        assert _heard(label, DESCRIPTION) == label.text()
        assert _heard(label, NAME)  # "Summary of the scores", "Where the scores stand"


def test_a_filled_number_is_not_described_as_not_recorded(example_window: MainWindow) -> None:
    window = example_window
    window.show_page(window.answers)
    question = next(q for q in window.document.comparison.questions() if q.kind is AnswerKind.MONEY)
    window.answers.show_question(question.id)
    box = window.answers.editor.value.money.line_edit
    box.setText("")
    assert _heard(box, DESCRIPTION) == "not recorded"
    box.setText("475")
    assert "not recorded" not in _heard(box, DESCRIPTION)
    assert _heard(box, VALUE) == "475"


def test_headings_before_the_consultation_are_marked(example_window: MainWindow) -> None:
    window = example_window
    window.show_page(window.information)
    page = window.information
    headings = page.headings()
    assert headings[0] == TITLE
    assert [s.title for s in page.sections()] == headings[1:-1]
    assert headings[-1] == "Sources"
    assert _heard(page.browser, DESCRIPTION) == "Headings: " + "; ".join(headings)
    assert page.browser.verticalScrollBar().value() == 0  # opens at its top


def test_status_messages_are_announced(example_window: MainWindow) -> None:
    window = example_window
    window.show_message("Saved to /tmp/mine.yaml")
    assert _heard(window.statusBar(), DESCRIPTION) == "Saved to /tmp/mine.yaml"


def test_splitter_handles_are_named_and_move_by_keyboard(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    window = example_window
    window.show_page(window.answers)
    for splitter in (window.splitter, window.answers.splitter):
        handle = splitter.handle(1)
        assert handle.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert _heard(handle, NAME).startswith("Divider between")
        before = splitter.sizes()[0]
        qtbot.keyClick(handle, Qt.Key.Key_Right)
        assert splitter.sizes()[0] > before


def test_the_grid_exposes_each_question_as_its_row_header(example_window: MainWindow) -> None:
    window = example_window
    window.show_page(window.comparison)
    QApplication.processEvents()
    table = window.comparison.table
    model = table.model()
    question = window.document.comparison.question("evaluation-primary-care")
    row = window.comparison.model.row_of_question(question.id)
    interface = QAccessible.queryAccessibleInterface(table)
    assert interface is not None
    cells = [interface.child(i) for i in range(interface.childCount())]
    cell = next(
        c.tableCellInterface()
        for c in cells
        if c.role() == QAccessible.Role.Cell
        and c.tableCellInterface().rowIndex() == row
        and c.tableCellInterface().columnIndex() == 1
    )
    headers = cell.rowHeaderCells()
    assert [h.text(NAME) for h in headers] == [model.index(row, 0).data()]
    assert headers[0].text(NAME).startswith(question.text)
    assert not table.verticalHeader().isVisible()  # heard, not shown: column 0 shows it


def test_after_next_question_the_note_box_and_the_choices_say_the_question(
    qtbot: QtBot, active_answers: MainWindow
) -> None:
    window = active_answers
    answers = window.answers
    said = answers.editor.said.editor
    seen = []
    for _ in range(3):
        question = window.document.comparison.question(answers.current_question_id())
        assert _heard(said, NAME) == "What the clinic said"
        assert question.text in _heard(said, DESCRIPTION)
        for button in answers.editor.rating.buttons.values():
            assert question.text in _heard(button, DESCRIPTION), button.text()
        seen.append(question.text)
        answers.next_button.click()
        assert QApplication.focusWidget() is said
    assert len(set(seen)) == 3  # each question in turn, not the first one kept
    yes_no = next(q for q in window.document.comparison.questions() if q.kind is AnswerKind.YES_NO)
    answers.show_question(yes_no.id)
    for button in answers.editor.value.yes_no.buttons.values():
        assert yes_no.text in _heard(button, DESCRIPTION), button.text()


def test_a_note_too_long_is_heard_before_the_question(example_window: MainWindow) -> None:
    window = example_window
    window.show_page(window.answers)
    said = window.answers.editor.said
    question = window.document.comparison.question(window.answers.current_question_id())
    said.editor.setPlainText("x" * (MAX_TEXT + 1))
    heard = _heard(said.editor, DESCRIPTION)
    assert heard.startswith("This is ")
    assert heard.endswith(question.text)
    said.editor.setPlainText("shorter")
    assert _heard(said.editor, DESCRIPTION) == f"Question: {question.text}"
