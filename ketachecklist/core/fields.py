"""Typed reading of one YAML mapping, collecting problems with their line instead of raising.

Validators read every field through a FieldReader so that one pass reports every problem in a
file ("questions.yaml line 42: question 'eval-3' has no text"), not just the first.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from ketachecklist.core.errors import FileFormatError, Problem
from ketachecklist.core.safe_yaml import LineDict, LineList
from ketachecklist.text import tr

_MISSING = object()


def line_of(container: Any, key: Any) -> int | None:
    if isinstance(container, LineDict):
        return container.line_of(key)
    if isinstance(container, LineList) and isinstance(key, int):
        return container.line_of(key)
    return getattr(container, "line", None)


def type_name(value: Any) -> str:
    if value is None:
        return tr("nothing")
    if isinstance(value, bool):
        return tr("yes/no")
    if isinstance(value, int | float):
        return tr("a number")
    if isinstance(value, str):
        return tr("text")
    if isinstance(value, list):
        return tr("a list")
    if isinstance(value, dict):
        return tr("a mapping")
    return type(value).__name__


def top_reader(document: Any, what: str, source: str) -> FieldReader:
    """The reader of a file's top level; a file that is not a mapping is refused at once."""
    reader = FieldReader(document, what, [])
    if not reader.ok:
        raise FileFormatError(source, reader.problems)
    return reader


class FieldReader:
    """Reads fields of ``mapping`` described as ``what`` (e.g. "question 'eval-3'")."""

    def __init__(self, mapping: Any, what: str, problems: list[Problem]) -> None:
        self.what = what
        self.problems = problems
        self.ok = isinstance(mapping, dict)
        self.mapping: dict[Any, Any] = mapping if isinstance(mapping, dict) else LineDict()
        self.line = getattr(mapping, "line", None)
        if not self.ok:
            self.problems.append(
                Problem(
                    tr("{what} must be a mapping, not {type}").format(
                        what=what, type=type_name(mapping)
                    ),
                    self.line,
                )
            )

    def problem(self, key: Any, message: str) -> None:
        message = tr("{what}: {message}").format(what=self.what, message=message)
        self.problems.append(Problem(message, line_of(self.mapping, key)))

    def _missing(self, key: str) -> None:
        message = tr("{what} has no {key}").format(what=self.what, key=key)
        self.problems.append(Problem(message, line_of(self.mapping, key)))

    def has(self, key: str) -> bool:
        return key in self.mapping and self.mapping[key] is not None

    def raw(self, key: str) -> Any:
        return self.mapping.get(key)

    def text(
        self, key: str, *, required: bool = True, default: str = "", max_length: int = 100_000
    ) -> str:
        value = self.mapping.get(key, _MISSING)
        if (
            value is _MISSING
            or value is None
            or (isinstance(value, str) and not value.strip() and required)
        ):
            if required and self.ok:
                self._missing(key)
            return default
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problem(
                key, tr("'{key}' must be text, not {type}").format(key=key, type=type_name(value))
            )
            return default
        text = str(value)
        if len(text) > max_length:
            self.problem(
                key,
                tr("'{key}' is longer than {length} characters").format(key=key, length=max_length),
            )
            return text[:max_length]
        return text

    def identifier(self, key: str) -> str:
        value = self.text(key)
        if value and (
            not value.replace("-", "").replace("_", "").isalnum()
            or not value.isascii()
            or value != value.lower()
        ):
            self.problem(
                key,
                tr("'{key}' must use lowercase letters, digits and hyphens (got '{value}')").format(
                    key=key, value=value
                ),
            )
        return value

    def boolean(self, key: str, *, default: bool = False) -> bool:
        value = self.mapping.get(key, _MISSING)
        if value is _MISSING or value is None:
            return default
        if not isinstance(value, bool):
            self.problem(
                key,
                tr("'{key}' must be true or false, not {type}").format(
                    key=key, type=type_name(value)
                ),
            )
            return default
        return value

    def number(
        self, key: str, *, minimum: float = 0.0, maximum: float = 1e12, whole: bool = False
    ) -> float | None:
        value = self.mapping.get(key, _MISSING)
        if value is _MISSING or value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            shown = type_name(value)
            if whole:
                message = tr("'{key}' must be a whole number, not {type}")
            else:
                message = tr("'{key}' must be a number, not {type}")
            self.problem(key, message.format(key=key, type=shown))
            return None
        if not math.isfinite(value) or not minimum <= value <= maximum:
            self.problem(
                key,
                tr("'{key}' must be between {minimum} and {maximum} (got {value})").format(
                    key=key, minimum=f"{minimum:g}", maximum=f"{maximum:g}", value=value
                ),
            )
            return None
        if whole and value != int(value):
            self.problem(
                key, tr("'{key}' must be a whole number (got {value})").format(key=key, value=value)
            )
            return None
        return value

    def choice(
        self, key: str, choices: Iterable[str], *, required: bool = True, default: str = ""
    ) -> str:
        options = list(choices)
        value = self.text(key, required=required, default=default)
        if value and value not in options:
            self.problem(
                key,
                tr("'{key}' must be one of {options} (got '{value}')").format(
                    key=key, options=", ".join(options), value=value
                ),
            )
            return default
        return value

    def sequence(self, key: str, *, required: bool = False) -> list[Any]:
        value = self.mapping.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required and self.ok:
                self._missing(key)
            return LineList()
        if not isinstance(value, list):
            self.problem(
                key, tr("'{key}' must be a list, not {type}").format(key=key, type=type_name(value))
            )
            return LineList()
        return value

    def bounded_sequence(self, key: str, limit: int, noun: str) -> list[Any]:
        """The list at ``key``, or an empty one (and a problem) when it holds over ``limit``
        items: checked before any item is read, so a huge list costs nothing."""
        items = self.sequence(key)
        if len(items) > limit:
            self.problem(
                key,
                tr("{count} {noun}; a comparison holds at most {limit}").format(
                    count=f"{len(items):,}", noun=noun, limit=f"{limit:,}"
                ),
            )
            return LineList()
        return items

    def submapping(self, key: str) -> dict[Any, Any]:
        value = self.mapping.get(key, _MISSING)
        if value is _MISSING or value is None:
            return LineDict()
        if not isinstance(value, dict):
            self.problem(
                key,
                tr("'{key}' must be a mapping, not {type}").format(key=key, type=type_name(value)),
            )
            return LineDict()
        return value

    def reject_unknown(self, allowed: Iterable[str]) -> None:
        known = set(allowed)
        for key in self.mapping:
            if key not in known:
                self.problem(key, tr("unknown field '{key}'").format(key=key))
