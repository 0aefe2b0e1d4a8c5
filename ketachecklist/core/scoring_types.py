"""What scoring gives, record by record: a clinic's score (per set, rated and counted, red
flags, the course-cost estimate, rank) and the whole comparison's (the ranking, the best marks).
Made by ``core/scoring.py``; every output reads these and nothing recounts them."""

from __future__ import annotations

from dataclasses import field
from enum import Enum
from functools import cached_property

from ketachecklist.core.applicability import Applicability
from ketachecklist.core.document import Coverage
from ketachecklist.core.frozen_record import FrozenRecord

CLEAR_WINNER_MARGIN = 10.0


class RedFlag(FrozenRecord):
    """An answer the sources give reason to ask more about: a prompt, never a verdict."""

    question_id: str
    label: str


class CostBasis(Enum):
    """What a course-cost estimate rests on (present/cost.py words it)."""

    COURSE_PRICE_QUOTED = "course_price_quoted"  # the clinic quoted the whole course
    PER_SESSION = "per_session"  # price per session × sessions recommended + other fees
    NOT_ENOUGH = "not_enough"  # not enough recorded to estimate


class CostEstimate(FrozenRecord):
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


class ClinicScore(FrozenRecord):
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


class SetResult(FrozenRecord):
    score: float | None
    rated: int
    total: int  # the questions of the set that count for the clinic


class ComparisonScores(FrozenRecord):
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
