"""Undo commands: every edit the patient makes is one of these, pushed on the document's stack.

Each command changes the core ``Comparison`` through its edit operations (which return what
they replaced) and announces the change through ``OpenDocument``'s signals. Typing in a text box
pushes one command per keystroke that *merges* into the previous one for the same field, so Undo
takes back a whole field's edit at once and no keystroke is ever lost. Command texts never
contain user text (a clinic called "A & B" would otherwise turn "&" into a menu mnemonic).
"""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum

from PySide6.QtGui import QUndoCommand

from ketachecklist.core.catalogue import AnswerKind, Question
from ketachecklist.core.document import (
    Answer,
    Clinic,
    Decision,
    RemovedClinic,
    RemovedQuestion,
    value_matches_kind,
)
from ketachecklist.ui.open_document import OpenDocument


class _MergeId(IntEnum):
    CLINIC_DETAILS = 1
    ANSWER = 2
    QUESTION_WORDING = 3
    SET_WEIGHT = 4
    QUESTION_WEIGHT = 5
    DECISION = 6


class _Command(QUndoCommand):
    def __init__(self, document: OpenDocument, text: str) -> None:
        super().__init__(text)
        self._document = document


# --- clinics ----------------------------------------------------------------------------------
class AddClinicCommand(_Command):
    def __init__(self, document: OpenDocument, clinic: Clinic, index: int | None = None) -> None:
        super().__init__(document, "Add clinic")
        self.clinic = clinic
        self._index = index

    def redo(self) -> None:
        self._document.comparison.add_clinic(self.clinic, self._index)
        self._document.clinics_changed.emit()

    def undo(self) -> None:
        self._document.comparison.remove_clinic(self.clinic.id)
        self._document.clinics_changed.emit()


class RemoveClinicCommand(_Command):
    def __init__(self, document: OpenDocument, clinic_id: str) -> None:
        super().__init__(document, "Remove clinic")
        self._clinic_id = clinic_id
        self._removed: RemovedClinic | None = None

    def redo(self) -> None:
        self._removed = self._document.comparison.remove_clinic(self._clinic_id)
        self._document.clinics_changed.emit()
        self._document.decision_changed.emit()

    def undo(self) -> None:
        assert self._removed is not None
        self._document.comparison.restore_clinic(self._removed)
        self._document.clinics_changed.emit()
        self._document.decision_changed.emit()


class DuplicateClinicCommand(_Command):
    """Copies a clinic's details and answers right after it (handy for two sites of one group)."""

    def __init__(self, document: OpenDocument, clinic_id: str) -> None:
        super().__init__(document, "Duplicate clinic")
        self._clinic_id = clinic_id
        self._removed: RemovedClinic | None = None
        self.copy_id = ""

    def redo(self) -> None:
        if self._removed is None:
            self.copy_id = self._document.comparison.duplicate_clinic(self._clinic_id).id
        else:
            self._document.comparison.restore_clinic(self._removed)
        self._document.clinics_changed.emit()

    def undo(self) -> None:
        self._removed = self._document.comparison.remove_clinic(self.copy_id)
        self._document.clinics_changed.emit()


class MoveClinicCommand(_Command):
    def __init__(self, document: OpenDocument, clinic_id: str, new_index: int) -> None:
        super().__init__(document, "Move clinic")
        self._clinic_id = clinic_id
        self._new_index = new_index
        self._old_index = 0

    def redo(self) -> None:
        self._old_index = self._document.comparison.move_clinic(self._clinic_id, self._new_index)
        self._document.clinics_changed.emit()

    def undo(self) -> None:
        self._document.comparison.move_clinic(self._clinic_id, self._old_index)
        self._document.clinics_changed.emit()


CLINIC_FIELD_LABELS = {
    "name": "clinic name",
    "location": "location",
    "phone": "phone",
    "website": "website",
    "contact": "contact person",
    "consultation_date": "consultation date",
    "treatments": "treatment offered",
    "treatment_other": "other treatment",
    "notes": "clinic notes",
}


