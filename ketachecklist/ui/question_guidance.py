"""One question and the reasons behind it: why it matters, what reassuring and concerning
answers sound like, and the source. The patient's own questions can be reworded here.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ketachecklist.core.catalogue import AnswerKind, Question
from ketachecklist.present.applicability import question_is_about
from ketachecklist.present.choices import choice_text
from ketachecklist.ui.accessible_text import show_text
from ketachecklist.ui.commands import (
    push_edit,
)
from ketachecklist.ui.deal_breaker_marks import (
    CONTEXT,
    DEAL_BREAKER_DESCRIPTION,
    DEAL_BREAKER_LABEL,
    deal_breaker_message,
)
from ketachecklist.ui.field_message import FieldMessage
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.plain_label import bold, plain_label
from ketachecklist.ui.undo_routing import route_undo_to_window


class QuestionGuidance(QWidget):
    question_removed = Signal(str)
    message = Signal(str)  # a status line after marking a deal-breaker

    def __init__(self, document: OpenDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._question: Question | None = None
        self.set_title = plain_label()
        self.text = bold(plain_label(), 1.2)
        self.text.setAccessibleName(self.tr("Question"))

        # The mark is the patient's, on the question: it holds for every clinic.
        mark_label = QCoreApplication.translate(CONTEXT, DEAL_BREAKER_LABEL)
        description = QCoreApplication.translate(CONTEXT, DEAL_BREAKER_DESCRIPTION)
        self.deal_breaker = QCheckBox(mark_label)
        self.deal_breaker.setAccessibleName(mark_label.replace("&", ""))
        self.deal_breaker.setAccessibleDescription(description)
        self.deal_breaker.setToolTip(description)

        # the patient's own question: editable wording and kind
        self.custom = QWidget()
        self.wording = QLineEdit()
        self.wording.setAccessibleName(self.tr("Your question"))
        route_undo_to_window(self.wording)
        self.wording_message = FieldMessage()
        self.wording_message.describe(self.wording)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of answer"))
        for kind in AnswerKind:
            self.kind.addItem(choice_text(kind).capitalize(), kind.value)
        self.why_edit = QLineEdit()
        self.why_edit.setAccessibleName(self.tr("Why you ask it"))
        self.why_edit.setPlaceholderText(self.tr("optional"))
        route_undo_to_window(self.why_edit)
        self.remove_button = QPushButton(self.tr("Remove this question"))
        self.remove_button.setAccessibleName(self.tr("Remove this question"))
        self.remove_button.setToolTip(
            self.tr("Removes your question and its answers (Undo brings it back)")
        )
        custom_form = QFormLayout(self.custom)
        custom_form.setContentsMargins(0, 0, 0, 0)
        custom_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        wording_label = QLabel(self.tr("Your &question"))
        wording_label.setBuddy(self.wording)
        custom_form.addRow(wording_label, self.wording)
        custom_form.addRow("", self.wording_message)
        kind_label = QLabel(self.tr("Kind of &answer"))
        kind_label.setBuddy(self.kind)
        custom_form.addRow(kind_label, self.kind)
        why_label = QLabel(self.tr("&Why you ask it"))
        why_label.setBuddy(self.why_edit)
        custom_form.addRow(why_label, self.why_edit)
        custom_form.addRow("", self.remove_button)

        self.why_title = bold(plain_label(False))
        self.why_title.setText(self.tr("Why it matters"))
        self.why = plain_label()
        self.reassuring_title = bold(plain_label(False))
        self.reassuring_title.setText(self.tr("A reassuring answer sounds like"))
        self.reassuring = plain_label()
        self.concerning_title = bold(plain_label(False))
        self.concerning_title.setText(self.tr("A concerning answer sounds like"))
        self.concerning = plain_label()
        self.source = plain_label()
        self.about = plain_label()  # which treatments the question is for, when not every one

        for label, name in (
            (self.about, self.tr("Treatments this question is about")),
            (self.set_title, self.tr("Question set")),
            (self.why, self.tr("Why it matters")),
            (self.reassuring, self.tr("A reassuring answer sounds like")),
            (self.concerning, self.tr("A concerning answer sounds like")),
            (self.source, self.tr("Source")),
        ):
            label.setAccessibleName(name)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.set_title)
        layout.addWidget(self.text)
        layout.addWidget(self.about)
        layout.addWidget(self.custom)
        layout.addWidget(self.deal_breaker, 0, Qt.AlignmentFlag.AlignLeft)
        for title, body in (
            (self.why_title, self.why),
            (self.reassuring_title, self.reassuring),
            (self.concerning_title, self.concerning),
        ):
            layout.addSpacing(title.fontMetrics().lineSpacing() // 3)
            layout.addWidget(title)
            layout.addWidget(body)
        layout.addSpacing(self.source.fontMetrics().lineSpacing() // 3)
        layout.addWidget(self.source)

        self.wording.textEdited.connect(self._wording_edited)
        self.why_edit.textEdited.connect(self._why_edited)
        self.kind.activated.connect(self._kind_picked)
        self.remove_button.clicked.connect(self._remove)
        self.deal_breaker.clicked.connect(self._deal_breaker_clicked)
        document.question_changed.connect(self._question_changed)
        document.weights_changed.connect(self._show_deal_breaker)  # undo and redo of the mark
        document.replaced.connect(self._show_deal_breaker)

    def show_question(self, question: Question) -> None:
        self._question = question
        catalogue = self._document.comparison.catalogue
        set_title = catalogue.question_set(question.set_id).title
        show_text(
            self.set_title,
            self.tr("{set} · your own question").format(set=set_title)
            if question.custom
            else set_title,
        )
        show_text(self.text, question.text)
        self.text.setVisible(not question.custom)
        show_text(self.about, question_is_about(question))
        self.about.setVisible(bool(self.about.text()))
        self.custom.setVisible(question.custom)
        if question.custom:
            if self.wording.text() != question.text:
                self.wording.setText(question.text)
            if self.why_edit.text() != question.why:
                self.why_edit.setText(question.why)
            self.wording_message.clear_problem()
            self.kind.setCurrentIndex(max(0, self.kind.findData(question.kind.value)))
        for title, body, text in (
            (self.why_title, self.why, question.why if not question.custom else ""),
            (self.reassuring_title, self.reassuring, question.reassuring),
            (self.concerning_title, self.concerning, question.concerning),
        ):
            show_text(body, text)
            title.setVisible(bool(text))
            body.setVisible(bool(text))
        show_text(self.source, self._source_text(question))
        self.source.setVisible(bool(self.source.text()))
        self._show_deal_breaker()

    def focus_wording(self) -> None:
        self.wording.setFocus(Qt.FocusReason.OtherFocusReason)
        self.wording.selectAll()

    def _source_text(self, question: Question) -> str:
        if question.custom:
            return ""
        source = self._document.comparison.catalogue.source(question.source)
        citation = source.citation if source is not None else question.source
        if question.beyond_article:
            return self.tr(
                "Source: {citation}. This question goes beyond the Verywell article."
            ).format(citation=citation)
        return self.tr("Source: {citation}.").format(citation=citation)

    def _show_deal_breaker(self) -> None:
        comparison = self._document.comparison
        marked = self._question is not None and comparison.is_deal_breaker(self._question.id)
        self.deal_breaker.setChecked(marked)

    def _deal_breaker_clicked(self, checked: bool) -> None:
        if self._question is None:
            return
        question_id = self._question.id
        if checked == self._document.comparison.is_deal_breaker(question_id):
            return
        push_edit(
            self._document,
            lambda comparison: comparison.set_deal_breaker(question_id, checked),
        )
        self.message.emit(deal_breaker_message(marked=checked))

    def _question_changed(self, question_id: str) -> None:
        if self._question is not None and self._question.id == question_id:
            self.show_question(self._document.comparison.question(question_id))

    def _wording_edited(self, text: str) -> None:
        if self._question is None:
            return
        if not text.strip():
            self.wording_message.show_problem(
                self.tr(
                    "A question needs some words. Until you type them, the last wording is kept."
                )
            )

            return
        self.wording_message.clear_problem()
        current = self._document.comparison.question(self._question.id)
        worded = replace(current, text=text)
        push_edit(
            self._document, lambda comparison: comparison.update_custom_question(worded), "text"
        )

    def _why_edited(self, text: str) -> None:
        if self._question is None:
            return
        current = self._document.comparison.question(self._question.id)
        explained = replace(current, why=text)
        push_edit(
            self._document, lambda comparison: comparison.update_custom_question(explained), "why"
        )

    def _kind_picked(self, index: int) -> None:
        if self._question is None:
            return
        kind = AnswerKind(self.kind.itemData(index))
        if kind is not self._document.comparison.question(self._question.id).kind:
            question_id = self._question.id
            push_edit(
                self._document,
                lambda comparison: comparison.change_question_kind(question_id, kind),
            )

    def _remove(self) -> None:
        if self._question is None:
            return
        question_id = self._question.id
        push_edit(self._document, lambda comparison: comparison.remove_custom_question(question_id))
        self.question_removed.emit(question_id)
