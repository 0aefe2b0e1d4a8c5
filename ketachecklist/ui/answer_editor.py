"""One clinic's answer to one question: the rating, what they said, the structured answer.

Every change is one undo command (``push_edit``); typing merges per field. Text that is not yet
a valid number is kept as a draft per clinic, question and field, so moving to another question and
back never loses it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from ketachecklist.core.applicability import Applicability
from ketachecklist.core.catalogue import AnswerKind
from ketachecklist.core.document import Answer, AnswerValue
from ketachecklist.present.answers import red_flag_text
from ketachecklist.ui.accessible_text import show_text
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.notes_edit import NotesEdit
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.question_guidance import QuestionGuidance
from ketachecklist.ui.rating_picker import RatingPicker
from ketachecklist.ui.value_editor import ValueEditor

DraftKey = tuple[str, str, str]  # clinic id, question id, field


def _section_title(text: str, buddy: QWidget | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    if buddy is not None:
        label.setBuddy(buddy)
    return label


class AnswerEditor(QWidget):
    def __init__(self, document: OpenDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._clinic_id = ""
        self._question_id = ""
        self._drafts: dict[DraftKey, str] = {}

        self.guidance = QuestionGuidance(document)
        self.rating = RatingPicker()
        self.doesnt_apply = QCheckBox(self.tr("Doesn't apply to this c&linic"))
        self.doesnt_apply.setAccessibleName(self.tr("Doesn't apply to this clinic"))
        self.doesnt_apply.setAccessibleDescription(
            self.tr("Leaves this answer out of the scores and red flags; what you recorded is kept")
        )
        self.applicability = QLabel()
        self.applicability.setTextFormat(Qt.TextFormat.PlainText)
        self.applicability.setWordWrap(True)
        self.applicability.setVisible(False)
        self.applicability.setAccessibleName(self.tr("Whether this question counts"))
        note_font = self.applicability.font()
        note_font.setBold(True)  # the reason a question is not counted must not be missed
        self.applicability.setFont(note_font)
        self.said = NotesEdit(self.tr("What the clinic said"), lines=5)
        self.said.editor.setPlaceholderText(self.tr("Their words, as you remember them"))
        self.value = ValueEditor()
        self.cost_estimate = QLabel()  # the course cost, worked out as the patient types
        self.cost_estimate.setTextFormat(Qt.TextFormat.PlainText)
        self.cost_estimate.setWordWrap(True)
        self.cost_estimate.setVisible(False)
        self.cost_estimate.setAccessibleName(self.tr("Estimated course cost"))
        self.red_flag = QLabel()
        self.red_flag.setTextFormat(Qt.TextFormat.PlainText)
        self.red_flag.setWordWrap(True)
        self.red_flag.setVisible(False)
        flag_font = self.red_flag.font()
        flag_font.setBold(True)  # as prominent as on paper
        self.red_flag.setFont(flag_font)
        self.red_flag.setAccessibleName(self.tr("Red flag"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.guidance)
        spacing = self.fontMetrics().lineSpacing() // 2
        layout.addSpacing(spacing)
        layout.addWidget(self.applicability)
        layout.addWidget(_section_title(self.tr("How reassuring was their answer?")))
        layout.addWidget(self.rating)
        layout.addWidget(self.doesnt_apply, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(spacing)
        layout.addWidget(_section_title(self.tr("What the clinic &said"), self.said.editor))
        layout.addWidget(self.said)
        layout.addWidget(self.value)
        layout.addWidget(self.cost_estimate)
        layout.addWidget(self.red_flag)
        layout.addStretch(1)

        self.rating.rating_picked.connect(self._rating_picked)
        self.doesnt_apply.clicked.connect(self._doesnt_apply_clicked)
        self.said.edited.connect(self._said_edited)
        self.value.value_edited.connect(self._value_edited)
        document.answer_changed.connect(self._answer_changed)
        document.questions_changed.connect(self._refresh)
        document.replaced.connect(self._forget_drafts)
        document.clinic_changed.connect(self._clinic_changed)

    @property
    def clinic_id(self) -> str:
        return self._clinic_id

    @property
    def question_id(self) -> str:
        return self._question_id

    def show_answer(self, clinic_id: str, question_id: str) -> None:
        if (clinic_id, question_id) == (self._clinic_id, self._question_id):
            return
        self._keep_drafts()
        self._clinic_id = clinic_id
        self._question_id = question_id
        self._show()

    def _refresh(self) -> None:
        """Show the same answer again after a change, keeping any not-yet-valid typed text."""
        self._keep_drafts()
        self._show()

    def _show(self) -> None:
        comparison = self._document.comparison
        if not self._clinic_id or not self._question_id:
            return
        try:
            question = comparison.question(self._question_id)
            comparison.clinic(self._clinic_id)
        except KeyError:
            return
        answer = comparison.answer(self._clinic_id, self._question_id)
        self.guidance.show_question(question)
        self._describe_question(question.text)
        self.rating.set_rating(answer.rating)
        self.doesnt_apply.setChecked(answer.doesnt_apply)
        self.said.set_text(answer.said)
        self.value.show_value(question, answer.value)
        for field, box in self.value.number_fields().items():
            draft = self._drafts.get((self._clinic_id, self._question_id, field))
            if draft is not None:
                box.restore_draft(draft)
        self._show_red_flag()
        self._show_cost_estimate(question.kind is AnswerKind.COST)

    def _describe_question(self, text: str) -> None:
        """The question, heard with the note box and the answer's choices: after Next question
        the focus is in the box, and its name alone ("What the clinic said") is not enough."""
        heard = self.tr("Question: {question}").format(question=text)
        self.said.set_context(heard)
        choices = [*self.rating.buttons.values(), *self.value.yes_no.buttons.values()]
        for button in choices:
            if button.accessibleDescription() != heard:
                button.setAccessibleDescription(heard)

    def _show_cost_estimate(self, is_cost: bool) -> None:
        self.cost_estimate.setVisible(is_cost)
        if is_cost:
            text = self._document.presentation.clinic(self._clinic_id).course_cost_text
            show_text(
                self.cost_estimate, self.tr("Estimated course cost: {cost}").format(cost=text)
            )

    def _show_red_flag(self) -> None:
        flag = self._document.scores.red_flag(self._clinic_id, self._question_id)
        show_text(self.red_flag, red_flag_text(flag))
        self.red_flag.setVisible(flag is not None)
        self._show_applicability()

    def _show_applicability(self) -> None:
        scores = self._document.scores
        status = scores.applicability(self._clinic_id, self._question_id)
        if status is Applicability.MARKED:
            text = self.tr(
                "You marked this as not applying to this clinic. It is left out of this clinic's "
                "scores, the questions counted and the red flags. What you recorded is kept: "
                "untick to count it."
            )
        elif status is Applicability.NOT_FOR_TREATMENTS:
            reason = self._document.presentation.not_applying_text(
                self._clinic_id, self._question_id
            )
            text = self.tr(
                "{reason}, going by the treatments you recorded for this clinic. You can still "
                "record their answer: it is kept, and left out of the scores and red flags."
            ).format(reason=reason)
        else:
            text = ""
        show_text(self.applicability, text)
        self.applicability.setVisible(bool(text))

    def _keep_drafts(self) -> None:
        if not self._clinic_id or not self._question_id:
            return
        for field, box in self.value.number_fields().items():
            key = (self._clinic_id, self._question_id, field)
            draft = box.draft()
            if draft is None:
                self._drafts.pop(key, None)
            else:
                self._drafts[key] = draft

    def _forget_drafts(self) -> None:
        self._drafts.clear()
        self._clinic_id = self._question_id = ""

    def _clinic_changed(self, clinic_id: str) -> None:
        if clinic_id == self._clinic_id:
            self._refresh()  # the treatments offered decide whether this question counts

    def _answer_changed(self, clinic_id: str, question_id: str) -> None:
        if (clinic_id, question_id) == (self._clinic_id, self._question_id):
            self._refresh()

    def _current(self) -> Answer:
        return self._document.comparison.answer(self._clinic_id, self._question_id)

    def _push(self, answer: Answer, field: str) -> None:
        if not self._clinic_id or not self._question_id or answer == self._current():
            return
        clinic_id, question_id = self._clinic_id, self._question_id
        push_edit(
            self._document,
            lambda comparison: comparison.set_answer(clinic_id, question_id, answer),
            field,
        )

    def _rating_picked(self, rating: int | None) -> None:
        self._push(replace(self._current(), rating=rating), "rating")

    def _doesnt_apply_clicked(self, checked: bool) -> None:
        self._push(replace(self._current(), doesnt_apply=checked), "doesnt_apply")

    def _said_edited(self, text: str) -> None:
        self._push(replace(self._current(), said=text), "said")

    def _value_edited(self, value: AnswerValue, field: str) -> None:
        self._drafts.pop((self._clinic_id, self._question_id, field), None)
        self._push(replace(self._current(), value=value), field)
