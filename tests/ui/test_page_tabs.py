"""Every page tab's and question set tab's name is readable in full when it can be: at
1280×800 with the text at 2× (long names on two lines) and at 1024×700 at 1×, the words the
style is given to paint are the whole name and the tab's painted words are as wide as the whole
name needs; only a tab bar really too narrow shortens them, and the full names stay the tabs'
text and tooltips."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QStyleOptionTab,
    QTabWidget,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ketachecklist.ui.app import build_main_window
from ketachecklist.ui.contrast import contrast_ratio
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.page_tab_bar import PageTabBar, two_lines
from ketachecklist.ui.settings import AppSettings
from tests.ui.conftest import ScriptedPrompter
from tests.ui.palettes import palette, scaled_text

__all__ = ["palette"]  # the fixture, used by name


@pytest.fixture
def text_scale(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    yield from scaled_text(qapp, request.param)


def painted_words(bar: PageTabBar, index: int) -> str:
    option = QStyleOptionTab()
    bar.initStyleOption(option, index)
    return option.text


def ink_width(bar: PageTabBar, index: int) -> int:
    """How wide the tab's words are as painted: the columns, inside the tab's outline, with a
    pixel 3:1 from the tab's own colour."""
    rect = bar.tabRect(index).adjusted(4, 4, -4, -4)
    image = bar.grab(rect).toImage()
    face = QColor.fromRgba(
        Counter(
            image.pixel(x, y) for y in range(image.height()) for x in range(image.width())
        ).most_common(1)[0][0]
    )
    columns = [
        x
        for x in range(image.width())
        if any(contrast_ratio(image.pixelColor(x, y), face) >= 3 for y in range(image.height()))
    ]
    return columns[-1] - columns[0] + 1 if columns else 0


def widest_line(bar: PageTabBar, text: str) -> int:
    metrics = bar.fontMetrics()
    return max(metrics.horizontalAdvance(line) for line in text.split("\n"))


@pytest.mark.parametrize(
    ("text_scale", "size"),
    [(2.0, QSize(1280, 800)), (1.0, QSize(1024, 700))],
    indirect=["text_scale"],
    ids=["2x-1280x800", "1x-1024x700"],
)
def test_every_page_tab_shows_its_whole_name(
    qtbot: QtBot,
    settings: AppSettings,
    prompter: ScriptedPrompter,
    palette: str,
    text_scale: float,
    size: QSize,
) -> None:
    window: MainWindow = build_main_window(settings, prompter=prompter)
    qtbot.add_widget(window)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    bar = window.tabs.tabBar()
    assert isinstance(bar, PageTabBar)
    qtbot.waitUntil(lambda: bar.width() > 0 and bar.tabRect(bar.count() - 1).right() > 0)
    for index in range(bar.count()):
        name = bar.tabText(index)
        words = painted_words(bar, index)
        assert words.replace("\n", " ") == name, (palette, text_scale, words)
        assert bar.tabRect(index).right() <= bar.width(), name  # no tab off the edge
        # The painted words are as wide as the whole name needs (a shortened one is not).
        assert ink_width(bar, index) >= widest_line(bar, words) - 6, (palette, name)
        assert bar.tabToolTip(index).startswith(name)
    if text_scale == 2.0:  # the long name went onto two lines, the short ones did not
        assert "\n" in painted_words(bar, 4)
        assert "\n" not in painted_words(bar, 1)


