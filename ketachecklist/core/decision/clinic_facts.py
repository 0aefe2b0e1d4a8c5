"""Per clinic: red flags as coverage, strongest answers and concerns, costs side by side."""

from __future__ import annotations

from dataclasses import dataclass

from ketachecklist.core.decision.deal_breakers import LOW_RATINGS, DealBreakerHit
from ketachecklist.core.decision.tally import ClinicTally, answer_counts
from ketachecklist.core.document import Comparison
from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.core.scoring import ClinicScore, RedFlag

STRONG_RATINGS = frozenset({4, 5})  # Good, Reassuring
MAINTENANCE_QUESTION_ID = "cost-maintenance-plan"  # the catalogue's question on boosters


class RedFlagCoverage(FrozenRecord):
    """'2 found, 3 of 5 checked': red flags over the flag-bearing questions that count."""

    clinic_id: str
    found: int
    checked: int  # flag-bearing questions with their yes or no recorded
    questions: int  # flag-bearing questions that count for this clinic

    @property
    def unchecked(self) -> int:
        return self.questions - self.checked


def red_flag_coverage(comparison: Comparison, score: ClinicScore) -> RedFlagCoverage:
    questions = checked = 0
    for question in comparison.questions():
        if question.red_flag is None or not answer_counts(score, question.id):
            continue
        questions += 1
        if isinstance(comparison.answer(score.clinic_id, question.id).value, bool):
            checked += 1
    return RedFlagCoverage(score.clinic_id, len(score.red_flags), checked, questions)


@dataclass(frozen=True)
class RatedAnswer:
    question_id: str
    rating: int
    share: float  # how much of the overall score this answer carries, 0–1


class Highlights(FrozenRecord):
    """Strongest answers (ratings 4–5, the highest and weightiest first) and concerns: ratings
    1–2 (the lowest and weightiest first), red flags and deal-breakers hit, in display order."""

    clinic_id: str
    strengths: tuple[RatedAnswer, ...]
    low_ratings: tuple[RatedAnswer, ...]
    red_flags: tuple[RedFlag, ...]
    deal_breakers_hit: tuple[DealBreakerHit, ...]

    @property
    def has_concerns(self) -> bool:
        return bool(self.low_ratings or self.red_flags or self.deal_breakers_hit)


def highlights(
    score: ClinicScore, tally: ClinicTally, hits: tuple[DealBreakerHit, ...]
) -> Highlights:
    rated = [
        RatedAnswer(qid, rating, tally.share(qid))
        for qid, rating in tally.ratings.items()
        if rating is not None
    ]
    strengths = sorted(
        (a for a in rated if a.rating in STRONG_RATINGS), key=lambda a: (-a.rating, -a.share)
    )
    lows = sorted((a for a in rated if a.rating in LOW_RATINGS), key=lambda a: (a.rating, -a.share))
    return Highlights(score.clinic_id, tuple(strengths), tuple(lows), score.red_flags, hits)


class CostRow(FrozenRecord):
    """One clinic's costs beside the others'. ``None``: not enough recorded."""

    clinic_id: str
    course_total: float | None
    out_of_pocket: float | None
    course_price_quoted: bool  # the clinic quoted the whole course (else per session × sessions)
    maintenance_recorded: str  # what the clinic said about boosters and their cost, as typed


def cost_row(comparison: Comparison, score: ClinicScore) -> CostRow:
    cost = score.cost
    return CostRow(
        score.clinic_id,
        cost.course_total,
        cost.out_of_pocket,
        cost.course_price_quoted is not None,
        _maintenance(comparison, score),
    )


def _maintenance(comparison: Comparison, score: ClinicScore) -> str:
    if not comparison.catalogue.has_question(MAINTENANCE_QUESTION_ID):
        return ""
    if not answer_counts(score, MAINTENANCE_QUESTION_ID):
        return ""
    answer = comparison.answer(score.clinic_id, MAINTENANCE_QUESTION_ID)
    value = answer.value if isinstance(answer.value, str) else ""
    return value or answer.said
