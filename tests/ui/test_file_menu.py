"""The File menu through its real actions: New, Open, Save, Save As, recent files, the title with
its unsaved marker, the question before losing changes, and the remembered window layout."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from ketachecklist.core.catalogue import Catalogue
from ketachecklist.core.storage import load_comparison
from ketachecklist.ui.app import build_main_window
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.menus import recent_labels
from ketachecklist.ui.prompter import SaveChoice
from ketachecklist.ui.settings import AppSettings
from tests.ui.conftest import ScriptedPrompter


def _title(window: MainWindow) -> str:
    """The title the window system shows (Qt has put the unsaved marker in or taken it out)."""
    handle = window.windowHandle()
    assert handle is not None
    return handle.title()


def _add_named_clinic(qtbot: QtBot, window: MainWindow, name: str) -> None:
    window.clinics.add_action.trigger()
    box = window.details.lines["name"]
    box.selectAll()
    qtbot.keyClicks(box, name)


def test_save_as_save_and_reopen(
    qtbot: QtBot, window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    assert _title(window) == "Untitled comparison — ketachecklist"
    _add_named_clinic(qtbot, window, "Harbor Light")
    assert window.isWindowModified()
    assert _title(window) == "Untitled comparison* — ketachecklist"

    target = tmp_path / "clinics.yaml"
    prompter.save_paths.append(target)
    with qtbot.waitSignal(window.controller.saved):
        window.save_action.trigger()  # untitled: Save asks where, like Save As
    assert not window.isWindowModified()
    assert _title(window) == "clinics.yaml — ketachecklist"
    assert window.windowFilePath() == str(target)
    assert "Saved to" in window.statusBar().currentMessage()

    clinic_id = window.clinics.current_clinic_id
    window.show_page(window.answers)
    qtbot.mouseClick(window.answers.editor.rating.buttons[5], Qt.MouseButton.LeftButton)
    assert _title(window) == "clinics.yaml* — ketachecklist"
    window.save_action.trigger()
    assert not window.isWindowModified()
    saved = load_comparison(target, window.document.comparison.catalogue)
    assert saved.clinic(clinic_id).name == "Harbor Light"
    assert saved.answer(clinic_id, "evaluation-who-evaluates").rating == 5
    # Undo after saving makes the document unsaved again; Redo brings it back to "saved".
    window.undo_action.trigger()
    assert window.isWindowModified()
    window.redo_action.trigger()
    assert not window.isWindowModified()

    # Save As somewhere else: the title follows.
    other = tmp_path / "copy.yaml"
    prompter.save_paths.append(other)
    window.save_as_action.trigger()
    assert other.exists()
    assert _title(window) == "copy.yaml — ketachecklist"

    # New, then Open the first file again through the menu: the grid shows it.
    window.new_action.trigger()
    assert window.document.comparison.clinics == []
    assert window.comparison.model.columnCount() == 1
    assert _title(window) == "Untitled comparison — ketachecklist"
    prompter.open_paths.append(target)
    window.open_action.trigger()
    assert [c.name for c in window.document.comparison.clinics] == ["Harbor Light"]
    grid = window.comparison.model
    assert grid.headerData(1, Qt.Orientation.Horizontal) == "Harbor Light"
    row = grid.row_of_question("evaluation-who-evaluates")
    assert grid.index(row, 1).data().endswith("5 – Reassuring")
    assert not window.document.undo_stack.canUndo()  # a fresh history for the opened file
    assert prompter.asked_to_save == []  # nothing was unsaved at any point


def test_unsaved_changes_are_asked_about(
    qtbot: QtBot, window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    _add_named_clinic(qtbot, window, "Riverside")
    # Cancel keeps everything as it was, for New, Open and closing the window.
    prompter.save_choices.extend([SaveChoice.CANCEL, SaveChoice.CANCEL, SaveChoice.CANCEL])
    window.new_action.trigger()
    prompter.open_paths.append(tmp_path / "never-read.yaml")
    window.open_action.trigger()
    assert not window.close()
    assert window.isVisible()
    assert prompter.asked_to_save == ["Untitled comparison"] * 3
    assert [c.name for c in window.document.comparison.clinics] == ["Riverside"]
    assert prompter.errors == []

    # Save from the question: it is saved, then the window closes.
    target = tmp_path / "asked.yaml"
    prompter.save_choices.append(SaveChoice.SAVE)
    prompter.save_paths.append(target)
    assert window.close()
    assert target.exists()


def test_discarding_changes_closes_without_writing(
    qtbot: QtBot, window: MainWindow, prompter: ScriptedPrompter
) -> None:
    _add_named_clinic(qtbot, window, "Quickwell")
    prompter.save_choices.append(SaveChoice.DISCARD)
    window.new_action.trigger()
    assert window.document.comparison.clinics == []
    assert not window.isWindowModified()


def test_recent_files_menu_opens_a_file(
    qtbot: QtBot, window: MainWindow, example_file: Path, tmp_path: Path
) -> None:
    window.recent_menu.aboutToShow.emit()
    assert [a.text() for a in window.recent_menu.actions()] == ["No recent files"]
    assert window.controller.open_path(example_file)
    window.new_action.trigger()
    window.recent_menu.aboutToShow.emit()
    entries = window.recent_menu.actions()
    assert entries[0].text() == f"&1 {example_file.name}"
    entries[0].trigger()
    assert len(window.document.comparison.clinics) == 3
    assert _title(window) == f"{example_file.name} — ketachecklist"
    # "Clear this list" empties it.
    window.recent_menu.aboutToShow.emit()
    clear = next(a for a in window.recent_menu.actions() if a.text() == "&Clear this list")
    clear.trigger()
    window.recent_menu.aboutToShow.emit()
    assert [a.text() for a in window.recent_menu.actions()] == ["No recent files"]


def test_recent_files_with_one_name_are_told_apart_by_their_folders(
    qtbot: QtBot, window: MainWindow, example_file: Path, tmp_path: Path
) -> None:
    mine = [tmp_path / who / "comparisons" / "mine.yaml" for who in ("mum", "me")]
    for path in mine:
        path.parent.mkdir(parents=True)
        shutil.copy(example_file, path)
        assert window.controller.open_path(path)
    window.recent_menu.aboutToShow.emit()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert texts[:2] == ["&1 mine.yaml — me/comparisons", "&2 mine.yaml — mum/comparisons"]
    assert recent_labels([Path("/a/x.yaml"), Path("/b/y.yaml")]) == ["x.yaml", "y.yaml"]
    assert recent_labels([Path("/a/c/x.yaml"), Path("/b/c/x.yaml")]) == [
        "x.yaml — a/c",
        "x.yaml — b/c",
    ]


def test_window_size_and_layout_are_remembered(
    qtbot: QtBot,
    catalogue: Catalogue,
    settings_path: Path,
    prompter: ScriptedPrompter,
) -> None:
    first_settings = AppSettings(QSettings(str(settings_path), QSettings.Format.IniFormat))
    first = build_main_window(first_settings, catalogue, prompter)
    qtbot.add_widget(first)
    first.show()
    qtbot.waitExposed(first)
    # The offscreen screen is 800 pixels wide, narrower than the window can be: use its
    # narrowest width, which restoring keeps (a wider one would be fitted to the screen).
    first.resize(first.minimumSizeHint().width(), 700)
    qtbot.waitUntil(lambda: first.height() == 700)
    first.splitter.setSizes([10_000, 1])  # the clinic list as wide as it can be
    first.show_page(first.answers)
    first.answers.splitter.setSizes([10_000, 1])
    sizes = first.splitter.sizes()
    answers_sizes = first.answers.splitter.sizes()
    assert first.close()  # saves the layout

    again_settings = AppSettings(QSettings(str(settings_path), QSettings.Format.IniFormat))
    again = build_main_window(again_settings, catalogue, prompter)
    qtbot.add_widget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == first.size()
    again.show_page(again.answers)
    assert again.splitter.sizes() == sizes
    assert again.answers.splitter.sizes() == answers_sizes


def test_standard_shortcuts(window: MainWindow) -> None:
    expected = {
        window.new_action: QKeySequence.StandardKey.New,
        window.open_action: QKeySequence.StandardKey.Open,
        window.save_action: QKeySequence.StandardKey.Save,
        window.undo_action: QKeySequence.StandardKey.Undo,
    }
    for action, key in expected.items():
        assert action.shortcut() in QKeySequence.keyBindings(key)
    assert not window.save_as_action.shortcut().isEmpty()
    assert not window.quit_action.shortcut().isEmpty()
    assert not window.redo_action.shortcut().isEmpty()
    assert [a.shortcut().toString() for a in window.page_actions] == [
        f"Ctrl+{n}" for n in range(1, 7)
    ]
