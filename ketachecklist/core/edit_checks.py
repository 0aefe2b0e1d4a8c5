"""The checks an edit makes before it changes a comparison: the limits (core/limits.py) and the
rules a record keeps to. Each raises LimitError (or ValueError for a value of the wrong kind)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ketachecklist.core.catalogue import AnswerKind, Question
from ketachecklist.core.limits import (
    MAX_CLINIC_ID,
    MAX_CLINICS,
    MAX_COUNT,
    MAX_MONEY,
    MAX_NAME,
    MAX_PERCENT,
    MAX_RATING,
    MAX_SESSIONS,
    MAX_TEXT,
    MIN_RATING,
    LimitError,
    check_number,
    check_text,
)
from ketachecklist.core.records import Answer, Clinic, CostDetails, value_matches_kind

if TYPE_CHECKING:
    from ketachecklist.core.document import Comparison


def check_room_for_a_clinic(comparison: Comparison) -> None:
    if len(comparison.clinics) >= MAX_CLINICS:
        raise LimitError(f"a comparison can hold at most {MAX_CLINICS} clinics")


def check_clinic(clinic: Clinic) -> None:
    check_text("a clinic's id", clinic.id, MAX_CLINIC_ID, required=True)
    check_text("a clinic's name", clinic.name, MAX_NAME, required=True)
    check_text("a phone number", clinic.phone, MAX_NAME)
    for what, text in (
        ("a location", clinic.location),
        ("a website", clinic.website),
        ("a contact person", clinic.contact),
        ("another treatment", clinic.treatment_other),
        ("clinic notes", clinic.notes),
    ):
        check_text(what, text, MAX_TEXT)


def check_question(question: Question) -> None:
    check_text("a question's wording", question.text, MAX_TEXT, required=True)
    check_text("why a question matters", question.why, MAX_TEXT)


def check_answer(question: Question, answer: Answer) -> None:
    check_number("a rating", answer.rating, MAX_RATING, minimum=MIN_RATING, whole=True)
    check_text("what the clinic said", answer.said, MAX_TEXT)
    value = answer.value
    if value is None:
        return
    if question.kind is AnswerKind.RATING or not value_matches_kind(question.kind, value):
        raise ValueError(f"this question takes {question.kind.value} answers, not {value!r}")
    if isinstance(value, CostDetails):
        check_number("a price per session", value.price_per_session, MAX_MONEY)
        check_number(
            "the sessions recommended", value.sessions_recommended, MAX_SESSIONS, whole=True
        )
        check_number("other fees", value.other_fees, MAX_MONEY)
        check_number("the share insurance pays", value.insurance_percent, MAX_PERCENT)
    elif isinstance(value, str):
        check_text("an answer", value, MAX_TEXT)
    elif question.kind is AnswerKind.MONEY:
        check_number("an amount", value, MAX_MONEY)
    elif question.kind is AnswerKind.COUNT:
        check_number("a number", value, MAX_COUNT, whole=True)
