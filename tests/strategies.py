"""Hypothesis strategies for whole comparison documents, shared by core, report and UI tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from ketachecklist.core.catalogue import AnswerKind, Catalogue, Question
from ketachecklist.core.document import (
    Answer,
    AnswerValue,
    Clinic,
    Comparison,
    CostDetails,
    Coverage,
    Decision,
)
from ketachecklist.core.treatments import Treatment

# Text a patient might type, and text an attacker might: unicode, emoji, markup, formulas, CRLF.
HOSTILE_SAMPLES = [
    "<b>Bold</b> & =SUM(A1)",
    "=cmd|' /C calc'!A0",
    "+1 (555) 010-0199",
    "-2",
    "@SUM(1)",
    "\tleading tab",
    "line one\r\nline two",
    "Zürich — café ☕ 😀 مرحبا 漢字",
    "<script>alert('x')</script>",
    "&amp; &lt;not an entity&gt;",
    "yes",
    "null",
    "2026-11-30",
    "# not a comment",
    "key: value",
    "- not a list",
]

user_text = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=60),
    st.sampled_from(HOSTILE_SAMPLES),
    st.text(alphabet="ab \n", min_size=150, max_size=400),
)
name_text = user_text.filter(lambda s: bool(s.strip()))
money = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))


def value_for(kind: AnswerKind) -> st.SearchStrategy[AnswerValue]:
    if kind is AnswerKind.YES_NO:
        return st.none() | st.booleans()
    if kind is AnswerKind.MONEY:
        return st.none() | money
    if kind is AnswerKind.COUNT:
        return st.none() | st.integers(0, 10_000)
    if kind is AnswerKind.TEXT:
        return st.none() | name_text
    if kind is AnswerKind.COST:
        return st.none() | st.builds(
            CostDetails,
            price_per_session=st.none() | money,
            sessions_recommended=st.none() | st.integers(0, 100),
            other_fees=st.none() | money,
            insurance=st.sampled_from(Coverage),
            insurance_percent=st.none() | st.floats(0, 100),
        )
    return st.none()


def answer_for(question: Question) -> st.SearchStrategy[Answer]:
    return st.builds(
        Answer,
        rating=st.none() | st.integers(1, 5),
        said=user_text,
        value=value_for(question.kind),
        doesnt_apply=st.booleans(),
    )


@st.composite
def comparisons(draw: st.DrawFn, catalogue: Catalogue, max_clinics: int = 4) -> Comparison:
    comparison = Comparison(catalogue=catalogue, title=draw(st.just("") | name_text))
    for index in range(draw(st.integers(0, 2))):
        question = Question(
            id=f"custom-{index + 1}",
            set_id=draw(st.sampled_from([s.id for s in catalogue.sets])),
            text=draw(name_text),
            kind=draw(st.sampled_from(AnswerKind)),
            custom=True,
        )
        comparison.add_custom_question(question)
    questions = comparison.questions()
    for _ in range(draw(st.integers(0, max_clinics))):
        clinic = Clinic(
            id=comparison.new_clinic_id(),
            name=draw(name_text),
            location=draw(user_text),
            phone=draw(user_text),
            website=draw(user_text),
            contact=draw(user_text),
            consultation_date=draw(st.none() | dates),
            treatments=tuple(draw(st.lists(st.sampled_from(Treatment), unique=True))),
            treatment_other=draw(user_text),
            notes=draw(user_text),
        )
        comparison.add_clinic(clinic)
        for question in draw(
            st.lists(st.sampled_from(questions), unique_by=lambda q: q.id, max_size=12)
        ):
            answer = draw(answer_for(question))
            comparison.set_answer(clinic.id, question.id, answer)
    for question_set in draw(st.lists(st.sampled_from(catalogue.sets), unique=True)):
        comparison.set_set_weight(question_set.id, draw(st.floats(0, 10)))
    for question in draw(
        st.lists(st.sampled_from(questions), unique_by=lambda q: q.id, max_size=5)
    ):
        comparison.set_question_weight(question.id, draw(st.floats(0, 10)))
    if comparison.clinics and draw(st.booleans()):
        comparison.set_decision(
            Decision(
                draw(st.sampled_from(comparison.clinics)).id,
                draw(user_text),
                draw(st.none() | dates),
            )
        )
    comparison.revision = 0
    return comparison
