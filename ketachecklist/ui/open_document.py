"""The comparison open in the window: the core document, its one undo stack, and change signals.

Every edit is a QUndoCommand (see ``commands.py``) pushed with ``push``; the commands change the
core ``Comparison`` and then announce what changed through the signals below, so the views
refresh exactly what they show. Scores come from the core and their words from the
presentation layer, both made once per document revision.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ketachecklist.core.document import Comparison
from ketachecklist.core.scoring import ComparisonScores
from ketachecklist.present import Presentation


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

    def __init__(self, comparison: Comparison, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._comparison = comparison
        self._presentation: Presentation | None = None
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

    @property
    def comparison(self) -> Comparison:
        return self._comparison

    def replace(self, comparison: Comparison) -> None:
        """Show another comparison; its history starts empty and clean."""
        self.undo_stack.clear()
        self._comparison = comparison
        self._presentation = None
        self.undo_stack.setClean()
        self.replaced.emit()

    def mark_modified(self) -> None:
        """Show the document as unsaved although nothing was undone or done (a restored copy)."""
        self.undo_stack.resetClean()  # no undo step leads back to "saved": it never was

    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def presentation(self) -> Presentation:
        """Every fact of the current revision in words (made again only after an edit)."""
        current = self._presentation
        if current is None or not current.is_current(self._comparison):
            current = self._presentation = Presentation(self._comparison)
        return current

    @property
    def scores(self) -> ComparisonScores:
        """The core's scores for the current revision."""
        return self.presentation.scores
