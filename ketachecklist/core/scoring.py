"""Scores, completeness, red flags, course-cost estimates and the ranking of clinics.

A rating r on the 1–5 scale is worth (r − 1) / 4 × 100 points. A set's score is the
question-weighted mean of its *rated* questions; the overall score is the set-weighted mean of
the sets that have a score. Questions not asked yet are left out of every score (never counted as
zero) and show up only in completeness. Answers that do not apply to a clinic (marked so, or
about treatments it does not offer: core/applicability.py) are left out of scores, completeness,
best marks and red flags alike; they are kept and shown in words.

``score_comparison`` gives every fact an output needs, once: per clinic and per set the score,
the questions rated and counted, the red flags per (clinic, question), the best marks per
question (one rule: ``BEST_MARK_RULE``) and the ranking by the overall score or by any set.
Nothing downstream recounts answers or re-evaluates a rule; the words are ketachecklist/present.
The records are in ``scoring_types.py``, the ★ rule in ``scoring_marks.py`` and what one edit
leaves standing in ``scoring_incremental.py``; every caller imports them from here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ketachecklist.core.applicability import Applicability, applicability
from ketachecklist.core.catalogue import Question, QuestionRole
from ketachecklist.core.changes import Change
from ketachecklist.core.document import Answer, Comparison, CostDetails, Coverage
from ketachecklist.core.points import round_half_up
from ketachecklist.core.scoring_incremental import clinics_touched, unchanged_scores
from ketachecklist.core.scoring_marks import (
    BEST_MARK_MIN_RATED,
    BEST_MARK_MIN_RATING,
    best_marks,
    best_marks_after,
)
from ketachecklist.core.scoring_types import (
    CLEAR_WINNER_MARGIN,
    ClinicScore,
    ComparisonScores,
    CostBasis,
    CostEstimate,
    RedFlag,
    SetResult,
)

# The records and the rules of their own modules, read from here as before.
__all__ = [
    "BEST_MARK_MIN_RATED",
    "BEST_MARK_MIN_RATING",
    "CLEAR_WINNER_MARGIN",
    "RED_FLAG_MARK",
    "ClinicScore",
    "ComparisonScores",
    "CostBasis",
    "CostEstimate",
    "RedFlag",
    "SetResult",
    "answer_applicability",
    "clinics_touched",
    "estimate_cost",
    "rating_points",
    "red_flag_of",
    "score_clinic",
    "score_comparison",
    "weighted_mean",
]

RED_FLAG_MARK = "⚠"


def rating_points(rating: int) -> float:
    return (rating - 1) / 4 * 100


def red_flag_of(question: Question, answer: Answer, status: Applicability) -> RedFlag | None:
    """The question's red flag when this answer raises it; never on one that does not apply."""
    rule = question.red_flag
    if rule is None or not status.counts:
        return None
    if isinstance(answer.value, bool) and answer.value == rule.when:
        return RedFlag(question.id, rule.label)
    return None


def weighted_mean(pairs: list[tuple[float, float]]) -> float | None:
    """Mean of (value, weight) pairs; None when nothing carries weight."""
    total_weight = sum(w for _, w in pairs)
    if total_weight <= 0:
        return None
    return sum(v * w for v, w in pairs) / total_weight


def answer_applicability(
    comparison: Comparison, clinic_id: str, question: Question
) -> Applicability:
    return applicability(
        question, comparison.clinic(clinic_id), comparison.answer(clinic_id, question.id)
    )


@dataclass(frozen=True)
class _Plan:
    """What every clinic's scoring reads of the comparison, looked up once for all of them."""

    sets: tuple[tuple[str, tuple[Question, ...]], ...]
    roles: dict[QuestionRole, Question | None]

    @classmethod
    def of(cls, comparison: Comparison) -> _Plan:
        questions = comparison.questions()
        sets = tuple(
            (s.id, tuple(q for q in questions if q.set_id == s.id))
            for s in comparison.catalogue.sets
        )
        roles = {role: comparison.question_with_role(role) for role in _COST_ROLES}
        return cls(sets, roles)


_COST_ROLES = (
    QuestionRole.COST_DETAILS,
    QuestionRole.SESSIONS_RECOMMENDED,
    QuestionRole.COURSE_PRICE,
)


def score_clinic(comparison: Comparison, clinic_id: str, plan: _Plan | None = None) -> ClinicScore:
    plan = plan or _Plan.of(comparison)
    clinic = comparison.clinic(clinic_id)
    set_scores: dict[str, float | None] = {}
    set_progress: dict[str, tuple[int, int]] = {}
    not_applying: dict[str, Applicability] = {}
    answered = total = 0
    flags: list[RedFlag] = []
    ratings: dict[str, int] = {}
    for set_id, set_questions in plan.sets:
        pairs = []
        set_rated = set_total = 0
        for question in set_questions:
            answer = comparison.answer(clinic_id, question.id)
            status = applicability(question, clinic, answer)
            if not status.counts:
                not_applying[question.id] = status
                continue
            set_total += 1
            if question.red_flag is not None:
                flag = red_flag_of(question, answer, status)
                if flag is not None:
                    flags.append(flag)
            if answer.rating is None:
                continue
            set_rated += 1
            ratings[question.id] = answer.rating
            pairs.append((rating_points(answer.rating), comparison.question_weight(question.id)))
        set_scores[set_id] = weighted_mean(pairs)
        set_progress[set_id] = (set_rated, set_total)
        answered += set_rated
        total += set_total
    overall = weighted_mean(
        [
            (score, comparison.set_weight(set_id))
            for set_id, score in set_scores.items()
            if score is not None
        ]
    )
    return ClinicScore(
        clinic_id,
        set_scores,
        overall,
        answered,
        total,
        tuple(flags),
        estimate_cost(comparison, clinic_id, plan),
        not_applying=not_applying,
        set_progress=set_progress,
        ratings=ratings,
    )


