"""A small catalogue and hypothesis strategies for the decision-support tests."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st

from ketachecklist.core.applicability import applicability
from ketachecklist.core.catalogue import AnswerKind, Catalogue, Question, QuestionSet, RedFlagRule
from ketachecklist.core.document import Answer, Clinic, Comparison
from ketachecklist.core.scoring import score_comparison
from ketachecklist.core.treatments import Treatment

SET_IDS = ("evaluation", "administration", "cost")


def small_catalogue() -> Catalogue:
    sets = tuple(QuestionSet(s, s.title()) for s in SET_IDS)
    questions = (
        Question("e1", "evaluation", "Who evaluates me?"),
        Question("e2", "evaluation", "Do you check my medicines?"),
        Question(
            "e3",
            "evaluation",
            "Do you screen for substance use?",
            kind=AnswerKind.YES_NO,
            red_flag=RedFlagRule(when=False, label="No screening for substance use"),
        ),
        Question("a1", "administration", "Who gives the dose?"),
        Question(
            "a2",
            "administration",
            "Are vital signs watched?",
            kind=AnswerKind.YES_NO,
            red_flag=RedFlagRule(when=False, label="No vital-sign monitoring"),
        ),
        Question(
            "a3",
            "administration",
            "What if I feel unwell after the spray?",
            applies_to=(Treatment.SPRAVATO,),
        ),
        Question("c1", "cost", "Whole course price?"),
        Question("c2", "cost", "Booster sessions?"),
    )
    return Catalogue(id="small", version="1", title="Small", sets=sets, questions=questions)


CATALOGUE = small_catalogue()
QUESTION_IDS = tuple(q.id for q in CATALOGUE.questions)
FLAG_QUESTIONS = ("e3", "a2")
weights = st.sampled_from([0.0, 0.5, 1.0, 2.0, 3.0]) | st.floats(0.1, 10)


def make(*names: str) -> Comparison:
    comparison = Comparison(catalogue=CATALOGUE)
    for name in names:
        comparison.add_clinic(Clinic(id=name.lower(), name=name))
    return comparison


def rate(comparison: Comparison, clinic_id: str, **ratings: int | None) -> None:
    """New ratings; what else the answers hold (notes, values, "doesn't apply") is kept."""
    for question_id, rating in ratings.items():
        old = comparison.answer(clinic_id, question_id)
        comparison.set_answer(clinic_id, question_id, replace(old, rating=rating))


@st.composite
def comparisons(draw: st.DrawFn, min_clinics: int = 2, max_clinics: int = 5) -> Comparison:
    count = draw(st.integers(min_clinics, max_clinics))
    comparison = make(*(f"C{i}" for i in range(count)))
    for clinic in list(comparison.clinics):
        offered = draw(st.sampled_from([(), (Treatment.IV_INFUSION,), (Treatment.SPRAVATO,)]))
        comparison.update_clinic(replace(clinic, treatments=offered))
        for question_id in QUESTION_IDS:
            rating = draw(st.none() | st.integers(1, 5))
            value = draw(st.none() | st.booleans()) if question_id in FLAG_QUESTIONS else None
            marked = draw(st.integers(0, 9)) == 0  # now and then "doesn't apply"
            comparison.set_answer(clinic.id, question_id, Answer(rating, "", value, marked))
    for set_id in draw(st.lists(st.sampled_from(SET_IDS), unique=True)):
        comparison.set_set_weight(set_id, draw(weights))
    for question_id in draw(st.lists(st.sampled_from(QUESTION_IDS), unique=True, max_size=3)):
        comparison.set_question_weight(question_id, draw(weights))
    for question_id in draw(st.lists(st.sampled_from(QUESTION_IDS), unique=True, max_size=2)):
        comparison.set_deal_breaker(question_id, True)
    return comparison


def ruled_out_by_the_rule(comparison: Comparison, clinic_id: str) -> bool:
    """The deal-breaker rule restated for the tests: a red flag or a 1–2 on a marked question."""
    clinic = comparison.clinic(clinic_id)
    for question_id in comparison.deal_breakers:
        question = comparison.question(question_id)
        answer = comparison.answer(clinic_id, question_id)
        if not applicability(question, clinic, answer).counts:
            continue
        if answer.rating in (1, 2):
            return True
        rule = question.red_flag
        if rule is not None and answer.value is rule.when:
            return True
    return False


def leader_as_scored(comparison: Comparison) -> str | None:
    """First in scoring's ranking among scored clinics not ruled out."""
    scores = score_comparison(comparison)
    for clinic_id in scores.ranking:
        if scores.of(clinic_id).overall is not None and not ruled_out_by_the_rule(
            comparison, clinic_id
        ):
            return clinic_id
    return None
