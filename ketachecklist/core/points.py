"""The one rounding rule: a score is shown, ranked and compared in whole points, halves up.

62.5 is 63 on the grid, on paper and in the CSV, and two clinics shown at 63 are tied, not
first and second; a lead is the difference of the scores as shown. Scoring, the decision's
standing and the presentation all round here; ranks, standings and the verdict compare two
scores only through ``level`` and ``shown_lead``.
"""

from __future__ import annotations

import math

# Binary floats miss most decimal halves by a hair: 57 of 200 rated is 0.285, and 0.285 × 100 is
# 28.499999999999996. Rounded to this many places first, that noise goes and the half is a half.
_NOISE_PLACES = 9


def round_half_up(value: float) -> int:
    """62.5 → 63, 12.49 → 12: the rule every score, percentage and margin is shown with."""
    return math.floor(round(value, _NOISE_PLACES) + 0.5)


def shown_lead(higher: float, lower: float) -> int:
    """How far one score leads another as both are shown: 62.5 over 53.1 is 63 - 53 = 10."""
    return round_half_up(higher) - round_half_up(lower)


def level(one: float, other: float) -> bool:
    """Whether two clinics stand level: their scores are shown the same (62.6 and 63.4 both
    read 63), however far apart the unrounded scores are."""
    return shown_lead(one, other) == 0
