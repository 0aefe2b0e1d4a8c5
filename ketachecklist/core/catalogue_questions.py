"""The catalogue's questions: one question mapping read and checked (also a comparison file's
custom questions, with ``custom=True``), its red-flag rule, and the one-question-per-role rule.
"""

from __future__ import annotations

from typing import Any

from ketachecklist.core.catalogue_model import (
    ROLE_KINDS,
    AnswerKind,
    Question,
    QuestionRole,
    RedFlagRule,
)
from ketachecklist.core.errors import Problem
from ketachecklist.core.fields import FieldReader, line_of
from ketachecklist.core.treatments import read_treatments
from ketachecklist.text import tr

QUESTION_FIELDS = [
    "id",
    "set",
    "text",
    "why",
    "reassuring",
    "concerning",
    "kind",
    "source",
    "beyond_article",
    "red_flag",
    "unit",
    "role",
    "applies_to",
]


def read_question(
    raw: Any,
    index: int,
    problems: list[Problem],
    set_ids: set[str],
    source_ids: set[str],
    *,
    custom: bool,
) -> Question | None:
    """Read one question mapping; catalogue questions must carry why/answers/source."""
    reader = FieldReader(raw, tr("question {number}").format(number=index + 1), problems)
    if not reader.ok:
        return None
    question_id = reader.identifier("id")
    if question_id:
        reader.what = tr("question '{id}'").format(id=question_id)
    reader.reject_unknown(QUESTION_FIELDS)
    set_id = reader.text("set")
    if set_id and set_id not in set_ids:
        known = ", ".join(sorted(set_ids))
        reader.problem(
            "set", tr("unknown set '{id}' (known: {known})").format(id=set_id, known=known)
        )
    kind_text = reader.choice("kind", [k.value for k in AnswerKind])
    kind = AnswerKind(kind_text) if kind_text else AnswerKind.RATING
    source = reader.text("source", required=not custom)
    if source and source_ids and source not in source_ids:
        reader.problem("source", tr("unknown source '{id}'").format(id=source))
    role_text = reader.choice("role", [r.value for r in QuestionRole], required=False)
    role = QuestionRole(role_text) if role_text else None
    if role is not None and kind_text and ROLE_KINDS[role] is not kind:
        needed = ROLE_KINDS[role].value
        reader.problem(
            "role", tr("role '{role}' needs kind '{kind}'").format(role=role.value, kind=needed)
        )
    red_flag = _read_red_flag(reader, kind if kind_text else None)
    # applies_to: [iv_infusion, intramuscular]; missing or empty means every treatment.
    applies_to = read_treatments(
        reader.sequence("applies_to"), reader.what, problems, tr(" in applies_to")
    )
    return Question(
        id=question_id,
        set_id=set_id,
        text=reader.text("text"),
        kind=kind,
        why=reader.text("why", required=not custom),
        reassuring=reader.text("reassuring", required=not custom),
        concerning=reader.text("concerning", required=not custom),
        source=source,
        beyond_article=reader.boolean("beyond_article"),
        red_flag=red_flag,
        unit=reader.text("unit", required=False),
        role=role,
        custom=custom,
        applies_to=applies_to,
    )


def _read_red_flag(reader: FieldReader, kind: AnswerKind | None) -> RedFlagRule | None:
    if not reader.has("red_flag"):
        return None
    flag_what = tr("{what} red_flag").format(what=reader.what)
    flag = FieldReader(reader.raw("red_flag"), flag_what, reader.problems)
    if not flag.ok:
        return None
    flag.reject_unknown(["when", "label"])
    when = flag.choice("when", ["yes", "no"])
    label = flag.text("label")
    if kind is not None and kind is not AnswerKind.YES_NO:
        message = tr("a red_flag needs kind 'yes_no', not '{kind}'").format(kind=kind.value)
        reader.problem("red_flag", message)
        return None
    return RedFlagRule(when=when == "yes", label=label) if when and label else None


def check_roles(
    questions: list[Question], raw_questions: list[Any], problems: list[Problem]
) -> None:
    seen: set[QuestionRole] = set()
    for index, question in enumerate(questions):
        if question.role is None:
            continue
        if question.role in seen:
            problems.append(
                Problem(
                    tr(
                        "question '{id}': role '{role}' is already given to another question"
                    ).format(id=question.id, role=question.role.value),
                    line_of(raw_questions, index),
                )
            )
        seen.add(question.role)
