"""Writing exports: whole files or nothing, default names, and failures in plain words (no Qt).

Every export is rendered to bytes in memory first and then written with
``atomic_write_bytes`` (temp file beside the target → fsync → rename), so a failure at any
point leaves no half-written file: the target keeps its old content, or does not exist.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from ketachecklist.core.atomic import atomic_write_bytes
from ketachecklist.core.errors import SaveError, Writing, failure_words, named_place
from ketachecklist.present.text import isolated, tr

if TYPE_CHECKING:
    from ketachecklist.report.model import ComparisonReport


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


class RenderError(RuntimeError):
    """A renderer failed to make the export's bytes (its cause is the original error)."""


def render(report: ComparisonReport, export_format: ExportFormat) -> bytes:
    """The export of ``report`` as ``export_format``, in memory: the one format switch behind
    the command line and the app. Any failure of a renderer (Qt unable to draw the pages, a
    bug) is a RenderError carrying the original, so a caller words it with
    ``export_error_message`` and never sees half an export. The renderers, and Qt for the PDF,
    are imported on first use: HTML and CSV need no Qt at all."""
    try:
        return _render(report, export_format)
    except Exception as error:
        raise RenderError(str(error) or type(error).__name__) from error


def _render(report: ComparisonReport, export_format: ExportFormat) -> bytes:
    if export_format is ExportFormat.HTML:
        from ketachecklist.report.html import render_html_bytes  # noqa: PLC0415

        return render_html_bytes(report)
    if export_format is ExportFormat.CSV:
        from ketachecklist.report.csv_export import render_csv  # noqa: PLC0415

        return render_csv(report)
    # Without a display when there is none (the command line); the app's own when it runs.
    from ketachecklist.qt.gui_application import ensure_gui_application  # noqa: PLC0415

    ensure_gui_application()
    from ketachecklist.report.pdf import render_pdf  # noqa: PLC0415

    return render_pdf(report)


class ExportRefusedError(OSError):
    """The export's target is something an export must never replace (see ``refusal``)."""

    def __init__(self, message: str) -> None:
        super().__init__(errno.EPERM, message)
        self.message = message


# Names of the files that keep a comparison safe (core/backups, lock, atomic, recovery): an
# export over one would replace a backup, a live lock or a snapshot.
_COMPANION_NAMES = re.compile(
    r"(^\.~.*\.lock$)|(\.bak\d+$)|(\.v\d+\.bak$)|(\.(saving|locking|stale)$)"
    r"|(\.recovery\.yaml$)|(\.session\.lock$)"
)
_COMPARISON_MARKS = (b"# ketachecklist comparison", b"format: ketachecklist-comparison")


def export_refusal(target: Path, source: Path | None = None) -> str | None:
    """Why ``target`` must not be written by an export, or None when it is a safe new name or
    an ordinary file: never the comparison itself, its backups, lock, temp or recovery files,
    another comparison file, or anything that is not a regular file (a folder, device, FIFO,
    socket or link, a link loop included)."""
    name = isolated(target.name)
    if _COMPANION_NAMES.search(target.name):
        return tr(
            "“{file}” is a backup, lock or recovery file that keeps a comparison safe"
        ).format(file=name)
    if source is not None and overwrites_source(target, source):
        return tr("“{file}” is your comparison file").format(file=name)
    try:
        info = target.lstat()
    except FileNotFoundError:
        return None
    except OSError as error:  # a loop or a file in the way further up the path
        return tr("“{file}” cannot be used ({reason})").format(
            file=name, reason=error.strerror or error
        )
    if stat.S_ISLNK(info.st_mode):
        return tr("“{file}” is a link").format(file=name)
    if stat.S_ISDIR(info.st_mode):
        return tr("“{file}” is a folder").format(file=name)
    if not stat.S_ISREG(info.st_mode):
        return tr("“{file}” is a device, pipe or socket, not a file").format(file=name)
    try:
        with target.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return None  # the write will say what is wrong
    if any(mark in head for mark in _COMPARISON_MARKS):
        return tr("“{file}” is a comparison file").format(file=name)
    return None


def write_output(path: Path, data: bytes, source: Path | None = None) -> None:
    """Replace ``path`` with ``data`` atomically (0600: a comparison is health information).

    Raises ExportRefusedError when ``export_refusal`` objects, SaveError (both OSErrors) when
    writing fails; ``export_error_message`` words either.
    """
    refusal = export_refusal(path, source)
    if refusal is not None:
        raise ExportRefusedError(refusal)
    atomic_write_bytes(path, data)


def overwrites_source(target: Path, source: Path | None) -> bool:
    """True when ``target`` is the comparison file itself (an export must never replace it)."""
    if source is None:
        return False
    try:
        if os.path.realpath(target) == os.path.realpath(source):
            return True
        return target.samefile(source)
    except (OSError, RuntimeError):  # RuntimeError: a link loop (Path.resolve, Python 3.11)
        return False


def source_overwrite_message(target: Path) -> str:
    return tr(
        "“{file}” is your comparison file; an export would replace it. "
        "Nothing was written. Choose another name."
    ).format(file=isolated(target.name))


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


def export_error_message(error: BaseException, path: Path) -> str:
    """One line for the patient (and the command line) about an export that failed."""
    if isinstance(error, ExportRefusedError):
        return tr(
            "{refusal}; an export would replace it. Nothing was written. Choose another name."
        ).format(refusal=error.message)
    cause: BaseException = error.cause if isinstance(error, SaveError) else error
    if isinstance(error, RenderError) and error.__cause__ is not None:
        cause = error.__cause__
    name, folder = named_place(path)
    code = cause.errno if isinstance(cause, OSError) else None
    detail = cause.strerror if isinstance(cause, OSError) and cause.strerror else str(cause)
    if isinstance(error, SaveError) and not error.original_unchanged:
        return tr(
            "{name} was written to {folder}, but the computer could not confirm that it "
            "reached the disk ({detail}). Export it again to be sure."
        ).format(name=name, folder=folder, detail=detail)
    if (words := failure_words(Writing.EXPORT, code)) is not None:
        reason, advice = words
    elif isinstance(cause, OSError):
        reason = tr("{name} could not be written ({detail}).")
        advice = tr("Try again, or export to another place.")
    else:
        reason = tr("{name} could not be made ({error}: {detail}).")
        advice = tr("Please report this problem.")
    reason = reason.format(name=name, folder=folder, detail=detail, error=type(cause).__name__)
    return tr(
        "{reason} Nothing was written; any earlier file called {name} is unchanged. {advice}"
    ).format(reason=reason, name=name, advice=advice)