def estimate_cost(
    comparison: Comparison, clinic_id: str, plan: _Plan | None = None
) -> CostEstimate:
    roles = (plan or _Plan.of(comparison)).roles

    def value_of(role: QuestionRole) -> object:
        question = roles[role]
        if question is None or not answer_applicability(comparison, clinic_id, question).counts:
            return None
        return comparison.answer(clinic_id, question.id).value

    details = value_of(QuestionRole.COST_DETAILS)
    if not isinstance(details, CostDetails):
        details = CostDetails()
    sessions = details.sessions_recommended
    counted = value_of(QuestionRole.SESSIONS_RECOMMENDED)
    if sessions is None and isinstance(counted, int) and not isinstance(counted, bool):
        sessions = counted
    quoted = value_of(QuestionRole.COURSE_PRICE)
    course_price = (
        float(quoted) if isinstance(quoted, int | float) and not isinstance(quoted, bool) else None
    )

    if course_price is not None:
        total: float | None = course_price + (details.other_fees or 0.0)
    elif details.price_per_session is not None and sessions is not None:
        total = details.price_per_session * sessions + (details.other_fees or 0.0)
    else:
        total = None
    return CostEstimate(
        details.price_per_session,
        sessions,
        details.other_fees,
        course_price,
        details.insurance,
        details.insurance_percent,
        total,
        _out_of_pocket(total, details),
    )


def _out_of_pocket(total: float | None, details: CostDetails) -> float | None:
    if total is None:
        return None
    if details.insurance is Coverage.FULL:
        return 0.0
    if details.insurance is Coverage.PARTIAL:
        if details.insurance_percent is None:
            return None
        return total * (1 - details.insurance_percent / 100)
    return total  # not covered, or not known yet: plan for paying it all


def score_comparison(
    comparison: Comparison,
    previous: ComparisonScores | None = None,
    change: Change | None = None,
) -> ComparisonScores:
    """Every clinic's score, the ranking and the best marks.

    Given ``previous``, the scores of the revision just before ``change`` was applied, only the
    clinics that change touched are scored again (an answer or a clinic's details); any other
    change (weights, questions, clinics added or moved) scores every clinic. Either way the
    result is equal to scoring the whole comparison afresh.
    """
    plan = _Plan.of(comparison)
    kept = unchanged_scores(comparison, previous, change)
    scores = [
        kept.get(clinic.id) or score_clinic(comparison, clinic.id, plan)
        for clinic in comparison.clinics
    ]
    overall = {s.clinic_id: s.overall for s in scores}
    ranking = _ranking(scores, overall)
    scored = [cid for cid in ranking if overall[cid] is not None]
    ranks: dict[str, int] = {}
    for position, clinic_id in enumerate(scored):
        previous_id = scored[position - 1] if position else None
        # Tied when shown the same (in whole points, core/points.py): 62.6 and 63.4 both read 63.
        tied = previous_id is not None and _shown(overall[clinic_id]) == _shown(
            overall[previous_id]
        )
        ranks[clinic_id] = ranks[previous_id] if tied and previous_id is not None else position + 1
    margin = None
    if len(scored) >= 2:
        margin = float(_shown(overall[scored[0]]) - _shown(overall[scored[1]]))
    set_rankings = {
        question_set.id: _ranking(
            scores, {s.clinic_id: s.set_scores.get(question_set.id) for s in scores}
        )
        for question_set in comparison.catalogue.sets
    }
    if kept and previous is not None:
        marks = best_marks_after(previous, scores)
    else:
        marks = best_marks(scores)
    return ComparisonScores(
        tuple(_with_rank(s, ranks.get(s.clinic_id)) for s in scores),
        ranking,
        margin,
        marks,
        set_rankings,
    )


def _shown(score: float | None) -> int:
    return round_half_up(score or 0.0)


def _with_rank(score: ClinicScore, rank: int | None) -> ClinicScore:
    return score if score.rank == rank else replace(score, rank=rank)


def _ranking(scores: list[ClinicScore], by: dict[str, float | None]) -> tuple[str, ...]:
    """Best first (stable: ties keep document order), then the unscored in document order."""
    scored = sorted(
        (s.clinic_id for s in scores if by[s.clinic_id] is not None),
        key=lambda cid: -(by[cid] or 0.0),
    )
    return (*scored, *(s.clinic_id for s in scores if by[s.clinic_id] is None))
