"""``analyse``: every decision-support fact about a comparison, each computed when first asked.

The grid shows the verdict after every edit, the Decision tab and the report everything, so
``DecisionAnalysis`` works each fact out on first use and keeps it (one analysis per revision:
``Presentation`` makes a new one after an edit). What the verdict needs is bounded: "could an
open question change first place?" stops at the first clinic that passes the leader, "does a
one-step move?" at the first move, and the weight search only looks up to twice or half as
much. Every fact is the one the full computation gives, bit for bit
(tests/core/decision/test_lazy_analysis.py compares them on generated comparisons).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property

from ketachecklist.core.decision.clinic_facts import (
    CostRow,
    Highlights,
    RedFlagCoverage,
    cost_row,
    highlights,
    red_flag_coverage,
)
from ketachecklist.core.decision.deal_breakers import (
    DealBreakerHit,
    deal_breaker_hits,
    marked_deal_breakers,
)
from ketachecklist.core.decision.firmness import (
    FIRM_WEIGHT_FACTOR,
    Fragility,
    LeadVerdict,
    RatingStep,
    iter_one_step_changes,
    lead_verdict,
)
from ketachecklist.core.decision.profiles import ProfileViews, profile_views
from ketachecklist.core.decision.ranges import (
    BEST_RATING,
    WORST_RATING,
    QuestionImpact,
    ScoreRange,
    best_beats_worst,
    completed,
    deciding_question_ids,
    question_impacts,
)
from ketachecklist.core.decision.tally import ClinicTally, TallyLayout, tally_layout
from ketachecklist.core.decision.weights import WeightTipping, weight_tipping
from ketachecklist.core.document import Comparison
from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.core.scoring import ClinicScore, ComparisonScores, score_comparison

MAX_DECIDING_QUESTIONS = 5


class ClinicDecision(FrozenRecord):
    clinic_id: str
    score_range: ScoreRange
    ruled_out_by: tuple[DealBreakerHit, ...]  # empty: still in the running
    open_deal_breakers: tuple[str, ...]  # deal-breakers not rated yet (a 1 or 2 would rule out)
    could_overtake: bool  # its best can beat the leader's worst (never for the leader itself)
    red_flags: RedFlagCoverage
    highlights: Highlights
    costs: CostRow

    @property
    def ruled_out(self) -> bool:
        return bool(self.ruled_out_by)


class StaleAnalysisError(RuntimeError):
    """A fact of an analysis asked for after its comparison was edited."""


class Tallies(dict[str, ClinicTally]):
    """Each clinic's tally, made the first time it is looked up, or kept from the analysis of
    the revision before when it is the tally this revision would make (an edit changes one
    clinic's). It holds no analysis: an analysis dropped after an edit is freed at once, not
    left for the cyclic garbage collector."""

    def __init__(
        self,
        comparison: Comparison,
        by_id: Mapping[str, ClinicScore],
        earlier: Tallies | None = None,
    ) -> None:
        super().__init__()
        self._comparison = comparison
        self._revision = comparison.revision
        self._by_id = by_id
        self._earlier: dict[str, ClinicTally] = {} if earlier is None else dict(earlier)
        self._earlier_layout = None if earlier is None else earlier.__dict__.get("layout")

    @cached_property
    def layout(self) -> TallyLayout:
        layout = tally_layout(self._comparison)
        earlier = self._earlier_layout
        return earlier if earlier is not None and earlier == layout else layout

    def __missing__(self, clinic_id: str) -> ClinicTally:
        if self._comparison.revision != self._revision:
            raise StaleAnalysisError(
                f"tallies of revision {self._revision} read at revision {self._comparison.revision}"
            )
        score = self._by_id[clinic_id]
        kept = self._earlier.pop(clinic_id, None)
        if kept is not None and kept.made_from(score, self.layout):
            tally = kept
        else:
            tally = ClinicTally(self._comparison, score, self.layout)
        self[clinic_id] = tally
        return tally


class DecisionAnalysis:
    """The decision facts of one revision of a comparison; each computed on first use."""

    def __init__(
        self,
        comparison: Comparison,
        scores: ComparisonScores,
        earlier_tallies: Tallies | None = None,
    ) -> None:
        self.scores = scores
        self._comparison = comparison
        self._revision = comparison.revision
        self._by_id: dict[str, ClinicScore] = {s.clinic_id: s for s in scores.clinics}
        self._order = [c.id for c in comparison.clinics]
        self._position = {c: i for i, c in enumerate(self._order)}
        self._overalls = {c: self._by_id[c].overall for c in self._order}
        marked = marked_deal_breakers(comparison)
        self.deal_breakers: tuple[str, ...] = tuple(marked)  # the marked questions, display order
        self._marked = frozenset(marked)
        self._hits = {c: deal_breaker_hits(comparison, self._by_id[c], marked) for c in self._order}
        self._running = [c for c in self._order if not self._hits[c]]
        self._in_running = frozenset(self._running)
        # scored clinics still in the running, best first; the leader is the first of them
        self.standing: tuple[str, ...] = tuple(
            c
            for c in scores.ranking
            if c in self._in_running and self._by_id[c].overall is not None
        )
        self.leader_id: str | None = self.standing[0] if self.standing else None
        self.tallies = Tallies(comparison, self._by_id, earlier_tallies)
        self._ranges: dict[str, ScoreRange] = {}
        self._completions: dict[tuple[str, int], float | None] = {}
        self._decisions: dict[str, ClinicDecision] = {}

    # --- what the verdict reads -----------------------------------------------------------------
    @cached_property
    def verdict(self) -> LeadVerdict:
        leader = self.leader_id
        fragility = Fragility(
            could_overtake=any(self.could_overtake(c) for c in self._running),
            leader_could_be_ruled_out=leader is not None and bool(self.open_deal_breakers(leader)),
            one_step_changes=self.one_step_changes_first,
            smallest_weight_factor=None if self.firm_tipping is None else self.firm_tipping.factor,
            leader_mostly_unrated=leader is not None
            and 2 * self._by_id[leader].answered < self._by_id[leader].total,
        )
        return lead_verdict(self._overalls, self._running, leader, fragility)

    @property
    def running_ids(self) -> tuple[str, ...]:
        """Clinics not ruled out by a deal-breaker, document order."""
        return tuple(self._running)

    @cached_property
    def ruled_out_ids(self) -> tuple[str, ...]:
        """Clinics ruled out by a deal-breaker, document order."""
        return tuple(c for c in self._order if self._hits[c])

    @cached_property
    def overtaking_ids(self) -> tuple[str, ...]:
        """Clinics in the running whose best could beat the leader's worst, document order."""
        return tuple(c for c in self._order if self.could_overtake(c))

    @cached_property
    def deciding_count(self) -> int:
        """How many open questions could change first place (the deciding ones, uncapped)."""
        if "question_impacts" in self.__dict__:
            return sum(1 for i in self.question_impacts if i.changes_first_place)
        if self.leader_id is None:
            return 0
        highest = {c: self.highest(c) for c in self._running}
        return sum(
            1
            for _ in deciding_question_ids(
                self.tallies, self.leader_id, self._running, self._marked, highest
            )
        )

    @cached_property
    def one_step_changes_first(self) -> bool:
        """Whether moving any one rating by one step would change first place."""
        if "one_step_changes" in self.__dict__:
            return bool(self.one_step_changes)
        if self.leader_id is None:
            return False
        steps = iter_one_step_changes(
            self.tallies, self._overalls, self._hits, self._order, self.leader_id, self._marked
        )
        return next(steps, None) is not None

    @cached_property
    def firm_tipping(self) -> WeightTipping | None:
        """The smallest weight change that puts another clinic first, if it is at most
        FIRM_WEIGHT_FACTOR (twice or half as much); None otherwise."""
        if "weight_tipping" in self.__dict__:
            smallest = self.smallest_weight_change
            return smallest if smallest and smallest.factor <= FIRM_WEIGHT_FACTOR else None
        found = self._weight_tipping(FIRM_WEIGHT_FACTOR)
        return found[0] if found else None

    @property
    def smallest_weight_change(self) -> WeightTipping | None:
        if "weight_tipping" not in self.__dict__ and self.firm_tipping is not None:
            return self.firm_tipping  # the full list's first: the bounded search keeps its order
        return self.weight_tipping[0] if self.weight_tipping else None

    def open_deal_breakers(self, clinic_id: str) -> tuple[str, ...]:
        """The clinic's deal-breakers not rated yet (a 1 or 2 would rule it out)."""
        if not self._marked:
            return ()
        return tuple(q for q in self.tallies[clinic_id].open_questions() if q in self._marked)

    def could_overtake(self, clinic_id: str) -> bool:
        """Whether its best can beat the leader's worst (never for the leader itself)."""
        leader = self.leader_id
        if leader is None or clinic_id == leader or clinic_id not in self._in_running:
            return False
        first = self._position[clinic_id] < self._position[leader]
        return best_beats_worst(self.highest(clinic_id), self._lowest(leader), first)

    def highest(self, clinic_id: str) -> float | None:
        """The clinic's best completion (``score_range(…).highest``), without the worst."""
        return self._completed(clinic_id, BEST_RATING)

    def _lowest(self, clinic_id: str) -> float | None:
        return self._completed(clinic_id, WORST_RATING)

    def _completed(self, clinic_id: str, rating: int) -> float | None:
        key = (clinic_id, rating)
        if key not in self._completions:
            self._completions[key] = completed(self.tallies[clinic_id], rating)
        return self._completions[key]

    def score_range(self, clinic_id: str) -> ScoreRange:
        found = self._ranges.get(clinic_id)
        if found is None:
            tally = self.tallies[clinic_id]
            found = self._ranges[clinic_id] = ScoreRange(  # score_range's, ends kept
                clinic_id,
                tally.overall,
                self._lowest(clinic_id),
                self.highest(clinic_id),
                len(tally.open_questions()),
            )
        return found

    # --- everything else ------------------------------------------------------------------------
    def of(self, clinic_id: str) -> ClinicDecision:
        decision = self._decisions.get(clinic_id)
        if decision is None:
            if clinic_id not in self._position:
                raise KeyError(clinic_id)
            decision = self._decisions[clinic_id] = self._decision(clinic_id)
        return decision

    @cached_property
    def clinics(self) -> tuple[ClinicDecision, ...]:
        """Every clinic's facts, document order."""
        return tuple(self.of(c) for c in self._order)

    @cached_property
    def question_impacts(self) -> tuple[QuestionImpact, ...]:
        """Every open question that moves the gap, those that could change first place first."""
        if self.leader_id is None:
            return ()
        return tuple(question_impacts(self.tallies, self.leader_id, self._running, self._marked))

    @cached_property
    def deciding_questions(self) -> tuple[QuestionImpact, ...]:
        """The open questions that could change first place, the most telling first."""
        deciding = (i for i in self.question_impacts if i.changes_first_place)
        return tuple(deciding)[:MAX_DECIDING_QUESTIONS]

    @cached_property
    def weight_tipping(self) -> tuple[WeightTipping, ...]:
        """For each set and direction, the smallest weight change that changes first place,
        smallest first."""
        return tuple(self._weight_tipping())

    @cached_property
    def one_step_changes(self) -> tuple[RatingStep, ...]:
        if self.leader_id is None:
            return ()
        return tuple(
            iter_one_step_changes(
                self.tallies, self._overalls, self._hits, self._order, self.leader_id, self._marked
            )
        )

    @cached_property
    def profiles(self) -> ProfileViews:
        return profile_views(self._current(), self._by_id, self._running)

    # --- the parts ------------------------------------------------------------------------------
    def _weight_tipping(self, max_factor: float | None = None) -> list[WeightTipping]:
        if self.leader_id is None:
            return []
        comparison = self._current()
        set_ids = [s.id for s in comparison.catalogue.sets]
        weights = [comparison.set_weight(s) for s in set_ids]
        if max_factor is None:
            return weight_tipping(self._by_id, set_ids, weights, self._running, self.leader_id)
        return weight_tipping(
            self._by_id, set_ids, weights, self._running, self.leader_id, max_factor
        )

    def _decision(self, clinic_id: str) -> ClinicDecision:
        comparison = self._current()
        score = self._by_id[clinic_id]
        hits = self._hits[clinic_id]
        return ClinicDecision(
            clinic_id,
            self.score_range(clinic_id),
            hits,
            self.open_deal_breakers(clinic_id),
            self.could_overtake(clinic_id),
            red_flag_coverage(comparison, score),
            highlights(score, self.tallies[clinic_id], hits),
            cost_row(comparison, score),
        )

    def _current(self) -> Comparison:
        """The comparison, as long as it is still the revision this analysis is of."""
        if self._comparison.revision != self._revision:
            raise StaleAnalysisError(
                f"analysis of revision {self._revision} read at revision "
                f"{self._comparison.revision}"
            )
        return self._comparison


def analyse(
    comparison: Comparison,
    scores: ComparisonScores | None = None,
    earlier_tallies: Tallies | None = None,
) -> DecisionAnalysis:
    """Pass ``scores`` when the caller already has this revision's ``score_comparison``, and
    ``earlier_tallies`` (an earlier analysis's ``tallies``) to keep those that still hold."""
    scores = score_comparison(comparison) if scores is None else scores
    return DecisionAnalysis(comparison, scores, earlier_tallies)
