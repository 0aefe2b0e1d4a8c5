"""New, Open, Save, Save As and "save your changes?": every file the app reads or writes.

All opening goes through ``_read`` and all saving through ``_write``: the one place to add
autosave, crash recovery, file locking, backups and changed-on-disk checks. Dialogs are reached
only through a ``Prompter`` so the logic is tested without modal windows.

Hooks for that later work:
- ``document.edited`` fires after every change (start an autosave timer there);
- ``opened(path)`` / ``saved(path)`` / ``closed()`` mark the life of a file on disk (take or
  release a lock, remember a fingerprint);
- ``confirm_discard`` runs before anything replaces or closes the document.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ketachecklist.core.catalogue import Catalogue
from ketachecklist.core.document import Comparison
from ketachecklist.core.errors import FileFormatError, save_error_message
from ketachecklist.core.storage import load_comparison, save_comparison
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.prompter import Prompter, SaveChoice
from ketachecklist.ui.settings import AppSettings

UNTITLED = "Untitled comparison"
SUGGESTED_NAME = "Clinic comparison.yaml"


class DocumentController(QObject):
    path_changed = Signal()  # the file behind the document changed (or became none)
    opened = Signal(object)  # Path: a file was read and is now shown
    saved = Signal(object)  # Path: the document was written there
    closed = Signal()  # the file shown until now is no longer shown (New, Open, quit)

    def __init__(
        self,
        document: OpenDocument,
        catalogue: Catalogue,
        prompter: Prompter,
        settings: AppSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.catalogue = catalogue
        self.prompter = prompter
        self.settings = settings
        self._path: Path | None = None

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def display_name(self) -> str:
        return self._path.name if self._path is not None else UNTITLED

    # --- commands -------------------------------------------------------------------------------
    def new_comparison(self) -> bool:
        if not self.confirm_discard():
            return False
        self._show(Comparison(catalogue=self.catalogue), None)
        return True

    def open(self) -> bool:
        """Ask for a file, then open it (asking about unsaved changes first)."""
        path = self.prompter.choose_file_to_open(self._start_folder())
        if path is None:
            return False
        return self.open_path(path)

    def open_path(self, path: Path, *, confirm: bool = True) -> bool:
        """Open ``path``; on any problem say what is wrong and keep the current document."""
        if confirm and not self.confirm_discard():
            return False
        comparison = self._read(path)
        if comparison is None:
            return False
        self._show(comparison, path)
        self.settings.add_recent_file(path)
        self.opened.emit(path)
        return True

    def save(self) -> bool:
        if self._path is None:
            return self.save_as()
        return self._write(self._path)

    def save_as(self) -> bool:
        suggestion = self._path or self.settings.last_folder() / SUGGESTED_NAME
        path = self.prompter.choose_file_to_save(suggestion)
        if path is None:
            return False
        if not self._write(path):
            return False
        if path != self._path:
            self._path = path
            self.path_changed.emit()
        return True

    def confirm_discard(self) -> bool:
        """True when the document may be replaced or closed: saved, or the patient said so."""
        if not self.document.is_modified():
            return True
        choice = self.prompter.ask_save_changes(self.display_name)
        if choice is SaveChoice.SAVE:
            return self.save()
        return choice is SaveChoice.DISCARD

    def close(self) -> bool:
        """Before quitting: True when the window may close."""
        if not self.confirm_discard():
            return False
        self.closed.emit()
        return True

    # --- the only file I/O ----------------------------------------------------------------------
    def _read(self, path: Path) -> Comparison | None:
        try:
            return load_comparison(path, self.catalogue)
        except (FileFormatError, OSError) as error:
            if not path.exists():
                self.settings.remove_recent_file(path)
            self.prompter.show_error(
                "Could not open the comparison",
                f"“{path.name}” could not be opened. Nothing was changed.\n\n{error}",
            )
            return None

    def _write(self, path: Path) -> bool:
        try:
            save_comparison(self.document.comparison, path)
        except Exception as error:
            self.prompter.show_error("Could not save", save_error_message(error, path))
            return False
        self.document.undo_stack.setClean()
        self.settings.add_recent_file(path)
        self.saved.emit(path)
        return True

    # --- helpers --------------------------------------------------------------------------------
    def _show(self, comparison: Comparison, path: Path | None) -> None:
        if self._path is not None:
            self.closed.emit()
        self._path = path
        self.document.replace(comparison)
        self.path_changed.emit()

    def _start_folder(self) -> Path:
        return self._path.parent if self._path is not None else self.settings.last_folder()
