"""The questions of one set, with one clinic's progress on each: rated, not asked yet, or not
applying to the clinic (in words, never hidden)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QObject, Qt

from ketachecklist.core.catalogue import Question
from ketachecklist.present.ratings import CHECK_MARK
from ketachecklist.ui.document_rows import TEXT_ROLES, DocumentRows
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.roles import QUESTION_ID_ROLE


class QuestionListModel(DocumentRows[Question], QAbstractListModel):
    ID_ROLE = QUESTION_ID_ROLE

    def __init__(self, document: OpenDocument, parent: QObject | None = None) -> None:
        super().__init__(document, parent)
        self._clinic_id = ""
        self._set_id = ""
        self._questions: list[Question] = []
        document.replaced.connect(self._reload)
        document.questions_changed.connect(self._reload)
        document.question_changed.connect(self._question_changed)
        document.answer_changed.connect(self._answer_changed)
        document.clinic_changed.connect(self._clinic_changed)

    def show(self, clinic_id: str, set_id: str) -> None:
        if (clinic_id, set_id) == (self._clinic_id, self._set_id):
            return
        self._clinic_id = clinic_id
        self._set_id = set_id
        self._reload()

    def _rows(self) -> Sequence[Question]:
        return self._questions

    def _item_data(self, question: Question, _column: int, role: int) -> Any:
        if role not in TEXT_ROLES:
            return None
        status = self._status(question)
        if role == Qt.ItemDataRole.ToolTipRole:
            return question.text
        return f"{question.text}\n{status}"

    def _status(self, question: Question) -> str:
        if not self._clinic_id:
            return ""
        cell = self._document.presentation.cell(self._clinic_id, question.id)
        rated = cell.rating is not None
        parts = [f"{CHECK_MARK} {cell.rating_text}" if rated else cell.rating_text]
        if cell.red_flag:
            parts.append(cell.red_flag_short)
        if question.custom:
            parts.append(self.tr("your own question"))
        return " · ".join(parts)

    def _reload(self) -> None:
        self.beginResetModel()
        comparison = self._document.comparison
        known = {s.id for s in comparison.catalogue.sets}
        self._questions = comparison.questions_in(self._set_id) if self._set_id in known else []
        self.endResetModel()

    def _question_changed(self, question_id: str) -> None:
        row = self.row_of(question_id)
        if row >= 0:
            self._questions[row] = self._document.comparison.question(question_id)
            self.dataChanged.emit(self.index(row), self.index(row))

    def _answer_changed(self, clinic_id: str, question_id: str) -> None:
        if clinic_id == self._clinic_id:
            row = self.row_of(question_id)
            if row >= 0:
                self.dataChanged.emit(self.index(row), self.index(row))

    def _clinic_changed(self, clinic_id: str) -> None:
        """The clinic's treatments decide which questions apply: every status may change."""
        if clinic_id == self._clinic_id and self._questions:
            self.dataChanged.emit(self.index(0), self.index(len(self._questions) - 1))
