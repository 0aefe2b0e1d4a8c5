"""Keyboard focus can be seen on every control: tabbing through every page, each control is
grabbed with the focus and again after the focus has moved on, and the pixels that changed must
differ 3:1 from what was there before, over at least a frame's worth of pixels, and show a whole
frame: all four sides, none cut off where the control touches its parent's edge. On the tab bar
the frame is round the current tab, not the whole bar. Light and dark."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollBar, QWidget
from pytestqt.qtbot import QtBot

from ketachecklist.ui.contrast import FOCUS_CONTRAST, contrast_ratio, focus_colour
from ketachecklist.ui.main_window import MainWindow
from tests.ui.focus import focused_widget
from tests.ui.palettes import palette

__all__ = ["palette"]  # the fixture, used by name


def strongly_changed(focused: QImage, unfocused: QImage) -> set[tuple[int, int]]:
    """The pixels that differ at least 3:1 between the two states."""
    changed = set()
    for y in range(focused.height()):
        for x in range(focused.width()):
            if focused.pixel(x, y) == unfocused.pixel(x, y):
                continue
            one, other = focused.pixelColor(x, y), unfocused.pixelColor(x, y)
            if contrast_ratio(one, other) >= FOCUS_CONTRAST:
                changed.add((x, y))
    return changed


def toward_focus(
    changed: set[tuple[int, int]], focused: QImage, unfocused: QImage, colour: QColor
) -> set[tuple[int, int]]:
    """The changed pixels that the focus turned towards the focus colour: not those of the
    next control's frame, which may lie in the same place once the focus has moved on."""
    return {
        (x, y)
        for x, y in changed
        if contrast_ratio(focused.pixelColor(x, y), colour)
        < contrast_ratio(unfocused.pixelColor(x, y), colour)
    }


def frame_of(changed: set[tuple[int, int]]) -> QRect:
    """The rectangle the changed pixels span."""
    xs, ys = [x for x, _ in changed], [y for _, y in changed]
    return QRect(QPoint(min(xs), min(ys)), QPoint(max(xs), max(ys)))


def missing_sides(changed: set[tuple[int, int]]) -> list[str]:
    """The sides of the changed pixels' rectangle that are not drawn along at least 80% of
    their length (within 2 pixels of the edge): a frame cut off on a side lacks that side."""
    if not changed:
        return ["all"]
    frame = frame_of(changed)

    def drawn(along: range, at: range, vertical: bool) -> bool:
        hits = sum(1 for a in along if any(((b, a) if vertical else (a, b)) in changed for b in at))
        return hits >= 0.8 * len(along)

    left, right, top, bottom = frame.left(), frame.right(), frame.top(), frame.bottom()
    columns, rows = range(left, right + 1), range(top, bottom + 1)
    sides = {
        "top": drawn(columns, range(top, top + 2), vertical=False),
        "bottom": drawn(columns, range(bottom - 1, bottom + 1), vertical=False),
        "left": drawn(rows, range(left, left + 2), vertical=True),
        "right": drawn(rows, range(right - 1, right + 1), vertical=True),
    }
    return [side for side, ok in sides.items() if not ok]


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


@dataclass
class Seen:
    """What focus changed on one control: the fewest strongly changed pixels of its visits,
    and the sides of its frame missing on a visit when it was wholly in view."""

    changed: int
    missing: list[str]


def _tab_through(qtbot: QtBot, window: MainWindow, steps: int) -> dict[str, Seen]:
    """Tab ``steps`` times from the current focus; per control, what its focus changed."""
    results: dict[str, Seen] = {}
    widget = focused_widget()
    for _ in range(steps):
        # The control and a few pixels round it: a focus ring may be drawn just outside it.
        shown = widget.visibleRegion().boundingRect()  # the part not scrolled out of view
        place = widget.mapTo(window, shown.topLeft())
        area = QRect(place, shown.size()).adjusted(-3, -3, 3, 3)
        focused = window.grab(area).toImage()
        bars = _scroll_bars(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        following = focused_widget()
        if following is widget:
            break
        for bar, value in bars:  # back to where it was, to see the same place unfocused
            bar.setValue(value)
        unfocused = window.grab(area).toImage()
        # Compared only when tabbing on did not scroll the control away under the grab.
        unmoved = widget.mapTo(window, shown.topLeft()) == place
        if not shown.isEmpty() and unmoved and focused.size() == unfocused.size():
            key = _describe(widget)
            changed = strongly_changed(focused, unfocused)
            whole = shown == widget.rect()
            seen = results.setdefault(key, Seen(len(changed), []))
            seen.changed = min(seen.changed, len(changed))
            if whole and not seen.missing:
                ring = focus_colour(widget.palette())
                seen.missing = missing_sides(toward_focus(changed, focused, unfocused, ring))
        widget = following
    return results


def test_every_control_shows_its_focus_at_three_to_one(
    qtbot: QtBot, example_window: MainWindow, palette: str
) -> None:
    window = example_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    seen: dict[str, Seen] = {}
    for index in range(window.tabs.count()):
        window.focus_page(window.tabs.widget(index))
        QApplication.processEvents()
        seen.update(_tab_through(qtbot, window, 40))
    kinds = {name.split()[0] for name in seen}
    assert {"QCheckBox", "QRadioButton", "QPushButton", "PageTabBar", "FamilySection"} <= kinds
    # A 2-pixel frame changes at least two columns down both sides of the control.
    invisible = {name: s.changed for name, s in seen.items() if s.changed < 20}
    assert invisible == {}, palette
    cut_off = {name: s.missing for name, s in seen.items() if s.missing}
    assert cut_off == {}, palette


def test_the_tab_bar_frames_the_current_tab_only(
    qtbot: QtBot, example_window: MainWindow, palette: str
) -> None:
    window = example_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    bar = window.tabs.tabBar()
    area = QRect(bar.mapTo(window, QPoint(0, 0)), bar.size()).adjusted(-3, -3, 3, 3)
    for index in (0, 2, bar.count() - 1):
        window.tabs.setCurrentIndex(index)
        window.clinics.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        unfocused = window.grab(area).toImage()
        bar.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        focused = window.grab(area).toImage()
        changed = strongly_changed(focused, unfocused)
        tab = bar.tabRect(index).translated(bar.mapTo(window, QPoint(0, 0)) - area.topLeft())
        assert missing_sides(changed) == [], (palette, index)
        # Round that tab, at its edge: not the whole bar, nor a neighbour.
        assert tab.adjusted(-1, -1, 1, 1).contains(frame_of(changed)), (palette, index)
        assert frame_of(changed).contains(tab.adjusted(3, 3, -3, -3)), (palette, index)
