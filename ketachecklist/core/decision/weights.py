"""How firm the lead is against the weights: the smallest change of one set's weight that would
put another clinic first ("if Cost counted 1.8× as much, ... would lead").

Set scores do not depend on set weights, so with set k's weight multiplied by m every clinic's
overall score is the rational function O(m) = (A + m·a) / (B + m·b), where A and B sum the other
sets' weight × score and weight, a = w_k × score_k and b = w_k (both 0 when set k has no score).
First place can only change where the leader's curve meets another clinic's, at a root of
(A_L + m·a_L)(B_c + m·b_c) − (A_c + m·a_c)(B_L + m·b_L), a quadratic in m, or at m = 0, where a
set that is a clinic's only score leaves it unscored. The search is exact: every such point is
found in closed form, taken in order of closeness to m = 1, and the first one past which the
leader changes is the answer, checked just past it with scoring's own ``weighted_mean``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from enum import Enum

from ketachecklist.core.decision.standing import first_place
from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.core.limits import MAX_WEIGHT
from ketachecklist.core.scoring import ClinicScore, weighted_mean

PAST_THE_ROOT = 1e-9  # relative step from the crossing to a multiplier that has crossed
LEVEL = 1e-11  # relative difference below which two scores or multipliers count as level


class Direction(Enum):
    MORE = "more"  # the set counts more than now
    LESS = "less"


class WeightTipping(FrozenRecord):
    set_id: str
    direction: Direction
    threshold: float  # the multiplier at which the new leader draws level (0 = left out)
    multiplier: float  # the smallest multiplier, just past the threshold, that changes first place
    new_weight: float  # the set's weight times ``multiplier``: the edit that shows it
    new_leader_id: str | None

    @property
    def factor(self) -> float:
        """How big a change it is, either way: 2 for twice or half as much; inf for 'not at all'."""
        return _factor(self.multiplier)


def _factor(multiplier: float) -> float:
    if multiplier <= 0:
        return math.inf
    return max(multiplier, 1 / multiplier)


def overall_with_set_weights(
    score: ClinicScore, set_ids: Sequence[str], weights: Sequence[float]
) -> float | None:
    """A clinic's overall score under other set weights: scoring's own final step."""
    return weighted_mean(
        [
            (set_score, weight)
            for set_id, weight in zip(set_ids, weights, strict=True)
            if (set_score := score.set_scores.get(set_id)) is not None
        ]
    )


def weight_tipping(
    scores: Mapping[str, ClinicScore],
    set_ids: Sequence[str],
    set_weights: Sequence[float],
    running: Sequence[str],
    leader: str,
    max_factor: float = math.inf,
) -> list[WeightTipping]:
    """For each set and direction, the smallest multiplier of its weight that changes first
    place among the clinics in the running (document order), within the weight limit.

    With ``max_factor``, only the changes up to that factor: each search stops where its
    multipliers pass it, and the result is the full list's tippings of that factor or less."""
    race = _Race(scores, set_ids, set_weights, running, leader)
    found = []
    for index, weight in enumerate(set_weights):
        if weight <= 0:
            continue
        crossings = _crossings(race, index)
        limit = MAX_WEIGHT / weight
        for direction in Direction:
            tipping = _first_change(race, index, crossings, direction, limit, max_factor)
            if tipping is not None:
                found.append(tipping)
    found.sort(key=lambda t: t.factor)
    return found


def leader_under(
    scores: Mapping[str, ClinicScore],
    set_ids: Sequence[str],
    weights: Sequence[float],
    running: Sequence[str],
) -> str | None:
    overalls = {c: overall_with_set_weights(scores[c], set_ids, weights) for c in running}
    return first_place(overalls, running, frozenset())


def _coefficients(
    score: ClinicScore, set_ids: Sequence[str], weights: Sequence[float], index: int
) -> tuple[float, float, float, float]:
    rest_sum = rest_weight = 0.0
    for j, set_id in enumerate(set_ids):
        set_score = score.set_scores.get(set_id)
        if j != index and set_score is not None:
            rest_sum += weights[j] * set_score
            rest_weight += weights[j]
    own = score.set_scores.get(set_ids[index])
    if own is None:
        return rest_sum, rest_weight, 0.0, 0.0
    return rest_sum, rest_weight, weights[index] * own, weights[index]


class _Race(FrozenRecord):
    """What every step of the search looks at: the clinics in the running, their scores, the
    set weights in force and the clinic that leads under them."""

    scores: Mapping[str, ClinicScore]
    set_ids: Sequence[str]
    weights: Sequence[float]
    running: Sequence[str]
    leader: str


def _crossings(race: _Race, index: int) -> list[float]:
    """Every positive multiplier where another clinic's curve meets the leader's, plus 0 and 1
    (1 when a clinic is level with the leader now: any change may decide the tie)."""
    leader = race.scores[race.leader]
    a_l, b_l, c_l, d_l = _coefficients(leader, race.set_ids, race.weights, index)
    points = {0.0}
    for clinic_id in race.running:
        score = race.scores[clinic_id]
        if clinic_id == race.leader or score.overall is None:
            continue
        if _level(score.overall, leader.overall):
            points.add(1.0)
        a_c, b_c, c_c, d_c = _coefficients(score, race.set_ids, race.weights, index)
        quadratic = c_l * d_c - c_c * d_l
        linear = a_l * d_c + c_l * b_c - a_c * d_l - c_c * b_l
        constant = a_l * b_c - a_c * b_l
        for root in _roots(quadratic, linear, constant):
            if root > 0:
                points.add(1.0 if _level(root, 1.0) else root)
    return sorted(points)


def _level(a: float, b: float | None) -> bool:
    """Equal but for rounding: the same sums added in another order differ in the last bits."""
    return b is not None and abs(a - b) <= LEVEL * max(1.0, abs(b))


def _roots(a: float, b: float, c: float) -> list[float]:
    """Real roots of a·m² + b·m + c, computed the numerically stable way."""
    scale = max(abs(a), abs(b), abs(c))
    if scale == 0:
        return []  # the curves coincide: weights never separate them
    a, b, c = a / scale, b / scale, c / scale
    if abs(a) < 1e-15:
        return [] if abs(b) < 1e-15 else [-c / b]
    discriminant = b * b - 4 * a * c
    if discriminant < 0:
        return []
    q = -0.5 * (b + math.copysign(math.sqrt(discriminant), b))
    roots = [q / a]
    if q != 0:
        roots.append(c / q)
    return roots


def _first_change(
    race: _Race,
    index: int,
    crossings: list[float],
    direction: Direction,
    limit: float,
    max_factor: float,
) -> WeightTipping | None:
    weights = race.weights
    if direction is Direction.MORE:
        candidates = [m for m in crossings if 1.0 <= m <= limit]
    else:
        candidates = sorted((m for m in crossings if m <= 1.0), reverse=True)
    for threshold in candidates:
        if threshold == 0:
            multiplier = 0.0
        elif direction is Direction.MORE:
            multiplier = threshold * (1 + PAST_THE_ROOT)
        else:
            multiplier = threshold * (1 - PAST_THE_ROOT)
        if _factor(multiplier) > max_factor:
            return None  # the candidates only grow further from 1
        if multiplier * weights[index] > MAX_WEIGHT:
            continue
        changed = list(weights)
        changed[index] = weights[index] * multiplier
        new_leader = leader_under(race.scores, race.set_ids, changed, race.running)
        if new_leader != race.leader:
            return WeightTipping(
                race.set_ids[index], direction, threshold, multiplier, changed[index], new_leader
            )
    return None