class EditClinicCommand(_Command):
    """Changes one field of a clinic's details; consecutive edits of that field merge."""

    def __init__(self, document: OpenDocument, clinic: Clinic, field: str) -> None:
        super().__init__(document, f"Edit {CLINIC_FIELD_LABELS.get(field, 'clinic details')}")
        self._new = clinic
        self._old = document.comparison.clinic(clinic.id)
        self._field = field

    def redo(self) -> None:
        self._document.comparison.update_clinic(self._new)
        self._document.clinic_changed.emit(self._new.id)

    def undo(self) -> None:
        self._document.comparison.update_clinic(self._old)
        self._document.clinic_changed.emit(self._old.id)

    def id(self) -> int:
        return int(_MergeId.CLINIC_DETAILS)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, EditClinicCommand)
            and other._new.id == self._new.id
            and other._field == self._field
        ):
            return False
        self._new = other._new
        self.setObsolete(self._new == self._old)
        return True


# --- answers ----------------------------------------------------------------------------------
ANSWER_FIELD_LABELS = {
    "rating": "rating",
    "said": "what the clinic said",
    "value": "answer",
    "doesnt_apply": "“doesn't apply”",
}
SINGLE_STEP_FIELDS = frozenset({"rating", "doesnt_apply"})  # clicks, never merged like typing


class SetAnswerCommand(_Command):
    """Records a clinic's answer to a question; typing in one field merges into one command."""

    def __init__(
        self, document: OpenDocument, clinic_id: str, question_id: str, answer: Answer, field: str
    ) -> None:
        label = ANSWER_FIELD_LABELS.get(field.split(".", maxsplit=1)[0], "answer")
        super().__init__(document, f"Edit {label}")
        self.clinic_id = clinic_id
        self.question_id = question_id
        self._new = answer
        self._old = document.comparison.answer(clinic_id, question_id)
        self._field = field

    def redo(self) -> None:
        self._document.comparison.set_answer(self.clinic_id, self.question_id, self._new)
        self._document.answer_changed.emit(self.clinic_id, self.question_id)

    def undo(self) -> None:
        self._document.comparison.set_answer(self.clinic_id, self.question_id, self._old)
        self._document.answer_changed.emit(self.clinic_id, self.question_id)

    def id(self) -> int:
        # Ratings and "doesn't apply" are single clicks: each one is its own step. Typing merges.
        return -1 if self._field in SINGLE_STEP_FIELDS else int(_MergeId.ANSWER)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, SetAnswerCommand)
            and (other.clinic_id, other.question_id, other._field)
            == (self.clinic_id, self.question_id, self._field)
        ):
            return False
        self._new = other._new
        self.setObsolete(self._new == self._old)
        return True


# --- custom questions -------------------------------------------------------------------------
class AddQuestionCommand(_Command):
    def __init__(self, document: OpenDocument, question: Question) -> None:
        super().__init__(document, "Add your own question")
        self.question = question
        self._removed: RemovedQuestion | None = None

    def redo(self) -> None:
        if self._removed is None:
            self._document.comparison.add_custom_question(self.question)
        else:
            self._document.comparison.restore_custom_question(self._removed)
        self._document.questions_changed.emit()

    def undo(self) -> None:
        self._removed = self._document.comparison.remove_custom_question(self.question.id)
        self._document.questions_changed.emit()


class RemoveQuestionCommand(_Command):
    def __init__(self, document: OpenDocument, question_id: str) -> None:
        super().__init__(document, "Remove your question")
        self._question_id = question_id
        self._removed: RemovedQuestion | None = None

    def redo(self) -> None:
        self._removed = self._document.comparison.remove_custom_question(self._question_id)
        self._document.questions_changed.emit()

    def undo(self) -> None:
        assert self._removed is not None
        self._document.comparison.restore_custom_question(self._removed)
        self._document.questions_changed.emit()


