"""The analysis after an edit keeps the earlier revision's tallies that still hold, and every
fact stays the one a fresh analysis gives; an analysis dropped after an edit leaves no
reference cycle behind for the garbage collector."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from ketachecklist.core.changes import Change
from ketachecklist.core.decision.analysis import analyse
from ketachecklist.core.document import Answer, Comparison
from ketachecklist.core.scoring import score_comparison
from ketachecklist.core.treatments import Treatment
from ketachecklist.present.presentation import Presentation
from tests.core.decision.builders import (
    FLAG_QUESTIONS,
    QUESTION_IDS,
    SET_IDS,
    comparisons,
    make,
    rate,
    weights,
)
from tests.core.decision.test_lazy_analysis import assert_same_facts, eager_facts

Edit = Callable[[Comparison], Change]


@st.composite
def edits(draw: st.DrawFn, comparison: Comparison) -> Edit:
    """An answer (most often), a clinic's treatments, a weight or a deal-breaker mark."""
    clinic_id = draw(st.sampled_from([c.id for c in comparison.clinics]))
    question_id = draw(st.sampled_from(QUESTION_IDS))
    kind = draw(st.sampled_from(["answer"] * 4 + ["treatments", "weight", "deal-breaker"]))
    if kind == "answer":
        value = draw(st.none() | st.booleans()) if question_id in FLAG_QUESTIONS else None
        answer = Answer(draw(st.none() | st.integers(1, 5)), "", value, draw(st.booleans()))
        return lambda c: c.set_answer(clinic_id, question_id, answer)
    if kind == "treatments":
        offered = draw(st.sampled_from([(), (Treatment.IV_INFUSION,), (Treatment.SPRAVATO,)]))
        return lambda c: c.update_clinic(replace(c.clinic(clinic_id), treatments=offered))
    if kind == "weight":
        set_id, weight = draw(st.sampled_from(SET_IDS)), draw(weights)
        return lambda c: c.set_set_weight(set_id, weight)
    marked = draw(st.booleans())
    return lambda c: c.set_deal_breaker(question_id, marked)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_an_analysis_lent_the_earlier_tallies_is_the_fresh_analysis(data: st.DataObject) -> None:
    comparison = data.draw(comparisons(2, 6))
    earlier = analyse(comparison)
    earlier.verdict  # noqa: B018 - the verdict's tallies, as the grid's label makes them
    for _ in range(data.draw(st.integers(1, 6))):
        data.draw(edits(comparison))(comparison)
        analysis = analyse(comparison, score_comparison(comparison), earlier.tallies)
        assert_same_facts(analysis, eager_facts(comparison))
        earlier = analysis


def rated(count: int) -> Comparison:
    comparison = make(*(f"C{i}" for i in range(count)))
    for number, clinic in enumerate(comparison.clinics):
        rate(comparison, clinic.id, e1=1 + number % 5, e2=3, a1=1 + (number + 2) % 5, c1=4)
    return comparison


def test_an_answer_edit_keeps_the_other_clinics_tallies() -> None:
    comparison = rated(3)
    before = Presentation(comparison)
    before.verdict  # noqa: B018
    for clinic in comparison.clinics:
        before.analysis.score_range(clinic.id)  # every clinic's tally made
    rate(comparison, "c1", e1=5)
    after = Presentation(comparison, earlier=before)
    for clinic in comparison.clinics:
        after.analysis.score_range(clinic.id)
    tallies, earlier_tallies = after.analysis.tallies, before.analysis.tallies
    kept = {c for c in tallies if tallies[c] is earlier_tallies[c]}
    assert kept == {"c0", "c2"}
    assert after.analysis.score_range("c1") == analyse(comparison).score_range("c1")


def test_a_weight_edit_makes_every_tally_again() -> None:
    comparison = rated(3)
    before = Presentation(comparison)
    for clinic in comparison.clinics:
        before.analysis.score_range(clinic.id)
    comparison.set_set_weight("cost", comparison.set_weight("cost") + 1)
    after = Presentation(comparison, earlier=before)
    for clinic in comparison.clinics:
        assert after.analysis.tallies[clinic.id] is not before.analysis.tallies[clinic.id]
        assert after.analysis.score_range(clinic.id) == analyse(comparison).score_range(clinic.id)


@contextmanager
def collector_off() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_a_revision_s_presentation_and_analysis_are_freed_without_the_collector() -> None:
    comparison = rated(4)
    with collector_off():
        earlier: Presentation | None = None
        for rating in (1, 2, 3, 4, 5):
            rate(comparison, "c0", e1=rating)
            presentation = Presentation(comparison, earlier=earlier)
            presentation.verdict  # noqa: B018 - the analysis and its tallies
            presentation.decision  # noqa: B018 - every decision fact in words
            earlier = presentation
        del presentation, earlier
        # Nothing left that only the cyclic collector could free: each revision's facts go
        # when the next replaces them, instead of piling up for a full collection mid-edit.
        assert gc.collect() == 0
