"""The one tie rule (core/points.py): clinics shown at the same score are level, and a lead is
the difference of the shown scores. Scoring's ranks and margin, the standings and the verdict all
read ``level`` and ``shown_lead``, so a property broken here breaks all three the same way."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from ketachecklist.core.points import level, shown_lead

# Scores as scoring makes them: 0 to 100, halves and near-halves included.
scores = st.one_of(
    st.floats(0, 100, allow_nan=False),
    st.integers(0, 200).map(lambda n: n / 2),
    st.integers(0, 10_000).map(lambda n: n / 100),
)


def _shown(score: float) -> int:
    return int(Decimal(str(score)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def test_worked_examples() -> None:
    assert level(62.6, 63.4)  # both read 63
    assert level(62.5, 63.4)
    assert not level(62.4, 62.5)  # 62 against 63, a tenth apart
    assert shown_lead(62.5, 53.1) == 10  # 63 - 53, not 9.4
    assert shown_lead(62.5, 56.25) == 7  # 63 - 56
    assert shown_lead(63.4, 62.6) == 0


@given(scores, scores)
def test_the_lead_is_the_difference_of_the_shown_scores(one: float, other: float) -> None:
    assert shown_lead(one, other) == _shown(one) - _shown(other)
    assert shown_lead(other, one) == -shown_lead(one, other)
    assert level(one, other) == (_shown(one) == _shown(other)) == level(other, one)


@given(scores, scores, scores)
def test_leads_add_up_and_level_is_an_equivalence(a: float, b: float, c: float) -> None:
    # A lead over the third is the two leads added: what a list of places shows adds up.
    assert shown_lead(a, b) + shown_lead(b, c) == shown_lead(a, c)
    assert level(a, a)
    # Level clinics share a place, so a tie must be transitive (unrounded closeness is not).
    if level(a, b) and level(b, c):
        assert level(a, c)


@given(scores, scores)
def test_a_shown_lead_is_within_a_point_of_the_real_one(one: float, other: float) -> None:
    assert abs(shown_lead(one, other) - (one - other)) < 1
    if one >= other:
        assert shown_lead(one, other) >= 0  # rounding never turns a lead around
