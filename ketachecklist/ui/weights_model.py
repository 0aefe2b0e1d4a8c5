"""Every question with its weight inside its set; the weight column is editable (undoable)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QObject, Qt

from ketachecklist import QT_TRANSLATE_NOOP
from ketachecklist.core.catalogue import Question
from ketachecklist.core.limits import MAX_WEIGHT
from ketachecklist.present.numbers import number_text as number
from ketachecklist.present.question_marks import marked_question
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.document_rows import TEXT_ROLES, DocumentRows, Index
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.roles import QUESTION_ID_ROLE

SET_COLUMN = 0
QUESTION_COLUMN = 1
WEIGHT_COLUMN = 2


class QuestionWeightsModel(DocumentRows[Question], QAbstractTableModel):
    CONTEXT = "QuestionWeightsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("QuestionWeightsModel", "Set"),
        QT_TRANSLATE_NOOP("QuestionWeightsModel", "Question"),
        QT_TRANSLATE_NOOP("QuestionWeightsModel", "Weight"),
    )
    ID_ROLE = QUESTION_ID_ROLE

    def __init__(self, document: OpenDocument, parent: QObject | None = None) -> None:
        super().__init__(document, parent)
        self._questions: list[Question] = document.comparison.questions()
        document.replaced.connect(self._reload)
        document.questions_changed.connect(self._reload)
        document.question_changed.connect(self._reload)
        document.weights_changed.connect(self._weights_changed)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == WEIGHT_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _rows(self) -> Sequence[Question]:
        return self._questions

    def _item_data(self, question: Question, column: int, role: int) -> Any:
        comparison = self._document.comparison
        if column == WEIGHT_COLUMN:
            weight = comparison.question_weight(question.id)
            if role == Qt.ItemDataRole.EditRole:
                return weight
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return number(weight)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("How much this question counts inside its set (0 leaves it out)")
            return None
        if role not in TEXT_ROLES:
            return None
        if column == SET_COLUMN:
            return comparison.catalogue.question_set(question.set_id).title
        return marked_question(comparison, question, weight=False)  # weighed in its column

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != WEIGHT_COLUMN:
            return False
        if role != Qt.ItemDataRole.EditRole:
            return False
        try:
            weight = float(value)
        except (TypeError, ValueError):
            return False
        if not math.isfinite(weight) or not 0 <= weight <= MAX_WEIGHT:
            return False
        question = self._questions[index.row()]
        if weight == self._document.comparison.question_weight(question.id):
            return True
        push_edit(
            self._document,
            lambda comparison: comparison.set_question_weight(question.id, weight),
        )
        return True

    def _reload(self) -> None:
        self.beginResetModel()
        self._questions = self._document.comparison.questions()
        self.endResetModel()

    def _weights_changed(self) -> None:
        """A weight, or a deal-breaker mark (shown after the question), may have changed."""
        if self._questions:
            last = len(self._questions) - 1
            self.dataChanged.emit(self.index(0, QUESTION_COLUMN), self.index(last, WEIGHT_COLUMN))
