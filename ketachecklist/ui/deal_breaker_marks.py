"""The words of the patient's deal-breaker mark: the check box, its status line, the list mark.

Which clinics a mark rules out, and why, is the decision core's fact, worded by the
presentation layer (``Presentation.decision``); these are only the control's own words.
"""

from __future__ import annotations

from ketachecklist.core.document import Comparison

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


def deal_breaker_message(*, marked: bool) -> str:
    return MARKED_MESSAGE if marked else UNMARKED_MESSAGE


def deal_breaker_suffix(comparison: Comparison, question_id: str) -> str:
    """' (deal-breaker for me)' after a marked question's text in a row header; else ''."""
    return f" ({DEAL_BREAKER_MARK})" if comparison.is_deal_breaker(question_id) else ""