class EditQuestionWordingCommand(_Command):
    """Changes the text (or 'why') of one of the patient's own questions; typing merges."""

    def __init__(self, document: OpenDocument, question: Question, field: str) -> None:
        super().__init__(document, "Edit your question")
        self._new = question
        self._old = document.comparison.question(question.id)
        self._field = field

    def redo(self) -> None:
        self._document.comparison.update_custom_question(self._new)
        self._document.question_changed.emit(self._new.id)

    def undo(self) -> None:
        self._document.comparison.update_custom_question(self._old)
        self._document.question_changed.emit(self._old.id)

    def id(self) -> int:
        return int(_MergeId.QUESTION_WORDING)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, EditQuestionWordingCommand)
            and other._new.id == self._new.id
            and other._field == self._field
        ):
            return False
        self._new = other._new
        self.setObsolete(self._new == self._old)
        return True


class ChangeQuestionKindCommand(_Command):
    """Changes what kind of answer one of the patient's questions takes.

    Recorded values that no longer fit (a number for a yes/no question) are cleared, and come
    back on Undo; ratings and notes are always kept.
    """

    def __init__(self, document: OpenDocument, question_id: str, kind: AnswerKind) -> None:
        super().__init__(document, "Change the kind of answer")
        comparison = document.comparison
        self._old = comparison.question(question_id)
        self._new = replace(self._old, kind=kind)
        self._old_answers = {
            clinic.id: comparison.answer(clinic.id, question_id)
            for clinic in comparison.clinics
            if not value_matches_kind(kind, comparison.answer(clinic.id, question_id).value)
        }

    def redo(self) -> None:
        comparison = self._document.comparison
        comparison.update_custom_question(self._new)
        for clinic_id, answer in self._old_answers.items():
            comparison.set_answer(clinic_id, self._new.id, replace(answer, value=None))
        self._document.questions_changed.emit()

    def undo(self) -> None:
        comparison = self._document.comparison
        comparison.update_custom_question(self._old)
        for clinic_id, answer in self._old_answers.items():
            comparison.set_answer(clinic_id, self._old.id, answer)
        self._document.questions_changed.emit()


# --- weights and decision ---------------------------------------------------------------------
class SetSetWeightCommand(_Command):
    def __init__(self, document: OpenDocument, set_id: str, weight: float) -> None:
        super().__init__(document, "Change set weight")
        self.set_id = set_id
        self._new = weight
        self._old = document.comparison.set_weight(set_id)

    def redo(self) -> None:
        self._document.comparison.set_set_weight(self.set_id, self._new)
        self._document.weights_changed.emit()

    def undo(self) -> None:
        self._document.comparison.set_set_weight(self.set_id, self._old)
        self._document.weights_changed.emit()

    def id(self) -> int:
        return int(_MergeId.SET_WEIGHT)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetSetWeightCommand) and other.set_id == self.set_id):
            return False
        self._new = other._new
        self.setObsolete(self._new == self._old)
        return True


class SetQuestionWeightCommand(_Command):
    def __init__(self, document: OpenDocument, question_id: str, weight: float) -> None:
        super().__init__(document, "Change question weight")
        self.question_id = question_id
        self._new = weight
        self._old = document.comparison.question_weight(question_id)

    def redo(self) -> None:
        self._document.comparison.set_question_weight(self.question_id, self._new)
        self._document.weights_changed.emit()

    def undo(self) -> None:
        self._document.comparison.set_question_weight(self.question_id, self._old)
        self._document.weights_changed.emit()

    def id(self) -> int:
        return int(_MergeId.QUESTION_WEIGHT)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, SetQuestionWeightCommand) and other.question_id == self.question_id
        ):
            return False
        self._new = other._new
        self.setObsolete(self._new == self._old)
        return True


class SetDecisionCommand(_Command):
    """Records the final decision; typing the reason merges into one command."""

    def __init__(self, document: OpenDocument, decision: Decision, field: str) -> None:
        super().__init__(document, "Edit decision")
        self._new = decision
        self._old = document.comparison.decision
        self._field = field

    def redo(self) -> None:
        self._document.comparison.set_decision(self._new)
        self._document.decision_changed.emit()

    def undo(self) -> None:
        self._document.comparison.set_decision(self._old)
        self._document.decision_changed.emit()

    def id(self) -> int:
        return int(_MergeId.DECISION)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetDecisionCommand) and other._field == self._field):
            return False
        self._new = other._new
        self.setObsolete(self._new == self._old)
        return True
