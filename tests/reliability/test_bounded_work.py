"""Issue 9: every list has a limit checked before costly work; problems are reported to a bound."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ketachecklist.commands.validate import validate_file
from ketachecklist.core.catalogue import AnswerKind, Question
from ketachecklist.core.document import Answer, Clinic
from ketachecklist.core.errors import (
    MAX_PROBLEMS,
    FileFormatError,
    SaveError,
    SaveStage,
    save_error_message,
)
from ketachecklist.core.limits import (
    MAX_BYTES,
    MAX_CLINICS,
    MAX_CUSTOM_QUESTIONS,
    MAX_NODES,
    MAX_TREATMENTS_LISTED,
)
from ketachecklist.core.storage import comparison_to_yaml, save_comparison
from tests.reliability.helpers import sample_comparison

HEADER = "format: ketachecklist-comparison\nschema_version: 1\n"
YES_NO = AnswerKind.YES_NO


def _custom(count: int) -> str:
    return "custom_questions:\n" + "".join(
        f"  - {{id: custom-{i}, set: cost, text: Q{i}, kind: rating}}\n" for i in range(count)
    )


CASES = {
    "custom questions": (_custom(MAX_CUSTOM_QUESTIONS + 1), "custom questions; a comparison"),
    "clinics": (
        "clinics:\n" + "".join(f"  - {{id: c{i}, name: C}}\n" for i in range(MAX_CLINICS + 1)),
        f"{MAX_CLINICS + 1} clinics; a comparison holds at most {MAX_CLINICS}",
    ),
    "treatments": (
        "clinics:\n  - id: c\n    name: C\n    treatments: ["
        + ", ".join(["oral"] * (MAX_TREATMENTS_LISTED + 1))
        + "]\n",
        f"{MAX_TREATMENTS_LISTED + 1} treatments",
    ),
    "answers": (
        "clinics:\n  - id: c\n    name: C\n    answers:\n"
        + "".join(f"      q{i}: {{rating: 1}}\n" for i in range(300)),
        "300 answers, but there are only",
    ),
    "question weights": (
        "weights:\n  questions:\n" + "".join(f"    q{i}: 1\n" for i in range(300)),
        "300 weights; at most",
    ),
    "values": ("title: x\nnotes:\n" + "- 1\n" * (MAX_NODES + 10), f"more than {MAX_NODES:,}"),
}


@pytest.mark.parametrize("name", CASES)
def test_a_list_over_its_limit_is_refused_in_one_line(tmp_path: Path, name: str) -> None:
    body, expected = CASES[name]
    path = tmp_path / "mine.yaml"
    path.write_text(HEADER + body, encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(FileFormatError) as caught:
        validate_file(path)
    if name != "values":  # the value budget's own speed check: tests/.../test_value_budget.py
        assert time.perf_counter() - started < 2.0
    assert caught.value.count == 1, str(caught.value)
    assert expected in str(caught.value)


def test_many_problems_are_reported_up_to_a_bound(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(HEADER + "".join(f"unknown-{i}: 1\n" for i in range(15_000)), encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        validate_file(path)
    lines = str(caught.value).splitlines()
    assert caught.value.count == 15_000
    assert len(lines) == MAX_PROBLEMS + 1
    assert lines[0] == "mine.yaml line 3: the comparison file: unknown field 'unknown-0'"
    assert lines[-1] == f"… and {15_000 - MAX_PROBLEMS:,} more problems"


def test_custom_questions_at_the_limit_validate_fast(tmp_path: Path) -> None:
    """Was quadratic: 20,000 custom questions took 26 s. The limit itself must be cheap."""
    path = tmp_path / "mine.yaml"
    path.write_text(HEADER + _custom(MAX_CUSTOM_QUESTIONS), encoding="utf-8")
    started = time.perf_counter()
    assert f"{MAX_CUSTOM_QUESTIONS} custom questions" in validate_file(path)
    assert time.perf_counter() - started < 2.0


def test_a_comparison_over_the_value_limit_is_not_saved_and_says_why(tmp_path: Path) -> None:
    """Built by edits past the value budget (core/limits.py: MAX_CLINICS clinics answering
    ANSWERS_PER_CLINIC questions): 500 clinics answer about 130 questions each (a rating and
    words: six values an answer), under the size limit and every other one, so only the value
    budget stops it, at the save, with a reason."""
    comparison = sample_comparison(1, clinics=0)
    needed = MAX_NODES // (MAX_CLINICS * 6) + 10
    for index in range(needed - len(comparison.questions())):
        question = Question(comparison.new_custom_question_id(), "cost", f"Q{index}?", YES_NO)
        comparison.add_custom_question(question)
    questions = [q.id for q in comparison.questions()]
    for index in range(MAX_CLINICS):
        comparison.add_clinic(Clinic(id=f"c{index}", name=f"Clinic {index}"))
        for question_id in questions:
            comparison.set_answer(f"c{index}", question_id, Answer(rating=3, said="ok"))
    assert len(comparison_to_yaml(comparison).encode()) < MAX_BYTES
    path = tmp_path / "mine.yaml"
    with pytest.raises(SaveError) as caught:
        save_comparison(comparison, path)
    assert caught.value.stage is SaveStage.CHECK
    assert not path.exists()
    assert f"it would hold more than {MAX_NODES:,} values" in save_error_message(caught.value)
