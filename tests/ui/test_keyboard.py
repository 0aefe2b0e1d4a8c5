"""Keyboard alone: focus goes where the next keystroke is meant for, Tab leaves tables,
Ctrl+1…6 land inside their page, mnemonics are unique, printing needs no mouse."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from ketachecklist.core.catalogue import AnswerKind
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.print_preview import PrintPreview
from tests.ui.focus import focused_widget
from tests.ui.test_print_dialogs import _when_dialog_opens

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def _press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused_widget(), key, modifier)


def mnemonic(text: str) -> str:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else ""


@pytest.fixture
def active(qtbot: QtBot, example_window: MainWindow) -> MainWindow:
    example_window.activateWindow()
    qtbot.waitUntil(example_window.isActiveWindow)
    return example_window


def _first_of_kind(window: MainWindow, kind: AnswerKind) -> str:
    return next(q.id for q in window.document.comparison.questions() if q.kind is kind)


def test_after_next_question_typing_goes_to_what_the_clinic_said(
    qtbot: QtBot, active: MainWindow
) -> None:
    window = active
    window.show_page(window.answers)
    answers = window.answers
    clinic_id = answers.clinic_id
    answers.editor.rating.setFocus()
    _press(qtbot, Qt.Key.Key_4, ALT)
    first = answers.current_question_id()
    qtbot.waitUntil(lambda: window.document.comparison.answer(clinic_id, first).rating == 4)
    _press(qtbot, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: answers.current_question_id() != first)
    second = answers.current_question_id()
    before = window.document.comparison.answer(clinic_id, second)
    assert focused_widget() is answers.editor.said.editor
    qtbot.keyClicks(focused_widget(), "  yes ")
    after = window.document.comparison.answer(clinic_id, second)
    assert after.rating == before.rating  # Space never re-rates
    assert after.said == before.said + "  yes "  # added at the end of what was there


def test_the_pickers_take_focus_on_the_checked_choice(qtbot: QtBot, active: MainWindow) -> None:
    window = active
    window.show_page(window.answers)
    answers = window.answers
    clinic_id = answers.clinic_id
    answers.show_question(_first_of_kind(window, AnswerKind.RATING))
    answers.editor.rating.buttons[3].click()
    question_id = answers.current_question_id()
    answers.editor.said.setFocus()
    answers.editor.rating.setFocus(Qt.FocusReason.TabFocusReason)
    assert focused_widget() is answers.editor.rating.buttons[3]
    _press(qtbot, Qt.Key.Key_Space)
    assert window.document.comparison.answer(clinic_id, question_id).rating == 3

    answers.show_question(_first_of_kind(window, AnswerKind.YES_NO))
    answers.editor.value.yes_no.buttons[False].click()
    answers.editor.value.yes_no.setFocus(Qt.FocusReason.TabFocusReason)
    assert focused_widget() is answers.editor.value.yes_no.buttons[False]


@pytest.mark.parametrize("page", ["comparison", "weights"])
def test_tab_leaves_a_table(qtbot: QtBot, active: MainWindow, page: str) -> None:
    window = active
    table = getattr(window, page).table
    window.show_page(table)
    table.setFocus()
    table.setCurrentIndex(table.model().index(2, 1))
    _press(qtbot, Qt.Key.Key_Tab)
    assert focused_widget() is not table
    qtbot.keyClick(focused_widget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused_widget() is table  # and Shift+Tab comes back


def test_ctrl_number_puts_the_focus_inside_its_page(qtbot: QtBot, active: MainWindow) -> None:
    window = active
    for number in range(1, 7):
        _press(qtbot, getattr(Qt.Key, f"Key_{number}"), CTRL)
        page = window.current_page()
        assert page.isAncestorOf(focused_widget()), (number, focused_widget())


def _visible_mnemonics(window: MainWindow) -> list[str]:
    """Alt+letter targets active right now: menu titles, visible labels with buddies, buttons."""
    letters = [mnemonic(a.text()) for a in window.menuBar().actions()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if (isinstance(widget, QLabel) and widget.buddy() is not None) or isinstance(
            widget, QAbstractButton
        ):
            letters.append(mnemonic(widget.text()))
    return [letter for letter in letters if letter]


def _repeated(letters: list[str]) -> set[str]:
    return {letter for letter in letters if letters.count(letter) > 1}


def test_mnemonics_are_unique_in_every_menu_and_form(qtbot: QtBot, active: MainWindow) -> None:
    window = active
    for menu in window.menuBar().findChildren(QMenu):
        menu.aboutToShow.emit()  # Open recent fills itself
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        assert _repeated([mnemonic(t) for t in texts if mnemonic(t)]) == set(), menu.title()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert _repeated(_visible_mnemonics(window)) == set(), window.tabs.tabText(index)
    window.show_page(window.answers)
    for kind in AnswerKind:
        window.answers.show_question(_first_of_kind(window, kind))
        assert _repeated(_visible_mnemonics(window)) == set(), kind
    window.answers.add_own_question()
    assert _repeated(_visible_mnemonics(window)) == set(), "own question"


def test_every_menu_item_and_every_answer_choice_has_a_letter(
    qtbot: QtBot, active: MainWindow
) -> None:
    window = active
    for menu in window.menuBar().findChildren(QMenu):
        menu.aboutToShow.emit()  # Open recent fills itself
        unlettered = [
            a.text()
            for a in menu.actions()
            if not a.isSeparator() and a.isEnabled() and not mnemonic(a.text())
        ]
        assert unlettered == [], menu.title()
    window.show_page(window.answers)
    window.answers.show_question(_first_of_kind(window, AnswerKind.YES_NO))
    yes_no = window.answers.editor.value.yes_no
    for value, button in yes_no.buttons.items():
        assert mnemonic(button.text()), button.text()
        assert "&" not in button.accessibleName()
        window.answers.editor.said.setFocus()
        _press(qtbot, getattr(Qt.Key, f"Key_{mnemonic(button.text()).upper()}"), ALT)
        assert focused_widget() is button
        qtbot.waitUntil(lambda: yes_no.value() is value)  # noqa: B023 - picked, as by a click


def test_every_cost_label_takes_the_focus_to_its_field(qtbot: QtBot, active: MainWindow) -> None:
    window = active
    window.show_page(window.answers)
    window.answers.show_question(_first_of_kind(window, AnswerKind.COST))
    cost = window.answers.editor.value.cost
    labels = [label for label in cost.findChildren(QLabel) if label.buddy() is not None]
    assert len(labels) == 5
    for label in labels:
        buddy = label.buddy()
        assert buddy is not None
        if not buddy.isEnabled():
            continue
        window.answers.editor.said.setFocus()
        key = getattr(Qt.Key, f"Key_{mnemonic(label.text()).upper()}")
        _press(qtbot, key, ALT)
        assert buddy is focused_widget() or buddy.isAncestorOf(focused_widget()), label.text()


def test_the_print_preview_prints_from_the_keyboard(qtbot: QtBot, active: MainWindow) -> None:
    printer = QPrinter()
    preview = PrintPreview(printer, active)
    qtbot.add_widget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    button = preview.print_button
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert button.shortcut().toString() == "Ctrl+P"
    print_action = next(a for a in preview.findChildren(QAction) if a.text() == "Print")
    seen = _when_dialog_opens(lambda dialog: dialog.reject())  # the system print dialog
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow)
    button.setFocus()
    with qtbot.waitSignal(print_action.triggered):
        _press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(seen))
    assert isinstance(seen[0], QPrintDialog)
