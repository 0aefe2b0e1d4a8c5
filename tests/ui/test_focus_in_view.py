"""Wherever the focus goes on a page that scrolls — Alt+letter, Next question, Tab in from
outside the page — the focused control is scrolled into view, so nothing is typed unseen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ketachecklist.core.catalogue import AnswerKind
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.page_scroll import PageScroll
from tests.ui.focus import focused_widget

ALT = Qt.KeyboardModifier.AltModifier


def _shown_part(widget: QWidget) -> QRect:
    """The part of ``widget`` that every scroll area it sits in lets through."""
    shown = widget.rect()
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        shown = shown.translated(child.pos()).intersected(parent.rect())
        child, parent = parent, parent.parentWidget()
    return shown.translated(-widget.mapTo(child, QPoint(0, 0)))


def _wholly_shown(widget: QWidget) -> bool:
    return _shown_part(widget) == widget.rect()


def _small(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.resize(1024, 700)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: window.width() == 1024)
    return window


def _first_of_kind(window: MainWindow, kind: AnswerKind) -> str:
    return next(q.id for q in window.document.comparison.questions() if q.kind is kind)


def test_next_question_shows_what_the_clinic_said(qtbot: QtBot, example_window: MainWindow) -> None:
    window = _small(qtbot, example_window)
    window.focus_page(window.answers_tab)
    said = window.answers.editor.said.editor
    for _ in range(4):  # questions whose guidance is long enough to push the box down
        before = window.answers.current_question_id()
        qtbot.keyClick(focused_widget(), Qt.Key.Key_N, ALT)
        qtbot.waitUntil(lambda: window.answers.current_question_id() != before)  # noqa: B023
        assert focused_widget() is said
        assert _wholly_shown(said), (window.answers.current_question_id(), _shown_part(said))


def test_a_cost_label_shows_its_field(qtbot: QtBot, example_window: MainWindow) -> None:
    window = _small(qtbot, example_window)
    window.show_page(window.answers)
    window.answers.show_question(_first_of_kind(window, AnswerKind.COST))
    cost = window.answers.editor.value.cost
    for key, field in ((Qt.Key.Key_R, cost.price), (Qt.Key.Key_M, cost.sessions)):
        window.answers.editor.rating.setFocus()
        qtbot.keyClick(focused_widget(), key, ALT)
        assert field.isAncestorOf(focused_widget())
        assert _wholly_shown(focused_widget()), (
            field.accessibleName(),
            _shown_part(focused_widget()),
        )


def test_focus_set_by_the_app_scrolls_into_view(qtbot: QtBot, example_window: MainWindow) -> None:
    window = _small(qtbot, example_window)
    window.show_page(window.answers)
    said = window.answers.editor.said.editor
    window.answers.scroll_area.verticalScrollBar().setValue(0)
    window.answers.editor.rating.setFocus()
    said.setFocus(Qt.FocusReason.OtherFocusReason)
    assert _wholly_shown(said), _shown_part(said)


def test_tab_in_from_the_page_tabs_shows_the_family_section(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    window = _small(qtbot, example_window)
    window.show_page(window.decision)
    scroll = window.decision_tab.findChild(PageScroll)
    assert scroll is not None
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0)  # the page scrolls
    bar = scroll.verticalScrollBar()
    bar.setValue(bar.maximum())  # left at the bottom, at the decision form
    family = window.decision.family
    window.tabs.tabBar().setFocus(Qt.FocusReason.OtherFocusReason)
    for _ in range(6):
        qtbot.keyClick(focused_widget(), Qt.Key.Key_Tab)
        if window.decision.isAncestorOf(focused_widget()):
            break
    assert focused_widget() is family
    shown = _shown_part(family)
    assert shown.top() == 0, shown  # its top in view, where its reading starts
    assert shown.height() >= min(family.height(), scroll.viewport().height() // 2), shown


def test_a_window_coming_back_keeps_the_page_where_it_was_left(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    """Back from another app, the window's focus is restored: the patient who scrolled the
    page to read on finds it as they left it, not jumped back to the focused box."""
    window = _small(qtbot, example_window)
    window.show_page(window.answers)
    said = window.answers.editor.said.editor
    said.setFocus(Qt.FocusReason.OtherFocusReason)
    assert _wholly_shown(said)
    bar = window.answers.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum() if bar.value() == 0 else 0)  # read on, by the scroll bar
    left = bar.value()
    other = QWidget()
    qtbot.add_widget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not said)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is said)
    assert bar.value() == left
