"""Writing YAML: safe dumping with readable multi-line notes (PyYAML, imported on first save)."""

from __future__ import annotations

from typing import Any

import yaml

# libyaml's emitter where PyYAML has it: a 50-clinic comparison serialises in a third of the
# time, which matters for autosave, run on the UI thread. The text may wrap long quoted
# strings differently; the data read back is the same (tests round-trip both).
_SafeDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_SafeDumper):  # type: ignore[valid-type,misc]
    """Safe dumping with readable multi-line notes (block style where YAML allows it)."""


_LINE_BREAKS_PYYAML_MISQUOTES = ("\x85", "\u2028", "\u2029")


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    # PyYAML's single-quoted style corrupts NEL and Unicode line separators; double quotes
    # escape them. Otherwise notes with line breaks read best as literal blocks.
    if any(mark in text for mark in _LINE_BREAKS_PYYAML_MISQUOTES):
        style: str | None = '"'
    else:
        style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_text)


def dump_yaml(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
