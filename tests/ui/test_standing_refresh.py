"""A rating that rules a clinic out by a deal-breaker changes how every other clinic stands
("1st of 2 in the running"), although no rank by score moved: the grid's rank row follows."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ketachecklist.core.catalogue import AnswerKind
from ketachecklist.core.document import Answer
from ketachecklist.present.decision_types import RULED_OUT
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.comparison_model import SORT_AS_ENTERED
from ketachecklist.ui.main_window import MainWindow
from tests.ui.test_grid_refresh import differences, grid_cells


def test_ruling_out_the_last_clinic_rewords_every_rank(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    window = example_window
    window.show_page(window.comparison)
    document, model = window.document, window.comparison.model
    comparison = document.comparison
    last = document.scores.ranking[-1]
    question = next(
        q
        for q in comparison.questions()
        if q.kind is AnswerKind.RATING and comparison.answer(last, q.id).rating is None
    )
    push_edit(document, lambda c: c.set_deal_breaker(question.id, True), "deal-breaker")
    qtbot.waitUntil(lambda: not window.comparison._resize_rows.isActive())
    leader = document.scores.ranking[0]
    # An answer edit first, so the next one refreshes only the cells it changed.
    push_edit(document, lambda c: c.set_answer(leader, question.id, Answer(rating=5)), "rating")
    qtbot.waitUntil(lambda: not window.comparison._resize_rows.isActive())
    grid_cells(model)  # every cell read (and kept) before the edit
    ranks = {s.clinic_id: s.rank for s in document.scores.clinics}

    push_edit(document, lambda c: c.set_answer(last, question.id, Answer(rating=1)), "rating")
    qtbot.waitUntil(lambda: not window.comparison._resize_rows.isActive())

    assert {s.clinic_id: s.rank for s in document.scores.clinics} == ranks  # none moved
    assert document.presentation.is_ruled_out(last)
    assert differences(model, SORT_AS_ENTERED, notes=False) == []
    rank_row = model.summary_rows()[0]
    shown = {
        clinic_id: model.index(rank_row, column).data()
        for column, clinic_id in enumerate(model.clinic_order(), start=1)
    }
    assert shown[last] == RULED_OUT
    others = [text for clinic_id, text in shown.items() if clinic_id != last]
    assert others
    assert all(text.endswith("in the running") for text in others), shown
