"""The one undo command: every edit the patient makes is a core ``Change`` on the document's stack.

``push_edit`` runs a core edit operation (which checks its limits and returns the ``Change``) and
pushes a ``ChangeCommand`` holding it; Undo applies ``change.inverse()``, Redo the change again,
and ``OpenDocument.apply`` announces either through its signals. Typing in a text box pushes one
change per keystroke that *merges* into the previous one for the same field, so Undo takes back
a whole field's edit at once and no keystroke is ever lost; ratings are single clicks and each is
its own step. Command texts come from fixed tables and never contain user text (a clinic called
"A & B" would otherwise turn "&" into a menu mnemonic).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ketachecklist import QT_TRANSLATE_NOOP
from ketachecklist.core.changes import Change, ChangeKind, PutDealBreaker
from ketachecklist.core.document import Comparison
from ketachecklist.ui.open_document import OpenDocument

# The Edit menu's "Undo …" words; marked here, translated in ``command_text``. An edit made in
# one field says which where that field has words of its own, otherwise its kind's words.
_EDIT_CLINIC = {
    "name": QT_TRANSLATE_NOOP("ChangeCommand", "Edit clinic name"),
    "location": QT_TRANSLATE_NOOP("ChangeCommand", "Edit location"),
    "phone": QT_TRANSLATE_NOOP("ChangeCommand", "Edit phone"),
    "website": QT_TRANSLATE_NOOP("ChangeCommand", "Edit website"),
    "contact": QT_TRANSLATE_NOOP("ChangeCommand", "Edit contact person"),
    "consultation_date": QT_TRANSLATE_NOOP("ChangeCommand", "Edit consultation date"),
    "treatments": QT_TRANSLATE_NOOP("ChangeCommand", "Edit treatment offered"),
    "treatment_other": QT_TRANSLATE_NOOP("ChangeCommand", "Edit other treatment"),
    "notes": QT_TRANSLATE_NOOP("ChangeCommand", "Edit clinic notes"),
}
_EDIT_ANSWER = {
    "rating": QT_TRANSLATE_NOOP("ChangeCommand", "Edit rating"),
    "said": QT_TRANSLATE_NOOP("ChangeCommand", "Edit what the clinic said"),
    "doesnt_apply": QT_TRANSLATE_NOOP("ChangeCommand", "Edit “doesn't apply”"),
}
_TEXTS = {
    ChangeKind.ADD_CLINIC: QT_TRANSLATE_NOOP("ChangeCommand", "Add clinic"),
    ChangeKind.REMOVE_CLINIC: QT_TRANSLATE_NOOP("ChangeCommand", "Remove clinic"),
    ChangeKind.DUPLICATE_CLINIC: QT_TRANSLATE_NOOP("ChangeCommand", "Duplicate clinic"),
    ChangeKind.MOVE_CLINIC: QT_TRANSLATE_NOOP("ChangeCommand", "Move clinic"),
    ChangeKind.EDIT_CLINIC: QT_TRANSLATE_NOOP("ChangeCommand", "Edit clinic details"),
    ChangeKind.SET_ANSWER: QT_TRANSLATE_NOOP("ChangeCommand", "Edit answer"),
    ChangeKind.ADD_QUESTION: QT_TRANSLATE_NOOP("ChangeCommand", "Add your own question"),
    ChangeKind.REMOVE_QUESTION: QT_TRANSLATE_NOOP("ChangeCommand", "Remove your question"),
    ChangeKind.EDIT_QUESTION: QT_TRANSLATE_NOOP("ChangeCommand", "Edit your question"),
    ChangeKind.CHANGE_QUESTION_KIND: QT_TRANSLATE_NOOP(
        "ChangeCommand", "Change the kind of answer"
    ),
    ChangeKind.SET_SET_WEIGHT: QT_TRANSLATE_NOOP("ChangeCommand", "Change set weight"),
    ChangeKind.SET_QUESTION_WEIGHT: QT_TRANSLATE_NOOP("ChangeCommand", "Change question weight"),
    ChangeKind.SET_DECISION: QT_TRANSLATE_NOOP("ChangeCommand", "Edit decision"),
    ChangeKind.SET_DEAL_BREAKER: QT_TRANSLATE_NOOP("ChangeCommand", "Mark deal-breaker"),
    ChangeKind.REPLACE_SET_WEIGHTS: QT_TRANSLATE_NOOP("ChangeCommand", "Change set weights"),
    ChangeKind.ADD_WEIGHT_PROFILE: QT_TRANSLATE_NOOP("ChangeCommand", "Add weight profile"),
    ChangeKind.REMOVE_WEIGHT_PROFILE: QT_TRANSLATE_NOOP("ChangeCommand", "Remove weight profile"),
    ChangeKind.RENAME_WEIGHT_PROFILE: QT_TRANSLATE_NOOP("ChangeCommand", "Rename weight profile"),
    ChangeKind.ACTIVATE_WEIGHT_PROFILE: QT_TRANSLATE_NOOP("ChangeCommand", "Use weight profile"),
}
_FIELD_TEXTS = {ChangeKind.EDIT_CLINIC: _EDIT_CLINIC, ChangeKind.SET_ANSWER: _EDIT_ANSWER}
_UNMARK_DEAL_BREAKER = QT_TRANSLATE_NOOP("ChangeCommand", "Unmark deal-breaker")
# Consecutive edits of the same field merge into one step; these kinds are single actions.
_NEVER_MERGED = {
    ChangeKind.ADD_CLINIC,
    ChangeKind.REMOVE_CLINIC,
    ChangeKind.DUPLICATE_CLINIC,
    ChangeKind.MOVE_CLINIC,
    ChangeKind.ADD_QUESTION,
    ChangeKind.REMOVE_QUESTION,
    ChangeKind.CHANGE_QUESTION_KIND,
    # One click each: a mark then an unmark, or two presets in a row, stay two undo steps.
    ChangeKind.SET_DEAL_BREAKER,
    ChangeKind.REPLACE_SET_WEIGHTS,
    ChangeKind.ADD_WEIGHT_PROFILE,
    ChangeKind.REMOVE_WEIGHT_PROFILE,
    ChangeKind.ACTIVATE_WEIGHT_PROFILE,
}
_MERGING_ID = 1
SINGLE_STEP_FIELDS = frozenset({"rating", "doesnt_apply"})  # clicks, never merged like typing


def command_text(kind: ChangeKind, field: str = "") -> str:
    """The Edit menu's "Undo …" wording for a change (fixed words only)."""
    own = field.split(".", maxsplit=1)[0]  # an answer's "cost.price" is its value
    source = _FIELD_TEXTS.get(kind, {}).get(own) or _TEXTS[kind]
    return QCoreApplication.translate("ChangeCommand", source)


