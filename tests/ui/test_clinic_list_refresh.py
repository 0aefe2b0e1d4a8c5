"""The clinic list's "Rated" column keeps fitting its text, measured only for the rows changed
once the edits settle; a row is refreshed when what it says changed."""

from __future__ import annotations

from functools import partial

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ketachecklist.core.catalogue import Catalogue
from ketachecklist.core.document import Answer, Comparison
from ketachecklist.core.scoring import RED_FLAG_MARK
from ketachecklist.core.storage import load_comparison
from ketachecklist.present.decision import RULED_OUT
from ketachecklist.ui.clinic_list_model import PROGRESS_COLUMN, ClinicListModel
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.deal_breaker_marks import RULED_OUT_MARK
from ketachecklist.ui.main_window import MainWindow
from tests.conftest import EXAMPLES


def test_the_rated_column_widens_when_a_clinic_gains_red_flags(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.clinics
    view, model = panel.view, panel.model
    document = window.document
    panel.add_clinic()
    clinic_id = document.comparison.clinics[0].id
    flagged = [q for q in document.comparison.questions() if q.red_flag is not None]
    index = model.index(0, PROGRESS_COLUMN)
    width_before = view.header().sectionSize(PROGRESS_COLUMN)
    for question in flagged[:3]:
        assert question.red_flag is not None
        raising = Answer(rating=1, value=question.red_flag.when)
        with qtbot.waitSignal(document.settled):  # measured once the edits settle
            push_edit(document, lambda c, q=question.id, a=raising: c.set_answer(clinic_id, q, a))
        text = str(index.data(Qt.ItemDataRole.DisplayRole))
        assert view.header().sectionSize(PROGRESS_COLUMN) >= view.sizeHintForIndex(index).width()
    assert RED_FLAG_MARK in text
    assert view.header().sectionSize(PROGRESS_COLUMN) > width_before


def test_the_rated_column_fits_every_clinic_after_opening(example_window: MainWindow) -> None:
    view, model = example_window.clinics.view, example_window.clinics.model
    widest = max(
        view.sizeHintForIndex(model.index(row, PROGRESS_COLUMN)).width()
        for row in range(model.rowCount())
    )
    assert view.header().sectionSize(PROGRESS_COLUMN) >= widest > 0


def _rows(model: ClinicListModel) -> list[tuple[object, ...]]:
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    return [
        tuple(model.index(row, column).data(role) for column in (0, 1) for role in roles)
        for row in range(model.rowCount())
    ]


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_row_is_refreshed_whenever_what_it_says_changed(
    qtbot: QtBot, window: MainWindow, catalogue: Catalogue, data: st.DataObject
) -> None:
    """Answer edits and undos, with deal-breakers that can rule a clinic out: every row says
    what a fresh list says, and a row whose words changed was signalled (an edit that changes
    only scores, which the list does not show, need not repaint it)."""
    document, model = window.document, window.clinics.model
    document.replace(load_comparison(EXAMPLES / "three-clinics.yaml", catalogue))
    comparison = document.comparison
    marked = data.draw(st.lists(st.sampled_from(comparison.questions()), max_size=2))
    for question in marked:
        push_edit(document, lambda c, q=question.id: c.set_deal_breaker(q, True), "deal-breaker")
    signalled: set[int] = set()
    model.dataChanged.connect(
        lambda top, bottom, *_: signalled.update(range(top.row(), bottom.row() + 1))
    )
    shown = _rows(model)
    for _ in range(data.draw(st.integers(1, 8))):
        signalled.clear()
        if data.draw(st.integers(0, 3)) == 0 and document.undo_stack.canUndo():
            document.undo_stack.undo()
        else:
            clinic = data.draw(st.sampled_from(comparison.clinics))
            # often a deal-breaker: a low rating there rules the clinic out, a high one back in
            on_marked = bool(marked) and data.draw(st.booleans())
            question = data.draw(st.sampled_from(marked if on_marked else comparison.questions()))
            rule = question.red_flag
            answer = Answer(
                rating=data.draw(st.none() | st.integers(1, 5)),
                value=rule.when if rule is not None and data.draw(st.booleans()) else None,
                doesnt_apply=data.draw(st.integers(0, 5)) == 0,
            )
            edit = partial(Comparison.set_answer, clinic_id=clinic.id, question_id=question.id)
            push_edit(document, partial(edit, answer=answer))
        now = _rows(model)
        assert now == _rows(ClinicListModel(document))
        changed = {row for row, words in enumerate(now) if words != shown[row]}
        assert changed <= signalled
        shown = now


def test_a_low_rating_on_a_deal_breaker_refreshes_the_row_though_its_progress_is_the_same(
    window: MainWindow, catalogue: Catalogue
) -> None:
    document, model = window.document, window.clinics.model
    document.replace(load_comparison(EXAMPLES / "three-clinics.yaml", catalogue))
    comparison = document.comparison
    clinic = comparison.clinics[0]
    rated = [q for q in comparison.questions() if comparison.answer(clinic.id, q.id).rating]
    first, marked = rated[0], rated[1]
    push_edit(document, lambda c: c.set_deal_breaker(marked.id, True), "deal-breaker")
    push_edit(document, lambda c: c.set_answer(clinic.id, first.id, Answer(rating=5)))
    push_edit(document, lambda c: c.set_answer(clinic.id, marked.id, Answer(rating=5)))
    before = _rows(model)[0]
    signalled: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, *_: signalled.append(top.row()))
    push_edit(document, lambda c: c.set_answer(clinic.id, marked.id, Answer(rating=1)))
    after = _rows(model)[0]
    assert after[2] == before[2]  # still as many rated
    assert str(after[0]).endswith(f"\n{RULED_OUT_MARK} {RULED_OUT}")  # said under the name
    assert signalled == [0]
    signalled.clear()
    push_edit(document, lambda c: c.set_answer(clinic.id, marked.id, Answer(rating=2)))
    assert signalled == [0]  # ruled out still, for reasons any answer may change
