"""Ratings, and answers without one: '4 – Good', 'Not rated yet', 'Not asked yet'."""

from __future__ import annotations

from ketachecklist.core.document import Answer
from ketachecklist.present.text import QT_TR_NOOP, tr

RATING_LABELS = {
    1: QT_TR_NOOP("Concerning"),
    2: QT_TR_NOOP("Weak"),
    3: QT_TR_NOOP("Acceptable"),
    4: QT_TR_NOOP("Good"),
    5: QT_TR_NOOP("Reassuring"),
}
NOT_ASKED = QT_TR_NOOP("Not asked yet")
NOT_RATED = QT_TR_NOOP("Not rated yet")
DOESNT_APPLY = QT_TR_NOOP("Doesn't apply to this clinic")

BEST_MARK = "★"
CHECK_MARK = "✓"
# The one ★ rule (core/scoring.py, BEST_MARK_MIN_RATED and BEST_MARK_MIN_RATING) in words, for
# every legend.
BEST_MARK_RULE = QT_TR_NOOP(
    "★ marks the best rating on a question, only when at least two clinics were "
    "rated there and the best rating is good (4 or 5)."
)  # ★ is BEST_MARK


def rating_text(rating: int | None) -> str:
    """'4 – Good' (the number and the words, never one without the other); 'Not asked yet'."""
    if rating is None:
        return tr(NOT_ASKED)
    return tr("{rating} – {label}").format(rating=rating, label=tr(RATING_LABELS[rating]))


def unrated_text(answer: Answer) -> str:
    """'Not rated yet' when anything was recorded, 'Not asked yet' when nothing was."""
    return tr(NOT_ASKED) if answer.is_blank else tr(NOT_RATED)


def answer_rating_text(answer: Answer) -> str:
    return unrated_text(answer) if answer.rating is None else rating_text(answer.rating)


def not_applying_headline(reason: str, kept_rating: int | None) -> str:
    """'Doesn't apply to this clinic', naming a rating recorded earlier as kept, not counted."""
    if kept_rating is None:
        return reason
    return tr("{reason}. Kept, not counted: {rating}").format(
        reason=reason, rating=rating_text(kept_rating)
    )


def rating_scale() -> str:
    """'1 – Concerning, 2 – Weak, …, 5 – Reassuring'."""
    return ", ".join(rating_text(n) for n in RATING_LABELS)
