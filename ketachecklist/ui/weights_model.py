"""Every question with its weight inside its set; the weight column is editable (undoable)."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ketachecklist import QT_TRANSLATE_NOOP
from ketachecklist.core.catalogue import Question
from ketachecklist.core.limits import MAX_WEIGHT
from ketachecklist.present.numbers import number_text as number
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.deal_breaker_marks import deal_breaker_suffix
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.roles import QUESTION_ID_ROLE
from ketachecklist.ui.tooltips import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
SET_COLUMN = 0
QUESTION_COLUMN = 1
WEIGHT_COLUMN = 2
_HEADERS = (
    QT_TRANSLATE_NOOP("QuestionWeightsModel", "Set"),
    QT_TRANSLATE_NOOP("QuestionWeightsModel", "Question"),
    QT_TRANSLATE_NOOP("QuestionWeightsModel", "Weight"),
)


class QuestionWeightsModel(QAbstractTableModel):
    def __init__(self, document: OpenDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._questions: list[Question] = document.comparison.questions()
        document.replaced.connect(self._reload)
        document.questions_changed.connect(self._reload)
        document.question_changed.connect(self._reload)
        document.weights_changed.connect(self._weights_changed)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._questions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_HEADERS)
        ):
            return self.tr(_HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == WEIGHT_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = self._data(index, role)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str):
            return plain_tooltip(value)  # user text must never be read as markup
        return value

    def _data(self, index: Index, role: int) -> Any:
        if not index.isValid() or index.row() >= len(self._questions):
            return None
        question = self._questions[index.row()]
        comparison = self._document.comparison
        if role == QUESTION_ID_ROLE:
            return question.id
        column = index.column()
        if column == WEIGHT_COLUMN:
            weight = comparison.question_weight(question.id)
            if role == Qt.ItemDataRole.EditRole:
                return weight
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return number(weight)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("How much this question counts inside its set (0 leaves it out)")
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        if column == SET_COLUMN:
            return comparison.catalogue.question_set(question.set_id).title
        return f"{question.text}{deal_breaker_suffix(comparison, question.id)}"

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
