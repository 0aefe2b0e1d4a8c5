"""Strict, safe YAML reading that remembers where every value came from.

Built on ``yaml.SafeLoader`` (never the full or unsafe loaders): python object tags are refused
by the safe constructor, and on top of that we refuse aliases (no "billion laughs"), duplicate
keys, nesting deeper than ``MAX_DEPTH``, files larger than ``MAX_BYTES`` and bytes that are not
UTF-8. Mappings and sequences come back as ``LineDict``/``LineList`` so validators can name the
line of each field.
"""

from __future__ import annotations

from typing import Any

import yaml

from ketachecklist.core.errors import FileFormatError, Problem

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 40


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


class _RefusalError(Exception):
    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class _StrictLoader(yaml.SafeLoader):
    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise _RefusalError(
                "YAML aliases (*name) are not allowed in ketachecklist files",
                event.start_mark.line + 1,
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise _RefusalError(
                    f"nesting is deeper than {MAX_DEPTH} levels", event.start_mark.line + 1
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise _RefusalError("YAML merge keys (<<) are not allowed", key_line)
        key = loader.construct_object(key_node, deep=True)
        try:
            duplicate = key in result
        except TypeError:
            raise _RefusalError("a mapping key must be a plain value", key_line) from None
        if duplicate:
            first = result.key_lines[key]
            raise _RefusalError(f"duplicate key '{key}' (first given on line {first})", key_line)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_line
    return result


def _construct_sequence(loader: _StrictLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def decode_utf8(data: bytes, source: str) -> str:
    """Decode file bytes as UTF-8 (a BOM is allowed), naming the line of the first bad byte."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise FileFormatError.single(
            source, f"the file is not valid UTF-8 text (byte {error.start + 1})", line
        ) from None


def load_yaml_bytes(data: bytes, source: str) -> Any:
    """Parse ``data`` safely; every failure becomes a FileFormatError naming ``source``."""
    if len(data) > MAX_BYTES:
        raise FileFormatError.single(
            source,
            f"the file is {len(data) / 1_048_576:.1f} MB; ketachecklist files are at most "
            f"{MAX_BYTES // 1_048_576} MB",
        )
    text = decode_utf8(data, source)
    if "\x00" in text:
        nul_line = text.count("\n", 0, text.index("\x00")) + 1
        raise FileFormatError.single(source, "the file contains binary data (a NUL byte)", nul_line)
    loader = _StrictLoader(text)
    try:
        return loader.get_single_data()
    except _RefusalError as refusal:
        raise FileFormatError.single(source, refusal.message, refusal.line) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        what = error.problem or error.context or "not valid YAML"
        if isinstance(error, yaml.constructor.ConstructorError) and "tag" in what:
            what = f"{what} (only plain YAML is allowed: no program objects)"
        raise FileFormatError(source, [Problem(f"not valid YAML: {what}", line)]) from None
    except yaml.YAMLError as error:
        raise FileFormatError.single(source, f"not valid YAML: {error}") from None
    except RecursionError:
        raise FileFormatError.single(source, "the file is nested too deeply") from None
    finally:
        loader.dispose()
