"""User text is data: a clinic called ``<b>Bold</b> & =SUM(A1)`` shows literally everywhere.

Labels must use ``Qt.PlainText``; tooltips (which Qt reads as markup when text merely looks
like some) must come escaped, so that rendering them gives back the very same characters.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ketachecklist.ui.main_window import MainWindow
from tests.ui.conftest import HOSTILE_NAME, ScriptedPrompter

HOSTILE_FILE_NAME = "<i>x<i> & [*] =1.yaml"  # no "/" can be in a file name


def _rendered(tooltip: str) -> str:
    """What a tooltip shows: Qt renders it as rich text when it looks like markup."""
    document = QTextDocument()
    if QtGuiNamespace.mightBeRichText(tooltip):
        document.setHtml(tooltip)
    else:
        document.setPlainText(tooltip)
    return document.toPlainText()


def _all_tooltips(model: QAbstractItemModel) -> list[str]:
    tips = []
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
    for row in range(model.rowCount()):
        for column in range(columns):
            tip = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
            if tip:
                tips.append(str(tip))
    for column in range(columns):
        tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        if tip:
            tips.append(str(tip))
    return tips


def _make_hostile_comparison(qtbot: QtBot, window: MainWindow) -> tuple[str, str]:
    """Type the hostile text into every field a patient can fill, through the real widgets."""
    window.clinics.add_action.trigger()
    clinic_id = window.clinics.current_clinic_id
    name_box = window.details.lines["name"]
    qtbot.waitUntil(name_box.hasFocus)
    name_box.selectAll()
    qtbot.keyClicks(name_box, HOSTILE_NAME)
    window.details.lines["location"].setFocus()
    qtbot.keyClicks(window.details.lines["location"], HOSTILE_NAME)

    window.show_page(window.answers)
    page = window.answers
    qtbot.mouseClick(page.add_question, Qt.MouseButton.LeftButton)
    question_id = page.current_question_id()
    guidance = page.editor.guidance
    qtbot.waitUntil(guidance.wording.hasFocus)
    guidance.wording.selectAll()
    qtbot.keyClicks(guidance.wording, HOSTILE_NAME)
    guidance.why_edit.setFocus()
    qtbot.keyClicks(guidance.why_edit, HOSTILE_NAME)
    qtbot.mouseClick(page.editor.rating.buttons[2], Qt.MouseButton.LeftButton)
    page.editor.said.editor.setFocus()
    qtbot.keyClicks(page.editor.said.editor, HOSTILE_NAME)

    window.show_page(window.decision)
    chooser = window.decision.clinic
    chooser.setCurrentIndex(chooser.findData(clinic_id))
    chooser.activated.emit(chooser.currentIndex())
    window.decision.reason.editor.setFocus()
    qtbot.keyClicks(window.decision.reason.editor, HOSTILE_NAME)
    return clinic_id, question_id


def test_hostile_text_shows_literally_everywhere(
    qtbot: QtBot, window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    clinic_id, question_id = _make_hostile_comparison(qtbot, window)
    comparison = window.document.comparison
    assert comparison.clinic(clinic_id).name == HOSTILE_NAME
    assert comparison.question(question_id).text == HOSTILE_NAME

    # clinic list
    clinics = window.clinics.model
    assert clinics.index(0, 0).data() == HOSTILE_NAME
    # details
    assert window.details.lines["name"].text() == HOSTILE_NAME
    # answers: heading, question list, question text, what they said
    page = window.answers
    assert page.heading.text() == f"Answers from {HOSTILE_NAME}"
    row = page.model.row_of(question_id)
    assert page.model.index(row).data().startswith(HOSTILE_NAME + "\n")
    assert page.editor.guidance.text.text() == HOSTILE_NAME
    assert page.editor.guidance.why_edit.text() == HOSTILE_NAME
    assert page.editor.said.text() == HOSTILE_NAME
    # comparison grid: header, question row, notes shown on demand
    grid = window.comparison.model
    assert grid.headerData(1, Qt.Orientation.Horizontal) == HOSTILE_NAME
    grid_row = grid.row_of_question(question_id)
    assert grid.index(grid_row, 0).data().startswith(f"{HOSTILE_NAME} (your own question)")
    window.comparison.notes.setChecked(True)
    assert grid.index(grid_row, 1).data().endswith("\n" + HOSTILE_NAME)
    # weights table: the question as the grid marks it (its weight has a column of its own)
    weights = window.weights.model
    texts = [weights.index(r, 1).data() for r in range(weights.rowCount())]
    assert f"{HOSTILE_NAME} (your own question)" in texts
    # decision chooser and the standing under it
    chooser = window.decision.clinic
    assert chooser.currentText() == HOSTILE_NAME
    assert HOSTILE_NAME in window.decision.standing.text()
    assert window.decision.reason.text() == HOSTILE_NAME

    # every tooltip of every model renders back to the literal text
    for model in (clinics, page.model, grid, weights):
        for tip in _all_tooltips(model):
            if "Bold" in tip:
                assert HOSTILE_NAME in _rendered(tip), tip
    header_tip = grid.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert _rendered(header_tip) == f"{HOSTILE_NAME}\n{HOSTILE_NAME}"

    # every label that shows the text is plain text (walk the whole window)
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
    showing = [label for label in window.findChildren(QLabel) if "<b>Bold</b>" in label.text()]
    assert len(showing) >= 3  # heading, question, standing
    for label in showing:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.accessibleName()

    # window title and status line after saving under a file name that looks like markup
    target = tmp_path / HOSTILE_FILE_NAME
    prompter.save_paths.append(target)
    window.save_as_action.trigger()
    assert target.exists()
    handle = window.windowHandle()
    assert handle is not None
    assert handle.title() == f"{HOSTILE_FILE_NAME} — ketachecklist"
    assert str(target) in window.statusBar().currentMessage()
    qtbot.keyClicks(window.decision.reason.editor, "!")
    assert window.isWindowModified()
    assert handle.title().startswith(HOSTILE_FILE_NAME)


def test_recent_file_tooltips_are_escaped(
    window: MainWindow, settings_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / HOSTILE_FILE_NAME
    window.settings.add_recent_file(path)
    window.recent_menu.aboutToShow.emit()
    action = window.recent_menu.actions()[0]
    assert action.text() == f"&1 {HOSTILE_FILE_NAME.replace('&', '&&')}"
    assert _rendered(action.toolTip()) == str(path)
