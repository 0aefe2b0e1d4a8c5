"""One rounding rule and one wording for numbers (present/numbers.py, present/scores.py)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from ketachecklist.core.scoring import SetResult
from ketachecklist.present.numbers import money_text, ordinal, percent_text, plural, round_half_up
from ketachecklist.present.scores import (
    rank_text,
    red_flag_count_text,
    score_number_text,
    score_text,
    set_score_text,
)


def test_halves_round_up() -> None:
    assert [round_half_up(x) for x in (62.5, 63.5, 12.49, 0.5, 99.5)] == [63, 64, 12, 1, 100]
    assert score_text(62.5) == "63/100"
    assert score_number_text(62.5) == "63"
    assert score_text(None) == "No score yet"
    assert percent_text(1 / 8) == "13%"
    assert percent_text(3 / 8) == "38%"
    assert set_score_text(SetResult(62.5, 3, 6)) == "63/100 · 3 of 6 rated"


@given(st.integers(0, 10_000).map(lambda n: n / 100))
def test_scores_round_half_up_as_decimal_arithmetic_does(score: float) -> None:
    expected = Decimal(str(score)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert score_number_text(score) == str(expected)


@given(st.integers(1, 500), st.data())
def test_percentages_of_questions_rated_round_half_up(total: int, data: st.DataObject) -> None:
    rated = data.draw(st.integers(0, total))
    exact = Decimal(rated * 100) / Decimal(total)
    expected = exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert percent_text(rated / total) == f"{expected}%"


def test_money_cents_only_when_there_are_some() -> None:
    assert money_text(1234) == "$1,234"
    assert money_text(475.5) == "$475.50"
    assert money_text(0.005) == "$0.01"
    assert money_text(2600.0) == "$2,600"


def test_plurals_ordinals_ranks_and_flags() -> None:
    assert plural(1, "%n clinic", "%n clinics") == "1 clinic"
    assert plural(1000, "%n clinic", "%n clinics") == "1,000 clinics"
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 102, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "102nd", "111th",
    ]  # fmt: skip
    assert rank_text(1, 5, tied=True) == "1st of 5 (tied)"
    assert rank_text(None, 5, tied=False) == "Not scored yet"
    assert red_flag_count_text(0) == "None recorded"
    assert red_flag_count_text(1) == "⚠ 1 red flag"
    assert red_flag_count_text(2) == "⚠ 2 red flags"


def test_a_half_missed_by_float_noise_still_rounds_up() -> None:
    """57 of 200 is 28.5%, though 57 / 200 * 100 is 28.499999999999996 in binary floats."""
    assert 57 / 200 * 100 < 28.5
    assert percent_text(57 / 200) == "29%"
    assert score_number_text(0.285 * 100) == "29"