def change_text(change: Change, field: str = "") -> str:
    """The Edit menu's words for this change: ``command_text``, but a deal-breaker mark taken
    away says so ("Unmark deal-breaker"), in Undo and in Redo alike."""
    if change.kind is ChangeKind.SET_DEAL_BREAKER and not any(
        step.new for step in change.steps if isinstance(step, PutDealBreaker)
    ):
        return QCoreApplication.translate("ChangeCommand", _UNMARK_DEAL_BREAKER)
    return command_text(change.kind, field)


class ChangeCommand(QUndoCommand):
    """A change already applied to the document; Undo reverts it, Redo applies it again.

    ``field`` says which box the change came from (``"name"``, ``"said"``, ``"cost.price"``):
    changes of the same kind to the same clinic, question or set from the same field merge.
    """

    def __init__(self, document: OpenDocument, change: Change, field: str = "") -> None:
        super().__init__(change_text(change, field))
        self._document = document
        self.change = change
        self._field = field
        self._announce_only = True  # QUndoStack.push calls redo(): the change is already made

    def redo(self) -> None:
        if self._announce_only:
            self._announce_only = False
            self._document.announce(self.change)
        else:
            self._document.replay(self.change, self.text(), undone=False)

    def undo(self) -> None:
        self._document.replay(self.change.inverse(), self.text(), undone=True)

    def id(self) -> int:
        mergeable = self.change.kind not in _NEVER_MERGED and self._field not in SINGLE_STEP_FIELDS
        return _MERGING_ID if mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChangeCommand) or other._merge_key() != self._merge_key():
            return False
        self.change = self.change.followed_by(other.change)
        self.setObsolete(self.change.is_empty)
        return True

    def _merge_key(self) -> tuple[object, ...]:
        change = self.change
        return (change.kind, change.clinic_id, change.question_id, change.set_id, self._field)


def push_edit(
    document: OpenDocument, edit: Callable[[Comparison], Change], field: str = ""
) -> Change:
    """Make one edit through the core and put it on the undo stack; returns the change.

    A refused edit (a ValueError naming the limit or rule) changes nothing and pushes nothing.
    """
    change = edit(document.comparison)
    document.push(ChangeCommand(document, change, field))
    return change
