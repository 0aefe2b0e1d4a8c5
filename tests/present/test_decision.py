"""The decision facts in words (present/decision.py): hand-worked examples for every verdict
kind, ties, clinics within reach, red-flag coverage, deal-breakers, weights and profiles, and a
property that the wording never fails and never advises.

Scores here are scoring's: a rating r is worth (r − 1)/4 × 100, a set's score is the mean of
its rated questions, the overall score the mean of the sets with a score (all weights 1 unless
set). The catalogue is tests/core/decision/builders.py's: Evaluation (e1, e2, e3 with a red
flag), Administration (a1, a2 with a red flag, a3), Cost (c1, c2).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketachecklist.core.catalogue import load_bundled_catalogue
from ketachecklist.core.decision.clinic_facts import RedFlagCoverage
from ketachecklist.core.decision.firmness import LeadKind
from ketachecklist.core.decision.ranges import ScoreRange
from ketachecklist.core.document import (
    Answer,
    Clinic,
    Comparison,
    CostDetails,
    Coverage,
    WeightProfile,
)
from ketachecklist.core.storage import load_comparison
from ketachecklist.present import Presentation
from ketachecklist.present.decision import RULED_OUT, DecisionText
from ketachecklist.present.decision_words import (
    range_text,
    reasons_list,
    red_flag_coverage_text,
    rounded_multipliers,
)
from tests.conftest import EXAMPLES
from tests.core.decision.builders import QUESTION_IDS, comparisons, make, rate

ADVICE = re.compile(r"\b(best|safe|recommend\w*|choose|should)\b|top two")


def words(comparison: Comparison) -> DecisionText:
    return Presentation(comparison).decision


def all_rated(comparison: Comparison, clinic_id: str, rating: int) -> None:
    rate(comparison, clinic_id, **dict.fromkeys(QUESTION_IDS, rating))


# --- the verdict, kind by kind ----------------------------------------------------------------
def test_a_clear_lead_names_the_leader_and_says_nothing_could_change_it() -> None:
    # A: every question 5 -> 100. B: every question 3 -> 50. Nothing is open; no one-step move
    # (A at most 97.2, B at most 52.8) and no weight change separates them differently.
    comparison = make("A", "B")
    all_rated(comparison, "a", 5)
    all_rated(comparison, "b", 3)
    text = words(comparison)
    assert text.kind is LeadKind.CLEAR_LEAD
    assert text.verdict == (
        "A leads on your scores by 50 points, a clear lead: nothing still open, no "
        "one-step change and no weight change up to twice or half as much would change first "
        "place."
    )


def test_a_narrow_lead_gives_its_reasons_in_words() -> None:
    # A: e1 = 5 and a1 = 5 -> 100, 2 of 8 rated. B: every question 4 -> 75. A leads by 25, but
    # c1 or c2 answered 1 for A leaves it (100 + 100 + 0) / 3 = 66.7, under B: two open
    # questions could change first place (e2, e3, a2 or a3 at 1 only draw level at 75, and a
    # tie goes to A, entered first).
    comparison = make("A", "B")
    rate(comparison, "a", e1=5, a1=5)
    all_rated(comparison, "b", 4)
    text = words(comparison)
    assert text.kind is LeadKind.NARROW_LEAD
    assert text.verdict == (
        "A leads on your scores by 25 points, a lead that could still change: "
        "it has only 2 of its 8 "
        "questions rated, and any one of 2 open questions, across the clinics, could change "
        "first place."
    )
    assert text.deciding_questions == (
        "‘Whole course price?’: a poor answer from A would put B first.",
        "‘Booster sessions?’: a poor answer from A would put B first.",
    )
    assert text.clinic("b").overtake_text == "could still overtake A"


def test_a_lead_only_the_whole_range_threatens_names_who_could_overtake() -> None:
    # A: e1 = 5 -> 100, 1 of 8. B: every question 3 -> 50. No single question brings A under
    # 50 (e2 = 1 or c1 = 1 leaves 50, a tie A keeps), but all of them at 1 leave A 11.1.
    comparison = make("A", "B")
    rate(comparison, "a", e1=5)
    all_rated(comparison, "b", 3)
    text = words(comparison)
    assert text.kind is LeadKind.NARROW_LEAD
    assert text.verdict == (
        "A leads on your scores by 50 points, a lead that could still change: "
        "it has only 1 of its 8 "
        "questions rated, and B could still overtake it."
    )
    assert text.deciding_questions == ()
    assert text.deciding_text == "No single open question could change first place on its own."


def test_a_tie_is_called_a_tie_and_names_every_tied_clinic() -> None:
    comparison = make("A", "B", "C", "D")
    for clinic_id in ("a", "b", "c"):
        rate(comparison, clinic_id, e1=4)  # 75 each
    rate(comparison, "d", e1=3)  # 50
    text = words(comparison)
    assert text.kind is LeadKind.NO_CLEAR_WINNER
    assert text.verdict.startswith(
        "No clear winner: A, B and C are tied for first on your scores (75/100): "
    )
    assert text.verdict.endswith("No other clinic is within 10 points of first place.")
    assert "A has only 1 of its 8 questions rated" in text.verdict  # not "it": which of three?
    assert ": it " not in text.verdict
    assert [c.standing_text for c in text.clinics] == [
        "1st of 4 (tied)",
        "1st of 4 (tied)",
        "1st of 4 (tied)",
        "4th of 4",
    ]
    # Scoring's own rank words, whenever no clinic is ruled out.
    presentation = Presentation(comparison)
    for clinic in text.clinics:
        assert clinic.standing_text == presentation.clinic(clinic.clinic_id).rank_text


def test_with_many_close_clinics_the_verdict_counts_them_all() -> None:
    # A: every question 5 -> 100. B to E: every question 5 but one 4 in Evaluation ->
    # (91.67 + 100 + 100) / 3 = 97.2: four clinics within 10 points, never "the top two".
    comparison = make("A", "B", "C", "D", "E")
    all_rated(comparison, "a", 5)
    for clinic_id in ("b", "c", "d", "e"):
        all_rated(comparison, clinic_id, 5)
        rate(comparison, clinic_id, e1=4)
    text = words(comparison)
    assert text.kind is LeadKind.NO_CLEAR_WINNER
    assert text.verdict.startswith(
        "No clear winner: A leads on your scores by 3 points (under 10 points): "
    )
    assert text.verdict.endswith(
        "4 other clinics are within 10 points of first place: B, C, D and 1 more."
    )


def test_scores_shown_the_same_are_a_tie_not_a_lead() -> None:
    # A: e1 = 5 -> 100. B: e1 = 5 (weight 1) and e2 = 4 (weight 0.01) -> 100.75 / 1.01 = 99.75,
    # shown as 100 like A's: a family reading 100 and 100 sees a tie, so the words say one.
    comparison = make("A", "B")
    rate(comparison, "a", e1=5)
    rate(comparison, "b", e1=5, e2=4)
    comparison.set_question_weight("e2", 0.01)
    text = words(comparison)
    assert text.verdict.startswith(
        "No clear winner: A and B are tied for first on your scores (100/100)"
    )
    assert [c.standing_text for c in text.clinics] == ["1st of 2 (tied)", "1st of 2 (tied)"]


def test_a_lead_is_the_difference_of_the_scores_as_shown() -> None:
    # A: Evaluation 62.5, shown 63. B: Evaluation 62.5 and Cost 50 -> 56.25, shown 56. The
    # lead is 63 - 56 = 7 points as the family reads it, not 6.25 rounded to 6.
    comparison = make("A", "B")
    rate(comparison, "a", e1=4, e2=3)
    rate(comparison, "b", e1=4, e2=3, c1=3)
    presentation = Presentation(comparison)
    a, b = (presentation.scores.of(c).overall for c in ("a", "b"))
    assert (a, b) == (62.5, 56.25)
    assert words(comparison).verdict.startswith(
        "No clear winner: A leads on your scores by 7 points (under 10 points)"
    )


def test_with_too_little_scored_the_verdict_says_so() -> None:
    comparison = make("A", "B")
    assert words(comparison).verdict == "Not enough to compare yet: no clinic has a score."
    rate(comparison, "a", e1=4)
    text = words(comparison)
    assert text.kind is LeadKind.NOT_ENOUGH_TO_COMPARE
    assert text.verdict == "Not enough to compare yet: A is the only clinic with a score (75/100)."
    assert text.firmness_lines == ()
    assert text.clinic("b").standing_text == "Not scored yet"


def test_the_presentation_verdict_is_the_decision_verdict() -> None:
    comparison = make("A", "B")
    rate(comparison, "a", e1=5)
    first = Presentation(comparison)
    verdict = first.verdict  # made alone, before the decision
    assert verdict == first.decision.verdict
    second = Presentation(comparison)
    assert second.decision.verdict == second.verdict == verdict


# --- deal-breakers ----------------------------------------------------------------------------
def test_a_clinic_ruled_out_says_which_deal_breaker_and_why() -> None:
    comparison = make("A", "B", "C")
    all_rated(comparison, "a", 5)
    comparison.set_answer("a", "e3", Answer(rating=5, value=False))  # the red flag
    all_rated(comparison, "b", 3)
    all_rated(comparison, "c", 4)
    comparison.set_answer("c", "e1", Answer(rating=2))
    comparison.set_deal_breaker("e3", True)
    comparison.set_deal_breaker("e1", True)
    text = words(comparison)
    a, c = text.clinic("a"), text.clinic("c")
    assert a.ruled_out
    assert a.standing_text == RULED_OUT == "ruled out by your own criteria"
    assert a.ruled_out_text == (
        "Ruled out by your own criteria: ‘Do you screen for substance use?’ is a deal-breaker "
        "for you and the clinic has a red flag there (No screening for substance use)."
    )
    assert c.ruled_out_text == (
        "Ruled out by your own criteria: ‘Who evaluates me?’ is a deal-breaker for you and you "
        "rated the clinic's answer 2 – Weak."
    )
    assert ("Why ruled out", c.ruled_out_reasons) in c.lines()
    assert c.concerns_text.startswith("deal-breaker ‘Who evaluates me?’; ")
    # B leads although A scored more; the verdict counts the clinics ruled out.
    assert [clinic.clinic_id for clinic in text.clinics] == ["b", "a", "c"]
    assert text.clinics[0].standing_text == "1st of 1 in the running"
    rate(comparison, "c", e1=4)  # C back in the running: A alone is ruled out
    again = words(comparison)
    assert [clinic.standing_text for clinic in again.clinics] == [
        "1st of 2 in the running",
        "2nd of 2 in the running",
        RULED_OUT,
    ]
    assert text.verdict == (
        "Not enough to compare yet: B is the only clinic still in the running with a score "
        "(50/100). 2 clinics are ruled out by your own criteria."
    )
    assert text.clinic("b").ruled_out_text == ""
    assert a.overtake_text == ""


def test_a_deal_breaker_not_rated_yet_is_named_for_the_clinic() -> None:
    comparison = make("A", "B")
    rate(comparison, "a", e1=5)
    rate(comparison, "b", e1=3, e2=3)
    comparison.set_deal_breaker("e2", True)
    text = words(comparison)
    assert text.clinic("a").open_deal_breakers_text == (
        "not rated yet: ‘Do you check my medicines?’ (a rating of 1 or 2 would rule it out)"
    )
    assert (
        "a deal-breaker not rated yet for it (‘Do you check my medicines?’) could rule it out"
        in (text.verdict)
    )


# --- per clinic -------------------------------------------------------------------------------
def test_red_flags_read_as_coverage_never_as_a_bare_zero() -> None:
    assert red_flag_coverage_text(RedFlagCoverage("x", 0, 0, 5)) == "none of 5 checked so far"
    assert red_flag_coverage_text(RedFlagCoverage("x", 2, 3, 5)) == "⚠ 2 found, 3 of 5 checked"
    assert red_flag_coverage_text(RedFlagCoverage("x", 0, 5, 5)) == "none found, 5 of 5 checked"
    assert red_flag_coverage_text(RedFlagCoverage("x", 0, 3, 5)) == "none found, 3 of 5 checked"
    comparison = make("A", "B", "C")
    comparison.set_answer("a", "e3", Answer(value=False))
    comparison.set_answer("c", "e3", Answer(value=True))
    comparison.set_answer("c", "a2", Answer(value=True))
    text = words(comparison)
    assert text.clinic("a").red_flags_text == "⚠ 1 found, 1 of 2 checked"
    assert text.clinic("b").red_flags_text == "none of 2 checked so far"
    assert text.clinic("c").red_flags_text == "none found, 2 of 2 checked"


def test_score_range_strengths_and_concerns_in_one_line_each() -> None:
    comparison = make("A", "B")
    rate(comparison, "a", e1=5, e2=4, a1=2, c1=1)
    comparison.set_answer("a", "a2", Answer(value=False))  # red flag, no rating
    rate(comparison, "b", e1=3)
    a = words(comparison).clinic("a")
    # Evaluation (100 + 75) / 2 = 87.5, Administration 25, Cost 0 -> 37.5, shown 38.
    assert a.score_text == "38/100 · questions rated: 4 of 8 (50%)"  # as the grid says it
    # Open: e3, a2, a3, c2. All 1: (58.3 + 8.3 + 0) / 3 = 22.2. All 5: (91.7 + 75 + 50) / 3.
    assert a.range_text == "could end between 22 and 72 once its 4 open questions are answered"
    assert a.strengths_text == (
        "5 – Reassuring: ‘Who evaluates me?’; 4 – Good: ‘Do you check my medicines?’"
    )
    assert a.concerns_text == (
        "⚠ No vital-sign monitoring; 1 – Concerning: ‘Whole course price?’; "
        "2 – Weak: ‘Who gives the dose?’"
    )
    # Each rating's words once; the weightiest first (Cost's two answers carry 1/6 each of
    # the overall score, the others 1/9), then how many more.
    rate(comparison, "a", e3=5, a2=5, c2=1, a3=1)
    again = words(comparison).clinic("a")
    assert again.strengths_text == (
        "5 – Reassuring: ‘Who evaluates me?’ and ‘Do you screen for substance use?’; "
        "2 more rated 4 or 5"
    )
    assert again.concerns_text == (
        "⚠ No vital-sign monitoring; 1 – Concerning: ‘Whole course price?’ and "
        "‘Booster sessions?’; 2 more rated 1 or 2"
    )
    b = words(comparison).clinic("b")
    assert b.strengths_text == "none rated 4 or 5 yet"
    assert b.concerns_text == "no red flag, low rating or deal-breaker recorded so far"


def test_range_wording() -> None:
    assert range_text(ScoreRange("x", 50.0, 50.0, 50.0, 0)) == (
        "settled: every question that counts is rated"
    )
    assert range_text(ScoreRange("x", 62.5, 40.2, 80.5, 1)) == (
        "could end between 40 and 81 once its 1 open question is answered"
    )
    assert range_text(ScoreRange("x", None, None, None, 0)) == "no question counts for it yet"


# --- weights, firmness and profiles -----------------------------------------------------------
def firmness_example() -> Comparison:
    # A: Evaluation 100, Administration 100, Cost 0 -> 66.7. B: 75 in every set -> 75. With
    # Cost's weight at m: A = 200 / (2 + m), level with B at m = 2/3 (factor 1.5), the smallest
    # change; Evaluation would need twice as much: (100m + 100) / (m + 2) = 75 at m = 2.
    comparison = make("A", "B")
    rate(comparison, "a", e1=5, a1=5, c1=1)
    rate(comparison, "b", e1=4, a1=4, c1=4)
    return comparison


def test_the_smallest_weight_change_in_words_really_changes_first_place() -> None:
    comparison = firmness_example()
    text = words(comparison)
    assert text.weight_change_text == (
        "If Cost counted 0.6× as much (a weight of 0.6 instead of 1), A would lead."
    )
    comparison.set_set_weight("cost", 0.6)
    assert Presentation(comparison).analysis.leader_id == "a"


def test_one_rating_step_that_changes_first_place_is_named() -> None:
    text = words(firmness_example())
    # B's e1 from 4 to 3: B's Evaluation 50 -> (50 + 75 + 75) / 3 = 66.7, level with A, which
    # was entered first.
    steps = Presentation(firmness_example()).analysis.one_step_changes
    assert len(steps) > 1
    assert text.one_step_text == (
        f"Any one of {len(steps)} ratings, moved by one step, would change first place; for "
        "example, "
        "‘Who evaluates me?’ for B from 4 – Good to 3 – Acceptable would put A first."
    )


def test_no_weight_change_and_no_step_say_so() -> None:
    comparison = make("A", "B")
    all_rated(comparison, "a", 5)
    all_rated(comparison, "b", 3)
    assert words(comparison).firmness_lines == (
        "No change to one set's weight, from leaving it out up to a weight of 100, would put "
        "another clinic first.",
        "No single rating moved by one step would change first place.",
    )


def test_weights_in_force_as_percentages_summing_to_100() -> None:
    comparison = make("A")
    comparison.set_set_weight("evaluation", 2)
    text = words(comparison)
    assert text.weights_title == "Weights in force"
    assert text.weights_text == "Evaluation 50%, Administration 25%, Cost 25%"
    comparison.set_set_weight("administration", 0)
    comparison.set_set_weight("cost", 1)
    comparison.set_set_weight("evaluation", 2)
    assert words(comparison).weights_text == "Evaluation 67%, Administration 0%, Cost 33%"


def profiles_example() -> Comparison:
    # A: Evaluation 100, Cost 0. B: Evaluation 0, Cost 100. Me counts Evaluation 3×: A 75,
    # B 25. Mum counts Cost 3×: A 25, B 75.
    comparison = make("A", "B")
    rate(comparison, "a", e1=5, c1=1)
    rate(comparison, "b", e1=1, c1=5)
    comparison.add_weight_profile(WeightProfile("Me", {"evaluation": 3}))
    comparison.add_weight_profile(WeightProfile("Mum", {"cost": 3}))
    comparison.activate_weight_profile("Me")
    return comparison


def test_who_leads_under_each_profile_and_whether_they_agree() -> None:
    comparison = profiles_example()
    text = words(comparison)
    assert text.weights_title == "Weights in force (Me)"
    assert [p.text for p in text.profiles] == [
        "Me (Evaluation 60%, Administration 20%, Cost 20%): A leads",
        "Mum (Evaluation 20%, Administration 20%, Cost 60%): B leads",
    ]
    assert text.profiles[0].active
    assert text.agreement_text == "The profiles disagree: A leads for Me; B leads for Mum."
    assert [p.name for p in text.presets] == ["Equal weights", "Safety first", "Cost matters most"]
    comparison.remove_weight_profile("Mum")
    comparison.add_weight_profile(WeightProfile("Dad", {"evaluation": 2}))
    assert words(comparison).agreement_text == "All 2 profiles put A first."


def test_only_the_weights_in_force_say_no_other_profile_is_saved() -> None:
    comparison = make("A")
    text = words(comparison)
    assert text.profiles[0].name == "Your weights now"
    assert text.agreement_text == (
        "Only one set of weights so far: no other person's profile is saved."
    )


# --- costs ------------------------------------------------------------------------------------
def test_costs_side_by_side_with_the_sourced_price_range() -> None:
    from ketachecklist.core.catalogue import load_bundled_catalogue
    from ketachecklist.core.document import Clinic, CostDetails

    comparison = Comparison(catalogue=load_bundled_catalogue())
    comparison.add_clinic(Clinic(id="a", name="A"))
    comparison.set_answer(
        "a", "cost-price-insurance", Answer(rating=5, value=CostDetails(price_per_session=500))
    )
    comparison.set_answer("a", "cost-rounds", Answer(rating=5, value=6))
    comparison.set_answer("a", "cost-maintenance-plan", Answer(said="Boosters $450 each"))
    text = words(comparison)
    cost = text.clinic("a").cost
    assert cost.course_text == "$3,000"
    assert cost.maintenance_text == "Boosters $450 each"
    # 3,000 / 100; insurance not recorded, so the figure says it is the whole course's
    assert cost.per_point_text == "$30 if you pay the whole course (insurance: not known yet)"
    assert text.price_context_text == (
        "For context, the sources quote $350 to $1,000 per infusion (Verywell Mind, no date) and "
        "about $495 to $570 per infusion (Dr. Axe, 2019)."
    )


# --- small pieces -----------------------------------------------------------------------------
def test_multipliers_are_rounded_away_from_one() -> None:
    assert rounded_multipliers(1.72, more=True) == [1.8, 1.72, 1.721]
    assert rounded_multipliers(0.557, more=False) == [0.5, 0.55, 0.557, 0.556]
    assert rounded_multipliers(12.3, more=True)[0] == 13


def test_reasons_join_as_clauses() -> None:
    assert reasons_list(["a"]) == "a"
    assert reasons_list(["a", "b"]) == "a, and b"
    assert reasons_list(["a", "b", "c"]) == "a; b; and c"


@settings(max_examples=150, deadline=None)
@given(comparisons(min_clinics=0, max_clinics=6), st.booleans())
def test_wording_never_fails_and_never_advises(comparison: Comparison, profiles: bool) -> None:
    if profiles:
        comparison.add_weight_profile(WeightProfile("Mum", {"cost": 3}))
    text = words(comparison)
    analysis = Presentation(comparison).analysis
    assert Presentation(comparison).verdict == text.verdict
    everything = [
        text.verdict,
        text.weights_text,
        text.overtake_text,
        text.deciding_text,
        *text.deciding_questions,
        *text.firmness_lines,
        *(p.text for p in (*text.profiles, *text.presets)),
        text.agreement_text,
        *(line for c in text.clinics for _, line in c.lines()),
    ]
    for line in everything:
        assert not ADVICE.search(line.lower()), line
        assert "{" not in line, line
    assert sorted(c.clinic_id for c in text.clinics) == sorted(c.id for c in comparison.clinics)
    presentation = Presentation(comparison)
    for clinic in text.clinics:
        assert clinic.ruled_out == analysis.of(clinic.clinic_id).ruled_out
        assert (RULED_OUT in clinic.standing_text) == clinic.ruled_out
        # one standing rule: the grid's rank words, ruled out or not
        assert clinic.standing_text == presentation.clinic(clinic.clinic_id).rank_text
    if "every weight is 0" not in text.weights_text:
        shares = [int(p.rstrip("%").rsplit(" ", 1)[-1]) for p in text.weights_text.split(", ")]
        assert abs(sum(shares) - 100) <= len(shares) / 2  # each rounded on its own


def _costed(rating: int, details: CostDetails | None) -> Presentation:
    """One clinic of the bundled catalogue: its price question rated, six sessions."""
    comparison = Comparison(catalogue=load_bundled_catalogue())
    comparison.add_clinic(Clinic(id="a", name="A"))
    comparison.set_answer("a", "cost-price-insurance", Answer(rating=rating, value=details))
    comparison.set_answer("a", "cost-rounds", Answer(value=6))
    return Presentation(comparison)


@pytest.mark.parametrize(
    ("coverage", "percent", "expected"),
    [
        (Coverage.NONE, None, "$30"),  # pays it all: 3,000 / 100
        (Coverage.PARTIAL, 60.0, "$12"),  # pays 40%: 1,200 / 100
        (Coverage.FULL, None, "$0"),
        (Coverage.PARTIAL, None, "$30 if you pay the whole course (insurance: partly covered)"),
        (Coverage.UNKNOWN, None, "$30 if you pay the whole course (insurance: not known yet)"),
    ],
)
def test_cost_per_point_is_what_the_family_would_pay(
    coverage: Coverage, percent: float | None, expected: str
) -> None:
    """Per point of the overall score, on the share insurance leaves to the family; the whole
    course's figure only where that share is not known, and then it says so."""
    details = CostDetails(price_per_session=500, insurance=coverage, insurance_percent=percent)
    presentation = _costed(5, details)
    assert presentation.clinic("a").overall_text == "100/100"
    assert presentation.decision.clinic("a").cost.per_point_text == expected


