"""The comparison grid and the decision, through the real widgets: sorting, notes on demand,
best answers and red flags in symbols and words, live updates, and undo of every kind of edit."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ketachecklist.core.document import Comparison
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.comparison_model import Row, RowKind
from ketachecklist.ui.main_window import MainWindow
from tests.applies import counted_questions


def _headers(window: MainWindow) -> list[str]:
    model = window.comparison.model
    return [
        model.headerData(column, Qt.Orientation.Horizontal)
        for column in range(1, model.columnCount())
    ]


def _summary(window: MainWindow, key: str) -> list[str]:
    model = window.comparison.model
    row = next(r for r in range(model.rowCount()) if model.row(r) == Row(RowKind.SUMMARY, key))
    return [model.index(row, column).data() for column in range(1, model.columnCount())]


def _pick_sort(window: MainWindow, text: str) -> None:
    sort = window.comparison.sort
    index = sort.findText(text)
    assert index >= 0, text
    sort.setCurrentIndex(index)  # as an assistive tool sets it: no activated signal


def test_grid_summary_rows_and_sorting(example_window: MainWindow) -> None:
    window = example_window
    window.show_page(window.comparison)
    harbor, quickwell, riverside = (c.name for c in window.document.comparison.clinics)
    assert _headers(window) == [harbor, quickwell, riverside]
    assert _summary(window, "rank") == ["2nd of 3", "3rd of 3", "1st of 3"]
    assert _summary(window, "overall") == ["79/100", "28/100", "95/100"]
    counted = counted_questions(window.document.comparison, "clinic-1")
    assert _summary(window, "completeness")[0].startswith(f"17 of {counted} (")
    assert _summary(window, "cost")[0].startswith("$3,100")
    flags = _summary(window, "flags")
    # Red flags as coverage, never a bare count: a symbol AND words.
    assert flags[1] == "⚠ 4 found, 4 of 9 checked"
    assert flags[0] == "none found, 6 of 10 checked"  # the one wording, as after a label

    _pick_sort(window, "Overall score")
    assert _headers(window) == [riverside, harbor, quickwell]
    _pick_sort(window, "Cost score")
    order = window.comparison.model.clinic_order()
    scores = window.document.scores
    set_scores = [scores.of(cid).set_scores.get("cost") for cid in order]
    rated = [s for s in set_scores if s is not None]
    assert rated == sorted(rated, reverse=True)
    assert set_scores[: len(rated)] == rated  # unscored clinics last
    _pick_sort(window, "The order you entered them")
    assert _headers(window) == [harbor, quickwell, riverside]


def test_sorted_by_score_a_ruled_out_clinic_comes_last(example_window: MainWindow) -> None:
    """As on the Decision tab and on paper: the leader by score, ruled out by a deal-breaker
    marked now, moves behind the clinics still in the running; unmarked, it comes back."""
    window = example_window
    window.show_page(window.comparison)
    harbor, quickwell, riverside = (c.name for c in window.document.comparison.clinics)
    _pick_sort(window, "Overall score")
    assert _headers(window) == [riverside, harbor, quickwell]
    comparison = window.document.comparison
    riverside_id = comparison.clinics[2].id
    question = "evaluation-who-evaluates"
    poor = replace(comparison.answer(riverside_id, question), rating=1)
    push_edit(window.document, lambda c: c.set_answer(riverside_id, question, poor))
    assert _headers(window)[0] == riverside  # still the highest score
    push_edit(window.document, lambda c: c.set_deal_breaker(question, True))
    assert window.document.presentation.is_ruled_out(riverside_id)
    # Quickwell's answer there is a 2 – Weak: ruled out too, and behind Riverside by score.
    assert _headers(window) == [harbor, riverside, quickwell]
    assert _headers(window) == [
        window.document.presentation.clinic(c.clinic_id).name
        for c in window.document.presentation.ranked()
    ]
    push_edit(window.document, lambda c: c.set_deal_breaker(question, False))
    assert _headers(window) == [riverside, harbor, quickwell]


def test_best_answers_and_red_flags_are_marked_in_words(example_window: MainWindow) -> None:
    window = example_window
    model = window.comparison.model
    row = model.row_of_question("evaluation-who-evaluates")
    cells = [model.index(row, column) for column in range(1, 4)]
    assert cells[0].data() == "★ 5 – Reassuring"
    assert cells[0].data(Qt.ItemDataRole.AccessibleTextRole).startswith("Best rating in this row")
    assert not cells[1].data().startswith("★")
    flagged = model.index(model.row_of_question("evaluation-primary-care"), 2)
    label = window.document.comparison.question("evaluation-primary-care").red_flag.label  # type: ignore[union-attr]
    assert f"⚠ RED FLAG: {label}" in flagged.data()
    spoken = flagged.data(Qt.ItemDataRole.AccessibleTextRole)
    assert f"RED FLAG: {label}. The sources give reason to ask more about this." in spoken
    assert "ask more" in flagged.data(Qt.ItemDataRole.ToolTipRole)
    # The legend explains the symbols in words.
    assert "★ marks the best rating on a question, only when at least two clinics were rated" in (
        window.comparison.legend.text()
    )
    assert "⚠ RED FLAG" in window.comparison.legend.text()
    assert "not a verdict" in window.comparison.legend.text()


def test_notes_on_demand_from_the_checkbox_and_the_view_menu(example_window: MainWindow) -> None:
    window = example_window
    model = window.comparison.model
    cell = model.index(model.row_of_question("evaluation-who-evaluates"), 1)
    said = window.document.comparison.answer("clinic-1", "evaluation-who-evaluates").said
    assert said not in cell.data()
    assert said in cell.data(Qt.ItemDataRole.AccessibleTextRole)  # always there for readers
    window.notes_action.trigger()
    assert window.comparison.notes.isChecked()
    assert cell.data().endswith(said)
    window.comparison.notes.click()
    assert not window.notes_action.isChecked()
    assert said not in cell.data()


def test_grid_follows_an_edit_and_its_undo(qtbot: QtBot, example_window: MainWindow) -> None:
    window = example_window
    model = window.comparison.model
    _pick_sort(window, "Overall score")
    before = _headers(window)
    # Rate every question of the last-ranked clinic "Reassuring": it climbs the ranking.
    last = window.comparison.model.clinic_order()[-1]
    window.clinics.select_clinic(last)
    window.show_page(window.answers)
    page = window.answers
    for set_index in range(page.sets.count()):
        page.sets.setCurrentIndex(set_index)
        for row in range(page.model.rowCount()):
            page.questions.setCurrentIndex(page.model.index(row))
            with qtbot.waitSignal(model.dataChanged):
                qtbot.mouseClick(page.editor.rating.buttons[5], Qt.MouseButton.LeftButton)
    assert window.comparison.model.clinic_order()[0] == last
    assert _summary(window, "rank")[0] == "1st of 3"
    stack = window.document.undo_stack
    while stack.canUndo() and stack.undoText() == "Edit rating":
        window.undo_action.trigger()
    assert _headers(window) == before


def test_double_click_or_enter_opens_the_answer(qtbot: QtBot, example_window: MainWindow) -> None:
    window = example_window
    window.show_page(window.comparison)
    window.comparison.select_cell("clinic-2", "evaluation-time")
    table = window.comparison.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.current_page() is window.answers
    assert window.clinics.current_clinic_id == "clinic-2"
    assert window.answers.current_question_id() == "evaluation-time"


def test_decision_chosen_explained_dated_and_undone(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    window = example_window
    page = window.decision
    window.show_page(page)
    comparison = window.document.comparison
    assert page.clinic.currentText() == "Not decided yet"
    riverside = page.clinic.findData("clinic-3")
    page.clinic.setCurrentIndex(riverside)
    page.clinic.activated.emit(riverside)
    assert comparison.decision.clinic_id == "clinic-3"
    qtbot.mouseClick(page.has_date, Qt.MouseButton.LeftButton)
    assert comparison.decision.decided_on is not None
    page.reason.editor.setFocus()
    page.reason.editor.moveCursor(page.reason.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(page.reason.editor, " They answered everything.")
    assert comparison.decision.reason.endswith("They answered everything.")
    assert "1st of 3: Riverside" in page.standing.text()

    window.undo_action.trigger()  # the reason typed, as one step
    assert comparison.decision.reason == "Still waiting for the Riverside consultation."
    window.undo_action.trigger()  # the date
    assert comparison.decision.decided_on is None
    assert not page.has_date.isChecked()
    window.undo_action.trigger()  # the clinic
    assert comparison.decision.clinic_id is None
    assert page.clinic.currentText() == "Not decided yet"
    for _ in range(3):
        window.redo_action.trigger()
    assert comparison.decision.clinic_id == "clinic-3"
    assert page.clinic.currentData() == "clinic-3"
    assert page.reason.text().endswith("They answered everything.")


def test_choice_lists_pass_the_model_tester(
    qtmodeltester: ModelTester, example_window: MainWindow
) -> None:
    """The combo boxes' own item models count as item models too."""
    window = example_window
    qtmodeltester.check(window.decision.clinic.model())
    qtmodeltester.check(window.comparison.sort.model())
    qtmodeltester.check(window.answers.editor.guidance.kind.model())
    window.clinics.add_action.trigger()
    qtmodeltester.check(window.decision.clinic.model())
    assert window.decision.clinic.count() == 5  # "Not decided yet" and four clinics


