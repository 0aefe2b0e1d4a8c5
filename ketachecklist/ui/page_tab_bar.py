"""Tabs whose every name is readable in full when it can be (the pages, the question sets):
in large text, where the names on one line are wider than the room, the longest names of two
or more words are put on two lines, one at a time, until they all fit. Only when even that is
too wide does the tab bar shorten them ("Deci…") or show its scroll arrows; the full names
stay the tabs' text (read by screen readers) and their tooltips."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QStyle, QStyleOptionTab, QTabBar, QTabWidget, QWidget


def two_lines(text: str) -> str:
    """``text`` broken at the space nearest its middle ("Before your\\nconsultation"), but
    not before a mark such as "·" that belongs with the words before it."""
    spaces = [
        at
        for at, letter in enumerate(text[:-1])
        if letter == " " and (text[at + 1].isalnum() or text[at + 1] in "(“\"'")
    ]
    if not spaces:
        return text
    middle = len(text) / 2
    at = min(spaces, key=lambda space: abs(space - middle))
    return f"{text[:at]}\n{text[at + 1 :]}"


class PageTabBar(QTabBar):
    laid_out = Signal()  # the tabs' places may have changed (the focus ring follows)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._wrapped_before: frozenset[int] = frozenset()

    def _room(self) -> int:
        """The width the tabs may take: in a tab widget, the tab widget's (which sizes the
        bar to fit its tabs, so the bar cannot say); in a layout, the bar's own."""
        parent = self.parentWidget()
        return parent.width() if isinstance(parent, QTabWidget) else self.width()

    def _one_line_width(self, index: int) -> int:
        return super().tabSizeHint(index).width()

    def _saved_by_wrapping(self, index: int) -> int:
        metrics = self.fontMetrics()
        text = self.tabText(index)
        lines = two_lines(text).split("\n")
        one = metrics.size(Qt.TextFlag.TextShowMnemonic, text).width()
        return one - max(metrics.size(Qt.TextFlag.TextShowMnemonic, line).width() for line in lines)

    def wrapped(self) -> frozenset[int]:
        """The tabs shown on two lines at the present width."""
        overflow = sum(self._one_line_width(i) for i in range(self.count())) - self._room()
        chosen: set[int] = set()
        widest_first = sorted(range(self.count()), key=self._one_line_width, reverse=True)
        for index in widest_first:
            if overflow <= 0:
                break
            saved = self._saved_by_wrapping(index)
            if saved > 0:
                chosen.add(index)
                overflow -= saved
        return frozenset(chosen)

    def tabSizeHint(self, index: int) -> QSize:
        size = super().tabSizeHint(index)
        if index in self.wrapped():
            size.setWidth(size.width() - self._saved_by_wrapping(index))
            size.setHeight(size.height() + self.fontMetrics().lineSpacing())
        return size

    def initStyleOption(self, option: QStyleOptionTab, tabIndex: int) -> None:  # noqa: N803
        super().initStyleOption(option, tabIndex)
        if tabIndex not in self.wrapped():
            return
        # The tab bar shortened the one-line name to fit; each line is shortened only if the
        # tab is narrower than that line.
        room = self.style().subElementRect(QStyle.SubElement.SE_TabBarTabText, option, self)
        metrics = self.fontMetrics()
        option.text = "\n".join(
            metrics.elidedText(line, self.elideMode(), room.width(), Qt.TextFlag.TextShowMnemonic)
            for line in two_lines(self.tabText(tabIndex)).split("\n")
        )

    def tabLayoutChange(self) -> None:
        # A change between one and two lines changes the bar's height: the tab widget must
        # ask again.
        super().tabLayoutChange()
        wrapped = self.wrapped()
        if wrapped != self._wrapped_before:
            self._wrapped_before = wrapped
            self.updateGeometry()
        self.laid_out.emit()
