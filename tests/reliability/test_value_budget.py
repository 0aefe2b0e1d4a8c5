"""Issue 11: the value budget (MAX_NODES) is derived from the other limits, so the largest
comparison the edits can make saves and opens again, while a hostile file still fails fast."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
import yaml

from ketachecklist.core.catalogue import AnswerKind, Question
from ketachecklist.core.comparison_writer import comparison_to_yaml
from ketachecklist.core.document import (
    Answer,
    AnswerValue,
    Clinic,
    Comparison,
    CostDetails,
    Coverage,
    Decision,
    WeightProfile,
)
from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.limits import (
    ANSWERS_PER_CLINIC,
    CATALOGUE_QUESTIONS,
    COST_ANSWERS_PER_CLINIC,
    MAX_BYTES,
    MAX_CLINICS,
    MAX_CUSTOM_QUESTIONS,
    MAX_NODES,
    MAX_WEIGHT_PROFILES,
    VALUE_MARGIN,
    VALUES_PER_ANSWER,
    VALUES_PER_CLINIC,
    VALUES_PER_COST_BREAKDOWN,
    VALUES_PER_CUSTOM_QUESTION,
    VALUES_PER_PROFILE,
    values_in_the_largest_comparison,
)
from ketachecklist.core.storage import load_comparison, parse_comparison, save_comparison
from ketachecklist.core.treatments import Treatment
from tests.reliability.helpers import CATALOGUE, same_content

pytestmark = pytest.mark.slow

VALUES: dict[AnswerKind, AnswerValue] = {
    AnswerKind.RATING: None,
    AnswerKind.YES_NO: True,
    AnswerKind.MONEY: 450.0,
    AnswerKind.COUNT: 6,
    AnswerKind.TEXT: "weekly, then monthly",
    AnswerKind.COST: CostDetails(450.0, 6, 120.0, Coverage.PARTIAL, 40.0),
}
CUSTOM_KINDS = [AnswerKind.YES_NO, AnswerKind.TEXT, AnswerKind.COUNT, AnswerKind.MONEY]


def values_in(text: str) -> int:
    """What the reader counts: every scalar, mapping and sequence the YAML composes."""
    counted = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
    return sum(isinstance(event, counted) for event in yaml.parse(text, Loader=yaml.CSafeLoader))


def custom_question(comparison: Comparison, index: int) -> Question:
    return Question(
        id=comparison.new_custom_question_id(),
        set_id=CATALOGUE.sets[index % len(CATALOGUE.sets)].id,
        text=f"My question {index}?",
        kind=AnswerKind.COST if index == 0 else CUSTOM_KINDS[index % len(CUSTOM_KINDS)],
        why="I want to know.",
        reassuring="A clear answer.",
        concerning="No answer.",
        unit="sessions",
    )


def full_clinic(index: int) -> Clinic:
    return Clinic(
        id=f"clinic-{index}",
        name=f"Clinic {index} — Zürich ☕",
        location="12 Main Street, Springfield",
        phone="+1 555 0100",
        website="https://clinic.example",
        contact="Dr. Lee",
        consultation_date=dt.date(2026, 12, 1 + index % 28),
        treatments=tuple(Treatment),
        treatment_other="ketamine lozenges",
        notes="Called twice; friendly.\nAsk about parking.",
    )


def full_answer(question: Question, rating: int) -> Answer:
    return Answer(rating, "They said so on the phone.", VALUES[question.kind], doesnt_apply=True)


def largest_comparison() -> Comparison:
    """Every count at its limit, as the edits make it (see core/limits.py)."""
    comparison = Comparison(catalogue=CATALOGUE, title="Our comparison")
    custom = []
    for index in range(MAX_CUSTOM_QUESTIONS):
        custom.append(custom_question(comparison, index))
        comparison.add_custom_question(custom[-1])
    questions = comparison.questions()
    answered = [*CATALOGUE.questions, *custom][:ANSWERS_PER_CLINIC]
    assert sum(q.kind is AnswerKind.COST for q in answered) == COST_ANSWERS_PER_CLINIC
    for index in range(MAX_CLINICS):
        clinic = full_clinic(index)
        comparison.add_clinic(clinic)
        for number, question in enumerate(answered):
            comparison.set_answer(clinic.id, question.id, full_answer(question, 1 + number % 5))
    for question_set in CATALOGUE.sets:
        comparison.set_set_weight(question_set.id, 2.5)
    for question in questions:
        comparison.set_question_weight(question.id, 1.5)
        comparison.set_deal_breaker(question.id, marked=True)
    sets = {s.id: 1.0 + i for i, s in enumerate(CATALOGUE.sets)}
    for index in range(MAX_WEIGHT_PROFILES):
        comparison.add_weight_profile(WeightProfile(f"Profile {index}", sets))
    comparison.activate_weight_profile("Profile 0")
    comparison.set_decision(Decision("clinic-0", "Closest, and they listened.", dt.date.today()))
    comparison.revision = 0
    return comparison


@pytest.fixture(scope="module")
def largest() -> Comparison:
    return largest_comparison()


def test_the_bundled_catalogue_fits_the_budget() -> None:
    assert len(CATALOGUE.questions) + 20 <= ANSWERS_PER_CLINIC
    assert len(CATALOGUE.questions) <= CATALOGUE_QUESTIONS
    assert sum(q.kind is AnswerKind.COST for q in CATALOGUE.questions) < COST_ANSWERS_PER_CLINIC


def test_the_budget_counts_what_the_writer_writes() -> None:
    """Each per-item count in core/limits.py is what one more such item adds to a file."""
    comparison = Comparison(catalogue=CATALOGUE)
    empty = values_in(comparison_to_yaml(comparison))
    comparison.add_clinic(Clinic(id="c", name="C"))
    comparison.add_clinic(full_clinic(1))
    one_clinic = values_in(comparison_to_yaml(comparison))
    assert one_clinic - empty == 2 * VALUES_PER_CLINIC + len(Treatment)

    rated = next(q for q in CATALOGUE.questions if q.kind is AnswerKind.YES_NO)
    comparison.set_answer("c", rated.id, full_answer(rated, 4))
    with_answer = values_in(comparison_to_yaml(comparison))
    assert with_answer - one_clinic == VALUES_PER_ANSWER

    cost = next(q for q in CATALOGUE.questions if q.kind is AnswerKind.COST)
    comparison.set_answer("c", cost.id, full_answer(cost, 4))
    with_cost = values_in(comparison_to_yaml(comparison))
    assert with_cost - with_answer == VALUES_PER_ANSWER + VALUES_PER_COST_BREAKDOWN

    comparison.add_custom_question(custom_question(comparison, 0))
    with_question = values_in(comparison_to_yaml(comparison))
    assert with_question - with_cost == VALUES_PER_CUSTOM_QUESTION
    comparison.add_weight_profile(WeightProfile("Me", {CATALOGUE.sets[0].id: 2.0}))
    with_profile = values_in(comparison_to_yaml(comparison))
    # The list's key and sequence, then the profile (not active: no 'active') and its one set.
    assert with_profile - with_question == 2 + (VALUES_PER_PROFILE - 2) + 2


def test_the_largest_comparison_is_within_the_budget(largest: Comparison) -> None:
    text = comparison_to_yaml(largest)
    assert len(text.encode()) < MAX_BYTES
    assert values_in(text) <= values_in_the_largest_comparison()
    assert values_in_the_largest_comparison() * VALUE_MARGIN <= MAX_NODES


def test_the_largest_comparison_saves_and_opens_again(tmp_path: Path, largest: Comparison) -> None:
    path = tmp_path / "largest.yaml"
    save_comparison(largest, path)
    started = time.perf_counter()
    loaded = load_comparison(path, CATALOGUE)
    opening = time.perf_counter() - started
    assert same_content(loaded, largest)
    assert len(loaded.answers) == MAX_CLINICS * ANSWERS_PER_CLINIC
    assert loaded.weight_profiles == largest.weight_profiles
    assert loaded.deal_breakers == largest.deal_breakers

    # A file of tiny values just over the budget: refused in one line, and no slower than
    # opening the largest real comparison (both measured here, on this machine).
    hostile = b"format: ketachecklist-comparison\nschema_version: 2\nnotes:\n"
    hostile += b"- 1\n" * (MAX_NODES + 10)
    started = time.perf_counter()
    with pytest.raises(FileFormatError) as caught:
        parse_comparison(hostile, "hostile.yaml", CATALOGUE)
    refusing = time.perf_counter() - started
    assert caught.value.count == 1
    assert f"the file holds more than {MAX_NODES:,} values" in str(caught.value)
    assert refusing < 1.5 * opening, (refusing, opening)
