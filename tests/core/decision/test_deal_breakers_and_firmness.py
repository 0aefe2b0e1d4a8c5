"""Deal-breakers rule a clinic out whatever its total; one-step moves; the verdict as data."""

from __future__ import annotations

import copy
from dataclasses import replace

from hypothesis import given, settings

from ketachecklist.core.decision.analysis import analyse
from ketachecklist.core.decision.deal_breakers import HitCause
from ketachecklist.core.decision.firmness import LeadKind, LeadReason
from ketachecklist.core.document import Answer, Comparison
from ketachecklist.core.treatments import Treatment
from tests.core.decision.builders import (
    comparisons,
    leader_as_scored,
    make,
    rate,
    ruled_out_by_the_rule,
)


def test_a_red_flag_or_a_low_rating_on_a_deal_breaker_rules_a_clinic_out() -> None:
    comparison = make("Harbor", "Lakeside", "Summit")
    rate(comparison, "harbor", e1=5, a1=5, c1=5)
    comparison.set_answer("harbor", "a2", Answer(None, "", False))  # no vital signs: a red flag
    rate(comparison, "lakeside", e1=4, a1=2, c1=4)
    rate(comparison, "summit", e1=3, a1=3, c1=3)
    assert analyse(comparison).leader_id == "harbor"
    comparison.set_deal_breaker("a2", True)
    comparison.set_deal_breaker("a1", True)
    analysis = analyse(comparison)
    harbor = analysis.of("harbor")
    assert harbor.ruled_out
    assert [(h.question_id, h.cause, h.flag_label) for h in harbor.ruled_out_by] == [
        ("a2", HitCause.RED_FLAG, "No vital-sign monitoring")
    ]
    lakeside = analysis.of("lakeside")
    assert [(h.question_id, h.cause, h.rating) for h in lakeside.ruled_out_by] == [
        ("a1", HitCause.LOW_RATING, 2)
    ]
    assert analysis.leader_id == "summit"  # the lowest total, the only one left
    assert analysis.standing == ("summit",)
    assert analysis.verdict.kind is LeadKind.NOT_ENOUGH_TO_COMPARE
    assert analysis.verdict.reasons == (LeadReason.ONLY_ONE_SCORED,)
    assert analysis.scores.ranking[0] == "harbor"  # scoring itself is unchanged
    assert harbor.highlights.deal_breakers_hit == harbor.ruled_out_by
    assert not harbor.could_overtake


def test_an_unasked_deal_breaker_could_still_rule_the_leader_out() -> None:
    comparison = make("Harbor", "Lakeside")
    rate(comparison, "harbor", e1=5, e2=5, a1=5, c1=5)
    rate(comparison, "lakeside", e1=3, e2=3, a1=3, a3=3, c1=3, c2=3)
    comparison.set_deal_breaker("a3", True)
    analysis = analyse(comparison)
    assert analysis.of("harbor").open_deal_breakers == ("a3",)
    assert LeadReason.LEADER_COULD_BE_RULED_OUT in analysis.verdict.reasons
    a3 = next(i for i in analysis.question_impacts if i.question_id == "a3")
    assert a3.rules_out_leader
    assert a3.changes_first_place


@settings(max_examples=80, deadline=None)
@given(comparisons(2, 4))
def test_the_analysis_leader_is_scorings_first_among_clinics_not_ruled_out(
    comparison: Comparison,
) -> None:
    analysis = analyse(comparison)
    assert analysis.leader_id == leader_as_scored(comparison)
    for decision in analysis.clinics:
        assert decision.ruled_out == ruled_out_by_the_rule(comparison, decision.clinic_id)
        assert decision.clinic_id not in analysis.standing or not decision.ruled_out


