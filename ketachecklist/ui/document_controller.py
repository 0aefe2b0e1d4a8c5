"""New, Open, Save, Save As, restore and "save your changes?": every file the app reads or writes.

The controller orchestrates; the Qt-free core does the work and keeps the guarantees
(docs/reliability.md):
- ``DocumentFile`` locks the file while it is open (another copy of the app is offered a
  read-only view), remembers its fingerprint (saving asks if it changed on disk), keeps backups
  and saves atomically;
- the ``Autosaver`` writes recovery snapshots a few seconds after each edit, and
  ``offer_recovery`` gives back the work of a session that ended without closing cleanly
  (``ui/document_recovery.py``).

Reading a file to open it, with the read-only and backup offers, is ``ui/document_opening.py``.

Dialogs are reached only through a ``Prompter`` so all of this is tested without modal windows.
Every failure ends in one plain-words message; the document on screen is kept, and so is its
unsaved state.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ketachecklist.core.atomic import ownership_change
from ketachecklist.core.catalogue import Catalogue
from ketachecklist.core.document import Comparison
from ketachecklist.core.document_file import DocumentFile, ReadOnlyDocumentError
from ketachecklist.core.errors import save_error_message
from ketachecklist.core.fingerprint import DiskState
from ketachecklist.core.lock import DocumentLockedError, lock_document
from ketachecklist.core.recovery import RecoveryStore
from ketachecklist.core.storage import ChangedOnDiskError
from ketachecklist.text import isolated
from ketachecklist.ui.autosave import Autosaver
from ketachecklist.ui.document_opening import DocumentOpening
from ketachecklist.ui.document_recovery import DocumentRecovery
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.prompter import ChangedOnDiskChoice, Prompter, SaveChoice
from ketachecklist.ui.settings import AppSettings


class DocumentController(QObject):
    path_changed = Signal()  # the file behind the document changed (or became none, or read-only)
    opened = Signal(object)  # Path: a file was read and is now shown
    saved = Signal(object)  # Path: the document was written there
    closed = Signal()  # the file shown until now is no longer shown (New, Open, quit)
    message = Signal(str)  # a quiet note for the status bar

    def __init__(
        self,
        document: OpenDocument,
        catalogue: Catalogue,
        prompter: Prompter,
        settings: AppSettings,
        parent: QObject | None = None,
        *,
        recovery: RecoveryStore | None = None,
        autosave_delay_ms: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.catalogue = catalogue
        self.prompter = prompter
        self.settings = settings
        self._file = DocumentFile()
        self._disk_state_told = DiskState.UNCHANGED  # what check_disk last said
        self._owner_change_accepted: set[Path] = set()  # files the patient agreed to take over
        self._ended = False  # end_session: the app is quitting without asking
        self._opening = DocumentOpening(catalogue, prompter, settings, self)
        # Without a recovery store (most widget tests) nothing is autosaved.
        self.autosaver: Autosaver | None = None
        self._recovery: DocumentRecovery | None = None
        if recovery is not None:
            self.autosaver = Autosaver(document, recovery, autosave_delay_ms, self)
            self.autosaver.message.connect(self.message)
            self._recovery = DocumentRecovery(self, self.autosaver)

    @property
    def path(self) -> Path | None:
        return self._file.path

    @property
    def read_only(self) -> bool:
        """Opened while another copy of the app edits the file: Save goes to Save As."""
        return self._file.read_only

    @property
    def display_name(self) -> str:
        path = self._file.path
        name = path.name if path is not None else self.tr("Untitled comparison")
        name = isolated(name)  # shown inside our sentences and the window title
        return self.tr("{name} (read-only)").format(name=name) if self._file.read_only else name

    # --- commands -------------------------------------------------------------------------------
    def new_comparison(self) -> bool:
        if not self.confirm_discard():
            return False
        self.show_document(Comparison(catalogue=self.catalogue), DocumentFile())
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
        # Opening the file already open here (to go back to the saved version): our own lock
        # must go first, or the file would look busy in "another" window.
        reopening = self._is_current_file(path) and self._file.lock is not None
        if reopening:
            self._file.close()
        opened = self._opening.read(path)
        if opened is None:
            if reopening:
                self._relock()
            return False
        file, comparison, backup_note = opened
        self.show_document(comparison, file)
        if backup_note:
            self.document.mark_modified()  # the damaged file is replaced only when saved
            self.message.emit(backup_note)
            return True
        self.settings.add_recent_file(path)
        self.opened.emit(path)
        if file.migrated:
            self.prompter.show_info(self.tr("An older file was updated"), file.migration_note())
        if file.lock_problem is not None:
            self.message.emit(
                self.tr(
                    "The folder of “{name}” can't be written to; use Save As to keep changes."
                ).format(name=isolated(path.name))
            )
        return True

    def save(self) -> bool:
        if self._file.path is None or self._file.read_only:
            return self.save_as()
        return self._save(overwrite=False)

    def save_as(self) -> bool:
        suggestion = self._file.path or self.settings.last_folder() / self.tr(
            "Clinic comparison.yaml"
        )
        path = self.prompter.choose_file_to_save(suggestion)
        if path is None:
            return False
        before = (self._file.path, self._file.read_only)
        try:
            self._file.save_as(self.document.comparison, path)
        except DocumentLockedError as error:
            if error.holder:
                where = self.tr(
                    "“{name}” is open for editing by {holder}, so it was not replaced."
                ).format(name=isolated(path.name), holder=error.holder.describe())
            else:
                where = self.tr(
                    "“{name}” is open for editing in another window, so it was not replaced."
                ).format(name=isolated(path.name))
            advice = self.tr(
                "Nothing was written; your changes are still open here. Choose another name, "
                "or close the file there first."
            )
            self.prompter.show_error(self.tr("Could not save"), f"{where} {advice}")
            return False
        except Exception as error:  # every failure gets plain words
            self.prompter.show_error(self.tr("Could not save"), save_error_message(error, path))
            return False
        if (self._file.path, self._file.read_only) != before:
            self.path_changed.emit()
        self._saved(path)
        return True

    def confirm_discard(self) -> bool:
        """True when the document may be replaced or closed: saved, or the patient said so."""
        if not self.document.is_modified():
            return True
        choice = self.prompter.ask_save_changes(self.display_name)
        if choice is SaveChoice.SAVE:
            return self.save()
        return choice is SaveChoice.DISCARD

    def keep_unsaved_work(self) -> None:
        """Write unsaved work to the recovery store now (the session or the app is ending)."""
        if self.autosaver is not None:
            self.autosaver.write_now()

    def end_session(self) -> None:
        """The app is ending without the patient (a signal, logout): unsaved work stays in the
        recovery store and is offered at the next start; the lock goes; nothing asks."""
        self.keep_unsaved_work()
        if self.autosaver is not None:
            self.autosaver.suspend()
        self._file.close()
        self._ended = True

    def close(self) -> bool:
        """Before quitting: True when the window may close (lock and snapshot are then gone)."""
        if self._ended:
            return True  # end_session kept the snapshot and let go of the lock
        if not self.confirm_discard():
            return False
        if self.autosaver is not None:
            self.autosaver.stop()
        self._file.close()
        self.closed.emit()
        return True

    def check_disk(self) -> None:
        """Say early, in the status bar, that another program changed or removed the open file.

        Called when the window is activated; each change is mentioned once. Save still asks.
        """
        if self._file.path is None or self._file.read_only:
            return
        state = self._file.disk_state()
        if state is self._disk_state_told:
            return
        self._disk_state_told = state
        name = isolated(self._file.path.name)
        if state is DiskState.CHANGED:
            self.message.emit(
                self.tr(
                    "“{name}” was changed by another program. Save will ask before replacing it."
                ).format(name=name)
            )
        elif state is DiskState.NOT_A_FILE:
            self.message.emit(
                self.tr(
                    "“{name}” is no longer a file (a folder has its name). Save As keeps your work."
                ).format(name=name)
            )
        elif state is DiskState.MISSING:
            self.message.emit(
                self.tr("“{name}” was moved or deleted. Saving will create it again.").format(
                    name=name
                )
            )

    # --- crash recovery -------------------------------------------------------------------------
    def offer_recovery(self) -> bool:
        """At start-up: offer the work autosaved by sessions that ended without closing.

        Newest first; True once one is restored (the others are kept and offered next time).
        """
        kept = None if self._recovery is None else self._recovery.offer()
        if kept is None:
            return False
        if kept:
            self.message.emit(
                self.tr(
                    "%n more autosaved copies are kept; they will be offered next time.", "", kept
                )
            )
        return True

    # --- saving ---------------------------------------------------------------------------------
    def _save(self, *, overwrite: bool) -> bool:
        path = self._file.path
        assert path is not None  # save() sends untitled documents to save_as
        change = ownership_change(path)
        if change and path not in self._owner_change_accepted:
            if not self.prompter.ask_replace_shared(
                self.tr("{change}\n\nSave anyway? Save As keeps their file as it is.").format(
                    change=change
                )
            ):
                return False
            self._owner_change_accepted.add(path)
        try:
            self._file.save(self.document.comparison, overwrite=overwrite)
        except ChangedOnDiskError as error:
            choice = self.prompter.ask_changed_on_disk(str(error), error.state)
            if choice is ChangedOnDiskChoice.OVERWRITE:
                return self._save(overwrite=True)
            if choice is ChangedOnDiskChoice.SAVE_AS:
                return self.save_as()
            return False
        except ReadOnlyDocumentError:
            return self.save_as()
        except Exception as error:  # every failure gets plain words
            self.prompter.show_error(self.tr("Could not save"), save_error_message(error, path))
            return False
        self._saved(path)
        return True

    def _saved(self, path: Path) -> None:
        self._disk_state_told = DiskState.UNCHANGED
        self.document.undo_stack.setClean()
        if self.autosaver is not None:
            self.autosaver.saved(path)
        self.settings.add_recent_file(path)
        self.saved.emit(path)

    # --- helpers --------------------------------------------------------------------------------
    def show_document(self, comparison: Comparison, file: DocumentFile) -> None:
        """Show ``comparison``, from (or to be saved to) ``file``, in place of the one shown."""
        if self._file.path is not None:
            self.closed.emit()
        self._file.close()
        self._file = file
        self._disk_state_told = DiskState.UNCHANGED
        if self.autosaver is not None:
            self.autosaver.follow(file.path)
        self.document.replace(comparison)
        self.path_changed.emit()

    def _is_current_file(self, path: Path) -> bool:
        current = self._file.path
        if current is None:
            return False
        try:
            return current.resolve() == path.resolve()
        except OSError:
            return current.absolute() == path.absolute()

    def _relock(self) -> None:
        """Take back the lock on the current file after reopening it failed."""
        if self._file.path is None:
            return
        try:
            self._file.lock = lock_document(self._file.path)
        except (
            DocumentLockedError,
            OSError,
        ):  # someone took it meanwhile: saving still works, backups still kept
            self._file.lock = None

    def _start_folder(self) -> Path:
        path = self._file.path
        return path.parent if path is not None else self.settings.last_folder()
