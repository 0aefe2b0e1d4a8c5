"""The comparison file on disk: safe saving and reading (see docs/file-format.md).

``save_comparison``/``load_comparison`` add atomic writing and reading to the conversions;
``open_comparison`` also reports the file's fingerprint and whether it was migrated from an
older format. Every problem with a file raises FileFormatError naming what and where; every
failed save raises SaveError (see docs/reliability.md).

The file's format is in four modules this one re-exports, so callers keep importing from here:
core/comparison_format.py (format name, version, complete ending), core/comparison_writer.py,
core/comparison_reader.py (with core/clinic_reader.py) and core/migrations.py.
"""

from __future__ import annotations

import errno
from pathlib import Path

from ketachecklist.core.atomic import (
    commit_temp_file,
    discard_temp_file,
    remove_stale_temp_files,
    resolve_target,
    write_temp_file,
)
from ketachecklist.core.backups import BACKUP_GENERATIONS, keep_backups
from ketachecklist.core.catalogue import Catalogue
from ketachecklist.core.comparison_format import (
    COMPARISON_FORMAT,
    CUSTOM_QUESTION_REFUSED,
    CUSTOM_QUESTION_WORDING,
    END_ANNOUNCEMENT,
    END_LINE,
    SCHEMA_VERSION,
    check_complete,
)
from ketachecklist.core.comparison_reader import (
    LoadedComparison,
    comparison_from_document,
    parse_comparison,
    read_comparison,
    read_schema_version,
)
from ketachecklist.core.comparison_writer import comparison_to_data, comparison_to_yaml
from ketachecklist.core.document import Comparison
from ketachecklist.core.errors import FileFormatError, SaveError, SaveStage
from ketachecklist.core.fingerprint import DiskState, Fingerprint, disk_state
from ketachecklist.core.limits import MAX_BYTES, MAX_NODES
from ketachecklist.core.safe_yaml import TooManyValuesError, read_file_bytes
from ketachecklist.text import isolated, tr

__all__ = [
    "COMPARISON_FORMAT",
    "CUSTOM_QUESTION_REFUSED",
    "CUSTOM_QUESTION_WORDING",
    "END_ANNOUNCEMENT",
    "END_LINE",
    "SCHEMA_VERSION",
    "ChangedOnDiskError",
    "LoadedComparison",
    "check_complete",
    "comparison_from_document",
    "comparison_to_data",
    "comparison_to_yaml",
    "encode_comparison",
    "load_comparison",
    "open_comparison",
    "parse_comparison",
    "read_comparison",
    "read_schema_version",
    "save_comparison",
]


class ChangedOnDiskError(Exception):
    """The file was changed (or removed) by someone else since we loaded or saved it.

    Raised by ``save_comparison(..., expected=...)`` before anything is written; the UI asks
    the patient, then saves again with ``expected=None`` to overwrite, or offers Save As.
    """

    def __init__(self, path: Path, state: DiskState) -> None:
        self.path = path
        self.state = state
        if state is DiskState.MISSING:
            message = tr(
                "“{file}” has been moved or deleted since you opened it. Saving will "
                "create it again in the same place."
            )
        elif state is DiskState.NOT_A_FILE:
            message = tr(
                "“{file}” is no longer a file: a folder or something else now has its name, so "
                "it cannot be saved over. Save as a new file to keep your work."
            )
        else:
            message = tr(
                "“{file}” was changed by another program since you opened or last saved "
                "it. Saving now would replace those changes."
            )
        super().__init__(message.format(file=isolated(path.name)))


