"""A clinic's counted ratings laid out for quick "what if this question were rated r?".

The decision computations ask that question hundreds of times per edit (every open question,
every one-step move, for every clinic), too often to re-score the whole document each time.
A tally holds what scoring used — each set's (points, weight) pairs in scoring's order — and
recomputes one set with scoring's own ``weighted_mean``, so its numbers are scoring's numbers
bit for bit; tests/core/decision/test_tally.py proves it against ``score_clinic`` on the edited
document.
"""

from __future__ import annotations

from ketachecklist.core.document import Comparison
from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.core.scoring import ClinicScore, rating_points, weighted_mean


def answer_counts(score: ClinicScore, question_id: str) -> bool:
    """Whether this clinic's answer to the question counts in its scores (scoring decides:
    an answer marked "doesn't apply", or about treatments the clinic does not offer, does not)."""
    return score.applicability(question_id).counts


ROUNDING_MARGIN = 1e-6  # points: far above the rounding of a weighted mean of 0–100 scores


Slot = tuple[int, int]  # a counted question's set index, and its position among the set's


class TallyLayout(FrozenRecord):
    """The document's sets and questions as every tally reads them, laid out once per revision
    (each set's questions in display order, with their weights)."""

    set_ids: tuple[str, ...]
    set_weights: tuple[float, ...]
    questions: tuple[tuple[tuple[str, float], ...], ...]  # per set: (question id, weight)


def tally_layout(comparison: Comparison) -> TallyLayout:
    set_ids = tuple(s.id for s in comparison.catalogue.sets)
    by_set: dict[str, list[tuple[str, float]]] = {s: [] for s in set_ids}
    for question in comparison.questions():  # display order, as scoring reads each set
        by_set[question.set_id].append((question.id, comparison.question_weight(question.id)))
    return TallyLayout(
        set_ids,
        tuple(comparison.set_weight(s) for s in set_ids),
        tuple(tuple(by_set[s]) for s in set_ids),
    )


