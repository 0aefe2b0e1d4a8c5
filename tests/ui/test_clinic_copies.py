"""Copies of one clinic can be told apart in the clinic list: each has its own name, and a name
too long for the column is cut in the middle, so its "(copy N)" end stays in view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ketachecklist.ui.clinic_list_model import NAME_COLUMN
from ketachecklist.ui.main_window import MainWindow


def test_copies_of_a_long_named_clinic_look_different_in_the_list(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    window = example_window
    panel = window.clinics
    original = window.document.comparison.clinics[0]
    panel.select_clinic(original.id)
    for _ in range(3):
        panel.select_clinic(original.id)
        panel.duplicate_action.trigger()
    names = [clinic.name for clinic in window.document.comparison.clinics[:4]]
    assert names[1:] == [
        f"{original.name} (copy 3)",
        f"{original.name} (copy 2)",
        f"{original.name} (copy)",
    ]
    view = panel.view
    assert view.textElideMode() == Qt.TextElideMode.ElideMiddle
    view.header().resizeSection(NAME_COLUMN, view.fontMetrics().averageCharWidth() * 18)
    width = view.visualRect(panel.model.index(1, NAME_COLUMN)).width()
    shown = [
        view.fontMetrics().elidedText(
            str(panel.model.index(row, NAME_COLUMN).data()), view.textElideMode(), width - 8
        )
        for row in range(4)
    ]
    assert len(set(shown)) == 4, shown
    assert all(text.endswith(")") for text in shown[1:]), shown
