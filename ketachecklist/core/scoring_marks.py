"""The one ★ rule: on each question, the clinics with the best rating that counts, when at
least two clinics were rated there and that best rating is good (4 or 5); made for every
question, or after an edit again only on the questions whose ratings changed."""

from __future__ import annotations

from ketachecklist.core.scoring_types import ClinicScore, ComparisonScores

# A ★ marks the best rating on a question only when it compares something and says something:
# at least two clinics rated there (ratings that count), and the best of them good (4 or 5).
BEST_MARK_MIN_RATED = 2
BEST_MARK_MIN_RATING = 4


def best_marks(scores: list[ClinicScore]) -> dict[str, frozenset[str]]:
    """The one ★ rule: on each question, the clinics with the best rating that counts, when at
    least two clinics were rated there and that best rating is good (4 or 5)."""
    rated: dict[str, dict[str, int]] = {}
    for score in scores:
        for question_id, rating in score.ratings.items():
            rated.setdefault(question_id, {})[score.clinic_id] = rating
    marks: dict[str, frozenset[str]] = {}
    for question_id, ratings in rated.items():
        mark = best_mark(ratings)
        if mark:
            marks[question_id] = mark
    return marks


def best_mark(ratings: dict[str, int]) -> frozenset[str]:
    if len(ratings) < BEST_MARK_MIN_RATED:
        return frozenset()
    top = max(ratings.values())
    if top < BEST_MARK_MIN_RATING:
        return frozenset()
    return frozenset(cid for cid, r in ratings.items() if r == top)


def best_marks_after(
    previous: ComparisonScores, scores: list[ClinicScore]
) -> dict[str, frozenset[str]]:
    """``best_marks(scores)``, made again only on the questions whose ratings changed (the
    clinics are those of ``previous``, in the same order)."""
    changed: set[str] = set()
    for before, after in zip(previous.clinics, scores, strict=True):
        if before.ratings is not after.ratings and before.ratings != after.ratings:
            keys = before.ratings.keys() | after.ratings.keys()
            changed.update(q for q in keys if before.ratings.get(q) != after.ratings.get(q))
    marks = {q: mark for q, mark in previous.best_marks.items() if q not in changed}
    for question_id in changed:
        ratings = {s.clinic_id: s.ratings[question_id] for s in scores if question_id in s.ratings}
        mark = best_mark(ratings)
        if mark:
            marks[question_id] = mark
    return marks
