"""Help ▸ How to use ketachecklist (F1): the local help page in a window of its own.

Non-modal, so the patient can read it beside the comparison. The page comes from the package
(resources/help.html); links only move within it, nothing is fetched or opened elsewhere.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ketachecklist import QT_TRANSLATE_NOOP
from ketachecklist.ui.resources import help_page_html
from ketachecklist.ui.screen_fit import keep_on_screen, size_to_screen

HELP_TITLE = QT_TRANSLATE_NOOP("HelpWindow", "How to use ketachecklist")


class HelpWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help-window")
        self.setWindowTitle(self.tr(HELP_TITLE))
        self.setModal(False)
        self.browser = QTextBrowser()
        self.browser.setObjectName("help-page")
        self.browser.setAccessibleName(self.windowTitle())
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        self.browser.setHtml(help_page_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        width = self.fontMetrics().horizontalAdvance("x" * 80)
        size_to_screen(self, QSize(width, width))  # 80 characters a line, within the screen

    def show_help(self) -> None:
        """Show the page from the top, or give the open one the focus again (it stays above the
        main window, whose child it is)."""
        if not self.isVisible():
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        self.show()
        keep_on_screen(self)
        self.activateWindow()
        self.browser.setFocus()

    def _follow(self, url: QUrl) -> None:
        # Only the page's own "#section" links lead anywhere.
        if url.isRelative() and not url.path() and url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())
