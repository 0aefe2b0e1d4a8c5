"""Application start-up: `ketachecklist [FILE]` opens the window on a new or saved comparison.

``launch`` is everything ``run_app`` does before the event loop: private settings, the recovery
store (autosave), the window, the offer to restore work of a session that did not close
cleanly, then FILE. End-to-end tests drive a real process through the same function.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel

from ketachecklist import __version__, paths
from ketachecklist.core.catalogue import Catalogue, load_bundled_catalogue
from ketachecklist.core.document import Comparison
from ketachecklist.core.lock import LockedError
from ketachecklist.core.recovery import RecoveryStore
from ketachecklist.qt.none_refcount import guard_none_refcount
from ketachecklist.text import isolated
from ketachecklist.ui.clean_exit import CleanExit
from ketachecklist.ui.dialog_prompter import DialogPrompter
from ketachecklist.ui.document_controller import DocumentController
from ketachecklist.ui.focus_style import apply_focus_style
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.prompter import Prompter
from ketachecklist.ui.resources import app_icon
from ketachecklist.ui.settings import APPLICATION, ORGANIZATION, AppSettings
from ketachecklist.ui.tooltips import plain_tooltip
from ketachecklist.ui.translations import install_translators


def configure_application(app: QCoreApplication) -> None:
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    install_translators(app)  # before any widget or text is made
    if isinstance(app, QApplication):
        app.setApplicationDisplayName("ketachecklist")
        app.setDesktopFileName("ketachecklist")
        app.setWindowIcon(app_icon())
        apply_focus_style(app)


class _ActivationWatcher(QObject):
    """Checks the open file on disk whenever the window comes to the front."""

    def __init__(self, controller: DocumentController, parent: QObject) -> None:
        super().__init__(parent)
        self._controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate:
            self._controller.check_disk()
        return False


def build_main_window(
    settings: AppSettings,
    catalogue: Catalogue | None = None,
    prompter: Prompter | None = None,
    *,
    recovery: RecoveryStore | None = None,
    autosave_delay_ms: int | None = None,
) -> MainWindow:
    """The window on a new comparison; tests pass their own settings and prompter.

    With a ``recovery`` store the document is autosaved there (the app always passes one).
    """
    catalogue = catalogue or load_bundled_catalogue()
    document = OpenDocument(Comparison(catalogue=catalogue))
    dialogs = DialogPrompter()
    controller = DocumentController(
        document,
        catalogue,
        prompter or dialogs,
        settings,
        recovery=recovery,
        autosave_delay_ms=autosave_delay_ms,
    )
    window = MainWindow(controller, settings)
    document.setParent(window)
    controller.setParent(window)
    dialogs.set_parent(window)
    controller.message.connect(window.show_message)
    window.installEventFilter(_ActivationWatcher(controller, window))
    return window


def open_recovery_store() -> tuple[RecoveryStore | None, str]:
    """This run's recovery store, or None and why (the app still starts, without autosave)."""
    try:
        return RecoveryStore.open(paths.recovery_dir()), ""
    except (OSError, LockedError) as error:
        detail = getattr(error, "strerror", None) or str(error)
        return None, QCoreApplication.translate(
            "launch",
            "Autosave is off: the app's private folder {folder} can't be used ({reason}). "
            "Save your work often: if the app closes unexpectedly, nothing unsaved is kept.",
        ).format(folder=_folder_text(), reason=detail)


def _folder_text() -> str:
    try:
        return f"“{isolated(str(paths.recovery_dir().parent))}”"
    except OSError:  # not even where it would be is known
        return ""


def _show_autosave_off(window: MainWindow, problem: str) -> None:
    """Said once in the status bar, and kept there as a lasting mark with the whole reason:
    a message that goes after seconds is easy to miss, and crash recovery is gone."""
    window.show_message(problem)
    mark = QLabel(QCoreApplication.translate("launch", "⚠ Autosave is off"))
    mark.setToolTip(plain_tooltip(problem))
    mark.setAccessibleName(QCoreApplication.translate("launch", "Autosave is off"))
    mark.setAccessibleDescription(problem)
    window.statusBar().addPermanentWidget(mark)


def open_app_settings() -> AppSettings:
    """The private settings file; if the app's folder is unusable, Qt's default place."""
    try:
        return AppSettings(paths.open_settings())
    except OSError:
        return AppSettings()  # the app must start even so; the layout may not be remembered


def load_app_catalogue() -> Catalogue:
    """The bundled catalogue, through the cache in the app's folder when it can be used."""
    try:
        cache = paths.catalogue_cache_path()
    except OSError:
        return load_bundled_catalogue()
    return load_bundled_catalogue(cache)


def launch(path: str | None, prompter: Prompter | None = None) -> MainWindow:
    """Show the window, offer leftovers of a crashed session, then open ``path``."""
    recovery, problem = open_recovery_store()
    window = build_main_window(
        open_app_settings(), load_app_catalogue(), prompter=prompter, recovery=recovery
    )
    window.show()
    if problem:
        _show_autosave_off(window, problem)
    controller = window.controller
    # Unsaved work first: the patient may have been in the middle of FILE itself.
    restored = controller.offer_recovery()
    if path and restored:
        # FILE's own restored work is shown under its name: nothing to say then.
        if not _is_open(controller.path, Path(path)):
            window.show_message(
                QCoreApplication.translate(
                    "launch",
                    "“{name}” was not opened because autosaved work was restored; "
                    "open it from the File menu when you are ready.",
                ).format(name=isolated(Path(path).name))
            )
    elif path:
        controller.open_path(Path(path), confirm=False)
    return window


def _is_open(shown: Path | None, wanted: Path) -> bool:
    try:
        return shown is not None and shown.samefile(wanted)
    except OSError:  # either is gone or cannot be looked at: not known to be the same
        return False


def close_recovery_store(window: MainWindow) -> None:
    """End this run's session; snapshots still on disk are offered at the next start."""
    autosaver = window.controller.autosaver
    if autosaver is not None:
        autosaver.store.close()


def run_app(path: str | None) -> int:
    guard_none_refcount()  # a long session makes millions of Qt calls (see ketachecklist/qt)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    configure_application(app)
    window = launch(path)
    CleanExit(app, window)  # SIGTERM, SIGHUP, Ctrl+C and logout end the session cleanly
    try:
        return int(app.exec())
    finally:
        close_recovery_store(window)
