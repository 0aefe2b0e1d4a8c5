"""How many questions count for a clinic, straight from the catalogue's ``applies_to`` and the
clinic's treatments (``Question.applies``), so tests hold whatever questions the catalogue has."""

from __future__ import annotations

from ketachecklist.core.document import Comparison


def counted_questions(comparison: Comparison, clinic_id: str, set_id: str | None = None) -> int:
    treatments = comparison.clinic(clinic_id).treatments
    questions = comparison.questions() if set_id is None else comparison.questions_in(set_id)
    return sum(
        1 for q in questions if q.applies(treatments) and not _marked(comparison, clinic_id, q.id)
    )


def _marked(comparison: Comparison, clinic_id: str, question_id: str) -> bool:
    return comparison.answer(clinic_id, question_id).doesnt_apply


def set_aside(comparison: Comparison, clinic_id: str) -> int:
    """Questions that do not count for the clinic (marked, or for treatments it does not offer)."""
    return len(comparison.questions()) - counted_questions(comparison, clinic_id)
