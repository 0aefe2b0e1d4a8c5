"""The Answers tab's question list, with the deal-breaker mark after each marked question."""

from __future__ import annotations

from PySide6.QtCore import QObject

from ketachecklist.core.catalogue import Question
from ketachecklist.present.question_marks import deal_breaker_mark
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.question_list_model import QuestionListModel


class MarkedQuestionListModel(QuestionListModel):
    def __init__(self, document: OpenDocument, parent: QObject | None = None) -> None:
        super().__init__(document, parent)
        document.weights_changed.connect(self._marks_changed)  # marks change with the weights

    def _status(self, question: Question) -> str:
        status = super()._status(question)
        if not self._document.comparison.is_deal_breaker(question.id):
            return status
        mark = deal_breaker_mark()
        return f"{status} · {mark}" if status else mark

    def _marks_changed(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))
