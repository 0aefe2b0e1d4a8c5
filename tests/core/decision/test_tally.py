"""The what-if tally gives scoring's numbers: proved against score_clinic on edited copies."""

from __future__ import annotations

import copy
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from ketachecklist.core.decision.firmness import MAX_STEP_GAIN
from ketachecklist.core.decision.tally import ROUNDING_MARGIN, ClinicTally
from ketachecklist.core.document import Comparison
from ketachecklist.core.scoring import score_clinic
from tests.core.decision.builders import QUESTION_IDS, comparisons


def rerated(comparison: Comparison, clinic_id: str, ratings: dict[str, int | None]) -> float | None:
    edited = copy.deepcopy(comparison)
    for question_id, rating in ratings.items():
        old = edited.answer(clinic_id, question_id)
        edited.set_answer(clinic_id, question_id, replace(old, rating=rating))
    return score_clinic(edited, clinic_id).overall


@settings(max_examples=60, deadline=None)
@given(comparisons(1, 2), st.sampled_from(QUESTION_IDS), st.none() | st.integers(1, 5))
def test_the_tally_scores_exactly_as_scoring_does(
    comparison: Comparison, question_id: str, rating: int | None
) -> None:
    clinic_id = comparison.clinics[0].id
    score = score_clinic(comparison, clinic_id)
    tally = ClinicTally(comparison, score)
    assert tally.overall == score.overall
    assert tally.overall_if(question_id, rating) == rerated(
        comparison, clinic_id, {question_id: rating}
    )
    for worst_or_best in (1, 5):
        completed = dict.fromkeys(tally.open_questions(), worst_or_best)
        assert tally.overall_if_all_open(worst_or_best) == rerated(comparison, clinic_id, completed)


@settings(max_examples=60, deadline=None)
@given(comparisons(1, 2))
def test_a_one_step_gain_never_passes_its_bound(comparison: Comparison) -> None:
    clinic_id = comparison.clinics[0].id
    tally = ClinicTally(comparison, score_clinic(comparison, clinic_id))
    for question_id in tally.rated_questions():
        rating = tally.ratings[question_id]
        assert rating is not None
        for better in range(rating + 1, 6):
            bound = tally.step_gain_bound(question_id, better)
            after = tally.overall_if(question_id, better)
            if tally.overall is None or after is None:
                continue
            assert after - tally.overall <= bound  # never more than the bound
            assert after - tally.overall >= bound - 2 * ROUNDING_MARGIN  # and the bound is tight
            if better == rating + 1:
                assert bound <= tally.largest_step_gain_bound() <= MAX_STEP_GAIN
