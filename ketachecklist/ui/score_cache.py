"""The core's scores for one revision of a comparison, indexed for fast lookups by the views.

Nothing here computes a score: it calls ``ketachecklist.core.scoring`` once per revision and
remembers the answers, so painting a grid cell is a dictionary lookup.
"""

from __future__ import annotations

from ketachecklist.core.applicability import Applicability, applicability_text
from ketachecklist.core.document import Comparison
from ketachecklist.core.scoring import (
    ClinicScore,
    ComparisonScores,
    RedFlag,
    best_rated_clinics,
    counted_ratings,
    score_comparison,
)


class ScoreCache:
    def __init__(self, comparison: Comparison) -> None:
        self._comparison = comparison
        self.revision = comparison.revision
        self.scores: ComparisonScores = score_comparison(comparison)
        self._by_clinic = {score.clinic_id: score for score in self.scores.clinics}
        self._flags = {
            (score.clinic_id, flag.question_id): flag
            for score in self.scores.clinics
            for flag in score.red_flags
        }
        self._best: dict[str, frozenset[str]] = {}
        self._marked: dict[str, frozenset[str]] = {}

    def is_current(self, comparison: Comparison) -> bool:
        return comparison is self._comparison and comparison.revision == self.revision

    def clinic(self, clinic_id: str) -> ClinicScore:
        return self._by_clinic[clinic_id]

    def has_clinic(self, clinic_id: str) -> bool:
        return clinic_id in self._by_clinic

    def red_flag(self, clinic_id: str, question_id: str) -> RedFlag | None:
        return self._flags.get((clinic_id, question_id))

    def applicability(self, clinic_id: str, question_id: str) -> Applicability:
        """Whether the answer counts; a clinic just removed has nothing set aside."""
        score = self._by_clinic.get(clinic_id)
        return Applicability.APPLIES if score is None else score.applicability(question_id)

    def not_applying_text(self, clinic_id: str, question_id: str) -> str:
        """Why an answer does not count, in words ('' when it counts)."""
        status = self.applicability(clinic_id, question_id)
        if status.counts:
            return ""
        comparison = self._comparison
        question = comparison.question(question_id)
        return applicability_text(status, question, comparison.clinic(clinic_id))

    def best_in_row(self, question_id: str) -> frozenset[str]:
        """The clinics with the top rating on a question (core ``best_rated_clinics``)."""
        best = self._best.get(question_id)
        if best is None:
            best = frozenset(best_rated_clinics(self._comparison, question_id))
            self._best[question_id] = best
        return best

    def marked_best(self, question_id: str) -> frozenset[str]:
        """The best-rated clinics on a question, when the ratings actually differ.

        Starring every clinic because all gave the same rating (or only one was rated and no
        other clinic is in the comparison) would tell the patient nothing.
        """
        marked = self._marked.get(question_id)
        if marked is None:
            best = self.best_in_row(question_id)
            rated = len(counted_ratings(self._comparison, question_id))
            distinct = len(best) < rated or len(self._comparison.clinics) > rated
            marked = best if best and distinct else frozenset()
            self._marked[question_id] = marked
        return marked
