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
    score_comparison,
)
from ketachecklist.present.verdict import verdict_text


class ScoreCache:
    def __init__(self, comparison: Comparison) -> None:
        self._comparison = comparison
        self.revision = comparison.revision
        self.scores: ComparisonScores = score_comparison(comparison)

    @property
    def verdict(self) -> str:
        return verdict_text(self.scores, {c.id: c.name for c in self._comparison.clinics})

    def is_current(self, comparison: Comparison) -> bool:
        return comparison is self._comparison and comparison.revision == self.revision

    def clinic(self, clinic_id: str) -> ClinicScore:
        return self.scores.of(clinic_id)

    def has_clinic(self, clinic_id: str) -> bool:
        return self.scores.has_clinic(clinic_id)

    def red_flag(self, clinic_id: str, question_id: str) -> RedFlag | None:
        return self.scores.red_flag(clinic_id, question_id)

    def applicability(self, clinic_id: str, question_id: str) -> Applicability:
        return self.scores.applicability(clinic_id, question_id)

    def not_applying_text(self, clinic_id: str, question_id: str) -> str:
        """Why an answer does not count, in words ('' when it counts)."""
        status = self.applicability(clinic_id, question_id)
        if status.counts:
            return ""
        comparison = self._comparison
        question = comparison.question(question_id)
        return applicability_text(status, question, comparison.clinic(clinic_id))

    def marked_best(self, question_id: str) -> frozenset[str]:
        """The clinics marked ★ on a question, by the core's one rule."""
        return self.scores.best(question_id)
