"""A tab that builds its page the first time it is shown or asked for.

Only Clinic details is on screen when the app opens; building the other pages (and importing
their modules) when first shown keeps the start quick. The page
reads the document when it is built and follows it from then on, so building late shows the
same thing as building early.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ketachecklist.ui.page_scroll import PageScroll

PageT = TypeVar("PageT", bound=QWidget)


class DeferredPage(QWidget, Generic[PageT]):
    def __init__(
        self,
        build: Callable[[QWidget], PageT],
        parent: QWidget | None = None,
        *,
        scrolls: bool = False,
    ) -> None:
        super().__init__(parent)
        self._build = build
        self._scrolls = scrolls  # a form that scrolls up and down when it does not fit
        self._page: PageT | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        return self._page is not None

    def page(self) -> PageT:
        """The page, built now if it was not yet (``build`` gets the parent to make it in)."""
        if self._page is None:
            # Built as our child from the start: a page made without a parent is a window of
            # its own for a moment, and on some platforms that takes the focus from ours.
            page = self._build(self)
            holder = PageScroll(page, self) if self._scrolls else page
            self._layout.addWidget(holder)
            if self.isVisible():
                holder.show()  # now, not on the next turn of the event loop: Tab must reach it
                page.show()
            self._page = page
        return self._page

    def showEvent(self, event: QShowEvent) -> None:
        self.page()
        super().showEvent(event)