@settings(max_examples=80, deadline=None)
@given(comparisons(2, 4))
def test_every_one_step_move_reported_changes_first_place_and_no_other_does(
    comparison: Comparison,
) -> None:
    analysis = analyse(comparison)
    leader = analysis.leader_id
    if leader is None:
        assert analysis.one_step_changes == ()
        return
    reported = {(s.clinic_id, s.question_id, s.rating_to): s for s in analysis.one_step_changes}
    for clinic in comparison.clinics:
        for question in comparison.questions():
            answer = comparison.answer(clinic.id, question.id)
            if answer.rating is None:
                continue
            for step in (-1, 1):
                rating = answer.rating + step
                if not 1 <= rating <= 5:
                    continue
                edited = copy.deepcopy(comparison)
                edited.set_answer(clinic.id, question.id, replace(answer, rating=rating))
                new_leader = leader_as_scored(edited)
                found = reported.get((clinic.id, question.id, rating))
                if new_leader != leader:
                    assert found is not None, (clinic.id, question.id, rating)
                    assert found.new_leader_id == new_leader
                else:
                    assert found is None


def test_verdict_kinds_hand_worked() -> None:
    comparison = make("Harbor", "Lakeside")
    every = dict.fromkeys(("e1", "e2", "e3", "a1", "a2", "a3", "c1", "c2"), 5)
    rate(comparison, "harbor", **every)
    rate(comparison, "lakeside", **every)
    tied = analyse(comparison).verdict
    assert tied.kind is LeadKind.NO_CLEAR_WINNER
    assert tied.reasons[0] is LeadReason.TIED_FOR_FIRST
    assert tied.tied_ids == ("harbor", "lakeside")
    rate(comparison, "lakeside", **dict.fromkeys(every, 1))  # settled at 0 against 100
    clear = analyse(comparison).verdict
    assert clear.kind is LeadKind.CLEAR_LEAD
    assert clear.reasons == ()
    assert clear.margin == 100
    assert clear.within_reach_ids == ()
    early = make("Harbor", "Lakeside")
    rate(early, "harbor", e1=5)  # 100 now, 11.1 at worst
    rate(early, "lakeside", **dict.fromkeys(every, 3))  # settled at 50
    narrow = analyse(early).verdict
    assert narrow.kind is LeadKind.NARROW_LEAD
    assert narrow.margin == 50
    assert narrow.reasons == (
        LeadReason.OPEN_QUESTIONS_COULD_CHANGE_FIRST,
        LeadReason.LEADER_MOSTLY_UNRATED,
    )
    rate(comparison, "lakeside", **dict.fromkeys(every, 5))
    rate(comparison, "lakeside", e1=4)  # 100 vs 95.8: within reach, under the margin
    close = analyse(comparison).verdict
    assert close.kind is LeadKind.NO_CLEAR_WINNER
    assert close.reasons[0] is LeadReason.MARGIN_UNDER_CLEAR
    assert close.within_reach_ids == ("lakeside",)
    empty = analyse(make("Harbor")).verdict
    assert empty.kind is LeadKind.NOT_ENOUGH_TO_COMPARE
    assert empty.reasons == (LeadReason.NO_CLINIC_SCORED,)


def test_an_answer_that_does_not_apply_never_rules_out_nor_stays_open() -> None:
    comparison = make("Harbor", "Lakeside")
    harbor = comparison.clinic("harbor")
    comparison.update_clinic(replace(harbor, treatments=(Treatment.IV_INFUSION,)))
    rate(comparison, "harbor", e1=5, a3=1)  # a3 is about Spravato: kept, not counted
    comparison.set_answer("lakeside", "e1", Answer(1, "", None, doesnt_apply=True))
    rate(comparison, "lakeside", e2=4)
    comparison.set_deal_breaker("a3", True)
    comparison.set_deal_breaker("e1", True)
    analysis = analyse(comparison)
    assert not analysis.of("harbor").ruled_out
    assert not analysis.of("lakeside").ruled_out
    assert "a3" not in analysis.of("harbor").open_deal_breakers
    assert analysis.of("harbor").score_range.open_questions == 6  # 8 questions, e1 rated, a3 out
    # e1 is marked "doesn't apply"; a3 still applies (Lakeside's treatments are not recorded)
    assert analysis.of("lakeside").open_deal_breakers == ("a3",)
