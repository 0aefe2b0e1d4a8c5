"""Errors: FileFormatError for every problem in a file read, SaveError for every failed save.

``save_error_message`` turns a failed save into plain words for the patient; ``failure_words``
says why a file was not written and what to do, for a save and for an export alike.
"""

from __future__ import annotations

import errno
import unicodedata
from enum import Enum
from pathlib import Path
from typing import NamedTuple

from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.text import QT_TR_NOOP, isolated, tr

MAX_PROBLEMS = 100


class Problem(FrozenRecord):
    """One thing wrong with a file, located as precisely as we can."""

    message: str
    line: int | None = None

    def render(self, source: str) -> str:
        """``source line N: message`` on one line, whatever characters the file put in it."""
        if self.line is not None:
            where = tr("{source} line {line}").format(source=source, line=self.line)
        else:
            where = source
        text = (
            tr("{where}: {message}").format(where=where, message=self.message)
            if where
            else self.message
        )
        return text if text.isprintable() else "".join(map(_visible, text))


def _visible(char: str) -> str:
    # Control characters and line separators quoted from a hostile file (a key "\r", a name
    # with U+2028) would split or garble the one-line message; show them escaped instead.
    if unicodedata.category(char) in {"Cc", "Zl", "Zp"}:
        return repr(char)[1:-1]
    return char


class FileFormatError(ValueError):
    """A catalogue or comparison file is unreadable, hostile, invalid or from a newer version.

    `problems` lists every problem found (at least one); `str(error)` gives one line per
    problem in the form ``questions.yaml line 42: question 'eval-3' has no text``.
    """

    def __init__(self, source: str, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("FileFormatError needs at least one problem")
        self.source = source
        # In file order, so the user can work down the file; problems without a line go last.
        # Only the first MAX_PROBLEMS are kept: a file with half a million unknown keys must
        # not build a half-million-line dialog. ``count`` says how many there were.
        ordered = sorted(problems, key=lambda p: (p.line is None, p.line or 0))
        self.count = len(ordered)
        self.problems = ordered[:MAX_PROBLEMS]
        lines = [p.render(source) for p in self.problems]
        if self.count > MAX_PROBLEMS:
            more = f"{self.count - MAX_PROBLEMS:,}"
            lines.append(tr("… and {count} more problems").format(count=more))
        super().__init__("\n".join(lines))

    @classmethod
    def single(cls, source: str, message: str, line: int | None = None) -> FileFormatError:
        return cls(source, [Problem(message, line)])


class SaveStage(str, Enum):
    """Where a save failed; everything before REPLACE leaves the original file untouched."""

    CHECK = "check"  # before touching the disk (too large to read back)
    BACKUP = "backup"
    CREATE = "create"
    WRITE = "write"
    FSYNC = "fsync"
    REPLACE = "replace"
    SYNC_FOLDER = "sync_folder"


# What was being done, for "… could not be saved while {doing}".
_DOING = {
    SaveStage.CHECK: QT_TR_NOOP("checking the new version"),
    SaveStage.BACKUP: QT_TR_NOOP("keeping a backup of the previous version"),
    SaveStage.CREATE: QT_TR_NOOP("creating the new file"),
    SaveStage.WRITE: QT_TR_NOOP("writing"),
    SaveStage.FSYNC: QT_TR_NOOP("flushing to the disk"),
    SaveStage.REPLACE: QT_TR_NOOP("replacing the old file"),
    SaveStage.SYNC_FOLDER: QT_TR_NOOP("flushing the folder to the disk"),
}


class SaveError(OSError):
    """Saving ``path`` failed at ``stage``; ``errno``/``strerror`` come from the OS error.

    ``original_unchanged`` is true for every stage but SYNC_FOLDER, which happens after the new
    version has replaced the old one. Either way the caller should keep the document marked
    unsaved and show ``save_error_message(error)``.
    """

    def __init__(self, cause: OSError, path: Path, stage: SaveStage) -> None:
        super().__init__(cause.errno, cause.strerror or str(cause), str(path))
        self.cause = cause
        self.path = path
        self.stage = stage

    @property
    def original_unchanged(self) -> bool:
        return self.stage is not SaveStage.SYNC_FOLDER


class Writing(Enum):
    """What was being written when the operating system refused: the comparison, or an export."""

    SAVE = "save"
    EXPORT = "export"


class FailureWords(NamedTuple):
    """Why a file was not written and what to do: each a whole sentence marked for translation
    (``{name}``, ``{folder}`` and ``{detail}`` filled in by the caller), for the OS errors given."""

    errors: frozenset[int]
    why: str
    advice: str


DISK_FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
TOO_LARGE = frozenset({errno.EFBIG})
NOT_WRITABLE = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})
NO_FOLDER = frozenset({errno.ENOENT, errno.ENOTDIR})
NO_DEVICE = frozenset({getattr(errno, "ENODEV", errno.ENOENT)})
DISK_ERROR = frozenset(
    {errno.EIO, getattr(errno, "ENXIO", errno.EIO), getattr(errno, "ESTALE", errno.EIO)}
)
IS_FOLDER = frozenset({errno.EISDIR})

