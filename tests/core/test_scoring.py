"""Scoring: hand-worked examples and properties (scale-invariant weights, unanswered ≥ lowest)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketachecklist.core.catalogue import (
    AnswerKind,
    Catalogue,
    Question,
    QuestionRole,
    QuestionSet,
    RedFlagRule,
)
from ketachecklist.core.document import Answer, Clinic, Comparison, CostDetails, Coverage
from ketachecklist.core.scoring import CostBasis, rating_points, score_comparison
from ketachecklist.present.cost import cost_basis_text


def tiny_catalogue() -> Catalogue:
    sets = (QuestionSet("evaluation", "Evaluation"), QuestionSet("cost", "Cost"))
    questions = (
        Question("e1", "evaluation", "Who evaluates me?"),
        Question(
            "e2",
            "evaluation",
            "Vitals monitored?",
            kind=AnswerKind.YES_NO,
            red_flag=RedFlagRule(when=False, label="No vital-sign monitoring"),
        ),
        Question("e3", "evaluation", "Time spent?", kind=AnswerKind.COUNT),
        Question("c1", "cost", "How much?", kind=AnswerKind.COST, role=QuestionRole.COST_DETAILS),
        Question(
            "c2",
            "cost",
            "How many rounds?",
            kind=AnswerKind.COUNT,
            role=QuestionRole.SESSIONS_RECOMMENDED,
        ),
        Question(
            "c3",
            "cost",
            "Whole course price?",
            kind=AnswerKind.MONEY,
            role=QuestionRole.COURSE_PRICE,
        ),
    )
    return Catalogue(id="tiny", version="1", title="Tiny", sets=sets, questions=questions)


def make(*clinics: str) -> Comparison:
    comparison = Comparison(catalogue=tiny_catalogue())
    for name in clinics:
        comparison.add_clinic(Clinic(id=name.lower(), name=name))
    return comparison


def test_rating_points_scale() -> None:
    assert [rating_points(r) for r in range(1, 6)] == [0, 25, 50, 75, 100]


def test_hand_worked_scores() -> None:
    comparison = make("A", "B")
    # A: evaluation rated 5 and 3 (weights 2 and 1) -> (100*2 + 50*1) / 3 = 83.33; cost rated 2
    # -> 25. Set weights evaluation 3, cost 1 -> (83.33*3 + 25) / 4 = 68.75
    comparison.set_answer("a", "e1", Answer(rating=5))
    comparison.set_answer("a", "e2", Answer(rating=3, value=True))
    comparison.set_answer("a", "c1", Answer(rating=2))
    comparison.set_question_weight("e1", 2)
    comparison.set_set_weight("evaluation", 3)
    # B: only e1 rated 4 -> 75 in evaluation, nothing in cost -> overall 75
    comparison.set_answer("b", "e1", Answer(rating=4))
    scores = score_comparison(comparison)
    a, b = scores.of("a"), scores.of("b")
    assert a.set_scores["evaluation"] == pytest.approx(250 / 3)
    assert a.set_scores["cost"] == pytest.approx(25)
    assert a.overall == pytest.approx(68.75)
    assert b.set_scores == {"evaluation": 75, "cost": None}
    assert b.overall == 75
    assert (a.answered, a.total, a.completeness) == (3, 6, 0.5)
    assert scores.ranking == ("b", "a")
    assert (b.rank, a.rank) == (1, 2)
    assert scores.margin == 6  # as shown: 75 - 69 (68.75 reads 69), not 6.25
    assert not scores.clear_winner


def test_clear_winner_at_ten_points() -> None:
    comparison = make("A", "B")
    comparison.set_answer("a", "e1", Answer(rating=5))
    comparison.set_answer("b", "e1", Answer(rating=4))
    scores = score_comparison(comparison)
    assert scores.margin == 25
    assert scores.clear_winner


def rate(comparison: Comparison, clinic_id: str, **ratings: int) -> None:
    for question_id, rating in ratings.items():
        comparison.set_answer(clinic_id, question_id, Answer(rating=rating))


def test_unscored_clinic_has_no_rank_and_ties_share_rank() -> None:
    comparison = make("A", "B", "C")
    comparison.set_answer("a", "e1", Answer(rating=3))
    comparison.set_answer("c", "e1", Answer(rating=3))
    scores = score_comparison(comparison)
    assert scores.of("b").overall is None
    assert scores.of("b").rank is None
    assert (scores.of("a").rank, scores.of("c").rank) == (1, 1)
    assert scores.ranking == ("a", "c", "b")
    assert scores.margin == 0


def test_red_flag_from_yes_no_answer_even_without_rating() -> None:
    comparison = make("A")
    comparison.set_answer("a", "e2", Answer(value=False))
    flags = score_comparison(comparison).of("a").red_flags
    assert [(f.question_id, f.label) for f in flags] == [("e2", "No vital-sign monitoring")]
    comparison.set_answer("a", "e2", Answer(value=True))
    assert score_comparison(comparison).of("a").red_flags == ()


def test_cost_estimate_per_session_with_partial_insurance() -> None:
    comparison = make("A")
    comparison.set_answer(
        "a",
        "c1",
        Answer(
            value=CostDetails(
                price_per_session=450.0,
                other_fees=200.0,
                insurance=Coverage.PARTIAL,
                insurance_percent=25.0,
            )
        ),
    )
    comparison.set_answer("a", "c2", Answer(value=6))
    cost = score_comparison(comparison).of("a").cost
    assert cost.sessions == 6
    assert cost.course_total == 450 * 6 + 200
    assert cost.out_of_pocket == pytest.approx((450 * 6 + 200) * 0.75)
    assert cost.basis is CostBasis.PER_SESSION
    assert cost_basis_text(cost).startswith("price per session")


def test_cost_estimate_prefers_quoted_course_price_and_sessions_in_details() -> None:
    comparison = make("A")
    comparison.set_answer(
        "a",
        "c1",
        Answer(
            value=CostDetails(
                price_per_session=500.0, sessions_recommended=8, insurance=Coverage.NONE
            )
        ),
    )
    comparison.set_answer("a", "c2", Answer(value=6))
    assert score_comparison(comparison).of("a").cost.course_total == 4000
    comparison.set_answer("a", "c3", Answer(value=3600.0))
    cost = score_comparison(comparison).of("a").cost
    assert cost.course_total == 3600
    assert cost.out_of_pocket == 3600
    assert cost.basis is CostBasis.COURSE_PRICE_QUOTED
    assert cost_basis_text(cost) == "whole-course price quoted by the clinic"


def test_cost_unknown_when_parts_missing() -> None:
    comparison = make("A")
    comparison.set_answer("a", "c1", Answer(value=CostDetails(price_per_session=500.0)))
    cost = score_comparison(comparison).of("a").cost
    assert cost.course_total is None
    assert cost.out_of_pocket is None


def test_best_marks_need_two_clinics_rated_and_a_good_best() -> None:
    comparison = make("A", "B", "C")
    assert score_comparison(comparison).best("e1") == frozenset()
    comparison.set_answer("a", "e1", Answer(rating=5))
    assert score_comparison(comparison).best("e1") == frozenset(), "only one clinic rated"
    comparison.set_answer("b", "e1", Answer(rating=4))
    comparison.set_answer("c", "e1", Answer(rating=4))
    assert score_comparison(comparison).best("e1") == {"a"}
    comparison.set_answer("a", "e1", Answer(rating=4))
    assert score_comparison(comparison).best("e1") == {"a", "b", "c"}, "a tie at a good rating"
    for rating in (3, 2, 1):
        for clinic_id in ("a", "b", "c"):
            comparison.set_answer(clinic_id, "e1", Answer(rating=rating if clinic_id == "a" else 1))
        assert score_comparison(comparison).best("e1") == frozenset(), "the best is not good"


@given(st.lists(st.none() | st.integers(1, 5), max_size=5))
def test_the_best_mark_rule(values: list[int | None]) -> None:
    comparison = make(*(f"Clinic {i}" for i in range(len(values))))
    for index, rating in enumerate(values):
        comparison.set_answer(f"clinic {index}", "e1", Answer(rating=rating))
    best = score_comparison(comparison).best("e1")
    rated = {f"clinic {i}": r for i, r in enumerate(values) if r is not None}
    if len(rated) >= 2 and max(rated.values()) >= 4:
        assert best == {cid for cid, r in rated.items() if r == max(rated.values())}
    else:
        assert best == frozenset()


def test_ranking_by_a_set_puts_unscored_clinics_last_in_document_order() -> None:
    comparison = make("A", "B", "C", "D")
    rate(comparison, "a", c1=2)
    rate(comparison, "c", c1=5, e1=1)
    rate(comparison, "d", c1=2, e1=5)
    scores = score_comparison(comparison)
    assert scores.ranking_by("cost") == ("c", "a", "d", "b")
    assert scores.ranking_by("evaluation") == ("d", "c", "a", "b")
    assert scores.ranking_by(None) == scores.ranking


def test_red_flags_and_set_results_are_looked_up_by_clinic_and_question() -> None:
    comparison = make("A", "B")
    comparison.set_answer("a", "e2", Answer(value=False, rating=2))
    scores = score_comparison(comparison)
    flag = scores.red_flag("a", "e2")
    assert flag is not None
    assert flag.label == "No vital-sign monitoring"
    assert scores.red_flag("b", "e2") is None
    result = scores.of("a").set_result("evaluation")
    assert (result.score, result.rated, result.total) == (25, 1, 3)


ratings = st.lists(st.none() | st.integers(1, 5), min_size=6, max_size=6)
weights = st.lists(st.floats(0.1, 10), min_size=6, max_size=6)


def rated(values: list[int | None], question_weights: list[float]) -> Comparison:
    comparison = make("A")
    questions = comparison.questions()
    for question, rating, weight in zip(questions, values, question_weights, strict=True):
        comparison.set_question_weight(question.id, weight)
        if rating is not None:
            comparison.set_answer("a", question.id, Answer(rating=rating))
    return comparison


@given(ratings, weights, st.floats(0.01, 9.0))
def test_scaling_all_weights_changes_nothing(
    values: list[int | None], w: list[float], factor: float
) -> None:
    before = score_comparison(rated(values, w)).of("a")
    after = score_comparison(rated(values, [x * factor for x in w])).of("a")
    if before.overall is None:
        assert after.overall is None
    else:
        assert after.overall == pytest.approx(before.overall)
    for set_id, score in before.set_scores.items():
        assert after.set_scores[set_id] == pytest.approx(score)


@given(ratings, weights, st.integers(0, 5))
def test_unanswered_never_lowers_a_score(
    values: list[int | None], w: list[float], index: int
) -> None:
    """Leaving a question unanswered scores at least as well as the lowest rating would."""
    unanswered = list(values)
    unanswered[index] = None
    lowest = list(values)
    lowest[index] = 1
    skipped = score_comparison(rated(unanswered, w)).of("a")
    scored_low = score_comparison(rated(lowest, w)).of("a")
    assert scored_low.overall is not None
    if skipped.overall is not None:
        assert skipped.overall >= scored_low.overall - 1e-9
    assert skipped.answered == scored_low.answered - 1


@given(ratings, weights)
def test_scores_stay_within_0_to_100(values: list[int | None], w: list[float]) -> None:
    score = score_comparison(rated(values, w)).of("a")
    for value in [score.overall, *score.set_scores.values()]:
        assert value is None or -1e-9 <= value <= 100 + 1e-9
