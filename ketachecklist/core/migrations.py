"""Upgrades from older schema versions of the comparison file, one function a version.

``MIGRATIONS[n]`` turns a version-n mapping into version n+1. A migration only reshapes what it
recognises and leaves anything unexpected in place, so the current validator then reports it
with its line. This module grows by one function with each new schema version.

Schema version 0 was the preview format (documented in docs/reliability.md, "Older files"):
  catalogue: <id>                      -> catalogue: {id: <id>}
  set_weights / question_weights       -> weights: {sets: ..., questions: ...}
  clinic treatment: <one kind>         -> treatments: [<kind>]
  answer score (0 = not asked) / notes -> rating (empty = not asked) / said
  chosen_clinic / decision_reason      -> decision: {clinic: ..., reason: ...}
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ketachecklist.core.fields import line_of
from ketachecklist.core.safe_yaml import LineDict, LineList

Migration = Callable[[dict[Any, Any]], dict[Any, Any]]
OLDEST_SCHEMA_VERSION = 0


def _relined(source: Any, items: list[tuple[Any, Any, int | None]]) -> LineDict:
    """A LineDict of (key, value, line) keeping ``source``'s line numbers for error messages."""
    result = LineDict()
    result.line = getattr(source, "line", 0)
    result.key_lines = {}
    for key, value, line in items:
        result[key] = value
        result.key_lines[key] = line if line is not None else result.line
    return result


def _line_list(items: list[Any], line: int | None) -> LineList:
    result = LineList(items)
    result.line = line or 0
    result.item_lines = [result.line] * len(items)
    return result


def _with_renames(mapping: dict[Any, Any], renames: dict[str, str]) -> LineDict:
    items: list[tuple[Any, Any, int | None]] = []
    taken = set(mapping)
    for key, value in mapping.items():
        new_key = renames.get(key, key) if isinstance(key, str) else key
        if new_key != key and new_key in taken:
            new_key = key  # both spellings present: leave the old one for the validator to name
        items.append((new_key, value, line_of(mapping, key)))
    return _relined(mapping, items)


def _migrate_answer_v0(answer: Any) -> Any:
    if not isinstance(answer, dict):
        return answer
    migrated = _with_renames(answer, {"score": "rating", "notes": "said"})
    if migrated.get("rating") == 0 and not isinstance(migrated.get("rating"), bool):
        migrated["rating"] = None  # version 0 stored "not asked yet" as a zero
    return migrated


def _migrate_clinic_v0(clinic: Any) -> Any:
    if not isinstance(clinic, dict):
        return clinic
    migrated = _with_renames(clinic, {"treatment": "treatments"})
    if "treatment" in clinic and "treatments" in migrated and "treatments" not in clinic:
        single = migrated["treatments"]
        line = line_of(clinic, "treatment")
        if single is None or single == "":
            migrated["treatments"] = _line_list([], line)
        elif isinstance(single, str):
            migrated["treatments"] = _line_list([single], line)
    answers = migrated.get("answers")
    if isinstance(answers, dict):
        migrated["answers"] = _relined(
            answers,
            [
                (key, _migrate_answer_v0(value), line_of(answers, key))
                for key, value in answers.items()
            ],
        )
    return migrated


def _migrate_v0_to_v1(document: dict[Any, Any]) -> dict[Any, Any]:
    items: list[tuple[Any, Any, int | None]] = []
    weights: list[tuple[Any, Any, int | None]] = []
    decision: list[tuple[Any, Any, int | None]] = []
    decision_line: int | None = None
    for key, value in document.items():
        line = line_of(document, key)
        if key == "schema_version":
            items.append((key, 1, line))
        elif key == "catalogue" and isinstance(value, str):
            items.append((key, _relined(document, [("id", value, line)]), line))
        elif key in {"set_weights", "question_weights"} and "weights" not in document:
            weights.append(("sets" if key == "set_weights" else "questions", value, line))
        elif key in {"chosen_clinic", "decision_reason"} and "decision" not in document:
            decision.append(("clinic" if key == "chosen_clinic" else "reason", value, line))
            decision_line = line if decision_line is None else decision_line
        elif key == "clinics" and isinstance(value, list):
            migrated = type(value)(_migrate_clinic_v0(clinic) for clinic in value)
            for attribute in ("line", "item_lines"):
                if hasattr(value, attribute):
                    setattr(migrated, attribute, getattr(value, attribute))
            items.append((key, migrated, line))
        else:
            items.append((key, value, line))
    if weights:
        items.append(("weights", _relined(document, weights), weights[0][2]))
    if decision:
        items.append(("decision", _relined(document, decision), decision_line))
    return _relined(document, items)


def _migrate_v1_to_v2(document: dict[Any, Any]) -> dict[Any, Any]:
    """Version 2 only adds ``doesnt_apply`` to answers: every version-1 answer, note and value
    reads as it was (each applies until the patient says otherwise)."""
    return _relined(
        document,
        [
            (key, 2 if key == "schema_version" else value, line_of(document, key))
            for key, value in document.items()
        ],
    )


MIGRATIONS: dict[int, Migration] = {0: _migrate_v0_to_v1, 1: _migrate_v1_to_v2}
