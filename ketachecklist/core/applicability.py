"""Whether one clinic's answer to one question counts: the fact every score, flag and page reads.

An answer counts unless the patient marked it "Doesn't apply to this clinic", or the question
is about treatments the clinic does not offer (``Question.applies``, the one rule in
core/treatments.py). An answer that does not count is still kept and shown, in words; it is
left out of scores, completeness, best marks and red flags. When the clinic's treatments change
back, it counts again: nothing is ever deleted.
"""

from __future__ import annotations

from enum import Enum

from ketachecklist.core.catalogue import Question
from ketachecklist.core.document import DOESNT_APPLY, Answer, Clinic
from ketachecklist.core.treatments import Treatment


class Applicability(Enum):
    APPLIES = "applies"
    MARKED = "marked"  # the patient chose "Doesn't apply to this clinic"
    NOT_FOR_TREATMENTS = "not_for_treatments"  # about treatments the clinic does not offer

    @property
    def counts(self) -> bool:
        return self is Applicability.APPLIES


# "Not for IV-only clinics": what a clinic offers, in a few words.
_OFFERED_WORDS = {
    Treatment.IV_INFUSION: "IV",
    Treatment.SPRAVATO: "Spravato",
    Treatment.INTRAMUSCULAR: "IM injection",
    Treatment.ORAL: "oral or at-home",
    Treatment.OTHER: "other",
}
# "this question is about IV infusions": what a question is for.
_ABOUT_WORDS = {
    Treatment.IV_INFUSION: "IV infusions",
    Treatment.SPRAVATO: "Spravato",
    Treatment.INTRAMUSCULAR: "injections into a muscle (IM)",
    Treatment.ORAL: "oral or at-home ketamine",
    Treatment.OTHER: "other treatments",
}


def applicability(question: Question, clinic: Clinic, answer: Answer) -> Applicability:
    if answer.doesnt_apply:
        return Applicability.MARKED
    if question.applies_to and not question.applies(clinic.treatments):  # most are for all
        return Applicability.NOT_FOR_TREATMENTS
    return Applicability.APPLIES


def not_for_treatments_text(question: Question, clinic: Clinic) -> str:
    """'Not for IV-only clinics: this question is about Spravato'."""
    offered = [_OFFERED_WORDS[t] for t in clinic.treatments]
    about = _about(question)
    if len(offered) == 1:
        who = f"{offered[0]}-only clinics"
    else:
        who = f"clinics offering {_joined(offered, 'and')}"
    return f"Not for {who}: this question is about {about}"


def question_is_about(question: Question) -> str:
    """'This question is about Spravato.', or '' for a question about every treatment."""
    if not question.applies_to:
        return ""
    return f"This question is about {_about(question)}."


def applicability_text(status: Applicability, question: Question, clinic: Clinic) -> str:
    """The state in words: '' when the answer counts."""
    if status is Applicability.MARKED:
        return DOESNT_APPLY
    if status is Applicability.NOT_FOR_TREATMENTS:
        return not_for_treatments_text(question, clinic)
    return ""


def _about(question: Question) -> str:
    return _joined([_ABOUT_WORDS[t] for t in question.applies_to], "or")


def _joined(words: list[str], conjunction: str) -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"
