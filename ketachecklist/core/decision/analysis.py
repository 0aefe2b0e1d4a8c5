"""``analyse``: every decision-support fact about a comparison, computed once per revision."""

from __future__ import annotations

from dataclasses import dataclass

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
    Fragility,
    LeadVerdict,
    RatingStep,
    lead_verdict,
    one_step_changes,
)
from ketachecklist.core.decision.profiles import ProfileViews, profile_views
from ketachecklist.core.decision.ranges import (
    QuestionImpact,
    ScoreRange,
    could_overtake,
    question_impacts,
    score_range,
)
from ketachecklist.core.decision.tally import ClinicTally
from ketachecklist.core.decision.weights import WeightTipping, weight_tipping
from ketachecklist.core.document import Comparison
from ketachecklist.core.scoring import ComparisonScores, score_comparison

MAX_DECIDING_QUESTIONS = 5


@dataclass(frozen=True)
class ClinicDecision:
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


@dataclass(frozen=True)
class DecisionAnalysis:
    scores: ComparisonScores
    deal_breakers: tuple[str, ...]  # the marked questions, in display order
    clinics: tuple[ClinicDecision, ...]  # document order
    standing: tuple[str, ...]  # scored clinics still in the running, best first
    leader_id: str | None  # first of ``standing``
    deciding_questions: tuple[QuestionImpact, ...]  # open questions that could change first place
    question_impacts: tuple[QuestionImpact, ...]  # every open question that moves the gap
    weight_tipping: tuple[WeightTipping, ...]  # smallest change first
    one_step_changes: tuple[RatingStep, ...]
    verdict: LeadVerdict
    profiles: ProfileViews

    def of(self, clinic_id: str) -> ClinicDecision:
        return next(c for c in self.clinics if c.clinic_id == clinic_id)

    @property
    def smallest_weight_change(self) -> WeightTipping | None:
        return self.weight_tipping[0] if self.weight_tipping else None


def analyse(comparison: Comparison, scores: ComparisonScores | None = None) -> DecisionAnalysis:
    """Pass ``scores`` when the caller already has this revision's ``score_comparison``."""
    scores = score_comparison(comparison) if scores is None else scores
    by_id = {s.clinic_id: s for s in scores.clinics}
    order = [c.id for c in comparison.clinics]
    marked = marked_deal_breakers(comparison)
    marked_set = frozenset(marked)
    tallies = {c: ClinicTally(comparison, by_id[c]) for c in order}
    hits = {c: deal_breaker_hits(comparison, by_id[c], marked) for c in order}
    running = [c for c in order if not hits[c]]
    in_running = set(running)
    standing = tuple(c for c in scores.ranking if c in in_running and by_id[c].overall is not None)
    leader = standing[0] if standing else None
    ranges = {c: score_range(tallies[c]) for c in order}
    open_marked = {
        c: tuple(q for q in tallies[c].open_questions() if q in marked_set) for c in order
    }
    position = {c: i for i, c in enumerate(order)}

    def overtakes(clinic_id: str) -> bool:
        if leader is None or clinic_id == leader or clinic_id not in in_running:
            return False
        first = position[clinic_id] < position[leader]
        return could_overtake(ranges[clinic_id], ranges[leader], first)

    impacts: list[QuestionImpact] = []
    tipping: list[WeightTipping] = []
    steps: list[RatingStep] = []
    if leader is not None:
        impacts = question_impacts(tallies, leader, running, marked_set)
        set_ids = [s.id for s in comparison.catalogue.sets]
        weights = [comparison.set_weight(s) for s in set_ids]
        tipping = weight_tipping(by_id, set_ids, weights, running, leader)
        steps = one_step_changes(tallies, hits, order, leader, marked_set)
    fragility = Fragility(
        could_overtake=any(overtakes(c) for c in running),
        leader_could_be_ruled_out=leader is not None and bool(open_marked[leader]),
        one_step_changes=bool(steps),
        smallest_weight_factor=tipping[0].factor if tipping else None,
        leader_mostly_unrated=leader is not None
        and 2 * by_id[leader].answered < by_id[leader].total,
    )
    overalls = {c: by_id[c].overall for c in order}
    clinics = tuple(
        ClinicDecision(
            c,
            ranges[c],
            hits[c],
            open_marked[c],
            overtakes(c),
            red_flag_coverage(comparison, by_id[c]),
            highlights(by_id[c], tallies[c], hits[c]),
            cost_row(comparison, by_id[c]),
        )
        for c in order
    )
    return DecisionAnalysis(
        scores=scores,
        deal_breakers=tuple(marked),
        clinics=clinics,
        standing=standing,
        leader_id=leader,
        deciding_questions=tuple(i for i in impacts if i.changes_first_place)[
            :MAX_DECIDING_QUESTIONS
        ],
        question_impacts=tuple(impacts),
        weight_tipping=tuple(tipping),
        one_step_changes=tuple(steps),
        verdict=lead_verdict(overalls, running, leader, fragility),
        profiles=profile_views(comparison, by_id, running),
    )
