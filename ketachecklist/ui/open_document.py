"""The comparison open in the window: the core document, its one undo stack, and change signals.

Every edit is a core ``Change`` held by one undo command (see ``commands.py``) pushed with
``push``. ``apply`` makes a change (Redo, or its inverse for Undo) and ``announce`` says what it
changed through the signals below, mapped from the kind of change in this one place, so the
views refresh exactly what they show. ``settled`` follows a burst of edits once the event loop
is free again: what is not the grid (the verdict, the Decision tab, the charts) refreshes then,
once, after the grid has repainted the edit. Scores come from the core and their words from the
presentation layer, both made once per document revision; after one edit the scores are made
from the previous revision's, scoring again only the clinics the edit touched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ketachecklist.core.changes import Change, ChangeKind

if TYPE_CHECKING:
    from ketachecklist.core.document import Comparison
    from ketachecklist.core.scoring import ComparisonScores
    from ketachecklist.present import Presentation

_CLINIC_LIST_CHANGES = {
    ChangeKind.ADD_CLINIC,
    ChangeKind.REMOVE_CLINIC,
    ChangeKind.DUPLICATE_CLINIC,
    ChangeKind.MOVE_CLINIC,
}
_QUESTION_LIST_CHANGES = {
    ChangeKind.ADD_QUESTION,
    ChangeKind.REMOVE_QUESTION,
    ChangeKind.CHANGE_QUESTION_KIND,
}


# What the patient says matters: weights, profiles and deal-breakers all change how the clinics
# stand, and every view that shows standing listens to weights_changed.
_WEIGHT_CHANGES = frozenset(
    {
        ChangeKind.SET_SET_WEIGHT,
        ChangeKind.SET_QUESTION_WEIGHT,
        ChangeKind.SET_DEAL_BREAKER,
        ChangeKind.REPLACE_SET_WEIGHTS,
        ChangeKind.ADD_WEIGHT_PROFILE,
        ChangeKind.REMOVE_WEIGHT_PROFILE,
        ChangeKind.RENAME_WEIGHT_PROFILE,
        ChangeKind.ACTIVATE_WEIGHT_PROFILE,
    }
)


class OpenDocument(QObject):
    replaced = Signal()  # a whole new comparison (New, Open): views reset
    clinics_changed = Signal()  # clinics added, removed or reordered
    clinic_changed = Signal(str)  # one clinic's details (name, phone, ...)
    answer_changed = Signal(str, str)  # clinic id, question id
    questions_changed = Signal()  # custom questions added, removed, or a kind changed
    question_changed = Signal(str)  # one custom question's wording
    weights_changed = Signal()
    decision_changed = Signal()
    edited = Signal()  # after every change above (autosave and status hook here)
    replayed = Signal(object, str, bool)  # an Undo (True) or Redo applied: change, its words
    settled = Signal()  # after a burst of edits, on the next turn of the event loop

    def __init__(self, comparison: Comparison, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._comparison = comparison
        self._presentation: Presentation | None = None
        self._last_change: tuple[int, Change] | None = None  # the revision it made, the change
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(0)  # unlimited: a patient may want to go far back
        for signal in (
            self.replaced,
            self.clinics_changed,
            self.clinic_changed,
            self.answer_changed,
            self.questions_changed,
            self.question_changed,
            self.weights_changed,
            self.decision_changed,
        ):
            signal.connect(self.edited)
        # A zero-timeout timer restarted by every edit: a burst of edits settles once, and the
        # grid's own refresh (queued during the edit, before this) comes first.
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(0)
        self._settle.timeout.connect(self.settled)
        self.edited.connect(self._settle.start)

    @property
    def comparison(self) -> Comparison:
        return self._comparison

    def replace(self, comparison: Comparison) -> None:
        """Show another comparison; its history starts empty and clean."""
        self.undo_stack.clear()
        self._comparison = comparison
        self._presentation = None
        self._last_change = None
        self.undo_stack.setClean()
        self.replaced.emit()

    def mark_modified(self) -> None:
        """Show the document as unsaved although nothing was undone or done (a restored copy)."""
        self.undo_stack.resetClean()  # no undo step leads back to "saved": it never was

    def apply(self, change: Change) -> None:
        """Make a change (or, given ``change.inverse()``, take it back) and announce it."""
        self._comparison.apply(change)
        self.announce(change)

    def replay(self, change: Change, words: str, *, undone: bool) -> None:
        """Apply a change Undo or Redo makes (``words``: the Edit menu's, "Edit rating"), then
        say so, for the window to show what changed."""
        self.apply(change)
        self.replayed.emit(change, words, undone)

    def announce(self, change: Change) -> None:
        """Emit the signals the views listen to for this kind of change."""
        self._last_change = (self._comparison.revision, change)
        kind = change.kind
        if kind in _CLINIC_LIST_CHANGES:
            self.clinics_changed.emit()
            if kind is ChangeKind.REMOVE_CLINIC:
                self.decision_changed.emit()  # a decision naming the clinic was cleared
        elif kind is ChangeKind.EDIT_CLINIC:
            self.clinic_changed.emit(change.clinic_id)
        elif kind is ChangeKind.SET_ANSWER:
            self.answer_changed.emit(change.clinic_id, change.question_id)
        elif kind in _QUESTION_LIST_CHANGES:
            self.questions_changed.emit()
        elif kind is ChangeKind.EDIT_QUESTION:
            self.question_changed.emit(change.question_id)
        elif kind in _WEIGHT_CHANGES:
            self.weights_changed.emit()
        else:
            assert kind is ChangeKind.SET_DECISION, kind
            self.decision_changed.emit()

    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def presentation(self) -> Presentation:
        """Every fact of the current revision in words (made again only after an edit)."""
        comparison = self._comparison
        current = self._presentation
        if current is None or not current.is_current(comparison):
            # Imported on the first score, not at start; not on every call either: a cell
            # painted asks for it, and PySide's import hook makes an import statement cost µs.
            from ketachecklist.present import Presentation  # noqa: PLC0415

            earlier = current if current is not None and current.comparison is comparison else None
            current = self._presentation = Presentation(
                comparison, self._scores_after(current), earlier
            )
        return current

    def _scores_after(self, previous: Presentation | None) -> ComparisonScores | None:
        """The scores made from ``previous`` when exactly one announced change lies between it
        and this revision; ``None`` (score everything) otherwise."""
        from ketachecklist.core.scoring import score_comparison  # noqa: PLC0415 - see above

        comparison, last = self._comparison, self._last_change
        if previous is None or last is None or previous.comparison is not comparison:
            return None
        revision, change = last
        if revision != comparison.revision or previous.revision != revision - 1:
            return None
        return score_comparison(comparison, previous.scores, change)

    @property
    def scores(self) -> ComparisonScores:
        """The core's scores for the current revision."""
        return self.presentation.scores
