"""The words of every fixed choice an editor offers — the kind of answer a question asks for,
insurance coverage, the treatments a clinic offers — in one table, translated where shown."""

from __future__ import annotations

from ketachecklist.core.catalogue import AnswerKind
from ketachecklist.core.document import Coverage
from ketachecklist.core.treatments import Treatment
from ketachecklist.present.text import QT_TR_NOOP, tr

Choice = AnswerKind | Coverage | Treatment

# Keyed by the enum member: these are str enums, so tests/present/test_choices.py checks that no
# two members of different enums share a value (they would share one entry).
CHOICE_WORDS: dict[Choice, str] = {
    AnswerKind.RATING: QT_TR_NOOP("rating only"),
    AnswerKind.YES_NO: QT_TR_NOOP("yes or no"),
    AnswerKind.MONEY: QT_TR_NOOP("amount of money"),
    AnswerKind.COUNT: QT_TR_NOOP("number"),
    AnswerKind.TEXT: QT_TR_NOOP("free text"),
    AnswerKind.COST: QT_TR_NOOP("cost details"),
    Coverage.UNKNOWN: QT_TR_NOOP("Not known yet"),
    Coverage.NONE: QT_TR_NOOP("Not covered"),
    Coverage.PARTIAL: QT_TR_NOOP("Partly covered"),
    Coverage.FULL: QT_TR_NOOP("Fully covered"),
    Treatment.IV_INFUSION: QT_TR_NOOP("IV infusion"),
    Treatment.SPRAVATO: QT_TR_NOOP("Spravato nasal spray"),
    Treatment.INTRAMUSCULAR: QT_TR_NOOP("Intramuscular injection"),
    Treatment.ORAL: QT_TR_NOOP("Oral or at-home"),
    Treatment.OTHER: QT_TR_NOOP("Other"),
}


def choice_text(choice: Choice) -> str:
    """'amount of money', 'Partly covered', 'Spravato nasal spray': the choice as an editor
    offers it."""
    return tr(CHOICE_WORDS[choice])