@pytest.mark.parametrize("text_scale", [2.0], indirect=True)
def test_at_twice_the_text_in_1024_by_700_the_page_tabs_scroll_with_whole_names(
    qtbot: QtBot, settings: AppSettings, prompter: ScriptedPrompter, text_scale: float
) -> None:
    window: MainWindow = build_main_window(settings, prompter=prompter)
    qtbot.add_widget(window)
    window.resize(QSize(1024, 700))
    window.show()
    qtbot.waitExposed(window)
    bar = window.tabs.tabBar()
    assert isinstance(bar, PageTabBar)
    qtbot.waitUntil(lambda: bar.width() > 0 and bar.tabRect(bar.count() - 1).right() > 0)
    for index in range(bar.count()):  # whole names, the long ones on two lines
        assert painted_words(bar, index).replace("\n", " ") == bar.tabText(index)
    assert "\n" in painted_words(bar, 4)
    for index in range(bar.count()):  # each page's tab scrolled into view when in front
        window.page_actions[index].trigger()  # Ctrl+1…6
        QApplication.processEvents()
        arrows = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
        end = min((b.x() for b in arrows), default=bar.width())
        tab = bar.tabRect(index)
        assert tab.left() >= 0, (bar.tabText(index), tab)
        assert tab.right() < end, (bar.tabText(index), tab, end)
        words = painted_words(bar, index)
        assert ink_width(bar, index) >= widest_line(bar, words) - 6, words


@pytest.mark.parametrize(
    ("text_scale", "size"),
    [(2.0, QSize(1280, 800)), (1.0, QSize(1024, 700))],
    indirect=["text_scale"],
    ids=["2x-1280x800", "1x-1024x700"],
)
def test_every_question_set_tab_shows_its_whole_name_with_no_scroll_arrows(
    qtbot: QtBot, text_scale: float, example_window: MainWindow, size: QSize
) -> None:
    window = example_window
    window.resize(size)
    window.show_page(window.answers)
    bar = window.answers.sets
    assert isinstance(bar, PageTabBar)
    last = bar.count() - 1
    qtbot.waitUntil(lambda: bar.width() > 0 and bar.tabRect(last).width() > 0)
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    assert bar.tabRect(last).right() <= bar.width(), bar.tabText(last)  # no arrows needed
    for index in range(bar.count()):
        words = painted_words(bar, index)
        assert words.replace("\n", " ") == bar.tabText(index), words
        assert ink_width(bar, index) >= widest_line(bar, words) - 6, words
    assert bar.tabRect(0).left() >= 0  # not scrolled: every set's tab in view


@pytest.mark.parametrize("text_scale", [2.0], indirect=True)
def test_a_tab_bar_too_narrow_shortens_the_names(qtbot: QtBot, text_scale: float) -> None:
    tabs = QTabWidget()
    bar = PageTabBar(tabs)
    tabs.setTabBar(bar)
    tabs.setUsesScrollButtons(False)
    tabs.setElideMode(Qt.TextElideMode.ElideRight)
    qtbot.add_widget(tabs)
    for name in ("Clinic details", "Answers", "Before your consultation", "Decision"):
        tabs.addTab(QWidget(), name)
    tabs.resize(bar.fontMetrics().horizontalAdvance("x" * 24), 200)
    tabs.show()
    qtbot.waitExposed(tabs)
    words = [painted_words(bar, i) for i in range(bar.count())]
    assert any("…" in w for w in words), words
    assert "\n" in words[2]  # two lines first, then shortened
    assert all(bar.tabRect(i).right() <= bar.width() for i in range(bar.count()))
    assert [bar.tabText(i) for i in range(bar.count())][2] == "Before your consultation"


@given(st.text(alphabet=st.sampled_from("ab &é·"), max_size=30))
def test_two_lines_only_breaks_at_a_space_before_a_word(text: str) -> None:
    broken = two_lines(text)
    assert broken.count("\n") <= 1
    assert broken.replace("\n", " ") == text
    if "\n" in broken:
        assert broken.split("\n")[1][:1].isalnum()  # no line starts with "·" or a space
    else:
        assert not any(text[i] == " " and text[i + 1].isalnum() for i in range(len(text) - 1))


def test_a_set_tab_breaks_after_its_name_mark() -> None:
    assert two_lines("Experience · 5 of 10") == "Experience ·\n5 of 10"
    assert two_lines("Before your consultation") == "Before your\nconsultation"
