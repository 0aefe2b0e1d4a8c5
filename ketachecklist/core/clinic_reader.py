"""Reading and checking one clinic of a comparison file: its details, answers and values.

Every field goes through a FieldReader, so one pass reports every problem with its line.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ketachecklist.core.catalogue import AnswerKind, Question
from ketachecklist.core.document import (
    Answer,
    AnswerValue,
    Clinic,
    Comparison,
    CostDetails,
    Coverage,
)
from ketachecklist.core.errors import Problem
from ketachecklist.core.fields import FieldReader, line_of, type_name
from ketachecklist.core.limits import (
    CLINIC_TEXT_LIMITS,
    COST_NUMBER_LIMITS,
    MAX_COUNT,
    MAX_MONEY,
    MAX_RATING,
    MAX_TEXT,
    MAX_TREATMENTS_LISTED,
    MIN_RATING,
)
from ketachecklist.core.treatments import read_treatments
from ketachecklist.text import tr


def read_clinic(
    raw: Any,
    index: int,
    comparison: Comparison,
    questions: dict[str, Question],
    clinic_ids: set[str],
    problems: list[Problem],
) -> None:
    reader = FieldReader(raw, tr("clinic {number}").format(number=index + 1), problems)
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

    def text(key: str, required: bool = False) -> str:
        return reader.text(key, required=required, max_length=CLINIC_TEXT_LIMITS[key])

    clinic_id = text("id", required=True)
    name = text("name", required=True)
    if name:
        reader.what = tr("clinic '{name}'").format(name=name)
    raw_treatments = reader.bounded_sequence("treatments", MAX_TREATMENTS_LISTED, tr("treatments"))
    treatments = read_treatments(raw_treatments, reader.what, problems)
    clinic = Clinic(
        id=clinic_id,
        name=name,
        location=text("location"),
        phone=text("phone"),
        website=text("website"),
        contact=text("contact"),
        consultation_date=read_date(reader, "consultation_date"),
        treatments=treatments,
        treatment_other=text("treatment_other"),
        notes=text("notes"),
    )
    if clinic_id and clinic_id in clinic_ids:
        reader.problem("id", tr("clinic id '{id}' is used twice").format(id=clinic_id))
        return
    clinic_ids.add(clinic_id)
    if clinic_id and name:
        comparison.clinics.append(clinic)
    answers = reader.submapping("answers")
    if len(answers) > len(questions):
        reader.problem(
            "answers",
            tr("{count} answers, but there are only {questions} questions").format(
                count=f"{len(answers):,}", questions=len(questions)
            ),
        )
        return
    # one answer's reader is named "clinic 'Harbor Light', answer 'eval-1'"
    named = (reader.what, tr("{clinic}, answer '{id}'"))
    for question_id in answers:
        _read_answer(answers, question_id, clinic, comparison, questions, named, problems)


def read_date(reader: FieldReader, key: str) -> dt.date | None:
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
            message = tr("'{key}' must be a date like 2026-11-30 (got '{value}')")
            reader.problem(key, message.format(key=key, value=value[:40]))
            return None
    message = tr("'{key}' must be a date like 2026-11-30 (got {type})")
    reader.problem(key, message.format(key=key, type=type_name(value)))
    return None


def _read_answer(
    answers: dict[Any, Any],
    question_id: Any,
    clinic: Clinic,
    comparison: Comparison,
    questions: dict[str, Question],
    named: tuple[str, str],
    problems: list[Problem],
) -> None:
    clinic_what, answer_what = named
    question = questions.get(question_id) if isinstance(question_id, str) else None
    if question is None:
        problems.append(
            Problem(
                tr("{what}: answer to unknown question id '{id}'").format(
                    what=clinic_what, id=question_id
                ),
                line_of(answers, question_id),
            )
        )
        return
    what = answer_what.format(clinic=clinic_what, id=question_id)
    reader = FieldReader(answers[question_id], what, problems)
    if not reader.ok:
        return
    reader.reject_unknown(["rating", "said", "value", "doesnt_apply"])
    rating = reader.number("rating", minimum=MIN_RATING, maximum=MAX_RATING, whole=True)
    said = reader.text("said", required=False, max_length=MAX_TEXT)
    value = _read_value(reader, question)
    doesnt_apply = _read_doesnt_apply(reader)
    if clinic.id:
        answer = Answer(None if rating is None else int(rating), said, value, doesnt_apply)
        if not answer.is_blank:
            comparison.answers[(clinic.id, question.id)] = answer


def _read_doesnt_apply(reader: FieldReader) -> bool:
    """``doesnt_apply: true`` (schema 2); missing means the answer applies."""
    return reader.boolean("doesnt_apply")


def _read_value(reader: FieldReader, question: Question) -> AnswerValue:
    if not reader.has("value"):
        return None
    kind = question.kind
    if kind is AnswerKind.RATING:
        reader.problem("value", tr("this question takes only a rating, not a value"))
        return None
    if kind is AnswerKind.YES_NO:
        return reader.boolean("value")
    if kind is AnswerKind.MONEY:
        return as_float(reader.number("value", maximum=MAX_MONEY))
    if kind is AnswerKind.COUNT:
        count = reader.number("value", maximum=MAX_COUNT, whole=True)
        return None if count is None else int(count)
    if kind is AnswerKind.TEXT:
        return reader.text("value", required=False, max_length=MAX_TEXT) or None
    cost_what = tr("{what} cost").format(what=reader.what)
    cost = FieldReader(reader.raw("value"), cost_what, reader.problems)
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
    numbers = {
        key: cost.number(key, maximum=largest, whole=whole)
        for key, (largest, whole) in COST_NUMBER_LIMITS.items()
    }
    sessions = numbers["sessions_recommended"]
    insurance = cost.choice(
        "insurance", [c.value for c in Coverage], required=False, default=Coverage.UNKNOWN.value
    )
    return CostDetails(
        price_per_session=as_float(numbers["price_per_session"]),
        sessions_recommended=None if sessions is None else int(sessions),
        other_fees=as_float(numbers["other_fees"]),
        insurance=Coverage(insurance),
        insurance_percent=as_float(numbers["insurance_percent"]),
    )


def as_float(number: float | None) -> float | None:
    return None if number is None else float(number)
