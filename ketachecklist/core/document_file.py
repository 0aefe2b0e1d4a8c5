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

import datetime as dt
import stat
from pathlib import Path

from ketachecklist.core.backups import Backup, list_backups
from ketachecklist.core.catalogue import Catalogue
from ketachecklist.core.document import Comparison
from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.fingerprint import DiskState, Fingerprint, disk_state, fingerprint_file
from ketachecklist.core.lock import DocumentLockedError, ProcessLock, lock_document
from ketachecklist.core.storage import (
    SCHEMA_VERSION,
    ChangedOnDiskError,
    open_comparison,
    save_comparison,
)
from ketachecklist.text import isolated, tr


class ReadOnlyDocumentError(Exception):
    """Saving a document that was opened read-only (use Save As)."""


class NewerOnDiskError(ChangedOnDiskError):
    """Restored work is older than the file it belongs to: saving would replace newer work."""

    def __init__(self, path: Path, saved: dt.datetime) -> None:
        super().__init__(path, DiskState.CHANGED)
        local = saved.astimezone()
        when = tr("{date} at {time}").format(date=f"{local:%Y-%m-%d}", time=f"{local:%H:%M}")
        self.args = (
            tr(
                "“{file}” was saved {when}, after the autosaved copy you restored was made. "
                "Saving now would replace that newer version (it would be kept as “.bak1”)."
            ).format(file=isolated(path.name), when=when),
        )


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
        # Set when restored work is older than the file on disk: the first save asks.
        self.newer_on_disk: dt.datetime | None = None
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
    def for_restored(cls, path: Path, snapshot_saved_at: dt.datetime | None = None) -> DocumentFile:
        """The file a restored autosave belongs to, locked like an opened file.

        The fingerprint is of what is on disk now (None if the file is gone), so saving the
        restored work asks only if the file changes after the restore — unless the file was
        saved after the snapshot (``snapshot_saved_at``) was made: then no fingerprint is kept
        and the first save asks before replacing that newer file. If another live process
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
        saved = last_saved(path)
        if snapshot_saved_at is not None and saved is not None and saved > snapshot_saved_at:
            document.newer_on_disk = saved  # saving over it must ask first
        return document

    @property
    def migrated(self) -> bool:
        """Read from an older format; the next save writes the current one (and keeps the old)."""
        return self.migrated_from is not None

    def migration_note(self) -> str:
        """What the UI tells the patient after opening an older file (empty if not migrated)."""
        if self.migrated_from is None or self.path is None:
            return ""
        return tr(
            "“{file}” was made by an older ketachecklist (format version {old}). It has been "
            "updated to format version {new} here; when you save, the original is kept as "
            "“{file}.v{old}.bak”."
        ).format(file=isolated(self.path.name), old=self.migrated_from, new=SCHEMA_VERSION)

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
            raise ReadOnlyDocumentError(tr("{file} is open read-only").format(file=self.path.name))
        if self.newer_on_disk is not None and not overwrite:
            raise NewerOnDiskError(self.path, self.newer_on_disk)
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
        self.newer_on_disk = None
        self.fingerprint = fingerprint
        self.migrated_from = None

    def close(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def last_saved(path: Path) -> dt.datetime | None:
    """When the file at ``path`` was last written (aware), or None if there is none."""
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc)
    except (OSError, OverflowError, ValueError):
        return None


def restorable_document_path(path: Path, catalogue: Catalogue) -> bool:
    """Whether a snapshot's recorded document path may be written when the work is saved.

    The path comes from a file in the app's folder, not from the patient, so it is used only
    when it can be nothing but a comparison: an absolute ``.yaml``/``.yml`` path that is either
    a comparison file that loads (a regular file, not a link) or a new name in an existing
    folder. Anything else (``~/.bashrc``, a link, a device) restores as an untitled comparison.
    """
    if not path.is_absolute() or path.suffix.lower() not in {".yaml", ".yml"}:
        return False
    try:
        info = path.lstat()
    except FileNotFoundError:
        return path.parent.is_dir()
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    try:
        open_comparison(path, catalogue)
    except FileFormatError:
        return False
    return True


def newest_readable_backup(path: Path, catalogue: Catalogue) -> tuple[Backup, Comparison] | None:
    """The newest of ``path``'s backups (``.bak1``, ``.bak2``, …) that loads, with its content."""
    for backup in list_backups(path):
        if backup.generation is None:
            continue
        try:
            return backup, open_comparison(backup.path, catalogue).comparison
        except FileFormatError:
            continue
    return None


def describe_backup(backup: Backup) -> str:
    """E.g. "“mine.yaml.bak1”, saved 2026-11-30 14:02"."""
    return tr("“{file}”, saved {when}").format(
        file=isolated(backup.path.name), when=f"{backup.saved_at:%Y-%m-%d %H:%M}"
    )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a.absolute() == b.absolute()
