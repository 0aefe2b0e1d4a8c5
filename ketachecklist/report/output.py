"""Writing exports: whole files or nothing, default names, and failures in plain words (no Qt).

Every export is rendered to bytes in memory first and then written with
``atomic_write_bytes`` (temp file beside the target → fsync → rename), so a failure at any
point leaves no half-written file: the target keeps its old content, or does not exist.
"""

from __future__ import annotations

import errno
import re
import unicodedata
from enum import Enum
from pathlib import Path

from ketachecklist.core.atomic import atomic_write_bytes
from ketachecklist.core.errors import SaveError


class ExportFormat(str, Enum):
    PDF = "pdf"
    HTML = "html"
    CSV = "csv"

    @property
    def suffix(self) -> str:
        return f".{self.value}"

    @property
    def label(self) -> str:
        return self.value.upper()

    @classmethod
    def from_suffix(cls, path: Path) -> ExportFormat | None:
        suffix = path.suffix.lower()
        if suffix == ".htm":
            return cls.HTML
        return next((f for f in cls if f.suffix == suffix), None)


def write_output(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (0600: a comparison is health information).

    Raises SaveError (an OSError); ``export_error_message`` words it.
    """
    atomic_write_bytes(path, data)


def overwrites_source(target: Path, source: Path | None) -> bool:
    """True when ``target`` is the comparison file itself (an export must never replace it)."""
    if source is None:
        return False
    try:
        return target.resolve() == source.resolve() or target.samefile(source)
    except OSError:
        return False


def source_overwrite_message(target: Path) -> str:
    return (
        f"“{target.name}” is your comparison file; an export would replace it. "
        "Nothing was written. Choose another name."
    )


def default_export_path(source: Path | None, export_format: ExportFormat) -> Path:
    """``three-clinics.pdf`` beside ``three-clinics.yaml``; ``comparison.pdf`` for a new one."""
    if source is None:
        return Path(f"comparison{export_format.suffix}")
    return source.with_name(f"{source.stem}{export_format.suffix}")


def default_sheet_path(source: Path | None, clinic_name: str | None) -> Path:
    """``three-clinics-sheet-harbor-light.pdf``, or ``...-sheet-blank.pdf`` for a blank one."""
    stem = source.stem if source is not None else "comparison"
    slug = slugify(clinic_name) if clinic_name else "blank"
    name = f"{stem}-sheet-{slug}.pdf"
    return source.with_name(name) if source is not None else Path(name)


def slugify(text: str, max_length: int = 40) -> str:
    """A short, safe file-name part: 'Harbor Light (fictional)' → 'harbor-light-fictional'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "clinic"


_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_NOT_WRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS}
_NO_FOLDER = {errno.ENOENT, errno.ENOTDIR}


def export_error_message(error: BaseException, path: Path) -> str:
    """One line for the patient (and the command line) about an export that failed."""
    cause: BaseException = error.cause if isinstance(error, SaveError) else error
    name = f"“{path.name}”"
    folder = f"“{path.parent}”"
    code = cause.errno if isinstance(cause, OSError) else None
    detail = cause.strerror if isinstance(cause, OSError) and cause.strerror else str(cause)
    if isinstance(error, SaveError) and not error.original_unchanged:
        return (
            f"{name} was written to {folder}, but the computer could not confirm that it "
            f"reached the disk ({detail}). Export it again to be sure."
        )
    if code in _DISK_FULL:
        reason = f"The disk is full, so {name} could not be written."
        advice = "Free some space, or export to another place."
    elif code in _NOT_WRITABLE:
        reason = (
            f"The folder {folder} can't be written to (it is read-only, or you don't have "
            f"permission), so {name} could not be written."
        )
        advice = "Choose a folder you can write to, such as Documents."
    elif code in _NO_FOLDER:
        reason = f"The folder {folder} does not exist, so {name} could not be written."
        advice = "Choose a folder that exists."
    elif code == errno.EISDIR:
        reason = f"{name} is a folder, not a file."
        advice = "Choose a file name."
    elif isinstance(cause, OSError):
        reason = f"{name} could not be written ({detail})."
        advice = "Try again, or export to another place."
    else:
        reason = f"{name} could not be made ({type(cause).__name__}: {detail})."
        advice = "Please report this problem."
    return f"{reason} Nothing was written; any earlier file called {name} is unchanged. {advice}"
