"""The patient's deal-breaker marks, through the real window: by keyboard, undoable, shown
wherever the question is listed (in words), heard by a screen reader."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from ketachecklist.core.catalogue import load_bundled_catalogue
from ketachecklist.core.decision.profiles import Preset
from ketachecklist.core.document import Comparison
from ketachecklist.present.question_marks import DEAL_BREAKER_MARK
from ketachecklist.report.common import decided_text
from ketachecklist.report.html import render_html
from ketachecklist.report.model import build_report
from ketachecklist.ui.chart_view import ChartPanel
from ketachecklist.ui.clinic_list_model import NAME_COLUMN, ClinicListModel
from ketachecklist.ui.deal_breaker_marks import (
    MARKED_MESSAGE,
    RULED_OUT_MARK,
    is_ruled_out,
    ruled_out_rank_text,
)
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.roles import QUESTION_ID_ROLE
from ketachecklist.ui.weights_model import QUESTION_COLUMN
from tests.strategies import comparisons
from tests.ui.focus import focused_widget

CATALOGUE = load_bundled_catalogue()

QUESTION = "evaluation-who-evaluates"  # Quickwell rated it 2 in the example


@pytest.fixture
def active(qtbot: QtBot, example_window: MainWindow) -> MainWindow:
    example_window.activateWindow()
    qtbot.waitUntil(example_window.isActiveWindow)
    example_window.show_page(example_window.answers)
    example_window.answers.show_question(QUESTION)
    return example_window


def _grid_label(window: MainWindow) -> str:
    grid = window.comparison.model
    return str(grid.index(grid.row_of_question(QUESTION), 0).data())


def _weights_row(window: MainWindow) -> str:
    model = window.weights.model
    row = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data(QUESTION_ID_ROLE) == QUESTION
    )
    return str(model.index(row, QUESTION_COLUMN).data())


def _listed(window: MainWindow) -> str:
    model = window.answers.model
    return str(model.index(model.row_of(QUESTION)).data())


def test_mark_and_unmark_by_keyboard_with_undo_and_redo(qtbot: QtBot, active: MainWindow) -> None:
    window = active
    comparison = window.document.comparison
    box = window.answers.editor.guidance.deal_breaker
    assert not box.isChecked()
    assert DEAL_BREAKER_MARK not in _listed(window)
    assert DEAL_BREAKER_MARK not in _grid_label(window)

    window.answers.editor.said.setFocus()
    qtbot.keyClick(focused_widget(), Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # the mnemonic
    qtbot.waitUntil(lambda: comparison.is_deal_breaker(QUESTION))
    assert box.isChecked()
    assert _listed(window).endswith(f" · {DEAL_BREAKER_MARK}")
    assert _grid_label(window).endswith(f" ({DEAL_BREAKER_MARK})")
    assert _weights_row(window).endswith(f" ({DEAL_BREAKER_MARK})")
    assert window.statusBar().currentMessage() == MARKED_MESSAGE
    assert window.undo_action.text() == "&Undo Mark deal-breaker"

    window.undo_action.trigger()
    assert not comparison.is_deal_breaker(QUESTION)
    assert not box.isChecked()
    assert DEAL_BREAKER_MARK not in _listed(window)
    assert DEAL_BREAKER_MARK not in _grid_label(window)
    assert DEAL_BREAKER_MARK not in _weights_row(window)
    window.redo_action.trigger()
    assert comparison.is_deal_breaker(QUESTION)
    assert box.isChecked()
    assert DEAL_BREAKER_MARK in _listed(window)

    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # unmark from the box itself
    assert not comparison.is_deal_breaker(QUESTION)
    assert not box.isChecked()
    assert DEAL_BREAKER_MARK not in _grid_label(window)
    assert window.undo_action.text() == "&Undo Unmark deal-breaker"
    window.undo_action.trigger()  # the unmark was a step of its own, not merged with the mark
    assert comparison.is_deal_breaker(QUESTION)
    assert box.isChecked()
    assert window.redo_action.text() == "&Redo Unmark deal-breaker"
    assert window.undo_action.text() == "&Undo Mark deal-breaker"


def test_the_mark_follows_the_question_to_every_clinic(qtbot: QtBot, active: MainWindow) -> None:
    window = active
    box = window.answers.editor.guidance.deal_breaker
    box.click()
    for row in range(window.clinics.model.rowCount()):
        window.clinics.select_clinic(window.document.comparison.clinics[row].id)
        window.answers.show_question(QUESTION)
        assert box.isChecked()
        assert DEAL_BREAKER_MARK in _listed(window)
    window.answers.show_question("evaluation-basis")  # another question: not marked
    assert not box.isChecked()


def test_the_box_is_named_and_described_for_a_screen_reader(active: MainWindow) -> None:
    box = active.answers.editor.guidance.deal_breaker
    interface = QAccessible.queryAccessibleInterface(box)
    assert interface is not None
    assert interface.text(QAccessible.Text.Name) == "Deal-breaker for me"
    assert "ruled out by your own criteria" in interface.text(QAccessible.Text.Description)
    assert interface.state().checkable


RULED_OUT = "ruled out by your own criteria"
QUICKWELL = "clinic-2"  # rated the deal-breaker 2 – Weak
HARBOR = "clinic-1"  # rated it 5


def _cell_name(view: QAbstractItemView, row: int, column: int) -> str:
    """What a screen reader hears for one cell of a table or tree view."""
    interface = QAccessible.queryAccessibleInterface(view)
    assert interface is not None
    for child in (interface.child(i) for i in range(interface.childCount())):
        cell = child.tableCellInterface()
        if cell is not None and (cell.rowIndex(), cell.columnIndex()) == (row, column):
            return child.text(QAccessible.Text.Name)
    raise AssertionError((row, column))


def _rank_cell(window: MainWindow, clinic_id: str) -> QModelIndex:
    grid = window.comparison.model
    return grid.index(grid.summary_rows()[0], grid.column_of_clinic(clinic_id))


def test_a_low_rating_on_a_deal_breaker_rules_the_clinic_out_everywhere(
    qtbot: QtBot, active: MainWindow
) -> None:
    window = active
    clinics = window.clinics.model
    row = clinics.row_of(QUICKWELL)
    name = window.document.comparison.clinic(QUICKWELL).name
    rank = _rank_cell(window, QUICKWELL).data()
    assert RULED_OUT not in clinics.index(row, NAME_COLUMN).data()

    window.answers.editor.guidance.deal_breaker.click()
    # The clinic list: in words after the name, which deal-breaker in the tooltip, heard too.
    assert clinics.index(row, NAME_COLUMN).data() == f"{name}\n{RULED_OUT_MARK} {RULED_OUT}"
    tooltip = clinics.index(row, NAME_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert RULED_OUT in tooltip
    assert "deal-breaker" in tooltip.split(RULED_OUT, 1)[1]
    heard = _cell_name(window.clinics.view, row, NAME_COLUMN)
    assert heard.startswith(f"{name} — {RULED_OUT}")
    assert "2 – Weak" in heard or "deal-breaker" in heard
    harbor_row = clinics.row_of(HARBOR)
    assert RULED_OUT not in clinics.index(harbor_row, NAME_COLUMN).data()

    # The grid's rank row says so in place of the rank; the reason for tooltips and readers.
    window.show_page(window.comparison)
    QApplication.processEvents()
    cell = _rank_cell(window, QUICKWELL)
    assert cell.data() == RULED_OUT
    accessible = cell.data(Qt.ItemDataRole.AccessibleTextRole)
    assert accessible.startswith(f"{RULED_OUT}: ")
    assert "deal-breaker" in accessible
    assert RULED_OUT in _cell_name(window.comparison.table, cell.row(), cell.column())
    assert _rank_cell(window, HARBOR).data() != RULED_OUT

    # A rating of 1 for Harbor Light on the same question rules it out too, at once.
    window.clinics.select_clinic(HARBOR)
    window.show_page(window.answers)
    window.answers.show_question(QUESTION)
    window.answers.editor.rating.buttons[1].click()
    assert clinics.index(harbor_row, NAME_COLUMN).data().endswith(RULED_OUT)
    assert _rank_cell(window, HARBOR).data() == RULED_OUT
    window.undo_action.trigger()  # the rating
    assert RULED_OUT not in clinics.index(harbor_row, NAME_COLUMN).data()
    window.undo_action.trigger()  # the mark
    assert clinics.index(row, NAME_COLUMN).data() == name
    assert _rank_cell(window, QUICKWELL).data() == rank


def test_the_decision_tab_shows_the_verdict_and_who_is_ruled_out(
    qtbot: QtBot, active: MainWindow
) -> None:
    window = active
    window.answers.editor.guidance.deal_breaker.click()
    window.show_page(window.decision)
    page = window.decision
    qtbot.waitUntil(page.family.isVisible)
    presentation = window.document.presentation
    decision = presentation.decision
    assert page.standing.text().endswith(presentation.verdict)
    assert RULED_OUT in presentation.verdict
    quickwell = window.document.comparison.clinic(QUICKWELL).name
    lines = [ln for ln in page.standing.text().splitlines() if ln]
    # where it stands, in the one standing rule's words: ruled out, and listed last
    assert lines[-2].startswith(f"{RULED_OUT}: {quickwell} — ")

    family = page.family
    shown = family.text()
    assert decision.weights_text in shown
    for clinic in decision.clinics:
        assert clinic.name in shown
        assert clinic.score_text in shown
        assert clinic.red_flags_text in shown
    block = next(b for b in family.clinic_blocks if b.name.text().startswith(quickwell))
    assert block.name.text() == f"{quickwell} · {RULED_OUT}"
    assert decision.clinic(QUICKWELL).ruled_out_reasons in block.body.text()
    for label in (block.name, block.body, *family.sections.values(), *family.headings.values()):
        assert label.textFormat() == Qt.TextFormat.PlainText
    interface = QAccessible.queryAccessibleInterface(block.body)
    assert interface is not None
    assert interface.text(QAccessible.Text.Name) == quickwell
    assert decision.clinic(QUICKWELL).ruled_out_reasons in interface.text(
        QAccessible.Text.Description
    )
    heading = QAccessible.queryAccessibleInterface(block.name)
    assert heading is not None
    assert RULED_OUT in heading.text(QAccessible.Text.Description)

    # The tab and the report's family page say the same, under the same headings.
    report = build_report(window.document.comparison, presentation, source_name="x.yaml")
    printed = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", render_html(report))).split())
    facts = [
        line.split(": ", 1) for b in family.clinic_blocks for line in b.body.text().splitlines()
    ]
    for text in (
        *(b.name.text() for b in family.clinic_blocks),
        *(h.text() for h in family.headings.values() if h.isVisibleTo(family)),
        *(label for label, _ in facts),  # a label and its words: a <dt> and its <dd> in HTML
        *(words for _, words in facts),
    ):
        assert " ".join(text.split()) in printed, text
    scroll = QAccessible.queryAccessibleInterface(family)
    assert scroll is not None
    assert scroll.text(QAccessible.Text.Name)

    # Recording the choice marks that clinic's block, as the printed family page does.
    page.clinic.setCurrentIndex(page.clinic.findData(HARBOR))
    with qtbot.waitSignal(window.document.settled):  # the page words it once edits settle
        page.clinic.activated.emit(page.clinic.currentIndex())
    harbor = window.document.comparison.clinic(HARBOR).name
    chosen = next(b for b in family.clinic_blocks if b.name.text().startswith(harbor))
    assert chosen.body.text().startswith(decided_text())
    assert not block.body.text().startswith(decided_text())

    # Unmarked on another tab: the Decision tab is right again when it is shown.
    window.show_page(window.answers)
    window.answers.editor.guidance.deal_breaker.click()
    window.show_page(window.decision)
    qtbot.waitUntil(lambda: RULED_OUT not in page.family.text())
    assert RULED_OUT not in page.standing.text()


def test_the_family_section_is_read_and_scrolled_by_keyboard(
    qtbot: QtBot, active: MainWindow
) -> None:
    window = active
    window.resize(1024, 700)
    qtbot.keyClick(focused_widget(), Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    page = window.decision
    family = page.family
    assert focused_widget() is family  # the first stop on the tab: the words, the charts, the form
    charts = page.findChild(ChartPanel)
    qtbot.waitUntil(lambda: bool(charts.views))  # built when first shown: the page settles
    QApplication.processEvents()
    bar = family.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # more than fits at 1024×700
    qtbot.keyClick(family, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(family, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(family, Qt.Key.Key_Home)
    assert bar.value() == 0
    qtbot.keyClick(focused_widget(), Qt.Key.Key_Tab)
    assert focused_widget() is charts.toggle  # Tab leaves it for the charts
    qtbot.keyClick(focused_widget(), Qt.Key.Key_Tab)
    assert focused_widget() is page.clinic  # then the decision form


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(comparison=comparisons(CATALOGUE, max_clinics=4), data=st.data())
def test_the_list_and_the_grid_rule_out_exactly_whom_the_decision_does(
    comparison: Comparison, data: st.DataObject
) -> None:
    answered = sorted({question_id for _, question_id in comparison.answers})
    if answered:
        for question_id in data.draw(st.lists(st.sampled_from(answered), max_size=4)):
            comparison.set_deal_breaker(question_id, True)
    document = OpenDocument(comparison)
    decision = document.presentation.decision
    clinics = ClinicListModel(document)
    for row, clinic in enumerate(comparison.clinics):
        words = decision.clinic(clinic.id)
        event(f"ruled out: {words.ruled_out}")
        assert is_ruled_out(document, clinic.id) == words.ruled_out
        shown = clinics.index(row, NAME_COLUMN).data()
        assert (RULED_OUT in shown) == words.ruled_out
        rank = ruled_out_rank_text(document, clinic.id, display=False)
        assert rank == (f"{RULED_OUT}: {words.ruled_out_reasons}" if words.ruled_out else "")


def test_typing_why_does_not_weigh_the_decision_again(
    qtbot: QtBot, active: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = active
    window.show_page(window.decision)
    page = window.decision
    qtbot.waitUntil(page.family.isVisible)
    shown: list[object] = []
    monkeypatch.setattr(page.family, "show_page", shown.append)
    before = window.document.comparison.decision.reason
    with qtbot.waitSignal(window.document.settled):  # the page words it once edits settle
        qtbot.keyClicks(page.reason.editor, " Kind people.")
    assert " Kind people." in window.document.comparison.decision.reason
    assert window.document.comparison.decision.reason != before
    assert shown == []  # the decision's own words change no standing
    with qtbot.waitSignal(window.document.settled):
        window.weights.profiles.apply_preset(Preset.COST_MATTERS_MOST)  # but weights do
    assert len(shown) == 1
