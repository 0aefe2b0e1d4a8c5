"""The comparison file: versioned, human-readable YAML (see docs/file-format.md).

``comparison_to_yaml``/``parse_comparison`` convert; ``save_comparison``/``load_comparison`` add
atomic writing and reading. Every problem with a file raises FileFormatError naming what and
where.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from ketachecklist.core.atomic import atomic_write_bytes
from ketachecklist.core.catalogue import AnswerKind, Catalogue, Question, read_question
from ketachecklist.core.document import (
    MAX_WEIGHT,
    Answer,
    AnswerValue,
    Clinic,
    Comparison,
    CostDetails,
    Coverage,
    Decision,
    Treatment,
)
from ketachecklist.core.errors import FileFormatError, Problem
from ketachecklist.core.fields import FieldReader, line_of, type_name
from ketachecklist.core.safe_yaml import load_yaml_bytes

COMPARISON_FORMAT = "ketachecklist-comparison"
SCHEMA_VERSION = 1
MAX_CLINICS = 500
MAX_TEXT = 100_000
MAX_MONEY = 1e9

# Upgrades from older schema versions: MIGRATIONS[n] turns a version-n mapping into version n+1.
Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}


# --- writing ----------------------------------------------------------------------------------
class _Dumper(yaml.SafeDumper):
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


def comparison_to_data(comparison: Comparison) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": COMPARISON_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "catalogue": {"id": comparison.catalogue.id, "version": comparison.catalogue.version},
    }
    if comparison.title:
        data["title"] = comparison.title
    data["weights"] = {
        "sets": dict(comparison.set_weights),
        "questions": dict(comparison.question_weights),
    }
    data["custom_questions"] = [_question_data(q) for q in comparison.custom_questions]
    data["clinics"] = [_clinic_data(comparison, clinic) for clinic in comparison.clinics]
    decision = comparison.decision
    data["decision"] = {
        "clinic": decision.clinic_id,
        "reason": decision.reason,
        "decided_on": decision.decided_on,
    }
    return data


def comparison_to_yaml(comparison: Comparison) -> str:
    header = (
        "# ketachecklist comparison: your notes on ketamine clinics. Private health "
        "information.\n# Not medical advice. Format documented in docs/file-format.md.\n"
    )
    body = yaml.dump(
        comparison_to_data(comparison),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return header + body


def _question_data(question: Question) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": question.id,
        "set": question.set_id,
        "text": question.text,
        "kind": question.kind.value,
    }
    for key, value in (("why", question.why), ("unit", question.unit)):
        if value:
            data[key] = value
    return data


def _clinic_data(comparison: Comparison, clinic: Clinic) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": clinic.id,
        "name": clinic.name,
        "location": clinic.location,
        "phone": clinic.phone,
        "website": clinic.website,
        "contact": clinic.contact,
        "consultation_date": clinic.consultation_date,
        "treatments": [t.value for t in clinic.treatments],
        "treatment_other": clinic.treatment_other,
        "notes": clinic.notes,
    }
    answers: dict[str, Any] = {}
    for question in comparison.questions():
        answer = comparison.answer(clinic.id, question.id)
        if answer.is_blank:
            continue
        entry: dict[str, Any] = {"rating": answer.rating, "said": answer.said}
        if answer.value is not None:
            entry["value"] = _value_data(answer.value)
        answers[question.id] = entry
    data["answers"] = answers
    return data


def _value_data(value: AnswerValue) -> Any:
    if isinstance(value, CostDetails):
        return {
            "price_per_session": value.price_per_session,
            "sessions_recommended": value.sessions_recommended,
            "other_fees": value.other_fees,
            "insurance": value.insurance.value,
            "insurance_percent": value.insurance_percent,
        }
    return value


def save_comparison(comparison: Comparison, path: Path) -> None:
    """Serialise fully in memory first, then replace ``path`` atomically (0600)."""
    data = comparison_to_yaml(comparison).encode("utf-8")
    atomic_write_bytes(path, data)


# --- reading ----------------------------------------------------------------------------------
def load_comparison(path: Path, catalogue: Catalogue) -> Comparison:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FileFormatError.single(path.name, f"cannot read the file: {error.strerror}") from None
    return parse_comparison(data, path.name, catalogue)


def read_schema_version(document: Any, source: str) -> int:
    """The file's schema_version; refuses other formats and versions newer than this app's."""
    problems: list[Problem] = []
    top = FieldReader(document, "the comparison file", problems)
    if not top.ok:
        raise FileFormatError(source, problems)
    file_format = top.text("format")
    if file_format and file_format != COMPARISON_FORMAT:
        top.problem(
            "format",
            f"this is not a ketachecklist comparison ('format' is "
            f"'{file_format}', expected '{COMPARISON_FORMAT}')",
        )
    version = top.number("schema_version", minimum=1, maximum=1_000_000, whole=True)
    if version is None and not problems:
        top.problem("schema_version", "the comparison file has no schema_version")
    if problems:
        raise FileFormatError(source, problems)
    assert version is not None
    if version > SCHEMA_VERSION:
        raise FileFormatError.single(
            source,
            f"this file uses format version {int(version)}, written by a newer "
            f"ketachecklist; this app reads format version {SCHEMA_VERSION} and older. "
            "Update ketachecklist to open it. The file was not changed.",
            line_of(document, "schema_version"),
        )
    return int(version)


def parse_comparison(data: bytes, source: str, catalogue: Catalogue) -> Comparison:
    document = load_yaml_bytes(data, source)
    version = read_schema_version(document, source)
    while version < SCHEMA_VERSION:
        document = MIGRATIONS[version](document)
        version += 1
    return _read_comparison(document, source, catalogue)


def _read_comparison(document: Any, source: str, catalogue: Catalogue) -> Comparison:
    problems: list[Problem] = []
    top = FieldReader(document, "the comparison file", problems)
    top.reject_unknown(
        [
            "format",
            "schema_version",
            "catalogue",
            "title",
            "weights",
            "custom_questions",
            "clinics",
            "decision",
        ]
    )
    made_with = FieldReader(top.submapping("catalogue"), "catalogue", problems)
    made_with.reject_unknown(["id", "version"])
    catalogue_id = made_with.text("id", required=False)
    if catalogue_id and catalogue_id != catalogue.id:
        made_with.problem(
            "id",
            f"the file was made with question catalogue '{catalogue_id}', "
            f"but this app has '{catalogue.id}'",
        )
    comparison = Comparison(
        catalogue=catalogue, title=top.text("title", required=False, max_length=500)
    )

    set_ids = {s.id for s in catalogue.sets}
    raw_custom = top.sequence("custom_questions")
    for index, raw in enumerate(raw_custom):
        question = read_question(raw, index, problems, set_ids, set(), custom=True)
        if question is None:
            continue
        if catalogue.has_question(question.id) or any(
            q.id == question.id for q in comparison.custom_questions
        ):
            problems.append(
                Problem(
                    f"custom question '{question.id}': the id is already used",
                    line_of(raw_custom, index),
                )
            )
            continue
        comparison.custom_questions.append(question)
    question_ids = {q.id for q in comparison.questions()}

    _read_weights(top.submapping("weights"), comparison, set_ids, question_ids, problems)
    raw_clinics = top.sequence("clinics")
    if len(raw_clinics) > MAX_CLINICS:
        top.problem("clinics", f"more than {MAX_CLINICS} clinics")
        raw_clinics = raw_clinics[:0]
    for index, raw in enumerate(raw_clinics):
        _read_clinic(raw, index, comparison, problems)
    _read_decision(top.submapping("decision"), comparison, problems)
    if problems:
        raise FileFormatError(source, problems)
    comparison.revision = 0
    return comparison


def _read_weights(
    raw: dict[Any, Any],
    comparison: Comparison,
    set_ids: set[str],
    question_ids: set[str],
    problems: list[Problem],
) -> None:
    weights = FieldReader(raw, "weights", problems)
    weights.reject_unknown(["sets", "questions"])
    for group, known, target in (
        ("sets", set_ids, comparison.set_weights),
        ("questions", question_ids, comparison.question_weights),
    ):
        reader = FieldReader(weights.submapping(group), f"weights.{group}", problems)
        for key in reader.mapping:
            if key not in known:
                noun = "set" if group == "sets" else "question id"
                reader.problem(key, f"unknown {noun} '{key}'")
                continue
            value = reader.number(key, maximum=MAX_WEIGHT)
            if value is not None:
                target[key] = float(value)


def _read_date(reader: FieldReader, key: str) -> dt.date | None:
    value = reader.raw(key)
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    reader.problem(key, f"'{key}' must be a date like 2026-11-30 (got {type_name(value)})")
    return None


def _read_clinic(raw: Any, index: int, comparison: Comparison, problems: list[Problem]) -> None:
    reader = FieldReader(raw, f"clinic {index + 1}", problems)
    if not reader.ok:
        return
    reader.reject_unknown(
        [
            "id",
            "name",
            "location",
            "phone",
            "website",
            "contact",
            "consultation_date",
            "treatments",
            "treatment_other",
            "notes",
            "answers",
        ]
    )
    clinic_id = reader.text("id", max_length=200)
    name = reader.text("name", max_length=1000)
    if name:
        reader.what = f"clinic '{name}'"
    treatments: list[Treatment] = []
    raw_treatments = reader.sequence("treatments")
    for t_index, item in enumerate(raw_treatments):
        if item not in {t.value for t in Treatment}:
            problems.append(
                Problem(
                    f"{reader.what}: unknown treatment '{item}' (known: "
                    f"{', '.join(t.value for t in Treatment)})",
                    line_of(raw_treatments, t_index),
                )
            )
        elif Treatment(item) not in treatments:
            treatments.append(Treatment(item))
    clinic = Clinic(
        id=clinic_id,
        name=name,
        location=reader.text("location", required=False, max_length=MAX_TEXT),
        phone=reader.text("phone", required=False, max_length=1000),
        website=reader.text("website", required=False, max_length=MAX_TEXT),
        contact=reader.text("contact", required=False, max_length=MAX_TEXT),
        consultation_date=_read_date(reader, "consultation_date"),
        treatments=tuple(treatments),
        treatment_other=reader.text("treatment_other", required=False, max_length=MAX_TEXT),
        notes=reader.text("notes", required=False, max_length=MAX_TEXT),
    )
    if clinic_id and any(c.id == clinic_id for c in comparison.clinics):
        reader.problem("id", f"clinic id '{clinic_id}' is used twice")
        return
    if clinic_id and name:
        comparison.clinics.append(clinic)
    answers = reader.submapping("answers")
    for question_id in answers:
        _read_answer(answers, question_id, clinic, comparison, reader.what, problems)


def _read_answer(
    answers: dict[Any, Any],
    question_id: Any,
    clinic: Clinic,
    comparison: Comparison,
    clinic_what: str,
    problems: list[Problem],
) -> None:
    try:
        question = comparison.question(str(question_id))
    except KeyError:
        problems.append(
            Problem(
                f"{clinic_what}: answer to unknown question id '{question_id}'",
                line_of(answers, question_id),
            )
        )
        return
    reader = FieldReader(answers[question_id], f"{clinic_what}, answer '{question_id}'", problems)
    if not reader.ok:
        return
    reader.reject_unknown(["rating", "said", "value"])
    rating = reader.number("rating", minimum=1, maximum=5, whole=True)
    said = reader.text("said", required=False, max_length=MAX_TEXT)
    value = _read_value(reader, question)
    if clinic.id:
        answer = Answer(None if rating is None else int(rating), said, value)
        if not answer.is_blank:
            comparison.answers[(clinic.id, question.id)] = answer


def _read_value(reader: FieldReader, question: Question) -> AnswerValue:
    if not reader.has("value"):
        return None
    kind = question.kind
    if kind is AnswerKind.RATING:
        reader.problem("value", "this question takes only a rating, not a value")
        return None
    if kind is AnswerKind.YES_NO:
        return reader.boolean("value")
    if kind is AnswerKind.MONEY:
        return _as_float(reader.number("value", maximum=MAX_MONEY))
    if kind is AnswerKind.COUNT:
        count = reader.number("value", maximum=1e9, whole=True)
        return None if count is None else int(count)
    if kind is AnswerKind.TEXT:
        return reader.text("value", required=False, max_length=MAX_TEXT) or None
    cost = FieldReader(reader.raw("value"), f"{reader.what} cost", reader.problems)
    if not cost.ok:
        return None
    cost.reject_unknown(
        [
            "price_per_session",
            "sessions_recommended",
            "other_fees",
            "insurance",
            "insurance_percent",
        ]
    )
    sessions = cost.number("sessions_recommended", maximum=10_000, whole=True)
    insurance = cost.choice(
        "insurance", [c.value for c in Coverage], required=False, default=Coverage.UNKNOWN.value
    )
    return CostDetails(
        price_per_session=_as_float(cost.number("price_per_session", maximum=MAX_MONEY)),
        sessions_recommended=None if sessions is None else int(sessions),
        other_fees=_as_float(cost.number("other_fees", maximum=MAX_MONEY)),
        insurance=Coverage(insurance),
        insurance_percent=_as_float(cost.number("insurance_percent", maximum=100)),
    )


def _read_decision(raw: dict[Any, Any], comparison: Comparison, problems: list[Problem]) -> None:
    reader = FieldReader(raw, "decision", problems)
    reader.reject_unknown(["clinic", "reason", "decided_on"])
    clinic_id = reader.text("clinic", required=False) or None
    if clinic_id is not None and not any(c.id == clinic_id for c in comparison.clinics):
        reader.problem(
            "clinic", f"the decision names clinic id '{clinic_id}', which is not in the file"
        )
        clinic_id = None
    comparison.decision = Decision(
        clinic_id,
        reader.text("reason", required=False, max_length=MAX_TEXT),
        _read_date(reader, "decided_on"),
    )


def _as_float(number: float | None) -> float | None:
    return None if number is None else float(number)
