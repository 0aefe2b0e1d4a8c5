"""Plain-words display text for values the core computed or the patient recorded.

Formatting only: nothing here scores, ranks or judges. Every function returns plain text that
widgets show with ``Qt.PlainText`` (never as markup).
"""

from __future__ import annotations

import html
import math

from ketachecklist.core.catalogue import AnswerKind, Question
from ketachecklist.core.document import (
    RATING_LABELS,
    AnswerValue,
    CostDetails,
    Coverage,
    rating_label,
)
from ketachecklist.core.scoring import ClinicScore, CostEstimate

STAR = "★"
WARNING = "⚠"
CHECK = "✓"


def plain_tooltip(text: str) -> str:
    """``text`` made safe for a tooltip, which Qt shows as markup when it merely looks like some.

    Escaped and wrapped as rich text, so "<b>Bold</b>" in a clinic name shows with its angle
    brackets; line breaks are kept and long lines wrap.
    """
    if not text:
        return ""
    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{escaped}</p>"


def money(amount: float) -> str:
    """$1,234 or $475.50: cents only when there are some."""
    if math.isclose(amount, round(amount)):
        return f"${round(amount):,}"
    return f"${amount:,.2f}"


def number(value: float) -> str:
    """2, 1.5, 0.25: no trailing zeros."""
    return f"{value:g}"


def rating_text(rating: int | None) -> str:
    """ "4 · Good" or "Not asked yet"."""
    return rating_label(rating) if rating is None else f"{rating} · {RATING_LABELS[rating]}"


def with_unit(count: int, unit: str) -> str:
    return f"{count:,} {unit}".strip()


def cost_details_text(details: CostDetails) -> str:
    parts = []
    if details.price_per_session is not None:
        parts.append(f"{money(details.price_per_session)} per session")
    if details.sessions_recommended is not None:
        parts.append(f"{details.sessions_recommended} sessions recommended")
    if details.other_fees is not None:
        parts.append(f"other fees {money(details.other_fees)}")
    parts.append(f"insurance: {coverage_text(details.insurance, details.insurance_percent)}")
    return "; ".join(parts)


def coverage_text(coverage: Coverage, percent: float | None) -> str:
    label = coverage.label.lower()
    if coverage is Coverage.PARTIAL and percent is not None:
        return f"{label} ({number(percent)}%)"
    return label


def value_text(question: Question, value: AnswerValue) -> str:
    """A recorded structured answer in words; empty when nothing was recorded."""
    if value is None:
        return ""
    if isinstance(value, CostDetails):
        return "" if value.is_empty else cost_details_text(value)
    if question.kind is AnswerKind.YES_NO and isinstance(value, bool):
        return "Yes" if value else "No"
    if question.kind is AnswerKind.MONEY and isinstance(value, int | float):
        return money(float(value))
    if question.kind is AnswerKind.COUNT and isinstance(value, int):
        return with_unit(value, question.unit)
    return str(value)


def score_text(score: float | None) -> str:
    return "No ratings yet" if score is None else f"{score:.0f} / 100"


def completeness_text(score: ClinicScore) -> str:
    """'17 of 28 rated (61%)', naming questions that do not apply: they are not counted."""
    text = f"{score.answered} of {score.total} rated ({score.completeness:.0%})"
    aside = len(score.not_applying)
    if aside:
        verb = "doesn't" if aside == 1 else "don't"
        text += f"; {aside} {verb} apply"
    return text


def rank_text(score: ClinicScore, clinic_count: int) -> str:
    if score.rank is None:
        return "Not scored yet"
    return f"{ordinal(score.rank)} of {clinic_count}"


def ordinal(position: int) -> str:
    if 10 <= position % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(position % 10, "th")
    return f"{position}{suffix}"


def course_cost_text(cost: CostEstimate) -> str:
    """The estimated course cost and what the patient would pay, in one or two lines."""
    if cost.course_total is None:
        return "Not enough recorded"
    lines = [money(cost.course_total)]
    if cost.out_of_pocket is not None and not math.isclose(cost.out_of_pocket, cost.course_total):
        lines.append(f"you pay about {money(cost.out_of_pocket)}")
    elif cost.out_of_pocket is None:
        lines.append("your share: not known yet")
    return "\n".join(lines)


def red_flags_text(score: ClinicScore) -> str:
    count = len(score.red_flags)
    if count == 0:
        return "None recorded"
    return f"{WARNING} {count} red flag{'s' if count != 1 else ''}"


def set_progress_text(rated: int, total: int) -> str:
    return f"{rated} of {total}"
