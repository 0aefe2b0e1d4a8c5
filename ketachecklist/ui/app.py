"""Application start-up: `ketachecklist [FILE]` opens the window on a new or saved comparison."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ketachecklist import __version__
from ketachecklist.core.catalogue import Catalogue, load_bundled_catalogue
from ketachecklist.core.document import Comparison
from ketachecklist.report.qt_support import guard_none_refcount
from ketachecklist.ui.dialog_prompter import DialogPrompter
from ketachecklist.ui.document_controller import DocumentController
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.prompter import Prompter
from ketachecklist.ui.resources import app_icon
from ketachecklist.ui.settings import APPLICATION, ORGANIZATION, AppSettings


def configure_application(app: QCoreApplication) -> None:
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    if isinstance(app, QApplication):
        app.setApplicationDisplayName("ketachecklist")
        app.setDesktopFileName("ketachecklist")
        app.setWindowIcon(app_icon())


def build_main_window(
    settings: AppSettings,
    catalogue: Catalogue | None = None,
    prompter: Prompter | None = None,
) -> MainWindow:
    """The window on a new comparison; tests pass their own settings and prompter."""
    catalogue = catalogue or load_bundled_catalogue()
    document = OpenDocument(Comparison(catalogue=catalogue))
    dialogs = DialogPrompter()
    controller = DocumentController(document, catalogue, prompter or dialogs, settings)
    window = MainWindow(controller, settings)
    document.setParent(window)
    controller.setParent(window)
    dialogs.set_parent(window)
    return window


def run_app(path: str | None) -> int:
    guard_none_refcount()  # a long session makes millions of Qt calls (see qt_support)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    configure_application(app)
    window = build_main_window(AppSettings())
    window.show()
    if path:
        window.controller.open_path(Path(path), confirm=False)
    return int(app.exec())
