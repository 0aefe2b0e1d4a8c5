"""Writing YAML: safe dumping with readable multi-line notes (PyYAML, imported on first save).

libyaml's emitter is used where PyYAML has it: a 50-clinic comparison serialises in a quarter of
the time, which matters for autosave, run on the UI thread. But libyaml writes characters beyond
the Basic Multilingual Plane (emoji, some CJK) as escapes like ``\\U0001F600`` and turns a note
holding one into a quoted line of ``\\n``; the file is meant to be read by people, so any text
with such a character goes through PyYAML's own emitter, which writes it as it is. Both give
the same data back (the round-trip tests run on both).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")
_LINE_BREAKS_PYYAML_MISQUOTES = ("\x85", "\u2028", "\u2029")


def _represent_text(dumper: Any, text: str) -> yaml.Node:
    # PyYAML's single-quoted style corrupts NEL and Unicode line separators; double quotes
    # escape them. Otherwise notes with line breaks read best as literal blocks.
    if any(mark in text for mark in _LINE_BREAKS_PYYAML_MISQUOTES):
        style: str | None = '"'
    else:
        style = "|" if "\n" in text else None
    node: yaml.Node = dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)
    return node


class _PythonDumper(yaml.SafeDumper):
    """Safe dumping with readable multi-line notes (block style where YAML allows it)."""

    def ignore_aliases(self, data: Any) -> bool:
        # PyYAML anchors any non-text object met twice (one date shared by a clinic and its
        # duplicate) and writes "*id001" the second time; the reader refuses aliases.
        return True


_PythonDumper.add_representer(str, _represent_text)
DUMPERS: list[type[Any]] = [_PythonDumper]  # the one used first; the fallback last

if hasattr(yaml, "CSafeDumper"):

    class _FastDumper(yaml.CSafeDumper):
        """The same, with libyaml's emitter."""

        def ignore_aliases(self, data: Any) -> bool:
            return True

    _FastDumper.add_representer(str, _represent_text)
    DUMPERS.insert(0, _FastDumper)


def dump_yaml(data: Any, dumper: type[Any] | None = None) -> str:
    """``data`` as YAML text; ``dumper`` (one of DUMPERS) only to test a particular one."""
    if dumper is None:
        fast = DUMPERS[0]
        dumper = _PythonDumper if _has_text_beyond_bmp(data) else fast
    return yaml.dump(
        data,
        Dumper=dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )


def _has_text_beyond_bmp(value: Any) -> bool:
    if isinstance(value, str):
        return _BEYOND_BMP.search(value) is not None
    if isinstance(value, dict):
        return any(_has_text_beyond_bmp(k) or _has_text_beyond_bmp(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_has_text_beyond_bmp(item) for item in value)
    return False
