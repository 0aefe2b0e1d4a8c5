"""Work through the question sets for one clinic: pick a set, a question, record the answer."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ketachecklist import QT_TRANSLATE_NOOP
from ketachecklist.core.catalogue import AnswerKind, Question
from ketachecklist.core.limits import MAX_CUSTOM_QUESTIONS
from ketachecklist.present.scores import progress_text
from ketachecklist.text import isolated
from ketachecklist.ui.answer_editor import AnswerEditor
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.keyboard_splitter import KeyboardSplitter
from ketachecklist.ui.marked_question_list_model import MarkedQuestionListModel
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.padded_delegate import PaddedItemDelegate
from ketachecklist.ui.page_scroll import PageScroll, show_focused
from ketachecklist.ui.page_tab_bar import PageTabBar
from ketachecklist.ui.roles import QUESTION_ID_ROLE
from ketachecklist.ui.until_a_clinic import UntilAClinic

NO_CLINIC_TEXT = QT_TRANSLATE_NOOP(
    "AnswersPage",
    "Add the first clinic you are considering (Clinic ▸ Add clinic, or Ctrl+Shift+N). "
    "Then come back here to go through the questions for it.",
)


ADD_QUESTION_TIP = QT_TRANSLATE_NOOP("AnswersPage", "Add a question of your own to this set")


class AnswersPage(QWidget):
    message = Signal(str)  # a status line for the window

    def __init__(self, document: OpenDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._clinic_id = ""
        self.model = MarkedQuestionListModel(document, self)

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.heading.setAccessibleName(self.tr("Clinic you are recording answers for"))

        self.sets = PageTabBar()  # a long set's name on two lines in large text
        self.sets.setAccessibleName(self.tr("Question sets"))
        self.sets.setExpanding(False)
        self.sets.setDrawBase(True)
        self.sets.setElideMode(Qt.TextElideMode.ElideNone)
        self.sets.setUsesScrollButtons(True)
        self.sets.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.set_description = QLabel()
        self.set_description.setTextFormat(Qt.TextFormat.PlainText)
        self.set_description.setWordWrap(True)

        self.questions = QListView()
        self.questions.setModel(self.model)
        self.questions.setAccessibleName(self.tr("Questions in this set"))
        self.questions.setWordWrap(True)
        self.questions.setUniformItemSizes(False)
        self.questions.setItemDelegate(PaddedItemDelegate(self.questions))
        self.questions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.questions.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.questions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.questions.setResizeMode(QListView.ResizeMode.Adjust)
        self.add_question = QPushButton(self.tr("Add your own quest&ion"))
        self.add_question.setAccessibleName(self.tr("Add your own question to this set"))
        self.add_question.setToolTip(self.tr(ADD_QUESTION_TIP))

        self.editor = AnswerEditor(document)
        self.previous_button = QPushButton(self.tr("&Previous question"))
        self.previous_button.setAccessibleName(self.tr("Previous question"))
        self.next_button = QPushButton(self.tr("&Next question"))
        self.next_button.setAccessibleName(self.tr("Next question"))
        self.next_button.setToolTip(
            self.tr("Go on to the next question (moves to the next set at the end)")
        )

        self.scroll_area = scroll = PageScroll(self.editor)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.questions, 1)
        left_layout.addWidget(self.add_question)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(scroll, 1)
        steps = QHBoxLayout()
        steps.addWidget(self.previous_button)
        steps.addWidget(self.next_button)
        steps.addStretch(1)
        right_layout.addLayout(steps)
        self.splitter = KeyboardSplitter(
            Qt.Orientation.Horizontal, self.tr("Divider between the questions and the answer")
        )
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        # In a short window (a large font) the page scrolls; questions and answer keep room.
        self.splitter.setMinimumHeight(self.fontMetrics().lineSpacing() * 12)
        self.splitter.setStretchFactor(1, 3)

        working = QWidget()
        working_layout = QVBoxLayout(working)
        working_layout.setContentsMargins(0, 0, 0, 0)
        working_layout.addWidget(self.heading)
        working_layout.addWidget(self.sets)
        working_layout.addWidget(self.set_description)
        working_layout.addWidget(self.splitter, 1)
        self.stack = UntilAClinic(self.tr(NO_CLINIC_TEXT), working)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        self.sets.currentChanged.connect(self._set_picked)
        self.questions.selectionModel().currentChanged.connect(self._question_picked)
        self.model.modelReset.connect(self._after_reset)
        self.add_question.clicked.connect(self.add_own_question)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(+1))
        self.editor.guidance.question_removed.connect(self._question_removed)
        self.editor.guidance.message.connect(self.message)
        document.replaced.connect(self._reload_sets)
        document.answer_changed.connect(self._answer_changed)
        document.questions_changed.connect(self._update_set_titles)
        document.questions_changed.connect(self._update_add_question)
        document.replaced.connect(self._update_add_question)
        document.clinic_changed.connect(self._clinic_renamed)
        self._reload_sets()

    # --- public ---------------------------------------------------------------------------------
    @property
    def clinic_id(self) -> str:
        return self._clinic_id

    def set_clinic(self, clinic_id: str) -> None:
        self._clinic_id = clinic_id
        self.stack.show_working(bool(clinic_id))
        self._update_heading()
        self._update_set_titles()
        self.model.show(clinic_id, self._current_set_id())
        self._select_current_or_first()
        self._show_current()

    def show_question(self, question_id: str) -> None:
        try:
            question = self._document.comparison.question(question_id)
        except KeyError:
            return
        set_ids = [s.id for s in self._document.comparison.catalogue.sets]
        self.sets.setCurrentIndex(set_ids.index(question.set_id))
        self._select(question_id)

    def current_question_id(self) -> str:
        index = self.questions.currentIndex()
        return str(index.data(QUESTION_ID_ROLE)) if index.isValid() else ""

    def step(self, direction: int) -> None:
        """Next or previous question; past the end of a set, on into the next set."""
        row = self.questions.currentIndex().row() + direction
        if 0 <= row < self.model.rowCount():
            self._select_row(row)
        else:
            set_index = self.sets.currentIndex() + direction
            if not 0 <= set_index < self.sets.count():
                return
            self.sets.setCurrentIndex(set_index)
            self._select_row(0 if direction > 0 else self.model.rowCount() - 1)
        # What is typed next is what the clinic said: never a Space on the rating just left.
        self.editor.said.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editor.said.editor.moveCursor(QTextCursor.MoveOperation.End)
        show_focused(self.editor.said.editor)  # in view even when it had the focus already

    def add_own_question(self) -> None:
        set_id = self._current_set_id()
        if not set_id or self._has_all_own_questions():
            return
        comparison = self._document.comparison
        question = Question(
            id=comparison.new_custom_question_id(),
            set_id=set_id,
            text=self.tr("My question"),
            kind=AnswerKind.RATING,
            custom=True,
        )
        push_edit(self._document, lambda comparison: comparison.add_custom_question(question))
        self._select(question.id)
        self.editor.guidance.focus_wording()

    # --- helpers --------------------------------------------------------------------------------
    def _has_all_own_questions(self) -> bool:
        return len(self._document.comparison.custom_questions) >= MAX_CUSTOM_QUESTIONS

    def _update_add_question(self) -> None:
        full = self._has_all_own_questions()
        self.add_question.setEnabled(not full)
        self.add_question.setToolTip(
            self.tr(
                "A comparison can hold up to %n questions of your own, and this one has them "
                "all. Remove one you no longer need to make room.",
                "",
                MAX_CUSTOM_QUESTIONS,
            )
            if full
            else self.tr(ADD_QUESTION_TIP)
        )

    def _current_set_id(self) -> str:
        sets = self._document.comparison.catalogue.sets
        index = self.sets.currentIndex()
        return sets[index].id if 0 <= index < len(sets) else ""

    def _reload_sets(self) -> None:
        sets = self._document.comparison.catalogue.sets
        blocked = self.sets.blockSignals(True)
        try:
            if self.sets.count() != len(sets):
                while self.sets.count():
                    self.sets.removeTab(0)
                for question_set in sets:
                    self.sets.addTab(question_set.title)
        finally:
            self.sets.blockSignals(blocked)
        self._update_set_titles()
        self._set_picked(self.sets.currentIndex())

    def _update_set_titles(self) -> None:
        comparison = self._document.comparison
        scores = self._document.scores
        for index, question_set in enumerate(comparison.catalogue.sets):
            if self._clinic_id and scores.has_clinic(self._clinic_id):
                result = scores.of(self._clinic_id).set_result(question_set.id)
                progress = progress_text(result.rated, result.total)
                text = f"{question_set.title} · {progress}"
                tip = self.tr("{progress} questions rated for this clinic").format(
                    progress=progress
                )
            else:
                text, tip = question_set.title, question_set.description
            self.sets.setTabText(index, text.replace("&", "&&"))
            self.sets.setTabToolTip(index, tip)

    def _update_heading(self) -> None:
        comparison = self._document.comparison
        if not self._clinic_id:
            self.heading.setText("")
            return
        self.heading.setText(
            self.tr("Answers from {clinic}").format(
                clinic=isolated(comparison.clinic(self._clinic_id).name)
            )
        )

    def _clinic_renamed(self, clinic_id: str) -> None:
        if clinic_id == self._clinic_id:
            self._update_heading()
            self._update_set_titles()  # the treatments offered decide which questions count

    def _answer_changed(self, clinic_id: str, _question_id: str) -> None:
        if clinic_id == self._clinic_id:
            self._update_set_titles()

    def _set_picked(self, index: int) -> None:
        sets = self._document.comparison.catalogue.sets
        self.set_description.setText(sets[index].description if 0 <= index < len(sets) else "")
        self.model.show(self._clinic_id, self._current_set_id())
        self._select_current_or_first()

    def _after_reset(self) -> None:
        self._select_current_or_first()

    def _select_current_or_first(self) -> None:
        wanted = self.editor.question_id
        if self.model.row_of(wanted) >= 0:
            self._select(wanted)
        elif self.model.rowCount():
            self._select_row(0)

    def _select(self, question_id: str) -> None:
        row = self.model.row_of(question_id)
        if row >= 0:
            self._select_row(row)

    def _select_row(self, row: int) -> None:
        self.questions.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.questions.scrollTo(self.model.index(row))
        self._show_current()

    def _question_picked(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current()

    def _show_current(self) -> None:
        question_id = self.current_question_id()
        if self._clinic_id and question_id:
            self.editor.show_answer(self._clinic_id, question_id)
            self.scroll_area.ensureVisible(0, 0)
        row = self.questions.currentIndex().row()
        set_index = self.sets.currentIndex()
        self.previous_button.setEnabled(row > 0 or set_index > 0)
        self.next_button.setEnabled(
            row < self.model.rowCount() - 1 or set_index < self.sets.count() - 1
        )

    def _question_removed(self, _question_id: str) -> None:
        self._select_current_or_first()
