"""Noticing that a file changed on disk since we loaded or saved it.

A Fingerprint (mtime_ns, size, sha256) is taken from the exact bytes read or written. The file
counts as changed when its content differs: the hash decides, so a `touch` or a sync tool that
rewrites identical bytes does not alarm the patient, while an edit that keeps size and mtime
(coarse timestamps, a restored copy) is still caught.
"""

from __future__ import annotations

import os
import stat
from enum import Enum
from pathlib import Path

from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.core.limits import MAX_BYTES
from ketachecklist.core.safe_yaml import read_file_bytes


class Fingerprint(FrozenRecord):
    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of(cls, data: bytes, info: os.stat_result) -> Fingerprint:
        import hashlib  # noqa: PLC0415 - OpenSSL loads on the first file read, not at start

        return cls(info.st_mtime_ns, len(data), hashlib.sha256(data).hexdigest())


class DiskState(Enum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"  # another program (or copy of the app) wrote different content
    MISSING = "missing"  # deleted, renamed or its drive removed
    NOT_A_FILE = "not_a_file"  # a folder (or another thing that holds no bytes) took its name


def fingerprint_file(path: Path) -> Fingerprint | None:
    """The fingerprint of the file now, or None if it does not exist (or cannot be read)."""
    try:
        info = path.stat()
        data = read_file_bytes(path, path.name, limit=max(MAX_BYTES, info.st_size))
    except (OSError, FileFormatError):
        return None
    return Fingerprint.of(data, info)


def disk_state(path: Path, known: Fingerprint | None) -> DiskState:
    """Compare the file on disk with ``known`` (None: the file did not exist when we looked)."""
    try:
        info = path.stat()
    except OSError:
        return DiskState.MISSING if known is not None else DiskState.UNCHANGED
    if not stat.S_ISREG(info.st_mode):
        return DiskState.NOT_A_FILE
    if known is None:
        return DiskState.CHANGED  # a file appeared where there was none
    if info.st_size != known.size:
        return DiskState.CHANGED
    current = fingerprint_file(path)
    if current is None:
        return DiskState.MISSING
    return DiskState.UNCHANGED if current.sha256 == known.sha256 else DiskState.CHANGED