def test_every_row_is_tall_enough_for_its_wrapped_text(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    """Long questions wrap; a row of "Not asked yet" answers must still show the whole question."""
    window = example_window
    window.resize(1200, 800)
    window.show_page(window.comparison)
    table = window.comparison.table
    model = window.comparison.model
    qtbot.waitUntil(lambda: not window.comparison._resize_rows.isActive())
    metrics = table.fontMetrics()
    short_rows = 0
    for row in range(model.rowCount()):
        for column in (0, 1):
            text = str(model.index(row, column).data() or "")
            width = table.columnWidth(column) - 8  # the cell's text margins
            needed = metrics.boundingRect(
                0, 0, width, 100_000, int(Qt.TextFlag.TextWordWrap), text
            ).height()
            assert table.rowHeight(row) >= needed, (row, column, text)
        short_rows += table.rowHeight(row) < 2 * metrics.lineSpacing()
    assert short_rows < model.rowCount()  # some rows do wrap in this example


def test_unrated_answers_read_the_same_in_the_grid_and_the_report(
    example_window: MainWindow,
) -> None:
    """ "Not rated yet" when anything was recorded, "Not asked yet" when nothing: in both."""
    from ketachecklist.report.model import build_report

    window = example_window
    model = window.comparison.model
    comparison = window.document.comparison
    report = build_report(comparison)
    columns = {c.id: i for i, c in enumerate(report.clinics)}
    seen = set()
    for row in report.questions():
        grid_row = model.row_of_question(row.id)
        for column, clinic_id in enumerate(model.clinic_order(), start=1):
            cell = row.cells[columns[clinic_id]]
            if cell.rating is None:
                first_line = model.index(grid_row, column).data().split("\n")[0]
                assert first_line == cell.headline, (row.id, clinic_id)
                seen.add(first_line)
    assert {"Not rated yet", "Not asked yet"} <= seen
    # Riverside offers only Spravato: its answer on continuous vital signs is kept, not counted.
    assert any(s.startswith("Not for Spravato-only clinics") for s in seen)


def example_verdict(comparison: Comparison) -> str:
    """Riverside offers only Spravato: questions for IV or IM are not among its questions."""
    counted = counted_questions(comparison, "clinic-3")
    riverside = "Riverside Mood Disorders Clinic (fictional)"
    return (
        f"{riverside} leads on your scores by 16 points, a lead that could still change: "
        f"it has only 8 of its "
        f"{counted} questions rated, and 2 other clinics could still overtake it."
    )


def test_verdict_says_how_little_the_leader_has_rated(example_window: MainWindow) -> None:
    """Riverside leads on 8 rated answers of the questions that count for it: both pages say so."""
    window = example_window
    window.show_page(window.comparison)
    verdict = example_verdict(window.document.comparison)
    assert window.comparison.verdict.text() == verdict
    window.show_page(window.decision)
    assert window.decision.standing.text().endswith(verdict)


def test_the_red_flag_summary_is_heard_as_it_is_seen(example_window: MainWindow) -> None:
    """A screen reader hears the red-flag row's own words first ("None found, 3 of 10
    checked"), never "none recorded" for a clinic whose questions were not checked yet."""
    window = example_window
    window.show_page(window.comparison)
    model = window.comparison.model
    row = next(r for r in range(model.rowCount()) if model.row(r) == Row(RowKind.SUMMARY, "flags"))
    QApplication.processEvents()
    table = QAccessible.queryAccessibleInterface(window.comparison.table)
    assert table is not None
    spoken = {}
    for child in (table.child(i) for i in range(table.childCount())):
        cell = child.tableCellInterface() if child.role() == QAccessible.Role.Cell else None
        if cell is not None and cell.rowIndex() == row and cell.columnIndex() > 0:
            spoken[cell.columnIndex()] = child.text(QAccessible.Text.Name)
    assert sorted(spoken) == list(range(1, model.columnCount()))
    heard = []
    for column, name in sorted(spoken.items()):
        shown = model.index(row, column).data()
        assert name.startswith(shown), (name, shown)
        assert shown in model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
        heard.append(name)
    assert "No red flags recorded" not in " ".join(heard)
    flagged = next(text for text in heard if text.startswith("⚠ "))
    assert "The sources give reason to ask more" in flagged  # then what each one asks


def test_rows_fitted_after_a_sort_moves_columns_are_as_tall_as_a_full_refit(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    """Sorted by a score, an edit that moves a clinic's column carries the cells' measured
    heights with it and measures only what came into view: the rows end as tall as measuring
    every row again would make them."""
    window = example_window
    window.resize(1000, 700)  # narrow: not every clinic's column is in view
    window.show_page(window.comparison)
    page = window.comparison
    page.notes.setChecked(True)  # what each clinic said: cells of many heights
    page.sort.setCurrentIndex(page.sort.findData("overall"))
    qtbot.waitUntil(lambda: not page._resize_rows.isActive())
    comparison = window.document.comparison
    moved = 0
    for _ in range(3):
        order = page.model.clinic_order()
        leader = order[0]  # sunk to the bottom: its column moves
        for question in comparison.questions()[:12]:
            answer = comparison.answer(leader, question.id)
            push_edit(
                window.document,
                lambda c, q=question.id, a=answer, k=leader: c.set_answer(
                    k, q, replace(a, rating=1, said=f"{a.said} Longer words now. " * 3)
                ),
                "rating",
            )
        qtbot.waitUntil(lambda: not page._resize_rows.isActive())
        moved += page.model.clinic_order() != order
        fitted = [page.table.rowHeight(row) for row in range(page.model.rowCount())]
        page.fit_rows()  # every row measured again, as Qt does
        assert [page.table.rowHeight(r) for r in range(page.model.rowCount())] == fitted
    assert moved  # the edits did move columns
