"""The clinic list keeps every clinic's name readable: a long name wraps onto more lines
instead of being cut to "Clinic …ng name", a ruled-out clinic says so on a line of its own, and
rows grow or shrink again when the list is made narrower or wider."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeView
from pytestqt.qtbot import QtBot

from ketachecklist.core.document import Clinic
from ketachecklist.ui.clinic_list_model import NAME_COLUMN, PROGRESS_COLUMN
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.main_window import MainWindow

LONG = "Riverside Ketamine and Mood Disorders Clinic of the Greater Portland Area"


def _row_height(view: QTreeView, row: int) -> int:
    return view.visualRect(view.model().index(row, NAME_COLUMN)).height()


def test_a_long_name_wraps_to_the_list_width_and_back(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    window = example_window
    push_edit(window.document, lambda c: c.add_clinic(Clinic(id="long", name=LONG)))
    view = window.clinics.view
    row = view.model().rowCount() - 1
    assert view.model().index(row, NAME_COLUMN).data() == LONG
    line = view.fontMetrics().lineSpacing()
    progress = view.header().sectionSize(PROGRESS_COLUMN)
    fonts = view.fontMetrics()
    view.setFixedWidth(fonts.horizontalAdvance("Riverside Ketamine") + progress + 30)
    qtbot.waitUntil(lambda: _row_height(view, row) >= 3 * line)  # every word, on more lines
    view.setFixedWidth(fonts.horizontalAdvance(LONG) + progress + 60)
    qtbot.waitUntil(lambda: _row_height(view, row) < 2 * line)  # one line once there is room
