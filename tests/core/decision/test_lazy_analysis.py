"""The lazy analysis gives exactly the facts the eager one did, whatever is asked first.

``eager_facts`` is ``analyse`` as it was before it became lazy: every fact computed in full
with the decision modules' own functions. The lazy analysis, asked for its verdict first (so
the bounded searches answer it) or for everything first, must agree with it bit for bit.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketachecklist.core.decision.analysis import (
    MAX_DECIDING_QUESTIONS,
    ClinicDecision,
    DecisionAnalysis,
    StaleAnalysisError,
    analyse,
)
from ketachecklist.core.decision.clinic_facts import cost_row, highlights, red_flag_coverage
from ketachecklist.core.decision.deal_breakers import deal_breaker_hits, marked_deal_breakers
from ketachecklist.core.decision.firmness import (
    Fragility,
    LeadReason,
    LeadVerdict,
    RatingStep,
    lead_verdict,
    one_step_changes,
)
from ketachecklist.core.decision.profiles import ProfileViews, profile_views
from ketachecklist.core.decision.ranges import (
    QuestionImpact,
    could_overtake,
    question_impacts,
    score_range,
)
from ketachecklist.core.decision.tally import ClinicTally
from ketachecklist.core.decision.weights import WeightTipping, weight_tipping
from ketachecklist.core.document import Comparison
from ketachecklist.core.scoring import score_comparison
from ketachecklist.present.decision import decision_text
from ketachecklist.present.presentation import Presentation
from tests.core.decision.builders import comparisons, make, rate


@dataclass(frozen=True)
class EagerFacts:
    clinics: tuple[ClinicDecision, ...]
    standing: tuple[str, ...]
    leader_id: str | None
    deciding_questions: tuple[QuestionImpact, ...]
    question_impacts: tuple[QuestionImpact, ...]
    weight_tipping: tuple[WeightTipping, ...]
    one_step_changes: tuple[RatingStep, ...]
    verdict: LeadVerdict
    profiles: ProfileViews


def eager_facts(comparison: Comparison) -> EagerFacts:
    scores = score_comparison(comparison)
    by_id = {s.clinic_id: s for s in scores.clinics}
    order = [c.id for c in comparison.clinics]
    marked = marked_deal_breakers(comparison)
    marked_set = frozenset(marked)
    tallies = {c: ClinicTally(comparison, by_id[c]) for c in order}
    hits = {c: deal_breaker_hits(comparison, by_id[c], marked) for c in order}
    running = [c for c in order if not hits[c]]
    standing = tuple(c for c in scores.ranking if c in running and by_id[c].overall is not None)
    leader = standing[0] if standing else None
    ranges = {c: score_range(tallies[c]) for c in order}
    open_marked = {
        c: tuple(q for q in tallies[c].open_questions() if q in marked_set) for c in order
    }
    position = {c: i for i, c in enumerate(order)}

    def overtakes(clinic_id: str) -> bool:
        if leader is None or clinic_id == leader or clinic_id not in running:
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
    overalls = {c: by_id[c].overall for c in order}
    deciding = tuple(i for i in impacts if i.changes_first_place)[:MAX_DECIDING_QUESTIONS]
    return EagerFacts(
        clinics=clinics,
        standing=standing,
        leader_id=leader,
        deciding_questions=deciding,
        question_impacts=tuple(impacts),
        weight_tipping=tuple(tipping),
        one_step_changes=tuple(steps),
        verdict=lead_verdict(overalls, running, leader, fragility),
        profiles=profile_views(comparison, by_id, running),
    )


def assert_same_facts(analysis: DecisionAnalysis, eager: EagerFacts) -> None:
    assert analysis.verdict == eager.verdict
    assert analysis.clinics == eager.clinics
    assert analysis.standing == eager.standing
    assert analysis.leader_id == eager.leader_id
    assert analysis.deciding_questions == eager.deciding_questions
    assert analysis.question_impacts == eager.question_impacts
    assert analysis.weight_tipping == eager.weight_tipping
    assert analysis.one_step_changes == eager.one_step_changes
    assert analysis.profiles == eager.profiles
    assert analysis.smallest_weight_change == (
        eager.weight_tipping[0] if eager.weight_tipping else None
    )
    assert analysis.ruled_out_ids == tuple(c.clinic_id for c in eager.clinics if c.ruled_out)
    assert analysis.overtaking_ids == tuple(c.clinic_id for c in eager.clinics if c.could_overtake)
    assert analysis.deciding_count == sum(
        1 for i in eager.question_impacts if i.changes_first_place
    )
    assert analysis.one_step_changes_first == bool(eager.one_step_changes)


@settings(max_examples=150, deadline=None)
@given(comparisons(2, 8))
def test_the_verdict_first_then_every_fact_is_the_eager_analysis(comparison: Comparison) -> None:
    eager = eager_facts(comparison)
    analysis = analyse(comparison)
    # the verdict's own facts first, answered by the bounded searches
    verdict = analysis.verdict
    bounded = (
        analysis.deciding_count,
        analysis.one_step_changes_first,
        analysis.smallest_weight_change,
    )
    assert verdict == eager.verdict
    assert_same_facts(analysis, eager)
    assert bounded == (
        analysis.deciding_count,
        analysis.one_step_changes_first,
        analysis.smallest_weight_change,
    )


@settings(max_examples=60, deadline=None)
@given(comparisons(2, 8))
def test_everything_first_then_the_verdict_is_the_eager_analysis(comparison: Comparison) -> None:
    eager = eager_facts(comparison)
    analysis = analyse(comparison)
    for fact in ("clinics", "question_impacts", "weight_tipping", "one_step_changes", "profiles"):
        getattr(analysis, fact)
    assert_same_facts(analysis, eager)


@settings(max_examples=60, deadline=None)
@given(comparisons(2, 8), st.booleans())
def test_the_verdict_alone_says_what_the_whole_decision_says(
    comparison: Comparison, decision_first: bool
) -> None:
    whole = decision_text(comparison, analyse(comparison)).verdict
    presentation = Presentation(comparison)
    if decision_first:
        presentation.decision  # noqa: B018 - the verdict then comes from the whole wording
    assert presentation.verdict == whole


def test_an_analysis_read_after_an_edit_says_it_is_stale() -> None:
    comparison = make("Harbor", "Lakeside")
    rate(comparison, "harbor", e1=5, a1=4)
    rate(comparison, "lakeside", e1=3)
    analysis = analyse(comparison)
    assert analysis.leader_id == "harbor"
    rate(comparison, "lakeside", a1=5)
    with pytest.raises(StaleAnalysisError):
        analysis.of("lakeside")


def test_a_clinic_a_whole_step_behind_still_counts_as_one_step_from_first() -> None:
    comparison = make("Lakeside", "Harbor")
    rate(comparison, "lakeside", e1=3)  # 50: one answer carries the whole score
    rate(comparison, "harbor", e1=4)  # 75
    analysis = analyse(comparison)
    assert analysis.leader_id == "harbor"
    assert LeadReason.ONE_STEP_CHANGES_FIRST in analysis.verdict.reasons  # the bounded search
    assert [(s.clinic_id, s.rating_to) for s in analysis.one_step_changes] == [
        ("harbor", 3),  # 50, level with Lakeside, which comes first in order
        ("lakeside", 4),  # 75, level with Harbor: Lakeside first in order
    ]
