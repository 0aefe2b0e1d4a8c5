"""A comparison as the data of its file, and that data as YAML (see docs/file-format.md)."""

from __future__ import annotations

from typing import Any

from ketachecklist.core.catalogue import Question
from ketachecklist.core.comparison_format import (
    COMPARISON_FORMAT,
    CUSTOM_QUESTION_WORDING,
    END_ANNOUNCEMENT,
    END_LINE,
    SCHEMA_VERSION,
)
from ketachecklist.core.document import (
    Answer,
    AnswerValue,
    Clinic,
    Comparison,
    CostDetails,
    WeightProfile,
)


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
    _write_decision_support(comparison, data)
    return data


def comparison_to_yaml(comparison: Comparison) -> str:
    header = (
        "# ketachecklist comparison: your notes on ketamine clinics. Private health "
        "information.\n# Not medical advice. Format documented in docs/file-format.md.\n"
        f"{END_ANNOUNCEMENT}\n"
    )
    from ketachecklist.core.yaml_writer import dump_yaml  # PyYAML, on the first save

    return header + dump_yaml(comparison_to_data(comparison)) + END_LINE + "\n"


def _question_data(question: Question) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": question.id,
        "set": question.set_id,
        "text": question.text,
        "kind": question.kind.value,
    }
    for key in CUSTOM_QUESTION_WORDING:
        value = getattr(question, key)
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
        if not answer.is_blank:
            answers[question.id] = _answer_data(answer)
    data["answers"] = answers
    return data


def _answer_data(answer: Answer) -> dict[str, Any]:
    entry: dict[str, Any] = {"rating": answer.rating, "said": answer.said}
    if answer.value is not None:
        entry["value"] = _value_data(answer.value)
    if answer.doesnt_apply:
        entry["doesnt_apply"] = True  # written only when set: older answers read the same
    return entry


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


def _write_decision_support(comparison: Comparison, data: dict[str, Any]) -> None:
    marked = [q.id for q in comparison.questions() if comparison.is_deal_breaker(q.id)]
    if marked:
        data["deal_breakers"] = marked
    if comparison.weight_profiles:
        data["weight_profiles"] = [
            _weight_profile_data(comparison, profile) for profile in comparison.weight_profiles
        ]


def _weight_profile_data(comparison: Comparison, profile: WeightProfile) -> dict[str, Any]:
    if profile.name == comparison.active_profile:
        return {"name": profile.name, "active": True}  # its weights are weights.sets
    return {"name": profile.name, "sets": dict(profile.set_weights)}
