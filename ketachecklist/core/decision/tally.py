"""A clinic's counted ratings laid out for quick "what if this question were rated r?".

The decision computations ask that question hundreds of times per edit (every open question,
every one-step move, for every clinic), too often to re-score the whole document each time.
A tally holds what scoring used — each set's (points, weight) pairs in scoring's order — and
recomputes one set with scoring's own ``weighted_mean``, so its numbers are scoring's numbers
bit for bit; tests/core/decision/test_tally.py proves it against ``score_clinic`` on the edited
document.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ketachecklist.core.document import Comparison
from ketachecklist.core.scoring import ClinicScore, rating_points, weighted_mean


def answer_counts(score: ClinicScore, question_id: str) -> bool:
    """Whether this clinic's answer to the question counts in its scores (scoring decides:
    an answer marked "doesn't apply", or about treatments the clinic does not offer, does not)."""
    return score.applicability(question_id).counts


@dataclass(frozen=True)
class Slot:
    set_index: int
    position: int  # within the set's counted questions


class ClinicTally:
    def __init__(self, comparison: Comparison, score: ClinicScore) -> None:
        self.clinic_id = score.clinic_id
        self.set_ids = tuple(s.id for s in comparison.catalogue.sets)
        self.set_weights = tuple(comparison.set_weight(s) for s in self.set_ids)
        self.slots: dict[str, Slot] = {}
        self.ratings: dict[str, int | None] = {}
        self._points: list[list[float | None]] = []
        self._weights: list[list[float]] = []
        questions = comparison.questions()  # display order, as scoring reads each set
        for set_index, set_id in enumerate(self.set_ids):
            points: list[float | None] = []
            weights: list[float] = []
            for question in (q for q in questions if q.set_id == set_id):
                if not answer_counts(score, question.id):
                    continue
                rating = comparison.answer(score.clinic_id, question.id).rating
                self.slots[question.id] = Slot(set_index, len(points))
                self.ratings[question.id] = rating
                points.append(None if rating is None else rating_points(rating))
                weights.append(comparison.question_weight(question.id))
            self._points.append(points)
            self._weights.append(weights)
        self.set_scores = tuple(self._set_score(i, {}) for i in range(len(self.set_ids)))
        self.overall = self._overall(self.set_scores)

    def open_questions(self) -> list[str]:
        """Counted questions not rated yet, in display order."""
        return [qid for qid, rating in self.ratings.items() if rating is None]

    def rated_questions(self) -> list[str]:
        return [qid for qid, rating in self.ratings.items() if rating is not None]

    def overall_if(self, question_id: str, rating: int | None) -> float | None:
        """The overall score with one question rated ``rating`` (None: unrated); a question
        whose answer does not count leaves it as it is, as in scoring."""
        slot = self.slots.get(question_id)
        if slot is None:
            return self.overall
        changed = self._set_score(slot.set_index, {slot.position: rating})
        scores = list(self.set_scores)
        scores[slot.set_index] = changed
        return self._overall(scores)

    def overall_if_all_open(self, rating: int) -> float | None:
        """The overall score once every open question is rated ``rating``."""
        return self._overall(self.set_scores_if_all_open(rating))

    def set_scores_if_all_open(self, rating: int) -> tuple[float | None, ...]:
        """Each set's score once every open question is rated ``rating``."""
        return tuple(
            self._set_score(i, dict.fromkeys(self._open_positions(i), rating))
            for i in range(len(self.set_ids))
        )

    def open_in_set(self, set_index: int) -> int:
        """How many of the set's counted questions are not rated yet."""
        return len(self._open_positions(set_index))

    def share(self, question_id: str) -> float:
        """How much of the overall score this rated answer carries (0–1)."""
        slot = self.slots[question_id]
        points = self._points[slot.set_index]
        weights = self._weights[slot.set_index]
        rated_weight = sum(w for p, w in zip(points, weights, strict=True) if p is not None)
        set_weight = sum(
            w for s, w in zip(self.set_scores, self.set_weights, strict=True) if s is not None
        )
        if rated_weight <= 0 or set_weight <= 0 or points[slot.position] is None:
            return 0.0
        own = weights[slot.position] / rated_weight
        return own * self.set_weights[slot.set_index] / set_weight

    def _open_positions(self, set_index: int) -> list[int]:
        return [i for i, p in enumerate(self._points[set_index]) if p is None]

    def _set_score(self, set_index: int, changes: Mapping[int, int | None]) -> float | None:
        pairs = []
        for position, (recorded, weight) in enumerate(
            zip(self._points[set_index], self._weights[set_index], strict=True)
        ):
            points = recorded
            if position in changes:
                rating = changes[position]
                points = None if rating is None else rating_points(rating)
            if points is not None:
                pairs.append((points, weight))
        return weighted_mean(pairs)

    def _overall(self, set_scores: tuple[float | None, ...] | list[float | None]) -> float | None:
        return weighted_mean(
            [
                (score, weight)
                for score, weight in zip(set_scores, self.set_weights, strict=True)
                if score is not None
            ]
        )
