"""Everyone's view: weights as percentages, preset profiles, and who leads under each profile.

Percentages are each exact share rounded half up, on its own: sets weighed the same always show
the same percentage (three sets at 1 beside one at 3 read 17, 17, 17 and 50), each is within half
a point of its share, and a larger weight never shows less. They add up to about 100, not always
exactly (here 101); the wording says they are rounded. An earlier rule that forced the sum to 100
showed equal weights as 17, 17 and 16, which reads as if one set counted less.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum

from ketachecklist.core.decision.weights import leader_under
from ketachecklist.core.document import Comparison
from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.core.scoring import ClinicScore


class Preset(Enum):
    EQUAL = "equal"
    SAFETY_FIRST = "safety_first"
    COST_MATTERS_MOST = "cost_matters_most"


# Set weights per preset; a set not named weighs 1. Safety first doubles the sets where the
# sources put safety: the evaluation (conditions that interfere, substance use) and
# administration and monitoring (vital signs, emergency readiness).
_PRESET_WEIGHTS: dict[Preset, dict[str, float]] = {
    Preset.EQUAL: {},
    Preset.SAFETY_FIRST: {"evaluation": 2.0, "administration": 2.0},
    Preset.COST_MATTERS_MOST: {"cost": 3.0},
}


def preset_weights(preset: Preset, set_ids: Sequence[str]) -> dict[str, float]:
    """Every set's weight under a preset (what ``replace_set_weights`` takes)."""
    named = _PRESET_WEIGHTS[preset]
    return {set_id: named.get(set_id, 1.0) for set_id in set_ids}


def percentages(weights: Sequence[float]) -> list[int]:
    """Whole percentages of each weight in the total, each rounded half up on its own (all 0
    when no weight is above 0: nothing counts)."""
    # Exact, in whole numbers (``fractions`` costs every export ~3 ms to import): each float is
    # n / 2**k, so over the largest denominator every weight is a whole count of one unit, and
    # floor(w * 100 / total + 1/2) is (200 w + total) // (2 total) in those units.
    ratios = [float(w).as_integer_ratio() for w in weights]
    unit = max((d for _, d in ratios), default=1)
    exact = [n * (unit // d) for n, d in ratios]
    total = sum(exact)
    if total <= 0:
        return [0] * len(exact)
    return [(200 * w + total) // (2 * total) for w in exact]


def set_percentages(set_ids: Sequence[str], weights: Mapping[str, float]) -> dict[str, int]:
    """Each set's percentage; a set missing from ``weights`` weighs 1, as in the document."""
    return dict(zip(set_ids, percentages([weights.get(s, 1.0) for s in set_ids]), strict=True))


class ProfileView(FrozenRecord):
    name: str  # the profile's name; '' for the unnamed weights in force; the preset's value
    preset: Preset | None
    active: bool  # these are the weights in force
    percentages: dict[str, int]
    leader_id: str | None


class ProfileViews(FrozenRecord):
    people: tuple[ProfileView, ...]  # the weights in force first, then the other saved profiles
    presets: tuple[ProfileView, ...]

    @property
    def leaders(self) -> tuple[str, ...]:
        """The distinct clinics that lead under the people's profiles, in profile order."""
        return tuple(dict.fromkeys(v.leader_id for v in self.people if v.leader_id is not None))

    @property
    def agree(self) -> bool:
        return len(self.leaders) <= 1


def profile_views(
    comparison: Comparison, scores: Mapping[str, ClinicScore], running: Sequence[str]
) -> ProfileViews:
    """Who leads under each profile: set scores do not depend on set weights, so each view is
    scoring's final step (``weighted_mean`` of the set scores) under that profile's weights."""
    set_ids = [s.id for s in comparison.catalogue.sets]

    def view(
        name: str, preset: Preset | None, active: bool, weights: Mapping[str, float]
    ) -> ProfileView:
        in_order = [weights.get(s, 1.0) for s in set_ids]
        leader = leader_under(scores, set_ids, in_order, running)
        return ProfileView(name, preset, active, set_percentages(set_ids, weights), leader)

    people = [view(comparison.active_profile or "", None, True, comparison.set_weights)]
    people.extend(
        view(p.name, None, False, p.set_weights)
        for p in comparison.weight_profiles
        if p.name != comparison.active_profile
    )
    presets = [
        view(preset.value, preset, False, preset_weights(preset, set_ids)) for preset in Preset
    ]
    return ProfileViews(tuple(people), tuple(presets))
