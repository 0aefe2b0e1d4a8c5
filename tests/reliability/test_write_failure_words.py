"""One table words the OS errors of a failed save and of a failed export (core/errors.py
``failure_words``): each caller gets its own sentences for each class of error, and an error
the table does not name falls back to that caller's sentence with the error's own text."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from ketachecklist.core.errors import SaveError, SaveStage, save_error_message
from ketachecklist.report.output import export_error_message

COMPARISON = Path("/home/alex/Documents/clinics.yaml")
EXPORT = Path("/media/stick/clinics.pdf")


def _failed(code: int, path: Path) -> SaveError:
    return SaveError(OSError(code, os.strerror(code)), path, SaveStage.WRITE)


@pytest.mark.parametrize(
    ("code", "start"),
    [
        (errno.ENOSPC, "The disk is full, so “clinics.pdf” could not be written."),
        (errno.EFBIG, "The disk is full, so “clinics.pdf” could not be written."),
        (
            errno.EACCES,
            "The folder “/media/stick” can't be written to (it is read-only, or you don't have "
            "permission), so “clinics.pdf” could not be written.",
        ),
        (errno.ENOENT, "The folder “/media/stick” does not exist, so “clinics.pdf” could not"),
        (errno.ENOTDIR, "The folder “/media/stick” does not exist"),
        (errno.EISDIR, "“clinics.pdf” is a folder, not a file."),
        # Not in the export's rows: worded with the error's own text.
        (errno.ENODEV, "“clinics.pdf” could not be written (No such device)."),
        (errno.EIO, "“clinics.pdf” could not be written (Input/output error)."),
    ],
)
def test_an_export_words_each_class_of_error(code: int, start: str) -> None:
    message = export_error_message(_failed(code, EXPORT), EXPORT)
    assert message.startswith(start)
    assert "Nothing was written; any earlier file called “clinics.pdf” is unchanged." in message


@pytest.mark.parametrize(
    ("code", "start"),
    [
        (errno.ENODEV, "The folder “/home/alex/Documents” is no longer there"),
        (errno.EIO, "The disk reported an error while saving “clinics.yaml” (Input/output"),
        # Not in the save's rows: worded by the stage it failed at.
        (errno.EFBIG, "“clinics.yaml” could not be saved while writing: File too large."),
        (errno.EISDIR, "“clinics.yaml” could not be saved while writing: Is a directory."),
    ],
)
def test_a_save_words_the_errors_an_export_does_not_name(code: int, start: str) -> None:
    message = save_error_message(_failed(code, COMPARISON))
    assert message.startswith(start)
    assert "The file on the disk was not changed" in message


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES, errno.EROFS, errno.ENOENT])
def test_save_and_export_each_keep_their_own_advice(code: int) -> None:
    saved = save_error_message(_failed(code, COMPARISON))
    exported = export_error_message(_failed(code, EXPORT), EXPORT)
    assert "Save As" in saved
    assert "Save As" not in exported
    assert "could not be saved" in saved
    assert "could not be written" in exported


def test_the_names_in_a_failure_are_isolated() -> None:
    # A file or folder name with a stray U+202E cannot turn the words after it around.
    hostile = Path("/media/\u202eevil/\u202eclinics.yaml")
    saved = save_error_message(_failed(errno.ENOSPC, hostile))
    exported = export_error_message(_failed(errno.EACCES, hostile), hostile)
    assert saved.startswith("The disk is full, so “\u2068\u202eclinics.yaml\u2069” could not")
    assert exported.startswith("The folder “\u2068/media/\u202eevil\u2069” can't be written to")
    assert "“\u2068\u202eclinics.yaml\u2069” could not be written." in exported
