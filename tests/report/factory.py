"""Deterministic comparisons of any size, with the hostile text a report must survive.

Used by the report tests and by benchmarks/bench_export.py. Clinic names are unique and carry
markup, formula starts, emoji and other scripts; some clinics have 200-character notes.
"""

from __future__ import annotations

import datetime as dt
import random

from ketachecklist.core.catalogue import AnswerKind, Catalogue, Question, load_bundled_catalogue
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

NAME_STYLES = [
    "Harbor Light Ketamine Center",
    "<b>Bold</b> & =SUM(A1)",
    "Zürich Klinik für Stimmung 😀",
    "مركز الأمل 漢字 Clinic",
    "+1 Wellness @Home",
    "-Minus & <i>Italic</i> Care",
    "Café Mood Clinic 💊",
    "Riverside Mood Disorders",
]
HOSTILE_NAME = NAME_STYLES[1]
SAID = [
    "A psychiatrist does the full evaluation in person.",
    '=HYPERLINK("http://example.invalid","click")',
    "<script>alert('x')</script> they said no",
    "Twice a week 'as long as you like'.",
    "@SUM(1+1) per session",
    "Zürich — café 😀 مرحبا 漢字",
    "",
]


def long_note(index: int) -> str:
    """Exactly 200 characters, distinct per clinic, ending in a marker tests look for."""
    head = f"Note {index:03d}: <b>not bold</b> & =cmd|' /C calc'!A0 — café 😀 "
    filler = "we talked about parking, the waiting list, payment plans and the follow-up calls "
    text = head + filler * 4
    marker = f" END-{index:03d}"
    return text[: 200 - len(marker)] + marker


def clinic_name(index: int) -> str:
    return f"{index + 1:02d} {NAME_STYLES[index % len(NAME_STYLES)]}"


def _value(question: Question, rng: random.Random) -> AnswerValue:
    kind = question.kind
    if kind is AnswerKind.YES_NO:
        return rng.random() < 0.7
    if kind is AnswerKind.MONEY:
        return float(rng.randrange(1000, 9000, 50))
    if kind is AnswerKind.COUNT:
        return rng.randrange(1, 120)
    if kind is AnswerKind.TEXT:
        return rng.choice(["Twice weekly", "=1+1", "Weekly, then monthly"])
    if kind is AnswerKind.COST:
        return CostDetails(
            price_per_session=float(rng.randrange(300, 1000, 25)),
            sessions_recommended=rng.randrange(4, 12),
            other_fees=float(rng.randrange(0, 500, 50)),
            insurance=rng.choice(list(Coverage)),
            insurance_percent=50.0,
        )
    return None


def make_comparison(
    clinics: int,
    *,
    seed: int = 1,
    answered: float = 0.75,
    catalogue: Catalogue | None = None,
    decide: bool = True,
) -> Comparison:
    catalogue = catalogue or load_bundled_catalogue()
    rng = random.Random(seed)
    comparison = Comparison(catalogue=catalogue, title=f"Family shortlist <{clinics} clinics> & co")
    questions = comparison.questions()
    for index in range(clinics):
        clinic = Clinic(
            id=f"clinic-{index + 1}",
            name=clinic_name(index),
            location=f"{index + 1} Example Street, Springfield",
            phone=f"+1 555-01{index:02d}",
            website=f"clinic{index + 1}.example",
            contact="Dr. Example <admin@example.invalid>",
            consultation_date=dt.date(2026, 12, 1) + dt.timedelta(days=index),
            treatments=(Treatment.IV_INFUSION,) if index % 2 else (Treatment.SPRAVATO,),
            notes=long_note(index) if index % 3 == 0 else "Short note.",
        )
        comparison.add_clinic(clinic)
        for question in questions:
            if rng.random() > answered:
                continue
            comparison.set_answer(
                clinic.id,
                question.id,
                Answer(
                    rating=rng.randint(1, 5),
                    said=rng.choice(SAID),
                    value=_value(question, rng),
                ),
            )
    if decide and comparison.clinics:
        comparison.set_decision(
            Decision(comparison.clinics[0].id, "Closest to home; <b>kind</b> staff.", None)
        )
    comparison.revision = 0
    return comparison
