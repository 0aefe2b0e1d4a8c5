"""Strict, safe YAML reading that remembers where every value came from.

Built on ``yaml.SafeLoader`` (never the full or unsafe loaders). On top of it we refuse every
explicit tag (``!!python/...`` and also ``!!binary``, ``!!set``, ``!!omap``: files written by the
app never carry tags), aliases (no "billion laughs"), duplicate keys, nesting deeper than
``MAX_DEPTH``, files larger than ``MAX_BYTES`` and bytes that are not UTF-8. A plain value the
constructor cannot build (``2026-13-45``, a 5000-digit number) is reported, not raised.
Mappings and sequences come back as ``LineDict``/``LineList`` so validators can name the line of
each field. ``read_file_bytes`` reads a file with the same size limit without ever blocking on
a pipe or device. The PyYAML classes are in ``yaml_loaders``, imported on the first parse.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.limits import MAX_BYTES
from ketachecklist.text import tr


class TooManyValuesError(FileFormatError):
    """The file holds more than MAX_NODES values (a save turns this into a clear SaveError)."""


class _WrittenAs:
    """A number that remembers how it was written in the file (``str`` gives it back)."""

    source: str

    def __str__(self) -> str:
        return self.source


class SourceInt(_WrittenAs, int):
    """A whole number read from a file, as written (``007`` stays ``007``)."""

    def __new__(cls, value: int, source: str) -> SourceInt:
        number = super().__new__(cls, value)
        number.source = source
        return number


class SourceFloat(_WrittenAs, float):
    """A decimal number read from a file, as written."""

    def __new__(cls, value: float, source: str) -> SourceFloat:
        number = super().__new__(cls, value)
        number.source = source
        return number


class LineDict(dict[Any, Any]):
    """A mapping that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    """A sequence that knows its own line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


class NotARegularFileError(OSError):
    """The path is a folder, pipe, device, socket or (where links are not followed) a link."""


def open_regular_file(path: Path, *, follow_links: bool = True) -> int:
    """A read-only descriptor of a regular file, never blocking (a FIFO would hang ``open``).

    With ``follow_links=False`` (the app's own files: locks, snapshots, cache, settings) a
    symbolic link is refused too. Raises NotARegularFileError naming what the path is.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if not follow_links and error.errno == errno.ELOOP:
            raise NotARegularFileError(errno.ELOOP, tr("this is a link, not a file")) from None
        raise
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            message = tr("this is a folder, not a file")
        else:
            message = tr("this is a device or pipe, not a file")
        raise NotARegularFileError(errno.EINVAL, message)
    return fd


def read_file_bytes(
    path: Path, source: str, limit: int = MAX_BYTES, *, follow_links: bool = True
) -> bytes:
    """Read at most ``limit`` bytes of a regular file; refuse pipes, devices and folders.

    Opening with O_NONBLOCK keeps a FIFO from hanging the app; reading one byte past the limit
    lets a 100 MB (or endless) file be refused without reading it all.
    """
    try:
        fd = open_regular_file(path, follow_links=follow_links)
    except NotARegularFileError as error:
        raise FileFormatError.single(source, error.strerror or str(error)) from None
    except OSError as error:
        message = tr("cannot read the file: {reason}").format(reason=error.strerror or error)
        raise FileFormatError.single(source, message) from None
    try:
        info = os.fstat(fd)
        if info.st_size > limit:
            raise _too_big(source, info.st_size, limit)
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:
        message = tr("cannot read the file: {reason}").format(reason=error.strerror or error)
        raise FileFormatError.single(source, message) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise _too_big(source, max(len(data), info.st_size), limit)
    return data


def _too_big(source: str, size: int, limit: int) -> FileFormatError:
    return FileFormatError.single(
        source,
        tr("the file is {size} MB; ketachecklist files are at most {limit} MB").format(
            size=f"{size / 1_048_576:.1f}", limit=limit // 1_048_576
        ),
    )


def decode_utf8(data: bytes, source: str) -> str:
    """Decode file bytes as UTF-8 (a BOM is allowed), naming the line of the first bad byte."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise FileFormatError.single(
            source,
            tr("the file is not valid UTF-8 text (byte {byte})").format(byte=error.start + 1),
            line,
        ) from None


def load_yaml_bytes(data: bytes, source: str) -> Any:
    """Parse ``data`` safely; every failure becomes a FileFormatError naming ``source``."""
    if len(data) > MAX_BYTES:
        raise _too_big(source, len(data), MAX_BYTES)
    text = decode_utf8(data, source)
    if "\x00" in text:
        nul_line = text.count("\n", 0, text.index("\x00")) + 1
        message = tr("the file contains binary data (a NUL byte)")
        raise FileFormatError.single(source, message, nul_line)
    from ketachecklist.core.yaml_loaders import parse_yaml_text  # PyYAML, on first use

    return parse_yaml_text(text, source)
