"""Rows 2–4 in words: every way a save can fail becomes a plain sentence for the patient that
says what happened, that the file on disk was not changed, and what to do."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from ketachecklist.core.errors import SaveError, SaveStage, save_error_message

PATH = Path("/home/alex/Documents/clinics.yaml")


def failed(code: int, stage: SaveStage = SaveStage.WRITE, text: str = "") -> SaveError:
    return SaveError(OSError(code, text or os.strerror(code)), PATH, stage)


@pytest.mark.parametrize(
    ("code", "stage", "start"),
    [
        (errno.ENOSPC, SaveStage.WRITE, "The disk is full, so “clinics.yaml” could not be saved."),
        (errno.ENOSPC, SaveStage.FSYNC, "The disk is full"),
        (errno.EDQUOT, SaveStage.WRITE, "The disk is full"),
        (
            errno.EACCES,
            SaveStage.CREATE,
            "The folder “/home/alex/Documents” can't be written to (it is read-only, or you "
            "don't have permission), so “clinics.yaml” could not be saved.",
        ),
        (errno.EROFS, SaveStage.CREATE, "The folder “/home/alex/Documents” can't be written to"),
        (errno.EPERM, SaveStage.BACKUP, "The folder “/home/alex/Documents” can't be written to"),
        (errno.ENOENT, SaveStage.CREATE, "The folder “/home/alex/Documents” is no longer there"),
        (errno.EIO, SaveStage.FSYNC, "The disk reported an error while saving “clinics.yaml”"),
        (
            errno.EBUSY,
            SaveStage.REPLACE,
            "“clinics.yaml” could not be replaced with the new version (Device or resource busy).",
        ),
        (errno.ENAMETOOLONG, SaveStage.CREATE, "“clinics.yaml” could not be saved while creating"),
    ],
)
def test_each_failure_is_explained_in_plain_words(code: int, stage: SaveStage, start: str) -> None:
    message = save_error_message(failed(code, stage))
    assert message.startswith(start)
    assert "The file on the disk was not changed, and your changes are still open here." in message
    assert "Errno" not in message
    assert "Traceback" not in message


def test_failure_after_the_rename_does_not_claim_the_file_is_unchanged() -> None:
    error = failed(errno.EIO, SaveStage.SYNC_FOLDER)
    assert not error.original_unchanged
    message = save_error_message(error)
    assert message.startswith("Your changes were written to “clinics.yaml”, but the computer")
    assert "not changed" not in message


def test_plain_os_errors_and_unexpected_errors_are_explained_too() -> None:
    plain = save_error_message(OSError(errno.ENOSPC, "No space left on device"), PATH)
    assert plain.startswith("The disk is full, so “clinics.yaml”")
    bug = save_error_message(RecursionError("deep"), PATH)
    assert "could not prepare “clinics.yaml” for saving (RecursionError)" in bug
    assert "Nothing was written" in bug


def test_save_error_keeps_the_os_details() -> None:
    error = failed(errno.ENOSPC)
    assert isinstance(error, OSError)
    assert error.errno == errno.ENOSPC
    assert error.filename == str(PATH)
    assert error.original_unchanged
