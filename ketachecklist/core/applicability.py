"""Whether one clinic's answer to one question counts: the fact every score, flag and page reads.

An answer counts unless the patient marked it "Doesn't apply to this clinic", or the question
is about treatments the clinic does not offer (``Question.applies``, the one rule in
core/treatments.py). An answer that does not count is still kept and shown, in words
(present/applicability.py); it is
left out of scores, completeness, best marks and red flags. When the clinic's treatments change
back, it counts again: nothing is ever deleted.
"""

from __future__ import annotations

from enum import Enum

from ketachecklist.core.catalogue import Question
from ketachecklist.core.document import Answer, Clinic


class Applicability(Enum):
    APPLIES = "applies"
    MARKED = "marked"  # the patient chose "Doesn't apply to this clinic"
    NOT_FOR_TREATMENTS = "not_for_treatments"  # about treatments the clinic does not offer

    @property
    def counts(self) -> bool:
        return self is Applicability.APPLIES


def applicability(question: Question, clinic: Clinic, answer: Answer) -> Applicability:
    if answer.doesnt_apply:
        return Applicability.MARKED
    if question.applies_to and not question.applies(clinic.treatments):  # most are for all
        return Applicability.NOT_FOR_TREATMENTS
    return Applicability.APPLIES
