"""The verdict: where the scores stand, in words, never a recommendation (present/verdict.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ketachecklist.core.document import Answer, Comparison
from ketachecklist.core.scoring import score_comparison
from ketachecklist.present.verdict import verdict_text
from tests.core.test_scoring import make, rate


def verdict(comparison: Comparison) -> str:
    names = {clinic.id: clinic.name for clinic in comparison.clinics}
    return verdict_text(score_comparison(comparison), names)


def test_no_clear_winner_under_ten_points() -> None:
    comparison = make("A", "B")
    rate(comparison, "a", e1=5, e2=3, c1=2)
    rate(comparison, "b", e1=4)
    comparison.set_question_weight("e1", 2)
    comparison.set_set_weight("evaluation", 3)  # A 68.75, B 75: 6.25 apart
    assert verdict(comparison) == "No clear winner: the top two are 6 points apart (under 10)."


def test_the_margin_is_rounded_half_up_like_every_score() -> None:
    # A: e1 = 5 -> 100. B: e1 = 5 (evaluation 100) and c1 = 4 (cost 75) -> 87.5: 12.5 apart.
    comparison = make("A", "B")
    rate(comparison, "a", e1=5)
    rate(comparison, "b", e1=5, c1=4)
    assert score_comparison(comparison).margin == 12.5
    assert verdict(comparison).startswith("The top-scored clinic leads by 13 points, but")


def test_verdict_says_when_the_leader_has_fewer_questions_rated() -> None:
    # Six questions. Harbor: e1 = 5 -> 100 in evaluation, nothing else -> overall 100, 1 of 6
    # rated. Riverside: four rated 4 -> 75 in both sets -> overall 75, 4 of 6 rated. Quickwell:
    # e1 = 1 and e3 = 1 -> 0, 2 of 6 rated. Harbor leads Riverside by 25 points, on fewer
    # ratings than both others; Riverside has the most.
    comparison = make("Harbor Light", "Riverside", "Quickwell")
    rate(comparison, "harbor light", e1=5)
    rate(comparison, "riverside", e1=4, e3=4, c1=4, c2=4)
    rate(comparison, "quickwell", e1=1, e3=1)
    scores = score_comparison(comparison)
    assert scores.margin == 25
    assert verdict(comparison) == (
        "The top-scored clinic leads by 25 points, but only 1 of its 6 questions is rated, "
        "while Riverside has 4 rated: the scores may change as you ask more."
    )


def test_verdict_says_when_the_leader_has_under_half_rated() -> None:
    # A: e1 = 5, e2 = 5 -> 100, 2 of 6 rated (under half). B: e1 = 4 -> 75, 1 of 6 rated.
    # A leads by 25 with the most ratings, but still under half of its questions.
    comparison = make("A", "B")
    rate(comparison, "a", e1=5, e2=5)
    rate(comparison, "b", e1=4)
    assert verdict(comparison) == (
        "The top-scored clinic leads by 25 points, but only 2 of its 6 questions are rated: "
        "the scores may change as you ask more."
    )
    # Exactly half rated, and no clinic with more: the plain verdict.
    rate(comparison, "a", e3=5)
    rate(comparison, "b", e2=4, e3=4)
    assert verdict(comparison) == "The top-scored clinic leads by 25 points."


def test_verdict_names_the_clinic_with_most_rated_even_when_leader_has_half() -> None:
    # A: four rated 5 -> 100, 4 of 6. B: five rated 4 -> 75, 5 of 6.
    comparison = make("A", "B")
    rate(comparison, "a", e1=5, e2=5, e3=5, c1=5)
    rate(comparison, "b", e1=4, e2=4, e3=4, c1=4, c2=4)
    assert verdict(comparison) == (
        "The top-scored clinic leads by 25 points, but only 4 of its 6 questions are rated, "
        "while B has 5 rated: the scores may change as you ask more."
    )


def test_verdict_without_a_clear_winner_is_unchanged_however_little_is_rated() -> None:
    comparison = make("A", "B")
    rate(comparison, "a", e1=4)
    rate(comparison, "b", e1=4, e2=4, e3=4, c1=4, c2=4)
    assert verdict(comparison) == ("No clear winner: the top two are 0 points apart (under 10).")


@given(
    st.lists(st.lists(st.none() | st.integers(1, 5), min_size=6, max_size=6), max_size=4),
)
def test_verdict_never_judges_a_clinic(clinic_ratings: list[list[int | None]]) -> None:
    comparison = make(*(f"Clinic {i}" for i in range(len(clinic_ratings))))
    questions = comparison.questions()
    for index, values in enumerate(clinic_ratings):
        for question, rating in zip(questions, values, strict=True):
            if rating is not None:
                comparison.set_answer(f"clinic {index}", question.id, Answer(rating=rating))
    words = verdict(comparison).lower()
    for word in ("best", "safe", "recommend"):
        assert word not in words
