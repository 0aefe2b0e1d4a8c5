"""The clinic list's "Rated" column keeps fitting its text, measured only for the rows changed
once the edits settle."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ketachecklist.core.document import Answer
from ketachecklist.core.scoring import RED_FLAG_MARK
from ketachecklist.ui.clinic_list_model import PROGRESS_COLUMN
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.main_window import MainWindow


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
