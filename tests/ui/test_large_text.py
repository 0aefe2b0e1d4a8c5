"""Large text and small windows: at 1.5× and 2× the system font in a 1280×720 window, and at
1024×700, every page wraps to the window and no control is cut off at the side.

"Cut off" is measured, not looked at: every visible widget's right edge, mapped to the window,
stays inside the window and inside the scrolling viewport that clips it; every button is at
least as wide as its text needs; every wrapped label is as tall as its wrapped text; no two
widgets one layout places overlap (a form row that wrapped used to be drawn over the next).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLayout,
    QTabBar,
    QWidget,
)
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from ketachecklist.core.catalogue import AnswerKind, Catalogue
from ketachecklist.ui.app import build_main_window
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.settings import AppSettings
from tests.ui.conftest import ScriptedPrompter
from tests.ui.palettes import scaled_text

SMALL_SCREEN = QSize(1280, 720)


@pytest.fixture
def font_scale(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    yield from scaled_text(qapp, request.param)


def _settle() -> None:
    QApplication.sendPostedEvents()
    QApplication.processEvents()


def _clipping_viewport(widget: QWidget, top: QWidget) -> QWidget | None:
    """The nearest scroll area's viewport the widget is drawn in (it clips what passes it)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            return parent
        parent = parent.parentWidget()
    return None


def _right_edge(widget: QWidget, window: QWidget) -> int:
    return widget.mapTo(window, QPoint(widget.width(), 0)).x()


def cut_off_widgets(page: QWidget, window: QWidget) -> list[str]:
    """Every visible widget on ``page`` that is cut off at the side, or squeezed, in words."""
    problems = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.width() <= 0:
            continue
        if isinstance(widget.parentWidget(), QAbstractItemView | QTabBar):
            continue  # an item view's editors and a tab bar's arrows are sized by Qt itself
        name = f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r}"
        right = _right_edge(widget, window)
        if right > window.width():
            problems.append(f"{name} ends at {right}, past the window ({window.width()})")
        viewport = _clipping_viewport(widget, window)
        if viewport is not None and right > _right_edge(viewport, window) + 1:
            problems.append(f"{name} ends at {right}, past its scroll area")
        if isinstance(widget, QAbstractButton) and widget.width() < widget.sizeHint().width():
            problems.append(f"{name} is {widget.width()} wide, its text needs more")
        if (
            isinstance(widget, QLabel)
            and widget.wordWrap()
            and widget.text()
            and widget.height() < widget.heightForWidth(widget.width())
        ):
            problems.append(f"{name} is shorter than its wrapped text")
    return problems


def _laid_out_widgets(layout: QLayout) -> list[QWidget]:
    """The widgets a layout and the layouts inside it place."""
    widgets = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if (widget := item.widget()) is not None:
            widgets.append(widget)
        elif (inner := item.layout()) is not None:
            widgets.extend(_laid_out_widgets(inner))
    return widgets


def overlapping_widgets(page: QWidget, window: QWidget) -> list[str]:
    """Every pair of visible widgets that one layout places over each other, in words."""
    problems = []
    for parent in [page, *page.findChildren(QWidget)]:
        layout = parent.layout()
        if layout is None or not parent.isVisibleTo(window):
            continue
        shown = [
            widget
            for widget in _laid_out_widgets(layout)
            if widget.isVisibleTo(window) and not widget.geometry().isEmpty()
        ]
        for position, first in enumerate(shown):
            for second in shown[position + 1 :]:
                common: QRect = first.geometry() & second.geometry()
                if common.width() > 1 and common.height() > 1:
                    problems.append(
                        f"{type(first).__name__} {first.accessibleName()!r} overlaps "
                        f"{type(second).__name__} {second.accessibleName()!r}"
                    )
    return problems


def _window(
    qtbot: QtBot,
    settings: AppSettings,
    catalogue: Catalogue,
    prompter: ScriptedPrompter,
    example_file: Path,
    size: QSize,
) -> MainWindow:
    window = build_main_window(settings, catalogue, prompter)
    qtbot.add_widget(window)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    assert window.controller.open_path(example_file, confirm=False)
    _settle()
    return window


def _fits(qtbot: QtBot, page: QWidget, window: QWidget, what: object) -> None:
    """Layouts settle over a few posted events: wait for them, then nothing may be cut off."""

    def check() -> None:
        assert cut_off_widgets(page, window) == [], what
        assert overlapping_widgets(page, window) == [], what

    _settle()
    try:
        qtbot.waitUntil(check, timeout=3000)
    except TimeoutError:
        check()  # says what is cut off
        raise


def _check_every_page(qtbot: QtBot, window: MainWindow) -> None:
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        _fits(qtbot, window.current_page(), window, window.tabs.tabText(index))
    _fits(qtbot, window.clinics, window, "clinic list")
    _fits(qtbot, window.welcome, window, "welcome note")  # its words scroll, never cut
    assert window.welcome.height() <= window.height() // 3


