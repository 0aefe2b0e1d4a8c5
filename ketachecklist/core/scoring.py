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
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from functools import cached_property

from ketachecklist.core.applicability import Applicability, applicability
from ketachecklist.core.catalogue import Question, QuestionRole
from ketachecklist.core.changes import Change, PutAnswer, ReplaceClinic
from ketachecklist.core.document import Answer, Comparison, CostDetails, Coverage

CLEAR_WINNER_MARGIN = 10.0
# A ★ marks the best rating on a question only when it compares something and says something:
# at least two clinics rated there (ratings that count), and the best of them good (4 or 5).
BEST_MARK_MIN_RATED = 2
BEST_MARK_MIN_RATING = 4
RED_FLAG_MARK = "⚠"


def rating_points(rating: int) -> float:
    return (rating - 1) / 4 * 100


@dataclass(frozen=True)
class RedFlag:
    """An answer the sources give reason to ask more about: a prompt, never a verdict."""

    question_id: str
    label: str


def red_flag_of(question: Question, answer: Answer, status: Applicability) -> RedFlag | None:
    """The question's red flag when this answer raises it; never on one that does not apply."""
    rule = question.red_flag
    if rule is None or not status.counts:
        return None
    if isinstance(answer.value, bool) and answer.value == rule.when:
        return RedFlag(question.id, rule.label)
    return None


class CostBasis(Enum):
    """What a course-cost estimate rests on (present/cost.py words it)."""

    COURSE_PRICE_QUOTED = "course_price_quoted"  # the clinic quoted the whole course
    PER_SESSION = "per_session"  # price per session × sessions recommended + other fees
    NOT_ENOUGH = "not_enough"  # not enough recorded to estimate


@dataclass(frozen=True)
class CostEstimate:
    """What the recorded answers say a whole course costs. ``None`` parts were not recorded."""

    price_per_session: float | None
    sessions: int | None
    other_fees: float | None
    course_price_quoted: float | None
    insurance: Coverage
    insurance_percent: float | None
    course_total: float | None
    out_of_pocket: float | None

    @property
    def basis(self) -> CostBasis:
        if self.course_price_quoted is not None:
            return CostBasis.COURSE_PRICE_QUOTED
        if self.course_total is not None:
            return CostBasis.PER_SESSION
        return CostBasis.NOT_ENOUGH


@dataclass(frozen=True)
class ClinicScore:
    clinic_id: str
    set_scores: dict[str, float | None]
    overall: float | None
    answered: int
    total: int
    red_flags: tuple[RedFlag, ...]
    cost: CostEstimate
    rank: int | None = None
    # question id -> why it does not count; questions that count are not listed
    not_applying: dict[str, Applicability] = field(default_factory=dict)
    set_progress: dict[str, tuple[int, int]] = field(default_factory=dict)  # rated, counted
    ratings: dict[str, int] = field(default_factory=dict)  # question id -> rating that counts

    @property
    def completeness(self) -> float:
        return self.answered / self.total if self.total else 0.0

    def applicability(self, question_id: str) -> Applicability:
        return self.not_applying.get(question_id, Applicability.APPLIES)

    def red_flag(self, question_id: str) -> RedFlag | None:
        return next((f for f in self.red_flags if f.question_id == question_id), None)

    def set_result(self, set_id: str) -> SetResult:
        """The set's score with its questions rated and counted (those that do not apply are
        out)."""
        rated, total = self.set_progress.get(set_id, (0, 0))
        return SetResult(self.set_scores.get(set_id), rated, total)


@dataclass(frozen=True)
class SetResult:
    score: float | None
    rated: int
    total: int  # the questions of the set that count for the clinic


