"""'Doesn't apply to this clinic' and questions for other treatments: kept, shown, never counted.

Real catalogue where the issue names real questions; labels are read from it, never typed here.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from ketachecklist.core.applicability import Applicability, applicability
from ketachecklist.core.catalogue import QuestionRole, load_bundled_catalogue
from ketachecklist.core.document import Answer, Clinic, Comparison
from ketachecklist.core.scoring import (
    RedFlag,
    score_clinic,
    score_comparison,
)
from ketachecklist.core.treatments import Treatment
from ketachecklist.present.answers import ASK_MORE, red_flag_sentence, red_flag_text
from ketachecklist.present.applicability import not_for_treatments_text
from ketachecklist.present.ratings import DOESNT_APPLY
from tests.strategies import comparisons

CATALOGUE = load_bundled_catalogue()
VITALS = "administration-vital-signs"  # [iv_infusion, intramuscular], red flag when "no"
REMS = "administration-spravato-rems"  # [spravato], red flag when "no"
PUMP = "administration-infusion-pump"  # [iv_infusion]


def with_clinic(*treatments: Treatment, clinic_id: str = "c") -> Comparison:
    comparison = Comparison(catalogue=CATALOGUE)
    comparison.add_clinic(Clinic(id=clinic_id, name="Clinic", treatments=treatments))
    return comparison


def flagging(question_id: str) -> Answer:
    rule = CATALOGUE.question(question_id).red_flag
    assert rule is not None, f"{question_id} has a red flag in the catalogue"
    return Answer(rating=2, value=rule.when)


def test_spravato_only_clinic_following_its_label_has_no_red_flag() -> None:
    comparison = with_clinic(Treatment.SPRAVATO)
    # BP before and about 40 minutes after, two hours' observation: not "continuous" monitoring
    comparison.set_answer("c", VITALS, flagging(VITALS))
    comparison.set_answer("c", REMS, Answer(rating=5, value=True))
    score = score_clinic(comparison, "c")
    assert score.red_flags == ()
    assert score.applicability(VITALS) is Applicability.NOT_FOR_TREATMENTS
    assert score.applicability(REMS) is Applicability.APPLIES
    assert comparison.answer("c", VITALS) == flagging(VITALS), "kept, never deleted"


def test_iv_only_clinic_answering_no_to_rems_has_no_red_flag() -> None:
    comparison = with_clinic(Treatment.IV_INFUSION)
    comparison.set_answer("c", REMS, flagging(REMS))
    assert score_clinic(comparison, "c").red_flags == ()


def test_the_same_answers_still_flag_where_the_question_applies() -> None:
    iv = with_clinic(Treatment.IV_INFUSION)
    iv.set_answer("c", VITALS, flagging(VITALS))
    spravato = with_clinic(Treatment.SPRAVATO)
    spravato.set_answer("c", REMS, flagging(REMS))
    for comparison, question_id in ((iv, VITALS), (spravato, REMS)):
        label = CATALOGUE.question(question_id).red_flag.label  # type: ignore[union-attr]
        assert score_clinic(comparison, "c").red_flags == (RedFlag(question_id, label),)


def test_marking_doesnt_apply_removes_the_flag_and_unmarking_brings_it_back() -> None:
    comparison = with_clinic(Treatment.IV_INFUSION)
    comparison.set_answer("c", VITALS, flagging(VITALS))
    assert len(score_clinic(comparison, "c").red_flags) == 1
    comparison.set_answer("c", VITALS, replace(flagging(VITALS), doesnt_apply=True))
    score = score_clinic(comparison, "c")
    assert score.red_flags == ()
    assert score.applicability(VITALS) is Applicability.MARKED
    comparison.set_answer("c", VITALS, flagging(VITALS))
    assert len(score_clinic(comparison, "c").red_flags) == 1


def test_a_red_flag_reads_as_a_reason_to_ask_more() -> None:
    label = CATALOGUE.question(VITALS).red_flag.label  # type: ignore[union-attr]
    flag = RedFlag(VITALS, label)
    assert red_flag_text(flag) == f"⚠ RED FLAG: {label.rstrip('. ')}. {ASK_MORE}"
    assert "ask more" in red_flag_sentence(flag.label)


def test_questions_for_other_treatments_leave_scores_and_completeness() -> None:
    comparison = with_clinic(Treatment.SPRAVATO)
    comparison.set_answer("c", PUMP, Answer(rating=1, value=False))
    comparison.set_answer("c", REMS, Answer(rating=5, value=True))
    score = score_clinic(comparison, "c")
    for_spravato = [q.id for q in comparison.questions() if q.applies((Treatment.SPRAVATO,))]
    assert PUMP not in for_spravato
    assert VITALS not in for_spravato
    assert score.total == len(for_spravato)
    assert set(score.not_applying) == {q.id for q in comparison.questions()} - set(for_spravato)
    assert score.answered == 1
    assert score.overall == 100.0, "the pump's 1 is kept but not counted"
    set_id = CATALOGUE.question(PUMP).set_id
    result = score.set_result(set_id)
    rated, counted = result.rated, result.total
    in_set = [q for q in comparison.questions_in(set_id) if q.id in for_spravato]
    assert (rated, counted) == (1, len(in_set))


def test_changing_the_treatments_back_counts_the_kept_answers_again() -> None:
    comparison = with_clinic(Treatment.SPRAVATO)
    comparison.set_answer("c", PUMP, Answer(rating=1, value=False))
    assert score_clinic(comparison, "c").overall is None
    comparison.update_clinic(replace(comparison.clinic("c"), treatments=(Treatment.IV_INFUSION,)))
    score = score_clinic(comparison, "c")
    assert score.overall == 0.0
    assert score.answered == 1
    assert REMS in score.not_applying
    assert PUMP not in score.not_applying
    assert score.total == sum(q.applies((Treatment.IV_INFUSION,)) for q in comparison.questions())


def test_unknown_or_other_treatments_never_set_a_question_aside() -> None:
    for treatments in ((), (Treatment.OTHER,), (Treatment.SPRAVATO, Treatment.OTHER)):
        comparison = with_clinic(*treatments)
        assert score_clinic(comparison, "c").not_applying == {}, treatments


def test_marked_answers_are_left_out_of_best_marks() -> None:
    comparison = with_clinic(Treatment.IV_INFUSION, clinic_id="a")
    comparison.add_clinic(Clinic(id="b", name="B", treatments=(Treatment.IV_INFUSION,)))
    comparison.add_clinic(Clinic(id="c", name="C", treatments=(Treatment.IV_INFUSION,)))
    comparison.set_answer("a", PUMP, Answer(rating=5, doesnt_apply=True))
    comparison.set_answer("b", PUMP, Answer(rating=4))
    comparison.set_answer("c", PUMP, Answer(rating=3))
    assert score_comparison(comparison).best(PUMP) == {"b"}


def test_a_marked_cost_answer_leaves_the_cost_estimate() -> None:
    comparison = with_clinic()
    price = comparison.question_with_role(QuestionRole.COURSE_PRICE)
    assert price is not None
    comparison.set_answer("c", price.id, Answer(value=2600.0))
    assert score_clinic(comparison, "c").cost.course_total == 2600.0
    comparison.set_answer("c", price.id, Answer(value=2600.0, doesnt_apply=True))
    assert score_clinic(comparison, "c").cost.course_total is None


def test_doesnt_apply_is_neither_blank_nor_a_rating() -> None:
    marked = Answer(doesnt_apply=True)
    assert not marked.is_blank
    assert marked.rating is None
    assert marked != Answer()


def test_the_state_in_words() -> None:
    clinic = Clinic(id="c", name="C", treatments=(Treatment.IV_INFUSION,))
    rems = CATALOGUE.question(REMS)
    assert applicability(rems, clinic, Answer()) is Applicability.NOT_FOR_TREATMENTS
    assert applicability(rems, clinic, Answer(doesnt_apply=True)) is Applicability.MARKED
    assert not_for_treatments_text(rems, clinic) == (
        "Not for IV-only clinics: this question is about Spravato"
    )
    both = replace(clinic, treatments=(Treatment.SPRAVATO, Treatment.ORAL))
    vitals = CATALOGUE.question(VITALS)
    assert not_for_treatments_text(vitals, both) == (
        "Not for clinics offering Spravato and oral or at-home: this question is about "
        "IV infusions or injections into a muscle (IM)"
    )
    assert DOESNT_APPLY == "Doesn't apply to this clinic"


@settings(max_examples=40, deadline=None)
@given(comparisons(CATALOGUE), st.data())
def test_marking_an_answer_is_the_same_as_not_having_the_question(
    comparison: Comparison, data: st.DataObject
) -> None:
    """Scores, flags and best marks with an answer marked equal those with it never asked,
    except that the marked question no longer counts among the questions."""
    if not comparison.clinics:
        return
    clinic = data.draw(st.sampled_from(comparison.clinics))
    question = data.draw(st.sampled_from(comparison.questions()))
    recorded = comparison.answer(clinic.id, question.id)
    comparison.set_answer(clinic.id, question.id, replace(recorded, doesnt_apply=True))
    marked = score_comparison(comparison)
    marked_best = marked.best(question.id)
    comparison.set_answer(clinic.id, question.id, Answer())
    blank = score_comparison(comparison)
    blank_best = blank.best(question.id)
    counted_before = question.applies(clinic.treatments)
    for a, b in zip(marked.clinics, blank.clinics, strict=True):
        assert (a.overall, a.set_scores, a.red_flags) == (b.overall, b.set_scores, b.red_flags)
        assert a.answered == b.answered
        lost = 1 if a.clinic_id == clinic.id and counted_before else 0
        assert a.total == b.total - lost
    assert marked.ranking == blank.ranking
    assert marked_best == blank_best
