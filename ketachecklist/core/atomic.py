"""Crash-safe file replacement without Qt: temp file beside the target → fsync → rename → fsync dir.

The target is either its old bytes or its new bytes at every instant; a failure at any step
leaves it untouched and removes the temp file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

PRIVATE_FILE_MODE = 0o600


def fsync_directory(directory: Path) -> None:
    """Make a rename inside ``directory`` durable (a no-op where the OS cannot open folders)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes, mode: int = PRIVATE_FILE_MODE) -> None:
    """Replace ``path`` with ``data`` atomically; the file ends up with permissions ``mode``."""
    directory = path.parent if str(path.parent) else Path()
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".saving", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp_name).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temp_name).unlink()
        raise
    fsync_directory(directory)
