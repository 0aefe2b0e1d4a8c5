"""Keyboard focus can be seen on every control: tabbing through every page, each control is
grabbed with the focus and again after the focus has moved on, and the pixels that changed must
differ 3:1 from what was there before, over at least a frame's worth of pixels. Light and dark."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollBar, QWidget
from pytestqt.qtbot import QtBot

from ketachecklist.ui.contrast import FOCUS_CONTRAST, contrast_ratio
from ketachecklist.ui.main_window import MainWindow

R = QPalette.ColorRole
DARK = {  # the tester's dark palette
    R.Window: "#2b2b2b",
    R.WindowText: "#e6e6e6",
    R.Base: "#1e1e1e",
    R.AlternateBase: "#333333",
    R.Text: "#e6e6e6",
    R.Button: "#3a3a3a",
    R.ButtonText: "#e6e6e6",
    R.Highlight: "#3d6fb4",
    R.HighlightedText: "#ffffff",
    R.PlaceholderText: "#a0a0a0",
}


@pytest.fixture(params=["light", "dark"])
def palette(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    original = qapp.palette()
    if request.param == "dark":
        dark = QPalette(original)
        for role, colour in DARK.items():
            dark.setColor(role, QColor(colour))
        qapp.setPalette(dark)
    else:
        qapp.setPalette(qapp.style().standardPalette())
    yield request.param
    qapp.setPalette(original)


def strongly_changed(focused: QImage, unfocused: QImage) -> int:
    """How many pixels differ at least 3:1 between the two states."""
    count = 0
    for y in range(focused.height()):
        for x in range(focused.width()):
            if focused.pixel(x, y) == unfocused.pixel(x, y):
                continue
            one, other = focused.pixelColor(x, y), unfocused.pixelColor(x, y)
            if contrast_ratio(one, other) >= FOCUS_CONTRAST:
                count += 1
    return count


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _describe(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r}"


def _scroll_bars(widget: QWidget) -> list[tuple[QScrollBar, int]]:
    """The vertical scroll bars of the areas that hold ``widget``, with where they stand."""
    bars = []
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            bar = parent.verticalScrollBar()
            bars.append((bar, bar.value()))
        parent = parent.parentWidget()
    return bars


def _tab_through(qtbot: QtBot, window: MainWindow, steps: int) -> dict[str, int]:
    """Tab ``steps`` times from the current focus; per control, the strongly changed pixels."""
    results: dict[str, int] = {}
    widget = _focused()
    for _ in range(steps):
        # The control and a few pixels round it: a focus ring may be drawn just outside it.
        shown = widget.visibleRegion().boundingRect()  # the part not scrolled out of view
        place = widget.mapTo(window, shown.topLeft())
        area = QRect(place, shown.size()).adjusted(-3, -3, 3, 3)
        focused = window.grab(area).toImage()
        bars = _scroll_bars(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        following = _focused()
        if following is widget:
            break
        for bar, value in bars:  # back to where it was, to see the same place unfocused
            bar.setValue(value)
        unfocused = window.grab(area).toImage()
        # Compared only when tabbing on did not scroll the control away under the grab.
        unmoved = widget.mapTo(window, shown.topLeft()) == place
        if not shown.isEmpty() and unmoved and focused.size() == unfocused.size():
            key = _describe(widget)
            results[key] = min(results.get(key, 1 << 30), strongly_changed(focused, unfocused))
        widget = following
    return results


def test_every_control_shows_its_focus_at_three_to_one(
    qtbot: QtBot, example_window: MainWindow, palette: str
) -> None:
    window = example_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    seen: dict[str, int] = {}
    for index in range(window.tabs.count()):
        window.focus_page(window.tabs.widget(index))
        QApplication.processEvents()
        seen.update(_tab_through(qtbot, window, 40))
    kinds = {name.split()[0] for name in seen}
    assert {"QCheckBox", "QRadioButton", "QPushButton", "QTabBar", "FamilySection"} <= kinds
    # A 2-pixel frame changes at least two columns down both sides of the control.
    invisible = {name: count for name, count in seen.items() if count < 20}
    assert invisible == {}, palette
