"""The questions of one set, with one clinic's progress on each: rated, not asked yet, or not
applying to the clinic (in words, never hidden)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ketachecklist.core.catalogue import Question
from ketachecklist.present.ratings import CHECK_MARK
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.roles import QUESTION_ID_ROLE
from ketachecklist.ui.tooltips import plain_tooltip

Index = QModelIndex | QPersistentModelIndex


class QuestionListModel(QAbstractListModel):
    def __init__(self, document: OpenDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
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

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._questions)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = self._data(index, role)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str):
            return plain_tooltip(value)  # user text must never be read as markup
        return value

    def _data(self, index: Index, role: int) -> Any:
        if not index.isValid() or index.row() >= len(self._questions):
            return None
        question = self._questions[index.row()]
        if role == QUESTION_ID_ROLE:
            return question.id
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        status = self._status(question)
        if role == Qt.ItemDataRole.ToolTipRole:
            return question.text
        return f"{question.text}\n{status}"

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def row_of(self, question_id: str) -> int:
        return next((row for row, q in enumerate(self._questions) if q.id == question_id), -1)

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
