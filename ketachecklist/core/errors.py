"""Errors: FileFormatError for every problem in a file read, SaveError for every failed save.

``save_error_message`` turns a failed save into plain words for the patient.
"""

from __future__ import annotations

import errno
import unicodedata
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

MAX_PROBLEMS = 100


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, located as precisely as we can."""

    message: str
    line: int | None = None

    def render(self, source: str) -> str:
        """``source line N: message`` on one line, whatever characters the file put in it."""
        where = f"{source} line {self.line}" if self.line is not None else source
        text = f"{where}: {self.message}" if where else self.message
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
            lines.append(f"… and {self.count - MAX_PROBLEMS:,} more problems")
        super().__init__("\n".join(lines))

    @classmethod
    def single(cls, source: str, message: str, line: int | None = None) -> FileFormatError:
        return cls(source, [Problem(message, line)])


class SaveStage(str, Enum):
    """Where a save failed; everything before REPLACE leaves the original file untouched."""

    CHECK = "checking the new version"  # before touching the disk (too large to read back)
    BACKUP = "keeping a backup of the previous version"
    CREATE = "creating the new file"
    WRITE = "writing"
    FSYNC = "flushing to the disk"
    REPLACE = "replacing the old file"
    SYNC_FOLDER = "flushing the folder to the disk"


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


_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NOT_WRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS}
_GONE = {errno.ENOENT, errno.ENOTDIR, getattr(errno, "ENODEV", errno.ENOENT)}
_DEVICE = {errno.EIO, getattr(errno, "ENXIO", errno.EIO), getattr(errno, "ESTALE", errno.EIO)}


def save_error_message(error: BaseException, path: Path | None = None) -> str:
    """One or two plain sentences for the patient about a failed save of ``path``."""
    if isinstance(error, SaveError):
        path = error.path
    name = f"“{path.name}”" if path is not None else "your comparison"
    folder = f"“{path.parent}”" if path is not None else "the folder"
    if not isinstance(error, OSError):
        return (
            f"ketachecklist could not prepare {name} for saving ({type(error).__name__}). "
            "Nothing was written: the file on the disk was not changed, and your changes are "
            "still open here. Please try Save As, and report this problem."
        )
    code = error.errno
    stage = error.stage if isinstance(error, SaveError) else None
    detail = error.strerror or str(error)
    if stage is SaveStage.SYNC_FOLDER:
        return (
            f"Your changes were written to {name}, but the computer could not confirm they "
            f"reached the disk ({detail}). Save again, or save a copy somewhere else, to be sure."
        )
    if stage is SaveStage.CHECK:
        reason = f"{name} could not be saved: {detail}."
        advice = "Shorten some very long notes, or split the comparison into two files."
    elif code in _DISK_FULL:
        reason = f"The disk is full, so {name} could not be saved."
        advice = "Free some space on the disk, or use Save As to save to another place."
    elif code in _NOT_WRITABLE:
        reason = (
            f"The folder {folder} can't be written to (it is read-only, or you don't have "
            f"permission), so {name} could not be saved."
        )
        advice = "Use Save As to save to a folder you can write to, such as Documents."
    elif code in _GONE:
        reason = (
            f"The folder {folder} is no longer there (was a USB stick or network drive "
            f"removed?), so {name} could not be saved."
        )
        advice = "Reconnect it and save again, or use Save As to save somewhere else."
    elif code in _DEVICE:
        reason = f"The disk reported an error while saving {name} ({detail})."
        advice = "Use Save As to save to another disk."
    elif stage is SaveStage.REPLACE:
        reason = f"{name} could not be replaced with the new version ({detail})."
        advice = "Close other programs that may be using the file and save again, or use Save As."
    else:
        doing = f" while {stage.value}" if stage is not None else ""
        reason = f"{name} could not be saved{doing}: {detail}."
        advice = "Try again, or use Save As to save to another place."
    reason = reason[:1].upper() + reason[1:]  # "your comparison could not…" starts a sentence
    return (
        f"{reason} The file on the disk was not changed, and your changes are still open "
        f"here. {advice}"
    )