class ClinicTally:
    """Made from the clinic's score alone (its counted ratings and what does not apply) and the
    layout: a tally is the same for every revision in which those three are equal
    (``made_from``), so an analysis after an edit can keep the tallies of the clinics it did
    not touch."""

    def __init__(
        self, comparison: Comparison, score: ClinicScore, layout: TallyLayout | None = None
    ) -> None:
        layout = tally_layout(comparison) if layout is None else layout
        self.layout = layout
        self.clinic_id = score.clinic_id
        self._ratings_source = score.ratings
        self._not_applying_source = score.not_applying
        self.set_ids = layout.set_ids
        self.set_weights = layout.set_weights
        self.slots: dict[str, Slot] = {}
        self.ratings: dict[str, int | None] = {}
        self._points: list[list[float | None]] = []
        self._weights: list[list[float]] = []
        self._pairs: list[list[tuple[float, float]]] = []
        self._pair_index: list[list[int]] = []
        not_applying = score.not_applying
        counted_ratings = score.ratings  # scoring's: every counted answer's rating
        slots, ratings = self.slots, self.ratings
        for set_index, questions in enumerate(layout.questions):
            points: list[float | None] = []
            weights: list[float] = []
            # what scoring sums: the rated (points, weight) pairs in order, and where each
            # counted question sits among them (its index, or where a rating would go)
            pairs: list[tuple[float, float]] = []
            index: list[int] = []
            for question_id, weight in questions:
                if question_id in not_applying and not answer_counts(score, question_id):
                    continue
                rating = counted_ratings.get(question_id)
                slots[question_id] = (set_index, len(points))
                ratings[question_id] = rating
                index.append(len(pairs))
                if rating is None:
                    points.append(None)
                else:
                    points.append(rated := rating_points(rating))
                    pairs.append((rated, weight))
                weights.append(weight)
            self._points.append(points)
            self._weights.append(weights)
            self._pairs.append(pairs)
            self._pair_index.append(index)
        self.set_scores = tuple(weighted_mean(pairs) for pairs in self._pairs)
        self.overall = self._overall(self.set_scores)
        self._rated_weight = [sum(w for _, w in pairs) for pairs in self._pairs]
        self._scored_weight = sum(
            w for s, w in zip(self.set_scores, self.set_weights, strict=True) if s is not None
        )

    def made_from(self, score: ClinicScore, layout: TallyLayout) -> bool:
        """Whether this tally is the one ``score`` and ``layout`` would make."""
        return (
            score.clinic_id == self.clinic_id
            and (layout is self.layout or layout == self.layout)
            and (score.ratings is self._ratings_source or score.ratings == self._ratings_source)
            and (
                score.not_applying is self._not_applying_source
                or score.not_applying == self._not_applying_source
            )
        )

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
        scores = list(self.set_scores)
        scores[slot[0]] = self._set_score_with(slot, rating)
        return self._overall(scores)

    def step_gain_bound(self, question_id: str, rating: int) -> float:
        """At least how much the overall score can rise when this rated answer becomes
        ``rating``: its share of the score times the points it gains, and a margin far above
        rounding. A cheap test that lets a search skip ``overall_if`` when even the bound falls
        short."""
        set_index, position = self.slots[question_id]
        recorded = self._points[set_index][position]
        assert recorded is not None
        gain = rating_points(rating) - recorded
        return self.share(question_id) * gain + ROUNDING_MARGIN

    def largest_step_gain_bound(self) -> float:
        """The largest ``step_gain_bound`` of any rated answer moved one step up (0 when none
        can move): one bound for the whole clinic, so a search can pass it over."""
        largest = 0.0
        step = rating_points(2) - rating_points(1)
        for question_id, rating in self.ratings.items():
            if rating is not None and rating < 5:
                largest = max(largest, self.share(question_id) * step + ROUNDING_MARGIN)
        return largest

    def overall_if_all_open(self, rating: int) -> float | None:
        """The overall score once every open question is rated ``rating``."""
        return self._overall(self.set_scores_if_all_open(rating))

    def set_scores_if_all_open(self, rating: int) -> tuple[float | None, ...]:
        """Each set's score once every open question is rated ``rating``."""
        fill = rating_points(rating)
        return tuple(
            weighted_mean(
                [
                    (fill if recorded is None else recorded, weight)
                    for recorded, weight in zip(points, weights, strict=True)
                ]
            )
            for points, weights in zip(self._points, self._weights, strict=True)
        )

    def open_in_set(self, set_index: int) -> int:
        """How many of the set's counted questions are not rated yet."""
        return len(self._open_positions(set_index))

    def share(self, question_id: str) -> float:
        """How much of the overall score this rated answer carries (0–1)."""
        set_index, position = self.slots[question_id]
        rated_weight = self._rated_weight[set_index]
        set_weight = self._scored_weight
        if rated_weight <= 0 or set_weight <= 0 or self._points[set_index][position] is None:
            return 0.0
        own = self._weights[set_index][position] / rated_weight
        return own * self.set_weights[set_index] / set_weight

    def _open_positions(self, set_index: int) -> list[int]:
        return [i for i, p in enumerate(self._points[set_index]) if p is None]

    def _set_score_with(self, slot: Slot, rating: int | None) -> float | None:
        """The set's score with one counted question rated ``rating``: the same pairs in the
        same order as ``_set_score`` makes, spliced instead of rebuilt."""
        set_index, position = slot
        pairs = self._pairs[set_index]
        at = self._pair_index[set_index][position]
        rated = self._points[set_index][position] is not None
        rest = pairs[at + 1 :] if rated else pairs[at:]
        if rating is None:
            return weighted_mean(pairs[:at] + rest)
        weight = self._weights[set_index][position]
        return weighted_mean([*pairs[:at], (rating_points(rating), weight), *rest])

    def _overall(self, set_scores: tuple[float | None, ...] | list[float | None]) -> float | None:
        return weighted_mean(
            [
                (score, weight)
                for score, weight in zip(set_scores, self.set_weights, strict=True)
                if score is not None
            ]
        )
