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
from ketachecklist.core.document import Answer, Clinic, Comparison
from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.core.points import level, shown_lead
from ketachecklist.core.scoring_cost import cost_from_answers
from ketachecklist.core.scoring_incremental import Rescoring, clinics_touched, rescoring
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


class _Plan(FrozenRecord):
    """What every clinic's scoring reads of the comparison, looked up once for all of them."""

    sets: tuple[tuple[str, tuple[Question, ...]], ...]
    roles: dict[QuestionRole, Question | None]
    set_of: dict[str, str]  # question id → its set's id

    @classmethod
    def of(cls, comparison: Comparison) -> _Plan:
        questions = comparison.questions()
        # The plan reads only the catalogue's sets and the questions: the same ones (one edit
        # after another, they are the same objects) give the same plan.
        made_from = (comparison.catalogue, *questions)
        if _last_plan and _last_plan[0][0] == made_from:
            return _last_plan[0][1]
        sets = tuple(
            (s.id, tuple(q for q in questions if q.set_id == s.id))
            for s in comparison.catalogue.sets
        )
        roles = {role: comparison.question_with_role(role) for role in _COST_ROLES}
        plan = cls(sets, roles, {q.id: set_id for set_id, qs in sets for q in qs})
        _last_plan[:] = [(made_from, plan)]
        return plan


_last_plan: list[tuple[tuple[object, ...], _Plan]] = []  # the last plan, with what it read


_COST_ROLES = (
    QuestionRole.COST_DETAILS,
    QuestionRole.SESSIONS_RECOMMENDED,
    QuestionRole.COURSE_PRICE,
)


@dataclass
class _SetPart:
    """One set's share of a clinic's score, as scoring its questions gives it."""

    score: float | None
    rated: int
    total: int
    flags: list[RedFlag]
    not_applying: dict[str, Applicability]
    ratings: dict[str, int]


def _score_set(
    comparison: Comparison, clinic: Clinic, set_questions: tuple[Question, ...]
) -> _SetPart:
    pairs = []
    part = _SetPart(None, 0, 0, [], {}, {})
    for question in set_questions:
        answer = comparison.answer(clinic.id, question.id)
        status = applicability(question, clinic, answer)
        if not status.counts:
            part.not_applying[question.id] = status
            continue
        part.total += 1
        if question.red_flag is not None:
            flag = red_flag_of(question, answer, status)
            if flag is not None:
                part.flags.append(flag)
        if answer.rating is None:
            continue
        part.rated += 1
        part.ratings[question.id] = answer.rating
        pairs.append((rating_points(answer.rating), comparison.question_weight(question.id)))
    part.score = weighted_mean(pairs)
    return part


def score_clinic(comparison: Comparison, clinic_id: str, plan: _Plan | None = None) -> ClinicScore:
    plan = plan or _Plan.of(comparison)
    clinic = comparison.clinic(clinic_id)
    parts = {set_id: _score_set(comparison, clinic, qs) for set_id, qs in plan.sets}
    not_applying: dict[str, Applicability] = {}
    ratings: dict[str, int] = {}
    for part in parts.values():
        not_applying.update(part.not_applying)
        ratings.update(part.ratings)
    return _clinic_score(
        comparison,
        clinic_id,
        {set_id: (part.score, part.rated, part.total) for set_id, part in parts.items()},
        tuple(flag for part in parts.values() for flag in part.flags),
        estimate_cost(comparison, clinic_id, plan),
        not_applying,
        ratings,
    )


def _rescore_clinic(
    comparison: Comparison, earlier: ClinicScore, answered: frozenset[str], plan: _Plan
) -> ClinicScore:
    """``score_clinic`` after only the answers to ``answered`` changed: the sets holding those
    questions are scored again; the other sets (and the cost, unless a cost question was
    answered) are as in the earlier score."""
    clinic = comparison.clinic(earlier.clinic_id)
    again = {plan.set_of[q] for q in answered if q in plan.set_of}
    parts = {
        set_id: _score_set(comparison, clinic, qs) for set_id, qs in plan.sets if set_id in again
    }
    sets: dict[str, tuple[float | None, int, int]] = {}
    for set_id, _questions in plan.sets:
        part = parts.get(set_id)
        if part is None:
            sets[set_id] = (earlier.set_scores[set_id], *earlier.set_progress[set_id])
        else:
            sets[set_id] = (part.score, part.rated, part.total)
    not_applying, ratings = dict(earlier.not_applying), dict(earlier.ratings)
    for set_id, questions in plan.sets:
        part = parts.get(set_id)
        if part is None:
            continue
        for question in questions:
            not_applying.pop(question.id, None)
            ratings.pop(question.id, None)
        not_applying.update(part.not_applying)
        ratings.update(part.ratings)
    flags = tuple(
        flag
        for set_id, _questions in plan.sets
        for flag in (
            parts[set_id].flags
            if set_id in parts
            else (f for f in earlier.red_flags if plan.set_of[f.question_id] == set_id)
        )
    )
    costs = {q.id for q in plan.roles.values() if q is not None}
    cost = estimate_cost(comparison, clinic.id, plan) if costs & answered else earlier.cost
    return _clinic_score(comparison, clinic.id, sets, flags, cost, not_applying, ratings)


