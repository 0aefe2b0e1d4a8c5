"""The one rounding rule: a score is shown, ranked and compared in whole points, halves up.

62.5 is 63 on the grid, on paper and in the CSV, and two clinics shown at 63 are tied, not
first and second; a lead is the difference of the scores as shown. Scoring, the decision's
standing and the presentation all round here.
"""

from __future__ import annotations

import math


def round_half_up(value: float) -> int:
    """62.5 → 63, 12.49 → 12: the rule every score, percentage and margin is shown with."""
    return math.floor(value + 0.5)