def _check_answers(qtbot: QtBot, window: MainWindow) -> None:
    """Every kind of question, with its guidance and all rating choices, fits the width."""
    window.show_page(window.answers)
    answers = window.answers
    seen: set[AnswerKind] = set()
    for question in window.document.comparison.questions():
        if question.kind in seen:
            continue
        seen.add(question.kind)
        answers.show_question(question.id)
        _fits(qtbot, answers, window, question.kind)
        guidance = answers.editor.guidance
        for label in (guidance.text, guidance.why, guidance.reassuring, guidance.source):
            if label.text():
                assert label.isVisibleTo(window), label.accessibleName()
        for button in answers.editor.rating.buttons.values():
            assert button.isVisibleTo(window), button.text()
    assert len(seen) >= 4


@pytest.mark.parametrize("font_scale", [1.5, 2.0], indirect=True)
def test_a_large_font_fits_a_1280_by_720_screen(
    qtbot: QtBot,
    settings: AppSettings,
    catalogue: Catalogue,
    prompter: ScriptedPrompter,
    example_file: Path,
    font_scale: float,
) -> None:
    window = _window(qtbot, settings, catalogue, prompter, example_file, SMALL_SCREEN)
    assert window.welcome.isVisible()  # the first-start note is shown too, and still fits
    minimum = window.minimumSizeHint()
    assert minimum.width() <= SMALL_SCREEN.width(), minimum
    assert minimum.height() <= SMALL_SCREEN.height(), minimum
    assert window.size() == SMALL_SCREEN  # nothing forced the window to grow past the screen
    _check_every_page(qtbot, window)
    _check_answers(qtbot, window)


@pytest.mark.parametrize("font_scale", [1.0, 2.0], indirect=True)
def test_a_1024_by_700_window_cuts_nothing_off(
    qtbot: QtBot,
    settings: AppSettings,
    catalogue: Catalogue,
    prompter: ScriptedPrompter,
    example_file: Path,
    font_scale: float,
) -> None:
    size = QSize(1024, 700)
    window = _window(qtbot, settings, catalogue, prompter, example_file, size)
    assert window.size() == size
    _check_every_page(qtbot, window)  # at 2× the Compare button too: whole, inside its page
    _check_answers(qtbot, window)


@pytest.fixture
def window_1280_by_800(
    qtbot: QtBot,
    settings: AppSettings,
    catalogue: Catalogue,
    prompter: ScriptedPrompter,
    example_file: Path,
    font_scale: float,
) -> MainWindow:
    """The example in a 1280×800 window, at the font scale the test asks for."""
    return _window(qtbot, settings, catalogue, prompter, example_file, QSize(1280, 800))


@pytest.mark.parametrize("font_scale", [2.0], indirect=True)
def test_two_clinics_fit_beside_the_questions_at_twice_the_text(
    window_1280_by_800: MainWindow,
) -> None:
    window = window_1280_by_800
    window.show_page(window.comparison)
    table = window.comparison.table
    _settle()
    viewport = table.viewport().width()
    question = table.columnWidth(0)
    clinics = [table.columnWidth(c) for c in range(1, window.comparison.model.columnCount())]
    assert question <= viewport * 0.45
    assert question + clinics[0] + clinics[1] <= viewport, (question, clinics, viewport)
    metrics = table.fontMetrics()
    assert min(clinics) >= metrics.horizontalAdvance("x" * 14)  # still a readable column


@pytest.mark.parametrize("font_scale", [1.0, 2.0], indirect=True)
def test_the_clinic_list_has_room_for_a_name_and_every_page_tab_shows(
    window_1280_by_800: MainWindow,
) -> None:
    window = window_1280_by_800
    _settle()
    wanted = window.fontMetrics().horizontalAdvance("x" * 34)
    panel = window.clinics.width()
    assert panel >= min(wanted, window.width() // 4) - 8, (panel, wanted)  # the splitter's handle
    assert panel <= window.width() // 4 + 8
    bar = window.tabs.tabBar()
    for index in range(bar.count()):  # every page's tab inside the bar: no scroll arrows
        assert bar.tabRect(index).right() <= bar.width(), bar.tabText(index)
        assert bar.tabToolTip(index).startswith(bar.tabText(index))  # the whole name
    # Once the patient moves the divider, a resize keeps where they left it.
    window.splitter.setSizes([window.splitter.width() // 2, window.splitter.width() // 2])
    window.splitter.splitterMoved.emit(window.splitter.width() // 2, 1)
    moved = window.clinics.width()
    window.resize(1200, 760)
    _settle()
    assert abs(window.clinics.width() - moved * 1200 / 1280) < 40
