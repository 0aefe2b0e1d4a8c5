"""Ratings, and answers without one: '4 – Good', 'Not rated yet', 'Not asked yet'."""

from __future__ import annotations

from ketachecklist.core.document import Answer
from ketachecklist.present.text import tr

RATING_LABELS = {
    1: "Concerning",
    2: "Weak",
    3: "Acceptable",
    4: "Good",
    5: "Reassuring",
}
NOT_ASKED = "Not asked yet"
NOT_RATED = "Not rated yet"
DOESNT_APPLY = "Doesn't apply to this clinic"

BEST_MARK = "★"
CHECK_MARK = "✓"
# The one ★ rule (core/scoring.py, BEST_MARK_MIN_RATED and BEST_MARK_MIN_RATING) in words, for
# every legend.
BEST_MARK_RULE = (
    f"{BEST_MARK} marks the best rating on a question, only when at least two clinics were "
    "rated there and the best rating is good (4 or 5)."
)


def rating_text(rating: int | None) -> str:
    """'4 – Good' (the number and the words, never one without the other); 'Not asked yet'."""
    if rating is None:
        return tr(NOT_ASKED)
    return f"{rating} – {tr(RATING_LABELS[rating])}"


def unrated_text(answer: Answer) -> str:
    """'Not rated yet' when anything was recorded, 'Not asked yet' when nothing was."""
    return tr(NOT_ASKED) if answer.is_blank else tr(NOT_RATED)


def answer_rating_text(answer: Answer) -> str:
    return unrated_text(answer) if answer.rating is None else rating_text(answer.rating)


def not_applying_headline(reason: str, kept_rating: int | None) -> str:
    """'Doesn't apply to this clinic', naming a rating recorded earlier as kept, not counted."""
    if kept_rating is None:
        return reason
    return f"{reason}. {tr('Kept, not counted')}: {rating_text(kept_rating)}"


def rating_scale() -> str:
    """'1 – Concerning, 2 – Weak, …, 5 – Reassuring'."""
    return ", ".join(rating_text(n) for n in RATING_LABELS)
