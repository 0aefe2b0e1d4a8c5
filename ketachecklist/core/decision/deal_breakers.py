"""Deal-breakers: questions the patient marked, which rule a clinic out whatever its total.

A clinic is ruled out by its own criteria when, on a deal-breaker whose answer counts, it has
a red flag (scoring's, so never on an answer that does not apply) or a rating of 1 or 2.
"""

from __future__ import annotations

from enum import Enum

from ketachecklist.core.decision.tally import answer_counts
from ketachecklist.core.document import Comparison
from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.core.scoring import ClinicScore

LOW_RATINGS = frozenset({1, 2})  # Concerning, Weak


class HitCause(Enum):
    RED_FLAG = "red_flag"
    LOW_RATING = "low_rating"


class DealBreakerHit(FrozenRecord):
    question_id: str
    cause: HitCause
    rating: int | None = None  # the low rating, for LOW_RATING
    flag_label: str = ""  # the red flag's label, for RED_FLAG


def marked_deal_breakers(comparison: Comparison) -> list[str]:
    """The deal-breakers among the document's questions, in display order."""
    if not comparison.deal_breakers:
        return []
    return [q.id for q in comparison.questions() if q.id in comparison.deal_breakers]


def deal_breaker_hits(
    comparison: Comparison, score: ClinicScore, marked: list[str]
) -> tuple[DealBreakerHit, ...]:
    """Why a clinic is ruled out: one hit per cause per deal-breaker, in display order."""
    flags = {flag.question_id: flag for flag in score.red_flags}
    hits: list[DealBreakerHit] = []
    for question_id in marked:
        if not answer_counts(score, question_id):
            continue
        flag = flags.get(question_id)
        if flag is not None:
            hits.append(DealBreakerHit(question_id, HitCause.RED_FLAG, flag_label=flag.label))
        rating = comparison.answer(score.clinic_id, question_id).rating
        if rating in LOW_RATINGS:
            hits.append(DealBreakerHit(question_id, HitCause.LOW_RATING, rating=rating))
    return tuple(hits)
