"""Keyboard alone, accessible names, the system palette (dark too) and the system font size."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QTableView, QWidget
from pytestqt.qtbot import QtBot

from ketachecklist.core.catalogue import Catalogue
from ketachecklist.ui.app import build_main_window
from ketachecklist.ui.comparison_model import RowKind
from ketachecklist.ui.contrast import contrast_ratio
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.settings import AppSettings
from tests.ui.conftest import ScriptedPrompter
from tests.ui.focus import focused_widget

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _type(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused_widget(), text)


def _press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused_widget(), key, modifier)


def _tab_until(qtbot: QtBot, wanted: type[QWidget] | QWidget, limit: int = 60) -> QWidget:
    for _ in range(limit):
        widget = focused_widget()
        if widget is wanted or (isinstance(wanted, type) and isinstance(widget, wanted)):
            return widget
        _press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {wanted}")


@pytest.fixture
def active_window(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_keyboard_only_walkthrough(
    qtbot: QtBot, active_window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    window = active_window
    comparison = lambda: window.document.comparison  # noqa: E731 - replaced on Open/New

    # Add a clinic: its name box has the focus, all selected, so just type; Tab to the next box.
    _press(qtbot, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: focused_widget() is window.details.lines["name"])
    _type(qtbot, "Harbor Light")
    _press(qtbot, Qt.Key.Key_Tab)
    assert focused_widget() is window.details.lines["location"]
    _type(qtbot, "Springfield")
    clinic_id = window.clinics.current_clinic_id
    assert comparison().clinic(clinic_id).name == "Harbor Light"
    assert comparison().clinic(clinic_id).location == "Springfield"

    # Answers (Ctrl+2): Tab into the page, rate with Alt+4, say what they said with Alt+S.
    _press(qtbot, Qt.Key.Key_2, CTRL)
    assert window.current_page() is window.answers
    _tab_until(qtbot, window.answers.questions)
    question_id = window.answers.current_question_id()
    _press(qtbot, Qt.Key.Key_4, ALT)  # a mnemonic "animates" the click: it lands a moment later
    qtbot.waitUntil(lambda: comparison().answer(clinic_id, question_id).rating == 4)
    _press(qtbot, Qt.Key.Key_S, ALT)
    assert focused_widget() is window.answers.editor.said.editor
    _type(qtbot, "A psychiatrist, in person.")
    assert comparison().answer(clinic_id, question_id).said == "A psychiatrist, in person."
    # Next question with Alt+N; the arrow keys move through the rating scale.
    _press(qtbot, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: window.answers.current_question_id() != question_id)
    second_question = window.answers.current_question_id()
    _press(qtbot, Qt.Key.Key_2, ALT)
    qtbot.waitUntil(lambda: comparison().answer(clinic_id, second_question).rating == 2)
    assert focused_widget() is window.answers.editor.rating.buttons[2]
    _press(qtbot, Qt.Key.Key_Right)
    assert comparison().answer(clinic_id, second_question).rating == 3

    # Comparison (Ctrl+3): Tab to the grid, move to the first answer cell, Enter opens it.
    _press(qtbot, Qt.Key.Key_3, CTRL)
    grid = window.comparison.table
    _tab_until(qtbot, grid)
    model = window.comparison.model
    grid.setCurrentIndex(model.index(0, 1))
    while model.row(grid.currentIndex().row()).kind is not RowKind.QUESTION:
        _press(qtbot, Qt.Key.Key_Down)
    assert grid.currentIndex().data().startswith("4 – Good")
    _press(qtbot, Qt.Key.Key_Return)
    assert window.current_page() is window.answers
    assert window.answers.current_question_id() == question_id

    # Undo / Redo with the standard keys from anywhere.
    _press(qtbot, Qt.Key.Key_Z, CTRL)
    assert comparison().answer(clinic_id, second_question).rating == 2
    redo = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)[0][0]
    qtbot.keyClick(focused_widget(), redo.key(), redo.keyboardModifiers())
    assert comparison().answer(clinic_id, second_question).rating == 3

    # Decision (Ctrl+6): Alt+N picks the chooser, Down chooses, Alt+W writes the reason.
    _press(qtbot, Qt.Key.Key_6, CTRL)
    _press(qtbot, Qt.Key.Key_N, ALT)
    assert focused_widget() is window.decision.clinic
    _press(qtbot, Qt.Key.Key_Down)
    assert comparison().decision.clinic_id == clinic_id
    _press(qtbot, Qt.Key.Key_W, ALT)
    _type(qtbot, "Kind people.")
    assert comparison().decision.reason == "Kind people."

    # Save with Ctrl+S: the title loses its unsaved marker.
    assert window.isWindowModified()
    target = tmp_path / "mine.yaml"
    prompter.save_paths.append(target)
    _press(qtbot, Qt.Key.Key_S, CTRL)
    assert target.exists()
    assert not window.isWindowModified()


def test_every_focusable_widget_has_an_accessible_name(example_window: MainWindow) -> None:
    window = example_window
    # Show the patient's own-question controls too (they are hidden for catalogue questions).
    window.show_page(window.answers)
    window.answers.add_own_question()
    unnamed = []
    for widget in window.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if not widget.accessibleName().strip():
            unnamed.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert unnamed == []


def test_buttons_and_labels_name_themselves_in_words(example_window: MainWindow) -> None:
    """No control is an unlabelled icon: every button has text or an accessible name."""
    for button in example_window.findChildren(QAbstractButton):
        if button.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue  # e.g. a table's corner button, which the keyboard never reaches
        assert button.text().replace("&", "").strip() or button.accessibleName().strip()


def _dark_palette() -> QPalette:
    palette = QPalette()
    dark, darker, light = QColor(45, 45, 48), QColor(30, 30, 32), QColor(230, 230, 230)
    for role, colour in (
        (QPalette.ColorRole.Window, dark),
        (QPalette.ColorRole.Base, darker),
        (QPalette.ColorRole.AlternateBase, QColor(55, 55, 60)),
        (QPalette.ColorRole.Button, dark),
        (QPalette.ColorRole.Text, light),
        (QPalette.ColorRole.WindowText, light),
        (QPalette.ColorRole.ButtonText, light),
        (QPalette.ColorRole.PlaceholderText, QColor(150, 150, 150)),
        (QPalette.ColorRole.Highlight, QColor(60, 110, 200)),
        (QPalette.ColorRole.HighlightedText, light),
    ):
        palette.setColor(role, colour)
    return palette


@pytest.fixture
def dark_palette(qapp: QApplication) -> Iterator[QPalette]:
    original = qapp.palette()
    palette = _dark_palette()
    qapp.setPalette(palette)
    yield palette
    qapp.setPalette(original)


def test_follows_a_dark_palette(
    qtbot: QtBot, dark_palette: QPalette, example_window: MainWindow
) -> None:
    window = example_window
    # No widget carries its own colours: everything comes from the palette.
    assert all(not w.styleSheet() for w in window.findChildren(QWidget))
    model = window.comparison.model
    set_row = next(r for r in range(model.rowCount()) if model.row(r).kind is RowKind.SET)
    background = model.index(set_row, 1).data(Qt.ItemDataRole.BackgroundRole)
    assert background.color() == dark_palette.color(QPalette.ColorRole.AlternateBase)
    blank = next(
        model.index(r, c)
        for r in range(model.rowCount())
        for c in range(1, model.columnCount())
        if model.index(r, c).data() == "Not asked yet"
    )
    # Muted, but readable: 4.5:1 on Base (the palette's PlaceholderText grey is not).
    foreground = blank.data(Qt.ItemDataRole.ForegroundRole).color()
    base = dark_palette.color(QPalette.ColorRole.Base)
    assert foreground != dark_palette.color(QPalette.ColorRole.Text)
    assert contrast_ratio(foreground, base) >= 4.5
    # What is painted is dark: sample the whole window on every page.
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        image = window.grab().toImage()
        step = 17
        samples = [
            image.pixelColor(x, y).lightness()
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        ]
        dark_share = sum(1 for value in samples if value < 100) / len(samples)
        assert dark_share > 0.8, window.tabs.tabText(index)


@pytest.fixture
def large_font(qapp: QApplication) -> Iterator[QFont]:
    original = qapp.font()
    font = QFont(original)
    font.setPointSizeF(max(original.pointSizeF(), 9.0) * 2)
    qapp.setFont(font)
    yield font
    qapp.setFont(original)


def test_text_scales_with_the_system_font(
    qtbot: QtBot,
    catalogue: Catalogue,
    settings: AppSettings,
    prompter: ScriptedPrompter,
    large_font: QFont,
) -> None:
    window = build_main_window(settings, catalogue, prompter)
    qtbot.add_widget(window)
    window.show()
    for widget in window.findChildren(QWidget):
        font = widget.font()
        assert font.pixelSize() == -1, type(widget).__name__  # sizes in points, never pixels
        assert font.pointSizeF() >= large_font.pointSizeF() - 0.01, type(widget).__name__
    # Headings stay bigger than body text; sizes derived from the font, not fixed.
    assert window.answers.heading.font().pointSizeF() > large_font.pointSizeF()
    table: QTableView = window.comparison.table
    # The question column is measured in characters of this font: 52 where there is room, giving
    # way (to at least 20) only so that two clinics fit beside it in a narrow window.
    metrics = table.fontMetrics()
    room = table.viewport().width() * 9 // 20
    assert table.columnWidth(0) >= min(metrics.horizontalAdvance("x" * 52), room)
    assert table.columnWidth(0) >= metrics.horizontalAdvance("x" * 20)
