"""Why an answer does not count, in words: 'Not for IV-only clinics: this question is about
Spravato', "Doesn't apply to this clinic" (the fact is core/applicability.py)."""

from __future__ import annotations

from ketachecklist.core.applicability import Applicability
from ketachecklist.core.catalogue import Question
from ketachecklist.core.document import Clinic
from ketachecklist.core.treatments import Treatment
from ketachecklist.present.ratings import DOESNT_APPLY
from ketachecklist.present.text import QT_TR_NOOP, tr

# "Not for IV-only clinics": what a clinic offers, in a few words.
_OFFERED_WORDS = {
    Treatment.IV_INFUSION: QT_TR_NOOP("IV"),
    Treatment.SPRAVATO: QT_TR_NOOP("Spravato"),
    Treatment.INTRAMUSCULAR: QT_TR_NOOP("IM injection"),
    Treatment.ORAL: QT_TR_NOOP("oral or at-home"),
    Treatment.OTHER: QT_TR_NOOP("other"),
}
# "this question is about IV infusions": what a question is for.
_ABOUT_WORDS = {
    Treatment.IV_INFUSION: QT_TR_NOOP("IV infusions"),
    Treatment.SPRAVATO: QT_TR_NOOP("Spravato"),
    Treatment.INTRAMUSCULAR: QT_TR_NOOP("injections into a muscle (IM)"),
    Treatment.ORAL: QT_TR_NOOP("oral or at-home ketamine"),
    Treatment.OTHER: QT_TR_NOOP("other treatments"),
}


def not_for_treatments_text(question: Question, clinic: Clinic) -> str:
    """'Not for IV-only clinics: this question is about Spravato'."""
    offered = [tr(_OFFERED_WORDS[t]) for t in clinic.treatments]
    about = _about(question)
    if len(offered) == 1:
        who = tr("{offered}-only clinics").format(offered=offered[0])
    else:
        who = tr("clinics offering {offered}").format(offered=_joined(offered, tr("and")))
    return tr("Not for {who}: this question is about {about}").format(who=who, about=about)


def question_is_about(question: Question) -> str:
    """'This question is about Spravato.', or '' for a question about every treatment."""
    if not question.applies_to:
        return ""
    return tr("This question is about {about}.").format(about=_about(question))


def applicability_text(status: Applicability, question: Question, clinic: Clinic) -> str:
    """The state in words: '' when the answer counts."""
    if status is Applicability.MARKED:
        return tr(DOESNT_APPLY)
    if status is Applicability.NOT_FOR_TREATMENTS:
        return not_for_treatments_text(question, clinic)
    return ""


def _about(question: Question) -> str:
    return _joined([tr(_ABOUT_WORDS[t]) for t in question.applies_to], tr("or"))


def _joined(words: list[str], conjunction: str) -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"
