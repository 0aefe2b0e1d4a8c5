"""After any edit the grid shows what a grid built afresh shows, although an answer edit
refreshes only the cells it changed and measures only those cells' heights again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ketachecklist.core.catalogue import Catalogue
from ketachecklist.core.changes import Change
from ketachecklist.core.document import Answer, Comparison
from ketachecklist.core.storage import load_comparison
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.comparison_model import SORT_AS_ENTERED, SORT_OVERALL, ComparisonTableModel
from ketachecklist.ui.comparison_page import ComparisonPage
from ketachecklist.ui.main_window import MainWindow
from tests.conftest import EXAMPLES

_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole,
)


def _plain(value: Any) -> Any:
    if isinstance(value, QFont):
        return ("font", value.bold(), value.italic())
    if isinstance(value, QBrush):
        value = value.color()
    if isinstance(value, QColor):
        return ("colour", value.name(QColor.NameFormat.HexArgb))
    return value


def grid_cells(model: ComparisonTableModel) -> list[list[tuple[Any, ...]]]:
    return [
        [
            tuple(_plain(model.index(row, column).data(role)) for role in _ROLES)
            for column in range(model.columnCount())
        ]
        for row in range(model.rowCount())
    ]


def differences(
    model: ComparisonTableModel, sort_key: str, *, notes: bool
) -> list[tuple[int, int, tuple[Any, ...], tuple[Any, ...]]]:
    """The cells where the grid shows something else than a grid built now for the same view."""
    fresh_model = ComparisonTableModel(model._document)
    fresh_model.set_sort_key(sort_key)
    fresh_model.set_show_notes(notes)
    shown, fresh = grid_cells(model), grid_cells(fresh_model)
    return [
        (row, column, cell, fresh[row][column])
        for row, cells in enumerate(shown)
        for column, cell in enumerate(cells)
        if cell != fresh[row][column]
    ]


def answer_edit(clinic_id: str, question_id: str, answer: Answer) -> Callable[[Comparison], Change]:
    return lambda comparison: comparison.set_answer(clinic_id, question_id, answer)


def _fitted(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.comparison._resize_rows.isActive())


class SignalledCells:
    """The cells a model said changed (any cell at all after a layout change or a reset)."""

    def __init__(self, model: ComparisonTableModel) -> None:
        self.cells: set[tuple[int, int]] = set()
        self.everything = False
        model.dataChanged.connect(self._changed)
        model.layoutChanged.connect(self._all)
        model.modelReset.connect(self._all)

    def _changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *_roles: object) -> None:
        rows = range(top_left.row(), bottom_right.row() + 1)
        columns = range(top_left.column(), bottom_right.column() + 1)
        self.cells.update((row, column) for row in rows for column in columns)

    def _all(self) -> None:
        self.everything = True

    def clear(self) -> None:
        self.cells.clear()
        self.everything = False


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_every_cell_and_row_height_matches_a_fresh_grid(
    qtbot: QtBot, window: MainWindow, catalogue: Catalogue, data: st.DataObject
) -> None:
    """After random answer edits and undos, one by one or in bursts, with deal-breakers that can
    rule a clinic out, every cell says what a fresh grid says, every cell whose words or look
    changed was signalled (what is on screen is repainted), and the rows are as tall as
    measured anew."""
    window.show_page(window.comparison)
    page, document = window.comparison, window.document
    document.replace(load_comparison(EXAMPLES / "three-clinics.yaml", catalogue))
    comparison = document.comparison
    for question in data.draw(st.lists(st.sampled_from(comparison.questions()), max_size=2)):
        push_edit(document, lambda c, q=question.id: c.set_deal_breaker(q, True), "deal-breaker")
    sort_key = data.draw(st.sampled_from([SORT_AS_ENTERED, SORT_OVERALL]))
    notes = data.draw(st.booleans())
    page.model.set_sort_key(sort_key)
    page.model.set_show_notes(notes)
    shown = grid_cells(page.model)  # every cell's text read (and kept) before the edits
    _fitted(qtbot, window)
    signalled = SignalledCells(page.model)
    for _ in range(data.draw(st.integers(1, 6))):
        undo = data.draw(st.integers(0, 3)) == 0
        if undo and document.undo_stack.canUndo():
            document.undo_stack.undo()
        else:
            clinic = data.draw(st.sampled_from(comparison.clinics))
            question = data.draw(st.sampled_from(comparison.questions()))
            rule = question.red_flag
            answer = Answer(
                rating=data.draw(st.none() | st.integers(1, 5)),
                said=data.draw(st.sampled_from(_NOTES)),
                value=rule.when if rule is not None and data.draw(st.booleans()) else None,
                doesnt_apply=data.draw(st.integers(0, 5)) == 0,
            )
            push_edit(document, answer_edit(clinic.id, question.id, answer), "rating")
        if data.draw(st.booleans()):  # a pause; else the next edit comes in the same burst
            _fitted(qtbot, window)
            assert differences(page.model, sort_key, notes=notes) == []
            shown = changes_signalled(page.model, shown, signalled)
            assert row_heights(page) == measured_afresh(page)
    _fitted(qtbot, window)
    assert differences(page.model, sort_key, notes=notes) == []
    changes_signalled(page.model, shown, signalled)
    assert row_heights(page) == measured_afresh(page)


# What a clinic said, of many heights (shown in the cells with the notes)
_NOTES = ("", "Yes.", "A nurse checks on you every fifteen minutes, and a doctor is there. " * 3)


def changes_signalled(
    model: ComparisonTableModel, shown: list[list[tuple[Any, ...]]], signalled: SignalledCells
) -> list[list[tuple[Any, ...]]]:
    """Check that every cell that says or looks otherwise than ``shown`` was signalled; the
    cells now (all read, as on a screen showing every one)."""
    now = grid_cells(model)
    if not signalled.everything:
        changed = {
            (row, column)
            for row, cells in enumerate(now)
            for column, cell in enumerate(cells)
            if cell != shown[row][column]
        }
        assert changed <= signalled.cells, "cells changed on screen without a signal"
    signalled.clear()
    return now


def row_heights(page: ComparisonPage) -> list[int]:
    return [page.table.rowHeight(row) for row in range(page.model.rowCount())]


def measured_afresh(page: ComparisonPage) -> list[int]:
    """Every row measured again, every visible cell of it, no text height kept from before."""
    page.table.forget_measures()
    page.fit_rows()
    return row_heights(page)


def test_other_clinics_ranks_follow_an_edit_that_moves_one_clinic_up(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    window = example_window
    window.show_page(window.comparison)
    document, model = window.document, window.comparison.model
    last = document.scores.ranking[-1]
    shown = grid_cells(model)
    signalled = SignalledCells(model)
    ranks = {c.clinic_id: c.rank for c in document.scores.clinics}
    for question in document.comparison.questions():
        if document.comparison.answer(last, question.id).rating is None:
            continue
        push_edit(document, lambda c, q=question.id: c.set_answer(last, q, Answer(rating=5)))
        _fitted(qtbot, window)
        assert differences(model, SORT_AS_ENTERED, notes=False) == []
        shown = changes_signalled(model, shown, signalled)
    others = [cid for cid in ranks if cid != last]
    assert any(document.scores.of(cid).rank != ranks[cid] for cid in others)  # ranks moved


def test_a_text_measured_before_is_measured_again_in_another_width_or_font(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    """The grid keeps each text's height per font and width: a narrower column or a larger
    font lays its texts out anew, and the rows come out as in a grid measured from scratch."""
    window = example_window
    window.show_page(window.comparison)
    page = window.comparison
    _fitted(qtbot, window)
    wide = row_heights(page)
    assert wide == measured_afresh(page)
    page.table.setColumnWidth(0, page.table.columnWidth(0) // 2)  # as the patient drags it
    _fitted(qtbot, window)
    narrow = row_heights(page)
    assert narrow != wide  # the questions wrap onto more lines
    assert narrow == measured_afresh(page)
    original = QApplication.font()
    font = QFont(original)
    font.setPointSizeF(font.pointSizeF() * 1.5)
    QApplication.setFont(font)  # as a patient's larger system font
    try:
        _fitted(qtbot, window)
        larger = row_heights(page)
        assert all(big > small for big, small in zip(larger, narrow, strict=True))
        assert larger == measured_afresh(page)
    finally:
        QApplication.setFont(original)
