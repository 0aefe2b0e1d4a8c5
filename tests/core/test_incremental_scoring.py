"""Scoring again after one edit: only the clinics it touched, and always equal to a full rescore."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from ketachecklist.core.catalogue import load_bundled_catalogue
from ketachecklist.core.changes import Change
from ketachecklist.core.document import Answer, Clinic, Comparison
from ketachecklist.core.scoring import clinics_touched, score_comparison
from ketachecklist.core.treatments import Treatment
from tests.strategies import answer_for, comparisons

CATALOGUE = load_bundled_catalogue()
Edit = Callable[[Comparison], Change]


@st.composite
def edits(draw: st.DrawFn, comparison: Comparison) -> Edit:
    """One edit the app can make, drawn for this comparison as it is now."""
    questions = comparison.questions()
    clinics = comparison.clinics
    kinds = ["add clinic", "set weight", "question weight"]
    if clinics:
        kinds += ["answer", "answer", "answer", "clinic details", "remove clinic", "move clinic"]
    kind = draw(st.sampled_from(kinds))
    if kind == "add clinic":
        clinic = Clinic(id=comparison.new_clinic_id(), name="Another clinic")
        return lambda c: c.add_clinic(clinic)
    if kind == "set weight":
        set_id = draw(st.sampled_from([s.id for s in CATALOGUE.sets]))
        weight = draw(st.floats(0, 10))
        return lambda c: c.set_set_weight(set_id, weight)
    if kind == "question weight":
        question_id = draw(st.sampled_from(questions)).id
        weight = draw(st.floats(0, 10))
        return lambda c: c.set_question_weight(question_id, weight)
    clinic_id = draw(st.sampled_from(clinics)).id
    if kind == "answer":
        question = draw(st.sampled_from(questions))
        answer = draw(answer_for(question) | st.builds(Answer, rating=st.integers(1, 5)))
        return lambda c: c.set_answer(clinic_id, question.id, answer)
    if kind == "clinic details":
        treatments = tuple(draw(st.lists(st.sampled_from(Treatment), unique=True)))
        return lambda c: c.update_clinic(replace(c.clinic(clinic_id), treatments=treatments))
    if kind == "remove clinic":
        return lambda c: c.remove_clinic(clinic_id)
    target = draw(st.integers(0, len(clinics) - 1))
    return lambda c: c.move_clinic(clinic_id, target)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_rescoring_after_each_edit_equals_scoring_afresh(data: st.DataObject) -> None:
    comparison = data.draw(comparisons(CATALOGUE, max_clinics=5))
    scores = score_comparison(comparison)
    done: list[Change] = []
    for _ in range(data.draw(st.integers(1, 12))):
        if done and data.draw(st.booleans()):  # undo: the inverse of the last edit
            change = done.pop().inverse()
            comparison.apply(change)
        else:
            change = data.draw(edits(comparison))(comparison)
            done.append(change)
        rescored = score_comparison(comparison, scores, change)
        assert rescored == score_comparison(comparison)
        scores = rescored  # the next edit starts from the incremental result


def rated_comparison(clinics: int = 4) -> Comparison:
    comparison = Comparison(catalogue=CATALOGUE)
    questions = comparison.questions()
    for number in range(clinics):
        comparison.add_clinic(Clinic(id=f"c{number}", name=f"Clinic {number}"))
        for index, question in enumerate(questions[:10]):
            rating = 1 + (number + index) % 5
            comparison.set_answer(f"c{number}", question.id, Answer(rating=rating))
    return comparison


def test_an_answer_edit_scores_only_its_clinic_again() -> None:
    comparison = rated_comparison()
    before = score_comparison(comparison)
    question_id = comparison.questions()[0].id
    change = comparison.set_answer("c2", question_id, Answer(rating=5))
    after = score_comparison(comparison, before, change)
    for clinic_id in ("c0", "c1", "c3"):  # kept as they were, not made again
        assert after.of(clinic_id).ratings is before.of(clinic_id).ratings
    assert after.of("c2").ratings[question_id] == 5
    assert after.of("c2") != before.of("c2")
    assert after == score_comparison(comparison)


def test_a_weight_edit_scores_every_clinic_again() -> None:
    comparison = rated_comparison()
    before = score_comparison(comparison)
    change = comparison.set_question_weight(comparison.questions()[0].id, 3)
    after = score_comparison(comparison, before, change)
    pairs = zip(after.clinics, before.clinics, strict=True)
    assert all(a.ratings is not b.ratings for a, b in pairs)
    assert after == score_comparison(comparison)


def test_which_clinics_an_edit_touches() -> None:
    comparison = rated_comparison()
    question_id = comparison.questions()[0].id
    assert clinics_touched(comparison.set_answer("c1", question_id, Answer(rating=2))) == {"c1"}
    details = replace(comparison.clinic("c3"), treatments=(Treatment.SPRAVATO,))
    assert clinics_touched(comparison.update_clinic(details)) == {"c3"}
    assert clinics_touched(comparison.set_set_weight(CATALOGUE.sets[0].id, 2)) is None
    assert clinics_touched(comparison.move_clinic("c0", 2)) is None
    assert clinics_touched(comparison.remove_clinic("c1")) is None


COST_QUESTIONS = [q for q in CATALOGUE.questions if q.role is not None]


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_an_answer_to_a_cost_question_makes_the_course_cost_again(data: st.DataObject) -> None:
    """An answer edit scores again only its set and keeps the clinic's course-cost estimate,
    unless the question answered is one the estimate reads."""
    comparison = rated_comparison(2)
    scores = score_comparison(comparison)
    for _ in range(data.draw(st.integers(1, 6))):
        question = data.draw(st.sampled_from(COST_QUESTIONS + comparison.questions()[:3]))
        answer = data.draw(answer_for(question))
        change = comparison.set_answer(
            data.draw(st.sampled_from(["c0", "c1"])), question.id, answer
        )
        rescored = score_comparison(comparison, scores, change)
        assert rescored == score_comparison(comparison)
        scores = rescored