@dataclass(frozen=True)
class ComparisonScores:
    clinics: tuple[ClinicScore, ...]  # in document order
    ranking: tuple[str, ...]  # clinic ids, best first; unscored clinics last
    margin: float | None  # first minus second overall score, when two are scored
    best_marks: dict[str, frozenset[str]] = field(default_factory=dict)  # question -> clinics
    set_rankings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # set id -> ranking

    @cached_property
    def _by_clinic(self) -> dict[str, ClinicScore]:
        return {s.clinic_id: s for s in self.clinics}

    @cached_property
    def _flags(self) -> dict[tuple[str, str], RedFlag]:
        return {(s.clinic_id, f.question_id): f for s in self.clinics for f in s.red_flags}

    @property
    def clear_winner(self) -> bool:
        return self.margin is not None and self.margin >= CLEAR_WINNER_MARGIN

    def of(self, clinic_id: str) -> ClinicScore:
        return self._by_clinic[clinic_id]

    def has_clinic(self, clinic_id: str) -> bool:
        return clinic_id in self._by_clinic

    def ranked(self) -> list[ClinicScore]:
        return [self.of(clinic_id) for clinic_id in self.ranking]

    def ranking_by(self, set_id: str | None) -> tuple[str, ...]:
        """Clinic ids by the overall score (``None``) or one set's, best first; unscored last,
        ties and unscored clinics in the order of the document."""
        return self.ranking if set_id is None else self.set_rankings.get(set_id, ())

    def red_flag(self, clinic_id: str, question_id: str) -> RedFlag | None:
        return self._flags.get((clinic_id, question_id))

    def applicability(self, clinic_id: str, question_id: str) -> Applicability:
        """Whether the answer counts; a clinic not scored (just removed) has nothing aside."""
        score = self._by_clinic.get(clinic_id)
        return Applicability.APPLIES if score is None else score.applicability(question_id)

    def best(self, question_id: str) -> frozenset[str]:
        """The clinics marked ★ on a question (see ``BEST_MARK_MIN_RATED``); often none."""
        return self.best_marks.get(question_id, frozenset())

    def is_best(self, clinic_id: str, question_id: str) -> bool:
        return clinic_id in self.best_marks.get(question_id, ())


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
    kept = _unchanged_scores(comparison, previous, change)
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
        tied = previous_id is not None and overall[clinic_id] == overall[previous_id]
        ranks[clinic_id] = ranks[previous_id] if tied and previous_id is not None else position + 1
    margin = None
    if len(scored) >= 2:
        margin = (overall[scored[0]] or 0.0) - (overall[scored[1]] or 0.0)
    set_rankings = {
        question_set.id: _ranking(
            scores, {s.clinic_id: s.set_scores.get(question_set.id) for s in scores}
        )
        for question_set in comparison.catalogue.sets
    }
    if kept and previous is not None:
        best_marks = _best_marks_after(previous, scores)
    else:
        best_marks = _best_marks(scores)
    return ComparisonScores(
        tuple(_with_rank(s, ranks.get(s.clinic_id)) for s in scores),
        ranking,
        margin,
        best_marks,
        set_rankings,
    )


def clinics_touched(change: Change) -> frozenset[str] | None:
    """The clinics whose own scores a change can alter; ``None`` when it can alter any.

    An answer counts only for its clinic, and a clinic's details (the treatments it offers
    decide which questions count) only for that clinic; every other edit can move them all.
    """
    touched: set[str] = set()
    for step in change.steps:
        if isinstance(step, PutAnswer):
            touched.add(step.clinic_id)
        elif isinstance(step, ReplaceClinic) and step.old.id == step.new.id:
            touched.add(step.new.id)
        else:
            return None
    return frozenset(touched)


def _unchanged_scores(
    comparison: Comparison, previous: ComparisonScores | None, change: Change | None
) -> dict[str, ClinicScore]:
    """The previous scores that still hold, by clinic id (none when all must be made again)."""
    if previous is None or change is None:
        return {}
    touched = clinics_touched(change)
    same_clinics = len(previous.clinics) == len(comparison.clinics) and all(
        s.clinic_id == c.id for s, c in zip(previous.clinics, comparison.clinics, strict=True)
    )
    if touched is None or not same_clinics:
        return {}
    return {s.clinic_id: s for s in previous.clinics if s.clinic_id not in touched}


def _with_rank(score: ClinicScore, rank: int | None) -> ClinicScore:
    return score if score.rank == rank else replace(score, rank=rank)


def _ranking(scores: list[ClinicScore], by: dict[str, float | None]) -> tuple[str, ...]:
    """Best first (stable: ties keep document order), then the unscored in document order."""
    scored = sorted(
        (s.clinic_id for s in scores if by[s.clinic_id] is not None),
        key=lambda cid: -(by[cid] or 0.0),
    )
    return (*scored, *(s.clinic_id for s in scores if by[s.clinic_id] is None))


def _best_marks(scores: list[ClinicScore]) -> dict[str, frozenset[str]]:
    """The one ★ rule: on each question, the clinics with the best rating that counts, when at
    least two clinics were rated there and that best rating is good (4 or 5)."""
    rated: dict[str, dict[str, int]] = {}
    for score in scores:
        for question_id, rating in score.ratings.items():
            rated.setdefault(question_id, {})[score.clinic_id] = rating
    marks: dict[str, frozenset[str]] = {}
    for question_id, ratings in rated.items():
        mark = _best_mark(ratings)
        if mark:
            marks[question_id] = mark
    return marks


def _best_mark(ratings: dict[str, int]) -> frozenset[str]:
    if len(ratings) < BEST_MARK_MIN_RATED:
        return frozenset()
    top = max(ratings.values())
    if top < BEST_MARK_MIN_RATING:
        return frozenset()
    return frozenset(cid for cid, r in ratings.items() if r == top)


def _best_marks_after(
    previous: ComparisonScores, scores: list[ClinicScore]
) -> dict[str, frozenset[str]]:
    """``_best_marks(scores)``, made again only on the questions whose ratings changed (the
    clinics are those of ``previous``, in the same order)."""
    changed: set[str] = set()
    for before, after in zip(previous.clinics, scores, strict=True):
        if before.ratings is not after.ratings and before.ratings != after.ratings:
            keys = before.ratings.keys() | after.ratings.keys()
            changed.update(q for q in keys if before.ratings.get(q) != after.ratings.get(q))
    marks = {q: mark for q, mark in previous.best_marks.items() if q not in changed}
    for question_id in changed:
        ratings = {s.clinic_id: s.ratings[question_id] for s in scores if question_id in s.ratings}
        mark = _best_mark(ratings)
        if mark:
            marks[question_id] = mark
    return marks