def test_no_cost_and_no_score_say_why_there_is_no_cost_per_point() -> None:
    no_cost = _costed(5, None)
    cost = no_cost.decision.clinic("a").cost
    assert cost.per_point_text == "no course cost yet"
    # the one wording of a missing cost: the grid's cost cell, the family page's columns
    assert cost.course_text == no_cost.clinic("a").course_cost_text == "no course cost yet"
    no_score = _costed(1, CostDetails(price_per_session=500))
    assert no_score.clinic("a").overall_text == "0/100"
    assert no_score.decision.clinic("a").cost.per_point_text == "no score above 0 yet"


def test_cost_per_point_divides_by_the_score_as_shown() -> None:
    """Quickwell's $2,600 course and its score of 27.5, shown as 28: $93 a point, the sum a
    family member does from the printed figures (not $95 from the unrounded 27.5)."""
    comparison = load_comparison(EXAMPLES / "three-clinics.yaml", load_bundled_catalogue())
    presentation = Presentation(comparison)
    quickwell = next(c for c in comparison.clinics if c.name.startswith("Quickwell"))
    text = presentation.clinic(quickwell.id)
    assert text.overall_text == "28/100"
    assert presentation.score(quickwell.id).overall == 27.5
    cost = next(c for c in presentation.decision.costs if c.clinic_id == quickwell.id)
    assert cost.course_text.startswith("$2,600")
    assert cost.per_point_text == "$93"
