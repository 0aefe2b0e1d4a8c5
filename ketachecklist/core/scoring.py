"""Scores, completeness, red flags, course-cost estimates and the ranking of clinics.

A rating r on the 1–5 scale is worth (r − 1) / 4 × 100 points. A set's score is the
question-weighted mean of its *rated* questions; the overall score is the set-weighted mean of
the sets that have a score. Questions not asked yet are left out of every score (never counted as
zero) and show up only in completeness. Answers that do not apply to a clinic (marked so, or
about treatments it does not offer: core/applicability.py) are left out of scores, completeness,
best marks and red flags alike; they are kept and shown in words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ketachecklist.core.applicability import Applicability, applicability
from ketachecklist.core.catalogue import AnswerKind, Question, QuestionRole
from ketachecklist.core.document import NOT_ASKED, Answer, Comparison, CostDetails, Coverage

CLEAR_WINNER_MARGIN = 10.0
NOT_RATED = "Not rated yet"
RED_FLAG_MARK = "⚠"
ASK_MORE = "The sources give reason to ask more about this."


def rating_points(rating: int) -> float:
    return (rating - 1) / 4 * 100


def unrated_text(answer: Answer) -> str:
    """What an answer without a rating is called, in the app and in every report.

    "Not rated yet" when the patient recorded anything (what the clinic said, a yes/no, an
    amount); "Not asked yet" when nothing at all. Either way it is left out of every score,
    never counted as zero.
    """
    return NOT_ASKED if answer.is_blank else NOT_RATED


@dataclass(frozen=True)
class RedFlag:
    """An answer the sources give reason to ask more about: a prompt, never a verdict."""

    question_id: str
    label: str

    @property
    def sentence(self) -> str:
        """'RED FLAG: <label>. The sources give reason to ask more about this.'"""
        return f"RED FLAG: {self.label.rstrip('. ')}. {ASK_MORE}"

    @property
    def text(self) -> str:
        """The sentence with its mark, as the screens and pages show it."""
        return f"{RED_FLAG_MARK} {self.sentence}"


def red_flag_of(question: Question, answer: Answer, status: Applicability) -> RedFlag | None:
    """The question's red flag when this answer raises it; never on one that does not apply."""
    rule = question.red_flag
    if rule is None or not status.counts:
        return None
    if isinstance(answer.value, bool) and answer.value == rule.when:
        return RedFlag(question.id, rule.label)
    return None


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
    def basis(self) -> str:
        if self.course_price_quoted is not None:
            return "whole-course price quoted by the clinic"
        if self.course_total is not None:
            return "price per session × sessions recommended + other fees"
        return "not enough recorded to estimate"


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

    @property
    def completeness(self) -> float:
        return self.answered / self.total if self.total else 0.0

    def applicability(self, question_id: str) -> Applicability:
        return self.not_applying.get(question_id, Applicability.APPLIES)

    def red_flag(self, question_id: str) -> RedFlag | None:
        return next((f for f in self.red_flags if f.question_id == question_id), None)

    def set_answered(self, _comparison: Comparison, set_id: str) -> tuple[int, int]:
        """(rated, questions that count) in one set; questions that do not apply are out."""
        return self.set_progress.get(set_id, (0, 0))


@dataclass(frozen=True)
class ComparisonScores:
    clinics: tuple[ClinicScore, ...]  # in document order
    ranking: tuple[str, ...]  # clinic ids, best first; unscored clinics last
    margin: float | None  # first minus second overall score, when two are scored
    names: dict[str, str] = field(default_factory=dict)  # clinic id -> name, for the verdict

    @property
    def clear_winner(self) -> bool:
        return self.margin is not None and self.margin >= CLEAR_WINNER_MARGIN

    @property
    def verdict(self) -> str:
        """A plain description of the spread: never a recommendation.

        A lead is only as firm as the ratings behind it: when the top-scored clinic has under
        half of its questions rated, or fewer rated than another clinic, the verdict says so.
        """
        if self.margin is None:
            return "Not enough clinics scored to compare yet."
        if not self.clear_winner:
            return (
                f"No clear winner: the top two are {self.margin:.0f} points apart (under "
                f"{CLEAR_WINNER_MARGIN:.0f})."
            )
        lead = f"The top-scored clinic leads by {self.margin:.0f} points"
        leader, *others = self.ranked()
        most = max(others, key=lambda s: s.answered)  # the first in ranked order on a tie
        more_elsewhere = most.answered > leader.answered
        if not more_elsewhere and 2 * leader.answered >= leader.total:
            return f"{lead}."
        verb = "is" if leader.answered == 1 else "are"
        caveat = f"only {leader.answered} of its {leader.total} questions {verb} rated"
        if more_elsewhere:
            name = " ".join(self.names.get(most.clinic_id, "").split()) or "another clinic"
            caveat += f", while {name} has {most.answered} rated"
        return f"{lead}, but {caveat}: the scores may change as you ask more."

    def of(self, clinic_id: str) -> ClinicScore:
        return next(s for s in self.clinics if s.clinic_id == clinic_id)

    def ranked(self) -> list[ClinicScore]:
        return [self.of(clinic_id) for clinic_id in self.ranking]


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


