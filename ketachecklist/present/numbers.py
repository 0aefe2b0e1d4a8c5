"""Numbers in words: one rounding rule (half up: 62.5 → 63, 1 of 8 → 13%), money, plurals."""

from __future__ import annotations

from ketachecklist.core.points import round_half_up
from ketachecklist.present.text import tr

__all__ = [
    "money_text",
    "number_text",
    "ordinal",
    "percent_text",
    "plural",
    "round_half_up",
    "whole_text",
]  # round_half_up: the core's one rule


def whole_text(value: float) -> str:
    return f"{round_half_up(value):,}"


def percent_text(fraction: float) -> str:
    """1 of 8 → '13%'."""
    return f"{round_half_up(fraction * 100)}%"


def money_text(amount: float) -> str:
    """'$1,234' or '$475.50': cents only when there are some."""
    cents = round_half_up(amount * 100)
    if cents % 100 == 0:
        return f"${cents // 100:,}"
    return f"${cents / 100:,.2f}"


def number_text(value: float) -> str:
    """2, 1.5, 0.25: no trailing zeros (weights, insurance shares)."""
    return f"{value:g}"


def plural(count: int, one: str, many: str) -> str:
    """'1 clinic', '3 clinics', '1,000 clinics': ``one`` or ``many`` with the count (grouped) for
    %n. The caller translates both, written out (``tr("%n clinic")``, ``tr("%n clinics")``), so
    lupdate reads them; Qt's own %n form would print 1000 where English wants 1,000."""
    return (one if count == 1 else many).replace("%n", f"{count:,}")


def ordinal(position: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    last = position % 10
    if 10 <= position % 100 <= 20 or last not in (1, 2, 3):
        text = tr("{n}th")
    elif last == 1:
        text = tr("{n}st")
    elif last == 2:
        text = tr("{n}nd")
    else:
        text = tr("{n}rd")
    return text.format(n=position)