def _clinic_score(
    comparison: Comparison,
    clinic_id: str,
    sets: dict[str, tuple[float | None, int, int]],  # set id → score, rated, counted
    flags: tuple[RedFlag, ...],
    cost: CostEstimate,
    not_applying: dict[str, Applicability],
    ratings: dict[str, int],
) -> ClinicScore:
    set_scores = {set_id: score for set_id, (score, _rated, _total) in sets.items()}
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
        sum(rated for _score, rated, _total in sets.values()),
        sum(total for _score, _rated, total in sets.values()),
        flags,
        cost,
        not_applying=not_applying,
        set_progress={set_id: (rated, total) for set_id, (_s, rated, total) in sets.items()},
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

    return cost_from_answers(value_of)


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
    again = rescoring(comparison, previous, change)
    scores = [_score_again(comparison, clinic.id, again, plan) for clinic in comparison.clinics]
    overall = {s.clinic_id: s.overall for s in scores}
    touched = (
        []
        if again is None
        else [(again.earlier[s.clinic_id], s) for s in scores if s.clinic_id in again.touched]
    )
    if again is not None and previous is not None and _same(touched, None):
        ranking = previous.ranking  # no touched clinic's overall score moved
    else:
        ranking = _ranking(scores, overall)
    shown = {cid: score for cid in ranking if (score := overall[cid]) is not None}
    scored = list(shown)
    ranks: dict[str, int] = {}
    for position, clinic_id in enumerate(scored):
        previous_id = scored[position - 1] if position else None
        # Tied when shown the same (in whole points, core/points.py): 62.6 and 63.4 both read 63.
        tied = previous_id is not None and level(shown[clinic_id], shown[previous_id])
        ranks[clinic_id] = ranks[previous_id] if tied and previous_id is not None else position + 1
    margin = None
    if len(scored) >= 2:
        margin = float(shown_lead(shown[scored[0]], shown[scored[1]]))
    set_rankings = {}
    for question_set in comparison.catalogue.sets:
        set_id = question_set.id
        if again is not None and previous is not None and _same(touched, set_id):
            set_rankings[set_id] = previous.set_rankings[set_id]
        else:
            set_rankings[set_id] = _ranking(
                scores, {s.clinic_id: s.set_scores.get(set_id) for s in scores}
            )
    if again is not None and previous is not None:
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


def _score_again(
    comparison: Comparison, clinic_id: str, again: Rescoring | None, plan: _Plan
) -> ClinicScore:
    """The clinic's score: kept, made again from its earlier one, or made afresh."""
    if again is None:
        return score_clinic(comparison, clinic_id, plan)
    kept = again.kept(clinic_id)
    if kept is not None:
        return kept
    answered = again.answered.get(clinic_id)
    if answered is None:
        return score_clinic(comparison, clinic_id, plan)
    return _rescore_clinic(comparison, again.earlier[clinic_id], answered, plan)


def _same(pairs: list[tuple[ClinicScore, ClinicScore]], set_id: str | None) -> bool:
    """Whether every clinic the edit touched (earlier and new score) kept its overall score
    (``None``) or one set's: the ranking by it is then the previous one (ties keep document
    order, which is the same)."""
    if set_id is None:
        return all(earlier.overall == new.overall for earlier, new in pairs)
    return all(
        earlier.set_scores.get(set_id) == new.set_scores.get(set_id) for earlier, new in pairs
    )


def _with_rank(score: ClinicScore, rank: int | None) -> ClinicScore:
    return score if score.rank == rank else replace(score, rank=rank)


def _ranking(scores: list[ClinicScore], by: dict[str, float | None]) -> tuple[str, ...]:
    """Best first (stable: ties keep document order), then the unscored in document order."""
    scored = sorted(
        (s.clinic_id for s in scores if by[s.clinic_id] is not None),
        key=lambda cid: -(by[cid] or 0.0),
    )
    return (*scored, *(s.clinic_id for s in scores if by[s.clinic_id] is None))