def encode_comparison(comparison: Comparison, path: Path | None = None) -> bytes:
    """The file's bytes, built entirely in memory and checked to read back.

    Checking the round trip before anything touches the disk means a save can never replace a
    readable file with one the app would refuse (a serializer bug, a document over the size
    limit); any exception here leaves every file untouched.
    """
    data = comparison_to_yaml(comparison).encode("utf-8")
    if len(data) > MAX_BYTES:
        raise SaveError(
            OSError(
                errno.EFBIG,
                tr("it would be {size} MB, over the {limit} MB a comparison file may hold").format(
                    size=f"{len(data) / 1_048_576:.1f}", limit=MAX_BYTES // 1_048_576
                ),
            ),
            path or Path("comparison.yaml"),
            SaveStage.CHECK,
        )
    try:
        parse_comparison(data, tr("the file being saved"), comparison.catalogue)
    except TooManyValuesError:
        raise SaveError(
            OSError(
                errno.EFBIG,
                tr("it would hold more than {count} values").format(count=f"{MAX_NODES:,}"),
            ),
            path or Path("comparison.yaml"),
            SaveStage.CHECK,
        ) from None
    return data


def save_comparison(
    comparison: Comparison,
    path: Path,
    *,
    backups: int = BACKUP_GENERATIONS,
    expected: Fingerprint | None = None,
) -> Fingerprint:
    """Save safely; returns the fingerprint of the file now on disk.

    1. Serialise fully in memory and check it reads back (``encode_comparison``).
    2. If ``expected`` is given and the file on disk no longer matches it, raise
       ChangedOnDiskError (nothing written).
    3. Keep the previous version as ``<name>.bak1`` (rotating up to ``backups`` generations),
       and, if it is in an older format, its original bytes as ``<name>.v<N>.bak``.
    4. Write a temp file beside it, fsync, rename over ``path``, fsync the folder (0600).
    5. Remove temp files left by earlier saves that were killed.

    Any OSError is raised as SaveError; before step 4's rename completes the file on disk is
    byte-identical to what it was. A symlink is followed, so the link itself survives.
    """
    data = encode_comparison(comparison, path)
    try:
        target = resolve_target(path)
        if expected is not None:
            state = disk_state(target, expected)
            if state is not DiskState.UNCHANGED:
                raise ChangedOnDiskError(path, state)
        _write_keeping_backups(target, data, backups)
    except SaveError as error:
        if error.path != path:  # report the document the patient chose, not the backup name
            raise SaveError(error.cause, path, error.stage) from error
        raise
    except OSError as error:  # e.g. the folder cannot even be looked into
        raise SaveError(error, path, SaveStage.CREATE) from error
    remove_stale_temp_files(target)
    try:
        info = target.stat()
    except OSError as error:
        raise SaveError(error, path, SaveStage.SYNC_FOLDER) from error
    return Fingerprint.of(data, info)


def _write_keeping_backups(target: Path, data: bytes, backups: int) -> None:
    """The new version's temp file first, then the backups, then the rename.

    Every write that needs disk space happens before the first rename, so a disk that fills up
    at any point leaves the document and every backup as they were.
    """
    temp = write_temp_file(target, data)
    try:
        keep_backups(target, SCHEMA_VERSION, backups)
    except BaseException:
        discard_temp_file(temp)
        raise
    commit_temp_file(temp, target)


def open_comparison(path: Path, catalogue: Catalogue) -> LoadedComparison:
    """Read, migrate and validate ``path``; raises FileFormatError naming what and where."""
    data = read_file_bytes(path, path.name)
    try:
        info = path.stat()
    except OSError as error:
        message = tr("cannot read the file: {reason}").format(reason=error.strerror)
        raise FileFormatError.single(path.name, message) from None
    loaded = read_comparison(data, path.name, catalogue)
    return LoadedComparison(loaded.comparison, loaded.schema_version, Fingerprint.of(data, info))


def load_comparison(path: Path, catalogue: Catalogue) -> Comparison:
    """Read, migrate and validate ``path`` as ``open_comparison`` does, without its
    fingerprint: a caller that never saves back (an export) need not hash the file, nor load
    OpenSSL to do so (~11 ms)."""
    return read_comparison(read_file_bytes(path, path.name), path.name, catalogue).comparison
