"""Score ranges, who could overtake the leader, and the open questions that matter most."""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketachecklist.core.decision.analysis import analyse
from ketachecklist.core.decision.ranges import set_ranges
from ketachecklist.core.decision.tally import ClinicTally
from ketachecklist.core.document import Comparison
from ketachecklist.core.scoring import score_comparison
from tests.core.decision.builders import CATALOGUE, comparisons, leader_as_scored, make, rate


@settings(max_examples=80, deadline=None)
@given(comparisons(1, 3), st.data())
def test_any_answers_to_the_open_questions_land_inside_the_range(
    comparison: Comparison, data: st.DataObject
) -> None:
    analysis = analyse(comparison)
    finished = copy.deepcopy(comparison)
    for decision in analysis.clinics:
        for question in comparison.questions():
            answer = comparison.answer(decision.clinic_id, question.id)
            if answer.rating is None:
                rating = data.draw(st.integers(1, 5))
                finished.set_answer(decision.clinic_id, question.id, replace(answer, rating=rating))
    final = score_comparison(finished)
    for decision in analysis.clinics:
        low, high = decision.score_range.lowest, decision.score_range.highest
        overall = final.of(decision.clinic_id).overall
        if overall is None:
            assert low is None
            assert high is None
            continue
        assert low is not None
        assert high is not None
        assert low - 1e-9 <= overall <= high + 1e-9
        current = decision.score_range.current
        if current is not None:
            assert low - 1e-9 <= current <= high + 1e-9


def test_hand_worked_range_and_who_could_overtake() -> None:
    comparison = make("Harbor", "Lakeside", "Summit")
    # Harbor: evaluation 100 (e1=5), nothing else rated: open e2, e3, a1..a3, c1, c2.
    rate(comparison, "harbor", e1=5)
    # Lakeside: everything rated 3 (50 points) but c2 -> its range is narrow.
    rate(comparison, "lakeside", e1=3, e2=3, e3=3, a1=3, a2=3, a3=3, c1=3)
    # Summit: everything rated 1: settled at 0.
    rate(comparison, "summit", e1=1, e2=1, e3=1, a1=1, a2=1, a3=1, c1=1, c2=1)
    analysis = analyse(comparison)
    harbor = analysis.of("harbor").score_range
    assert harbor.current == 100
    # worst: evaluation (100+0+0)/3, administration 0, cost 0 -> 33.33 / 3 sets = 11.11
    assert harbor.lowest == pytest.approx(100 / 9)
    assert harbor.highest == 100
    lakeside = analysis.of("lakeside").score_range
    assert (lakeside.lowest, lakeside.highest) == (pytest.approx(50 - 25 / 3), 50 + 25 / 3)
    summit = analysis.of("summit").score_range
    assert summit.settled
    assert summit.lowest == summit.highest == 0
    assert analysis.leader_id == "harbor"
    assert analysis.of("lakeside").could_overtake  # 58.3 > 11.1
    assert not analysis.of("summit").could_overtake  # 0 can never beat 11.1
    assert not analysis.of("harbor").could_overtake


def test_the_questions_that_matter_are_those_that_could_change_first_place() -> None:
    comparison = make("Harbor", "Lakeside")
    rate(comparison, "harbor", e1=5, e2=5, e3=5, a1=4, a2=4, c1=4, c2=4)  # a3 open
    rate(comparison, "lakeside", e1=5, e2=5, e3=5, a1=4, a2=4, a3=5, c1=3)  # c2 open
    comparison.set_question_weight("a3", 4.0)
    analysis = analyse(comparison)
    assert analysis.leader_id == "harbor"
    impacts = {i.question_id: i for i in analysis.question_impacts}
    assert set(impacts) == {"a3", "c2"}
    # a3 rated 1 for Harbor drops its administration score from 75 to 25 (weight 4 of 6).
    assert impacts["a3"].changes_first_place
    assert analysis.deciding_questions[0].question_id == "a3"
    for impact in analysis.question_impacts:
        edited = copy.deepcopy(comparison)
        lead_open = comparison.answer("harbor", impact.question_id).rating is None
        rate(
            edited,
            "harbor" if lead_open else "lakeside",
            **{impact.question_id: 1 if lead_open else 5},
        )
        assert (leader_as_scored(edited) != "harbor") == impact.changes_first_place


@settings(max_examples=80, deadline=None)
@given(comparisons(1, 3), st.data())
def test_any_answers_to_the_open_questions_land_inside_each_set_range(
    comparison: Comparison, data: st.DataObject
) -> None:
    scores = score_comparison(comparison)
    ranges = {
        c.id: set_ranges(ClinicTally(comparison, scores.of(c.id))) for c in comparison.clinics
    }
    finished = copy.deepcopy(comparison)
    for clinic in comparison.clinics:
        for question in comparison.questions():
            answer = comparison.answer(clinic.id, question.id)
            if answer.rating is None:
                rating = data.draw(st.integers(1, 5))
                finished.set_answer(clinic.id, question.id, replace(answer, rating=rating))
    final = score_comparison(finished)
    for clinic in comparison.clinics:
        assert [r.set_id for r in ranges[clinic.id]] == [s.id for s in CATALOGUE.sets]
        for set_range in ranges[clinic.id]:
            now = scores.of(clinic.id).set_scores.get(set_range.set_id)
            assert set_range.current == now
            after = final.of(clinic.id).set_scores.get(set_range.set_id)
            if after is None:
                assert set_range.lowest is None
                assert set_range.highest is None
                continue
            assert set_range.lowest is not None
            assert set_range.highest is not None
            assert set_range.lowest - 1e-9 <= after <= set_range.highest + 1e-9
            if now is not None:
                assert set_range.lowest - 1e-9 <= now <= set_range.highest + 1e-9
            if set_range.settled:
                assert set_range.lowest == set_range.highest == now


def test_hand_worked_set_ranges() -> None:
    comparison = make("Harbor")
    # Evaluation: e1=5 rated, e2 (weight 2) and e3 open; administration: all three open (a3
    # counts: Harbor's treatments are not recorded); cost: both rated 3.
    rate(comparison, "harbor", e1=5, c1=3, c2=3)
    comparison.set_question_weight("e2", 2.0)
    score = score_comparison(comparison).of("harbor")
    evaluation, administration, cost = set_ranges(ClinicTally(comparison, score))
    assert (evaluation.current, evaluation.open_questions) == (100, 2)
    # worst: (100×1 + 0×2 + 0×1) / 4 = 25; best: 100.
    assert (evaluation.lowest, evaluation.highest) == (25, 100)
    assert administration.current is None
    assert (administration.lowest, administration.highest, administration.open_questions) == (
        0,
        100,
        3,
    )
    assert cost.settled
    assert cost.current == cost.lowest == cost.highest == 50
