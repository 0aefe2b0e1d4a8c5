"""Every edit operation returns a Change that, applied and reverted, leaves the comparison exactly
as before; random sequences of edits undo back to the start and redo to the end."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketachecklist.core.catalogue import AnswerKind, Question, load_bundled_catalogue
from ketachecklist.core.changes import Change, ChangeKind, ChangeMismatchError
from ketachecklist.core.document import Answer, Clinic, Comparison, CostDetails, Decision
from ketachecklist.core.storage import comparison_to_yaml, parse_comparison
from tests.strategies import answer_for, comparisons, dates, name_text, user_text

CATALOGUE = load_bundled_catalogue()


def state(comparison: Comparison) -> dict[str, Any]:
    """Everything a comparison holds except its revision counter, copied."""
    return copy.deepcopy(
        {
            "clinics": comparison.clinics,
            "answers": comparison.answers,
            "custom_questions": comparison.custom_questions,
            "set_weights": comparison.set_weights,
            "question_weights": comparison.question_weights,
            "decision": comparison.decision,
            "title": comparison.title,
        }
    )


Edit = Callable[[Comparison], Change]


@st.composite
def edits(draw: st.DrawFn, comparison: Comparison) -> Edit:
    """One edit that makes sense for ``comparison`` as it is now."""
    clinics = [c.id for c in comparison.clinics]
    custom = [q.id for q in comparison.custom_questions]
    questions = comparison.questions()
    choices = ["add clinic", "add question", "set weight", "decide nothing"]
    if clinics:
        choices += ["remove clinic", "edit clinic", "move clinic", "duplicate", "answer", "decide"]
    if custom:
        choices += ["word question", "change kind", "remove question", "weigh question"]
    choice = draw(st.sampled_from(choices))
    if choice == "add clinic":
        clinic = Clinic(id=comparison.new_clinic_id(), name=draw(name_text), notes=draw(user_text))
        index = draw(st.none() | st.integers(-2, len(clinics) + 2))
        return lambda c: c.add_clinic(clinic, index)
    if choice == "add question":
        question = Question(
            id=comparison.new_custom_question_id(),
            set_id=draw(st.sampled_from([s.id for s in CATALOGUE.sets])),
            text=draw(name_text),
            kind=draw(st.sampled_from(AnswerKind)),
            custom=True,
        )
        position = draw(st.none() | st.integers(-1, 3))
        return lambda c: c.add_custom_question(question, position)
    if choice == "set weight":
        set_id = draw(st.sampled_from([s.id for s in CATALOGUE.sets]))
        weight = draw(st.floats(0, 100))
        return lambda c: c.set_set_weight(set_id, weight)
    if choice == "decide nothing":
        decision = Decision(None, draw(user_text), draw(st.none() | dates))
        return lambda c: c.set_decision(decision)
    if choice in ("word question", "change kind", "remove question", "weigh question"):
        question_id = draw(st.sampled_from(custom))
        if choice == "word question":
            wording = draw(name_text)
            return lambda c: c.update_custom_question(
                replace(c.question(question_id), text=wording)
            )
        if choice == "change kind":
            kind = draw(st.sampled_from(AnswerKind))
            return lambda c: c.change_question_kind(question_id, kind)
        if choice == "weigh question":
            weight = draw(st.floats(0, 100))
            return lambda c: c.set_question_weight(question_id, weight)
        return lambda c: c.remove_custom_question(question_id)
    clinic_id = draw(st.sampled_from(clinics))
    if choice == "remove clinic":
        return lambda c: c.remove_clinic(clinic_id)
    if choice == "edit clinic":
        new = replace(comparison.clinic(clinic_id), name=draw(name_text), phone=draw(user_text))
        return lambda c: c.update_clinic(new)
    if choice == "move clinic":
        target = draw(st.integers(-1, len(clinics) + 1))
        return lambda c: c.move_clinic(clinic_id, target)
    if choice == "duplicate":
        return lambda c: c.duplicate_clinic(clinic_id)
    if choice == "answer":
        question = draw(st.sampled_from(questions))
        answer = draw(answer_for(question))
        return lambda c: c.set_answer(clinic_id, question.id, answer)
    decision = Decision(clinic_id, draw(user_text), draw(st.none() | dates))
    return lambda c: c.set_decision(decision)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example],
)
@given(start=comparisons(CATALOGUE, max_clinics=3), data=st.data())
def test_random_edits_undo_to_the_start_and_redo_to_the_end(
    start: Comparison, data: st.DataObject
) -> None:
    comparison = start
    before = state(comparison)
    history: list[tuple[Change, dict[str, Any]]] = []
    for _ in range(data.draw(st.integers(1, 12), label="edits")):
        edit = data.draw(edits(comparison))
        revision = comparison.revision
        change = edit(comparison)
        assert comparison.revision == revision + 1
        history.append((change, state(comparison)))
    after = state(comparison)
    # What the edits built can be saved and read back: the edits kept every limit the file has.
    parse_comparison(comparison_to_yaml(comparison).encode(), "test", CATALOGUE)

    for index in range(len(history) - 1, -1, -1):
        comparison.apply(history[index][0].inverse())
        assert state(comparison) == (history[index - 1][1] if index else before)
    assert state(comparison) == before
    for change, expected in history:
        comparison.apply(change)
        assert state(comparison) == expected
    assert state(comparison) == after


@pytest.fixture
def three() -> Comparison:
    comparison = Comparison(CATALOGUE)
    for number in (1, 2, 3):
        comparison.add_clinic(Clinic(id=f"c{number}", name=f"Clinic {number}"))
    return comparison


def test_each_change_says_what_it_touched(three: Comparison) -> None:
    question = three.questions()[0]
    change = three.set_answer("c2", question.id, Answer(rating=4))
    assert (change.kind, change.clinic_id, change.question_id) == (
        ChangeKind.SET_ANSWER,
        "c2",
        question.id,
    )
    copy_change = three.duplicate_clinic("c2")
    assert copy_change.kind is ChangeKind.DUPLICATE_CLINIC
    assert copy_change.clinic_id == three.clinics[2].id != "c2"
    assert three.answer(copy_change.clinic_id, question.id) == Answer(rating=4)
    weight = three.set_set_weight(CATALOGUE.sets[1].id, 2)
    assert (weight.kind, weight.set_id) == (ChangeKind.SET_SET_WEIGHT, CATALOGUE.sets[1].id)


def test_removing_a_clinic_clears_the_decision_that_named_it_until_undone(
    three: Comparison,
) -> None:
    three.set_decision(Decision("c2", "Closest to home"))
    three.set_answer("c2", three.questions()[0].id, Answer(rating=5, said="Yes"))
    before = state(three)
    change = three.remove_clinic("c2")
    assert three.decision == Decision(None, "Closest to home")
    assert not list(three.answers_of("c2"))
    three.apply(change.inverse())
    assert state(three) == before


def test_changing_a_question_kind_clears_values_that_no_longer_fit(three: Comparison) -> None:
    question = Question(
        id="custom-1", set_id=CATALOGUE.sets[0].id, text="Cost?", kind=AnswerKind.MONEY
    )
    three.add_custom_question(question)
    three.set_answer("c1", "custom-1", Answer(rating=2, said="about 400", value=400.0))
    three.set_answer("c2", "custom-1", Answer(said="not asked"))
    before = state(three)
    change = three.change_question_kind("custom-1", AnswerKind.YES_NO)
    assert change.kind is ChangeKind.CHANGE_QUESTION_KIND
    assert three.question("custom-1").kind is AnswerKind.YES_NO
    assert three.answer("c1", "custom-1") == Answer(rating=2, said="about 400")
    assert three.answer("c2", "custom-1") == Answer(said="not asked")
    three.apply(change.inverse())
    assert state(three) == before
    # The same rule holds when the new kind comes in through an update of the question.
    via_update = three.update_custom_question(replace(question, kind=AnswerKind.TEXT))
    assert via_update.kind is ChangeKind.CHANGE_QUESTION_KIND
    assert three.answer("c1", "custom-1").value is None


def test_consecutive_typing_merges_into_one_change(three: Comparison) -> None:
    before = state(three)
    first = three.update_clinic(replace(three.clinic("c1"), name="Cl"))
    second = three.update_clinic(replace(three.clinic("c1"), name="Clear"))
    merged = first.followed_by(second)
    assert len(merged.steps) == 1
    assert not merged.is_empty
    three.apply(merged.inverse())
    assert state(three) == before
    back = three.update_clinic(replace(three.clinic("c1"), name="Clinic 1"))
    assert back.is_empty


def test_a_change_applied_twice_is_refused(three: Comparison) -> None:
    change = three.remove_clinic("c1")
    with pytest.raises(ChangeMismatchError):
        three.apply(change)


def test_501_clinics_cannot_be_made(three: Comparison) -> None:
    for number in range(4, 501):
        three.add_clinic(Clinic(id=f"c{number}", name="x"))
    revision = three.revision
    with pytest.raises(ValueError, match="at most 500 clinics"):
        three.add_clinic(Clinic(id="c501", name="One too many"))
    with pytest.raises(ValueError, match="at most 500 clinics"):
        three.duplicate_clinic("c1")
    assert len(three.clinics) == 500
    assert three.revision == revision, "a refused edit changes nothing"
    parse_comparison(comparison_to_yaml(three).encode(), "test", CATALOGUE)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda c: c.update_clinic(replace(c.clinic("c1"), name=" ")), "name cannot be empty"),
        (lambda c: c.update_clinic(replace(c.clinic("c1"), name="n" * 1001)), "at most 1,000"),
        (lambda c: c.update_clinic(replace(c.clinic("c1"), notes="n" * 100_001)), "100,000"),
        (lambda c: c.set_answer("c1", c.questions()[0].id, Answer(rating=6)), "between 1 and 5"),
        (lambda c: c.set_answer("c1", c.questions()[0].id, Answer(value=True)), "takes rating"),
        (lambda c: c.set_set_weight(CATALOGUE.sets[0].id, float("nan")), "between 0 and 100"),
        (lambda c: c.set_question_weight(c.questions()[0].id, 101), "between 0 and 100"),
        (lambda c: c.set_decision(Decision("c1", "r" * 100_001)), "100,000"),
    ],
)
def test_edits_beyond_a_limit_are_refused_and_change_nothing(
    three: Comparison, edit: Edit, message: str
) -> None:
    before, revision = state(three), three.revision
    with pytest.raises(ValueError, match=message):
        edit(three)
    assert state(three) == before
    assert three.revision == revision


def test_cost_and_money_answers_keep_the_money_limit(three: Comparison) -> None:
    cost = next(q for q in three.questions() if q.kind is AnswerKind.COST)
    with pytest.raises(ValueError, match="price per session"):
        three.set_answer("c1", cost.id, Answer(value=CostDetails(price_per_session=2e9)))
    with pytest.raises(ValueError, match="sessions recommended"):
        three.set_answer("c1", cost.id, Answer(value=CostDetails(sessions_recommended=10_001)))
    three.set_answer("c1", cost.id, Answer(value=CostDetails(price_per_session=1e9)))


def test_custom_questions_are_limited(three: Comparison) -> None:
    for number in range(1, 201):
        three.add_custom_question(
            Question(id=f"custom-{number}", set_id=CATALOGUE.sets[0].id, text="Q")
        )
    with pytest.raises(ValueError, match="at most 200 questions of your own"):
        three.add_custom_question(Question(id="custom-201", set_id=CATALOGUE.sets[0].id, text="Q"))


def test_edits_of_an_unknown_clinic_or_question_raise_key_error(three: Comparison) -> None:
    for edit in (
        lambda c: c.remove_clinic("nope"),
        lambda c: c.move_clinic("nope", 0),
        lambda c: c.update_clinic(Clinic(id="nope", name="x")),
        lambda c: c.remove_custom_question("nope"),
        lambda c: c.set_answer("c1", "nope", Answer(rating=1)),
    ):
        with pytest.raises(KeyError):
            edit(three)
