"""The patient's deal-breaker mark in the app: the check box's words, its status line, the mark
after a marked question, and a ruled-out clinic's words for the clinic list and the grid.

Which clinics a mark rules out, and why, is the decision core's fact, worded once by the
presentation layer (``Presentation.decision``); only the control's own words are here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the clinic list is on the first screen: nothing more to import at start
    from ketachecklist.core.document import Comparison
    from ketachecklist.present.decision import ClinicDecisionText
    from ketachecklist.ui.open_document import OpenDocument

DEAL_BREAKER_LABEL = "&Deal-breaker for me"
DEAL_BREAKER_DESCRIPTION = (
    "A clinic with a red flag or a rating of 1 or 2 on a deal-breaker is shown as ruled out by "
    "your own criteria, whatever its score. The mark is for this question at every clinic."
)
# After the question's text wherever questions are listed: words, never colour alone.
DEAL_BREAKER_MARK = "deal-breaker for me"
MARKED_MESSAGE = (
    "Marked as a deal-breaker for you: a clinic with a red flag or a rating of 1 or 2 here is "
    "ruled out by your own criteria. Undo takes it back."
)
UNMARKED_MESSAGE = "No longer a deal-breaker for you. Undo marks it again."
# Before a ruled-out clinic's name in the narrow clinic list, where the words after the name
# may be cut short: the start of the line still says so (a symbol, with the words, never alone).
RULED_OUT_MARK = "✗"


def deal_breaker_message(*, marked: bool) -> str:
    return MARKED_MESSAGE if marked else UNMARKED_MESSAGE


def deal_breaker_suffix(comparison: Comparison, question_id: str) -> str:
    """' (deal-breaker for me)' after a marked question's text in a row header; else ''."""
    return f" ({DEAL_BREAKER_MARK})" if comparison.is_deal_breaker(question_id) else ""


def ruled_out_words(document: OpenDocument, clinic_id: str) -> ClinicDecisionText | None:
    """The clinic's decision words when its own deal-breakers rule it out, else None."""
    if not document.comparison.deal_breakers:
        return None  # nothing marked, nothing ruled out: no need to weigh the whole decision
    words = document.presentation.decision.clinic(clinic_id)
    return words if words.ruled_out else None


def ruled_out_rank_text(document: OpenDocument, clinic_id: str, *, display: bool) -> str:
    """What the grid's rank row shows for a clinic ruled out ('' for any other): the phrase,
    and for a tooltip or a screen reader which deal-breaker and why."""
    words = ruled_out_words(document, clinic_id)
    if words is None:
        return ""
    return words.standing_text if display else f"{words.standing_text}: {words.ruled_out_reasons}"
