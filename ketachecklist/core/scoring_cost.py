"""A clinic's course cost worked out from its answers: the quoted course price, or the price per
session times the sessions recommended, plus other fees; and what the patient would pay once
insurance is taken off (all of it when the cover is not known yet). ``scoring.estimate_cost``
finds the answers; this module only does the sums."""

from __future__ import annotations

from collections.abc import Callable

from ketachecklist.core.catalogue import QuestionRole
from ketachecklist.core.document import CostDetails, Coverage
from ketachecklist.core.scoring_types import CostEstimate


def cost_from_answers(value_of: Callable[[QuestionRole], object]) -> CostEstimate:
    """The estimate from the values of the cost questions (``value_of`` gives None for a
    question missing, not answered or not counting for the clinic)."""
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