def score_clinic(comparison: Comparison, clinic_id: str) -> ClinicScore:
    clinic = comparison.clinic(clinic_id)
    set_scores: dict[str, float | None] = {}
    set_progress: dict[str, tuple[int, int]] = {}
    not_applying: dict[str, Applicability] = {}
    answered = total = 0
    flags: list[RedFlag] = []
    for question_set in comparison.catalogue.sets:
        pairs = []
        set_rated = set_total = 0
        for question in comparison.questions_in(question_set.id):
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
            pairs.append((rating_points(answer.rating), comparison.question_weight(question.id)))
        set_scores[question_set.id] = weighted_mean(pairs)
        set_progress[question_set.id] = (set_rated, set_total)
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
        estimate_cost(comparison, clinic_id),
        not_applying=not_applying,
        set_progress=set_progress,
    )


def estimate_cost(comparison: Comparison, clinic_id: str) -> CostEstimate:
    def value_of(role: QuestionRole) -> object:
        question = comparison.question_with_role(role)
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


def score_comparison(comparison: Comparison) -> ComparisonScores:
    scores = [score_clinic(comparison, clinic.id) for clinic in comparison.clinics]
    scored = sorted(
        (s for s in scores if s.overall is not None), key=lambda s: -(s.overall or 0.0)
    )  # stable: ties keep document order
    ranks: dict[str, int] = {}
    for position, score in enumerate(scored):
        tied_with_previous = position > 0 and score.overall == scored[position - 1].overall
        ranks[score.clinic_id] = (
            ranks[scored[position - 1].clinic_id] if tied_with_previous else position + 1
        )
    ranked_scores = tuple(_with_rank(s, ranks.get(s.clinic_id)) for s in scores)
    ranking = tuple(s.clinic_id for s in scored) + tuple(
        s.clinic_id for s in scores if s.overall is None
    )
    margin = None
    if len(scored) >= 2:
        margin = (scored[0].overall or 0.0) - (scored[1].overall or 0.0)
    names = {clinic.id: clinic.name for clinic in comparison.clinics}
    return ComparisonScores(ranked_scores, ranking, margin, names)


def _with_rank(score: ClinicScore, rank: int | None) -> ClinicScore:
    return ClinicScore(
        score.clinic_id,
        score.set_scores,
        score.overall,
        score.answered,
        score.total,
        score.red_flags,
        score.cost,
        rank,
        score.not_applying,
        score.set_progress,
    )


def counted_ratings(comparison: Comparison, question_id: str) -> dict[str, int]:
    """Clinic id -> rating on one question, for the clinics whose rating counts there."""
    question = comparison.question(question_id)
    ratings: dict[str, int] = {}
    for clinic in comparison.clinics:
        answer = comparison.answer(clinic.id, question_id)
        if answer.rating is not None and applicability(question, clinic, answer).counts:
            ratings[clinic.id] = answer.rating
    return ratings


def best_rated_clinics(comparison: Comparison, question_id: str) -> set[str]:
    """The clinics with the highest counted rating on one question (empty when none)."""
    rated = counted_ratings(comparison, question_id)
    if not rated:
        return set()
    top = max(rated.values())
    return {cid for cid, r in rated.items() if r == top}


def kind_is_numeric(kind: AnswerKind) -> bool:
    return kind in (AnswerKind.MONEY, AnswerKind.COUNT)
