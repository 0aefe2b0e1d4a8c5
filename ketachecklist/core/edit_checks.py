"""The checks an edit makes before it changes a comparison: the limits (core/limits.py) and the
rules a record keeps to. Each raises LimitError (or ValueError for a value of the wrong kind)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ketachecklist.core.catalogue import AnswerKind, Question
from ketachecklist.core.limits import (
    CLINIC_TEXT_LIMITS,
    COST_NUMBER_LIMITS,
    MAX_CLINICS,
    MAX_COUNT,
    MAX_CUSTOM_QUESTIONS,
    MAX_MONEY,
    MAX_RATING,
    MAX_TEXT,
    MAX_WEIGHT_PROFILES,
    MIN_RATING,
    LimitError,
    check_number,
    check_text,
)
from ketachecklist.core.records import Answer, Clinic, CostDetails, value_matches_kind
from ketachecklist.text import QT_TR_NOOP, tr

if TYPE_CHECKING:
    from ketachecklist.core.document import Comparison


def check_room_for_a_clinic(comparison: Comparison) -> None:
    if len(comparison.clinics) >= MAX_CLINICS:
        raise LimitError(
            tr("a comparison can hold at most {count} clinics").format(count=MAX_CLINICS)
        )


def check_room_for_a_question(comparison: Comparison) -> None:
    if len(comparison.custom_questions) >= MAX_CUSTOM_QUESTIONS:
        message = tr("a comparison can hold at most {count} questions of your own")
        raise LimitError(message.format(count=MAX_CUSTOM_QUESTIONS))


def check_room_for_a_profile(comparison: Comparison) -> None:
    if len(comparison.weight_profiles) >= MAX_WEIGHT_PROFILES:
        message = tr("a comparison can hold at most {count} profiles")
        raise LimitError(message.format(count=MAX_WEIGHT_PROFILES))


# Each of a clinic's text fields as a refusal names it; the required ones first.
_CLINIC_TEXTS = {
    "id": QT_TR_NOOP("a clinic's id"),
    "name": QT_TR_NOOP("a clinic's name"),
    "phone": QT_TR_NOOP("a phone number"),
    "location": QT_TR_NOOP("a location"),
    "website": QT_TR_NOOP("a website"),
    "contact": QT_TR_NOOP("a contact person"),
    "treatment_other": QT_TR_NOOP("another treatment"),
    "notes": QT_TR_NOOP("clinic notes"),
}
_REQUIRED = ("id", "name")
_COST_NUMBERS = {
    "price_per_session": QT_TR_NOOP("a price per session"),
    "sessions_recommended": QT_TR_NOOP("the sessions recommended"),
    "other_fees": QT_TR_NOOP("other fees"),
    "insurance_percent": QT_TR_NOOP("the share insurance pays"),
}


def check_clinic(clinic: Clinic) -> None:
    for field, what in _CLINIC_TEXTS.items():
        limit = CLINIC_TEXT_LIMITS[field]
        check_text(tr(what), getattr(clinic, field), limit, required=field in _REQUIRED)


def check_question(question: Question) -> None:
    check_text(tr("a question's wording"), question.text, MAX_TEXT, required=True)
    check_text(tr("why a question matters"), question.why, MAX_TEXT)


def check_answer(question: Question, answer: Answer) -> None:
    check_number(tr("a rating"), answer.rating, MAX_RATING, minimum=MIN_RATING, whole=True)
    check_text(tr("what the clinic said"), answer.said, MAX_TEXT)
    value = answer.value
    if value is None:
        return
    if question.kind is AnswerKind.RATING or not value_matches_kind(question.kind, value):
        raise ValueError(
            tr("this question takes {kind} answers, not {value}").format(
                kind=question.kind.value, value=repr(value)
            )
        )
    if isinstance(value, CostDetails):
        for field, what in _COST_NUMBERS.items():
            largest, whole = COST_NUMBER_LIMITS[field]
            check_number(tr(what), getattr(value, field), largest, whole=whole)
    elif isinstance(value, str):
        check_text(tr("an answer"), value, MAX_TEXT)
    elif question.kind is AnswerKind.MONEY:
        check_number(tr("an amount"), value, MAX_MONEY)
    elif question.kind is AnswerKind.COUNT:
        check_number(tr("a number"), value, MAX_COUNT, whole=True)
