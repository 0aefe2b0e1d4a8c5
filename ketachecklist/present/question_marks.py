"""What is marked on a question wherever it is listed beside its text: the patient's own question,
a weight other than the usual, and the deal-breaker mark. One wording for the comparison grid's
row headers, the weights list and every printed or exported table, so that the screen and the
paper mark the same question with the same words."""

from __future__ import annotations

from ketachecklist.core.catalogue import Question
from ketachecklist.core.document import Comparison
from ketachecklist.present.numbers import number_text
from ketachecklist.present.text import QT_TR_NOOP, tr

OWN_QUESTION = QT_TR_NOOP("your own question")
DEAL_BREAKER_MARK = QT_TR_NOOP("deal-breaker for me")


def deal_breaker_mark() -> str:
    """'deal-breaker for me', in the patient's language."""
    return tr(DEAL_BREAKER_MARK)


def weight_mark(weight: float) -> str:
    """'counts ×2' for a question or set weighted other than 1; '' at the usual weight."""
    return "" if weight == 1 else tr("counts ×{weight}").format(weight=number_text(weight))


def question_marks(comparison: Comparison, question: Question, *, weight: bool = True) -> list[str]:
    """The marks in the order shown: 'your own question', 'counts ×2', 'deal-breaker for me'
    (``weight=False`` where the weight has a column of its own)."""
    marks = [tr(OWN_QUESTION)] if question.custom else []
    if weight and (counts := weight_mark(comparison.question_weight(question.id))):
        marks.append(counts)
    if comparison.is_deal_breaker(question.id):
        marks.append(deal_breaker_mark())
    return marks


def marked_question(comparison: Comparison, question: Question, *, weight: bool = True) -> str:
    """The question's text with its marks after it: 'Do you offer a payment plan? (your own
    question · counts ×2)'; the text alone when nothing is marked."""
    marks = question_marks(comparison, question, weight=weight)
    return f"{question.text} ({' · '.join(marks)})" if marks else question.text
