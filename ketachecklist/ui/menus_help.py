"""The Help menu: the local help page (F1), the welcome note again, crisis help and About.

The help page and the message boxes are made when first asked for (``QMessageBox`` and the help
browser cost the start time and the first screen shows neither).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu

from ketachecklist import CRISIS_HELP, DISCLAIMER, __version__
from ketachecklist.present.text import tr
from ketachecklist.ui.resources import app_icon

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from ketachecklist.ui.help_window import HelpWindow
    from ketachecklist.ui.main_window import MainWindow

AddAction = Callable[
    [QMenu, str, Callable[[], object], QKeySequence | QKeySequence.StandardKey | None], QAction
]


class HelpMenu(QObject):
    def __init__(self, window: MainWindow, menu: QMenu, add: AddAction) -> None:
        super().__init__(window)
        self._window = window
        self.help_window: HelpWindow | None = None
        self.help_box: QMessageBox | None = None  # the crisis help or About box, once shown
        self.help_action = add(
            menu,
            self.tr("&How to use ketachecklist"),
            self.show_help,
            QKeySequence.StandardKey.HelpContents,
        )
        if self.help_action.shortcut().isEmpty():
            self.help_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        add(menu, self.tr("What is this app &for?"), window.show_welcome, None)
        self.crisis_action = add(
            menu, self.tr("If you need help &now…"), self.show_crisis_help, None
        )
        menu.addSeparator()
        add(menu, self.tr("&About ketachecklist"), self.show_about, None)

    def show_help(self) -> None:
        """Help ▸ How to use ketachecklist (F1): the local help page, beside the window."""
        if self.help_window is None:
            from ketachecklist.ui.help_window import HelpWindow  # noqa: PLC0415

            self.help_window = HelpWindow(self._window)
        self.help_window.show_help()

    def show_crisis_help(self) -> None:
        self._show_help_box(self.tr("If you need help now"), tr(CRISIS_HELP), None)

    def show_about(self) -> None:
        self._show_help_box(
            self.tr("About ketachecklist"),
            self.tr(
                "ketachecklist {version}\n\n"
                "Questions to put to ketamine clinics, your answers, and a side-by-side "
                "comparison. Your data stays on this computer; the app never uses the network."
                "\n\n{disclaimer}"
            ).format(version=__version__, disclaimer=tr(DISCLAIMER)),
            app_icon(),
        )

    def _show_help_box(self, title: str, text: str, icon: QIcon | None) -> None:
        """A plain-text message box that does not block the window (kept in ``help_box``)."""
        if self.help_box is not None:  # one at a time
            self.help_box.close()
            self.help_box.deleteLater()
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

        from ketachecklist.ui.screen_fit import ScreenFitMessageBox  # noqa: PLC0415

        box = ScreenFitMessageBox(self._window)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if icon is None:
            box.setIcon(QMessageBox.Icon.Information)
        else:
            box.setIconPixmap(icon.pixmap(64, 64))
        box.setText(text)
        self.help_box = box
        box.open()