# The OS errors a patient can act on, worded for a save and for an export. An error in none of
# a row's classes is worded by the caller with the error's own text (the stage of a save, …).
_FAILURE_WORDS = {
    Writing.SAVE: (
        FailureWords(
            DISK_FULL,
            QT_TR_NOOP("The disk is full, so {name} could not be saved."),
            QT_TR_NOOP("Free some space on the disk, or use Save As to save to another place."),
        ),
        FailureWords(
            NOT_WRITABLE,
            QT_TR_NOOP(
                "The folder {folder} can't be written to (it is read-only, or you don't have "
                "permission), so {name} could not be saved."
            ),
            QT_TR_NOOP("Use Save As to save to a folder you can write to, such as Documents."),
        ),
        FailureWords(
            NO_FOLDER | NO_DEVICE,
            QT_TR_NOOP(
                "The folder {folder} is no longer there (was a USB stick or network drive "
                "removed?), so {name} could not be saved."
            ),
            QT_TR_NOOP("Reconnect it and save again, or use Save As to save somewhere else."),
        ),
        FailureWords(
            DISK_ERROR,
            QT_TR_NOOP("The disk reported an error while saving {name} ({detail})."),
            QT_TR_NOOP("Use Save As to save to another disk."),
        ),
    ),
    Writing.EXPORT: (
        FailureWords(
            DISK_FULL | TOO_LARGE,
            QT_TR_NOOP("The disk is full, so {name} could not be written."),
            QT_TR_NOOP("Free some space, or export to another place."),
        ),
        FailureWords(
            NOT_WRITABLE,
            QT_TR_NOOP(
                "The folder {folder} can't be written to (it is read-only, or you don't have "
                "permission), so {name} could not be written."
            ),
            QT_TR_NOOP("Choose a folder you can write to, such as Documents."),
        ),
        FailureWords(
            NO_FOLDER,
            QT_TR_NOOP("The folder {folder} does not exist, so {name} could not be written."),
            QT_TR_NOOP("Choose a folder that exists."),
        ),
        FailureWords(
            IS_FOLDER,
            QT_TR_NOOP("{name} is a folder, not a file."),
            QT_TR_NOOP("Choose a file name."),
        ),
    ),
}


def named_place(path: Path) -> tuple[str, str]:
    """A file and its folder as a failure message names them: '“mine.yaml”', '“/home/…”' (the
    user's names inside our sentence: isolated, text.py)."""
    name = tr("“{file}”").format(file=isolated(path.name))
    folder = tr("“{folder}”").format(folder=isolated(str(path.parent)))
    return name, folder


def failure_words(writing: Writing, code: int | None) -> tuple[str, str] | None:
    """Why ``writing`` failed with the OS error ``code`` and what to do, translated (still to
    be filled in), or None when the error is not one the patient can act on."""
    for words in _FAILURE_WORDS[writing]:
        if code in words.errors:
            return tr(words.why), tr(words.advice)
    return None


def save_error_message(error: BaseException, path: Path | None = None) -> str:
    """One or two plain sentences for the patient about a failed save of ``path``."""
    if isinstance(error, SaveError):
        path = error.path
    if path is not None:
        name, folder = named_place(path)
    else:
        name, folder = tr("your comparison"), tr("the folder")
    if not isinstance(error, OSError):
        return tr(
            "ketachecklist could not prepare {name} for saving ({error}). Nothing was written: "
            "the file on the disk was not changed, and your changes are still open here. "
            "Please try Save As, and report this problem."
        ).format(name=name, error=type(error).__name__)
    code = error.errno
    stage = error.stage if isinstance(error, SaveError) else None
    detail = error.strerror or str(error)
    if stage is SaveStage.SYNC_FOLDER:
        return tr(
            "Your changes were written to {name}, but the computer could not confirm they "
            "reached the disk ({detail}). Save again, or save a copy somewhere else, to be sure."
        ).format(name=name, detail=detail)
    if stage is SaveStage.CHECK:
        reason = tr("{name} could not be saved: {detail}.")
        advice = tr("Shorten some very long notes, or split the comparison into two files.")
    elif (words := failure_words(Writing.SAVE, code)) is not None:
        reason, advice = words
    elif stage is SaveStage.REPLACE:
        reason = tr("{name} could not be replaced with the new version ({detail}).")
        advice = tr(
            "Close other programs that may be using the file and save again, or use Save As."
        )
    elif stage is not None:
        reason = tr("{name} could not be saved while {doing}: {detail}.")
        advice = tr("Try again, or use Save As to save to another place.")
    else:
        reason = tr("{name} could not be saved: {detail}.")
        advice = tr("Try again, or use Save As to save to another place.")
    doing = tr(_DOING[stage]) if stage is not None else ""
    reason = reason.format(name=name, folder=folder, detail=detail, doing=doing)
    reason = reason[:1].upper() + reason[1:]  # "your comparison could not…" starts a sentence
    return tr(
        "{reason} The file on the disk was not changed, and your changes are still open here. "
        "{advice}"
    ).format(reason=reason, advice=advice)
