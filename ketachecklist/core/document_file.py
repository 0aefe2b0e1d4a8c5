"""One comparison file opened by this process: its lock, fingerprint and saved state.

Qt-free glue over storage, lock and fingerprint so that the UI's document controller makes one
call per user action and cannot forget a step:

- ``DocumentFile.open(path, catalogue)`` locks the file (DocumentLockedError names the holder;
  the UI then offers ``read_only=True``), reads it (FileFormatError), and records its
  fingerprint and whether it was migrated from an older format.
- ``save(comparison)`` refuses to overwrite changes made on disk since (ChangedOnDiskError; ask,
  then ``save(comparison, overwrite=True)``), keeps backups, writes atomically, and only on
  success updates the fingerprint. On SaveError nothing changes here (whether the document is
  unsaved is the undo stack's to say), and ``save_error_message(error)`` says what happened.
- ``save_as(comparison, path)`` locks the new path first, then saves there, then lets go of the
  old one.
- ``for_restored(path)`` reattaches a restored autosave to the file it belongs to.
- ``close()`` releases the lock.
"""

from __future__ import annotations

from pathlib import Path

from ketachecklist.core.catalogue import Catalogue
from ketachecklist.core.document import Comparison
from ketachecklist.core.fingerprint import DiskState, Fingerprint, disk_state, fingerprint_file
from ketachecklist.core.lock import DocumentLockedError, ProcessLock, lock_document
from ketachecklist.core.storage import SCHEMA_VERSION, open_comparison, save_comparison


class ReadOnlyDocumentError(Exception):
    """Saving a document that was opened read-only (use Save As)."""


class DocumentFile:
    def __init__(
        self,
        path: Path | None = None,
        *,
        fingerprint: Fingerprint | None = None,
        migrated_from: int | None = None,
        read_only: bool = False,
        lock: ProcessLock | None = None,
    ) -> None:
        self.path = path
        self.fingerprint = fingerprint
        self.migrated_from = migrated_from  # schema_version of the file, if older than the app's
        self.read_only = read_only
        self.lock = lock
        # Why no lock could be taken (a read-only folder or medium); saving will explain.
        self.lock_problem: OSError | None = None

    @classmethod
    def open(
        cls, path: Path, catalogue: Catalogue, *, read_only: bool = False
    ) -> tuple[DocumentFile, Comparison]:
        """Open ``path`` for editing (or read-only).

        Raises DocumentLockedError if another live process edits it, FileFormatError if it
        cannot be read. Nothing on disk changes except the lock file beside it.
        """
        lock: ProcessLock | None = None
        lock_problem: OSError | None = None
        if not read_only:
            try:
                lock = lock_document(path)
            except DocumentLockedError:
                raise
            except OSError as error:
                lock_problem = error
        try:
            loaded = open_comparison(path, catalogue)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        document = cls(
            path,
            fingerprint=loaded.fingerprint,
            migrated_from=loaded.schema_version if loaded.migrated else None,
            read_only=read_only,
            lock=lock,
        )
        document.lock_problem = lock_problem
        return document, loaded.comparison

    @classmethod
    def for_restored(cls, path: Path) -> DocumentFile:
        """The file a restored autosave belongs to, locked like an opened file.

        The fingerprint is of what is on disk now (None if the file is gone), so saving the
        restored work asks only if the file changes after the restore. If another live process
        edits the file, the document is read-only (Save goes to Save As). Nothing is read or
        written here except the lock file.
        """
        lock: ProcessLock | None = None
        lock_problem: OSError | None = None
        read_only = False
        try:
            lock = lock_document(path)
        except DocumentLockedError:
            read_only = True
        except OSError as error:
            lock_problem = error
        document = cls(path, fingerprint=fingerprint_file(path), read_only=read_only, lock=lock)
        document.lock_problem = lock_problem
        return document

    @property
    def migrated(self) -> bool:
        """Read from an older format; the next save writes the current one (and keeps the old)."""
        return self.migrated_from is not None

    def migration_note(self) -> str:
        """What the UI tells the patient after opening an older file (empty if not migrated)."""
        if self.migrated_from is None or self.path is None:
            return ""
        return (
            f"“{self.path.name}” was made by an older ketachecklist (format version "
            f"{self.migrated_from}). It has been updated to format version {SCHEMA_VERSION} "
            "here; when you save, the original is kept as "
            f"“{self.path.name}.v{self.migrated_from}.bak”."
        )

    def disk_state(self) -> DiskState:
        """Whether the file on disk still holds what we loaded or last saved."""
        if self.path is None:
            return DiskState.UNCHANGED
        return disk_state(self.path, self.fingerprint)

    def save(self, comparison: Comparison, *, overwrite: bool = False) -> None:
        """Save to ``path``: ChangedOnDiskError unless ``overwrite``; SaveError on failure."""
        if self.path is None:
            raise ValueError("an untitled document needs save_as")
        if self.read_only:
            raise ReadOnlyDocumentError(f"{self.path.name} is open read-only")
        expected = None if overwrite else self.fingerprint
        fingerprint = save_comparison(comparison, self.path, expected=expected)
        self._saved(fingerprint)

    def save_as(self, comparison: Comparison, path: Path) -> None:
        """Save to a new ``path`` (the UI has already asked about replacing an existing file)."""
        if self.path is not None and not self.read_only and _same_file(self.path, path):
            self.save(comparison, overwrite=True)
            return
        new_lock: ProcessLock | None = None
        lock_problem: OSError | None = None
        try:
            new_lock = lock_document(path)
        except DocumentLockedError:
            raise
        except OSError as error:
            lock_problem = error  # the save below will fail with a clear message if it must
        try:
            fingerprint = save_comparison(comparison, path)
        except BaseException:
            if new_lock is not None:
                new_lock.release()
            raise
        if self.lock is not None:
            self.lock.release()
        self.path, self.lock, self.lock_problem = path, new_lock, lock_problem
        self.read_only = False
        self._saved(fingerprint)

    def _saved(self, fingerprint: Fingerprint) -> None:
        self.fingerprint = fingerprint
        self.migrated_from = None

    def close(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a.absolute() == b.absolute()
