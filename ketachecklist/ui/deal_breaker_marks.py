"""The patient's deal-breaker mark in the app: the check box's words, its status line, and a
ruled-out clinic's words for the clinic list and the grid (the mark after a marked question is
the presentation layer's, present/question_marks.py, so the paper marks it too).

Which clinics a mark rules out, and why, is the decision core's fact, worded once by the
presentation layer (``Presentation.decision``); only the control's own words are here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ketachecklist import QT_TRANSLATE_NOOP
from ketachecklist.present.decision import RULED_OUT  # loaded with the presentation anyway
from ketachecklist.present.text import tr

if TYPE_CHECKING:
    from ketachecklist.ui.open_document import OpenDocument

# The words are translated where shown, under this context (QCoreApplication.translate).
CONTEXT = "DealBreakerMarks"
DEAL_BREAKER_LABEL = QT_TRANSLATE_NOOP("DealBreakerMarks", "&Deal-breaker for me")
DEAL_BREAKER_DESCRIPTION = QT_TRANSLATE_NOOP(
    "DealBreakerMarks",
    "A clinic with a red flag or a rating of 1 or 2 on a deal-breaker is shown as ruled out by "
    "your own criteria, whatever its score. The mark is for this question at every clinic.",
)
MARKED_MESSAGE = QT_TRANSLATE_NOOP(
    "DealBreakerMarks",
    "Marked as a deal-breaker for you: a clinic with a red flag or a rating of 1 or 2 here is "
    "ruled out by your own criteria. Undo takes it back.",
)
UNMARKED_MESSAGE = QT_TRANSLATE_NOOP(
    "DealBreakerMarks", "No longer a deal-breaker for you. Undo marks it again."
)
# Before a ruled-out clinic's name in the narrow clinic list, where the words after the name
# may be cut short: the start of the line still says so (a symbol, with the words, never alone).
RULED_OUT_MARK = "✗"


def deal_breaker_message(*, marked: bool) -> str:
    message = MARKED_MESSAGE if marked else UNMARKED_MESSAGE
    return QCoreApplication.translate(CONTEXT, message)


def is_ruled_out(document: OpenDocument, clinic_id: str) -> bool:
    """Whether the clinic's own deal-breakers rule it out: a lookup in this revision's set
    (``Presentation.ruled_out_ids``, worked out once for every row and cell that asks)."""
    return document.presentation.is_ruled_out(clinic_id)


def ruled_out_phrase() -> str:
    return tr(RULED_OUT)


def ruled_out_reasons(document: OpenDocument, clinic_id: str) -> str:
    """Which deal-breaker and why, in the decision's words (for tooltips and screen readers)."""
    return document.presentation.decision.clinic(clinic_id).ruled_out_reasons


def ruled_out_rank_text(document: OpenDocument, clinic_id: str, *, display: bool) -> str:
    """What the grid's rank row shows for a clinic ruled out ('' for any other): its standing
    (the one rule's words), and for a tooltip or a screen reader which deal-breaker and why."""
    if not is_ruled_out(document, clinic_id):
        return ""
    standing = document.presentation.clinic(clinic_id).rank_text
    return standing if display else f"{standing}: {ruled_out_reasons(document, clinic_id)}"
