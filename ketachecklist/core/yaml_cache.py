"""A YAML file's parsed tree kept as JSON, so that reading it again needs no PyYAML.

The app reads the bundled catalogue (data/questions.yaml) at every start; importing PyYAML and
parsing it costs about 15 ms, a tenth of the start. The cache holds the file's exact text and
the tree ``safe_yaml`` made of it (every value with its line numbers, for error messages) as
JSON, which Python reads in well under a millisecond.

What is trusted, precisely: the cache is used only when its checksum, format, app version and
the file's text (byte for byte) all match, and the tree then goes through the caller's
validation exactly as after a fresh read. The CRC32 catches damage (a torn write, a bad
sector), not edits: someone who can write the app's private folder (0700: the user, and root)
can recompute it and change what the cached tree says, as long as it still validates — just as
they could edit the settings or a recovery snapshot there. So the cache is trusted exactly as
far as that folder, and no further: it is never read through a link, and a cache that fails
any check — missing, damaged, from another version, a tree the validator refuses — is no
cache: the YAML is read again, and the cache rewritten (0600, atomically) only once that tree
has passed. A keyed MAC would not change this (its key would have to live in the same folder).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ketachecklist import __version__
from ketachecklist.core.atomic import atomic_write_bytes, remove_stale_temp_files
from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.limits import MAX_BYTES
from ketachecklist.core.safe_yaml import (
    LineDict,
    LineList,
    SourceFloat,
    SourceInt,
    decode_utf8,
    load_yaml_bytes,
    read_file_bytes,
)

CACHE_FORMAT = "ketachecklist-yaml-cache"
CACHE_VERSION = 3

T = TypeVar("T")


class _UnusableCacheError(Exception):
    """The cache is not a tree this module wrote (damaged, edited, another version)."""


def load_yaml_cached(data: bytes, source: str, cache: Path, build: Callable[[Any], T]) -> T:
    """``build(load_yaml_bytes(data, source))``, from ``cache`` when it matches ``data``.

    ``build`` validates the tree (raising FileFormatError) and makes the result; a cached tree
    it refuses is dropped and the file read again, so only the file's own problems are raised.
    """
    text = decode_utf8(data, source)
    cached = read_cache(cache, text)
    if cached is not None:
        with contextlib.suppress(FileFormatError):
            return build(cached)
    tree = load_yaml_bytes(data, source)
    result = build(tree)
    write_cache(cache, text, tree)
    return result


def read_cache(cache: Path, text: str) -> Any | None:
    """The cached tree for ``text``, or None when there is no usable one."""
    try:
        data = read_file_bytes(cache, cache.name, limit=8 * MAX_BYTES, follow_links=False)
        header_line, _, payload = data.partition(b"\n")
        header = json.loads(header_line)
        if header != _header(payload):
            return None
        raw = json.loads(payload)
        if not isinstance(raw, dict) or raw.get("text") != text:
            return None
        return _decode(raw["tree"])
    except (FileFormatError, ValueError, TypeError, KeyError, RecursionError, _UnusableCacheError):
        return None


def write_cache(cache: Path, text: str, tree: Any) -> bool:
    """Keep ``tree`` for ``text``; False when it could not be written (nothing else happens)."""
    try:
        payload = json.dumps({"text": text, "tree": _encode(tree)}, ensure_ascii=False).encode()
        header = json.dumps(_header(payload)).encode()
        remove_stale_temp_files(cache)  # of a write killed half-way, on an earlier run
        atomic_write_bytes(cache, header + b"\n" + payload)
    except (OSError, _UnusableCacheError):
        return False
    return True


def _header(payload: bytes) -> dict[str, Any]:
    """What the first line must say: our format and version, this app's, and the checksum."""
    return {
        "format": CACHE_FORMAT,
        "version": CACHE_VERSION,
        "app": __version__,
        "crc32": zlib.crc32(payload),
    }


# JSON has no line numbers and no dates, so mappings, sequences and dates are wrapped:
#   {"m": line, "e": [[key, key line, value], ...]}   a LineDict (keys of any plain type)
#   {"l": line, "e": [[item line, value], ...]}       a LineList
#   {"i": "007"} / {"f": "1.50"}                      a number with the text it was written as
#   {"d": "2026-11-25"} / {"t": "2026-11-25T10:00:00"} a date / a date and time
# Everything else is a plain JSON value.
def _encode(value: Any) -> Any:
    if isinstance(value, SourceInt):
        return {"i": value.source}
    if isinstance(value, SourceFloat):
        return {"f": value.source}
    if isinstance(value, LineDict):
        entries = [[_encode(k), value.line_of(k), _encode(v)] for k, v in value.items()]
        return {"m": value.line, "e": entries}
    if isinstance(value, LineList):
        entries = [[value.line_of(i), _encode(v)] for i, v in enumerate(value)]
        return {"l": value.line, "e": entries}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    raise _UnusableCacheError(f"cannot keep a {type(value).__name__}")


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        keys = value.keys()
        if keys == {"m", "e"}:
            mapping = LineDict()
            mapping.line = _line(value["m"])
            mapping.key_lines = {}
            for entry in _entries(value["e"], 3):
                key = _decode(entry[0])
                mapping[key] = _decode(entry[2])
                mapping.key_lines[key] = _line(entry[1])
            return mapping
        if keys == {"l", "e"}:
            sequence = LineList()
            sequence.line = _line(value["l"])
            sequence.item_lines = []
            for entry in _entries(value["e"], 2):
                sequence.append(_decode(entry[1]))
                sequence.item_lines.append(_line(entry[0]))
            return sequence
        if keys == {"i"} and isinstance(value["i"], str):
            return SourceInt(int(value["i"]), value["i"])
        if keys == {"f"} and isinstance(value["f"], str):
            return SourceFloat(float(value["f"]), value["f"])
        if keys == {"d"} and isinstance(value["d"], str):
            return dt.date.fromisoformat(value["d"])
        if keys == {"t"} and isinstance(value["t"], str):
            return dt.datetime.fromisoformat(value["t"])
        raise _UnusableCacheError("unknown wrapper")
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise _UnusableCacheError("a bare list")


def _entries(value: Any, size: int) -> list[list[Any]]:
    if not isinstance(value, list) or not all(
        isinstance(entry, list) and len(entry) == size for entry in value
    ):
        raise _UnusableCacheError("bad entries")
    return value


def _line(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _UnusableCacheError("bad line number")
    return value
