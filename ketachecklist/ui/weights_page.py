"""How much each set, and each question inside its set, counts towards the scores."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ketachecklist.core.limits import MAX_WEIGHT
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.undo_routing import route_undo_to_window
from ketachecklist.ui.weight_delegate import WeightDelegate
from ketachecklist.ui.weights_model import QUESTION_COLUMN, SET_COLUMN, QuestionWeightsModel

EXPLANATION = (
    "Weights say what matters most to you. A weight of 2 counts twice as much as 1; 0 leaves "
    "a set or a question out of the scores. Set weights shape the overall score; question "
    "weights shape the score of their set. Every change can be undone."
)


class WeightsPage(QWidget):
    def __init__(self, document: OpenDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        explanation = QLabel(EXPLANATION)
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        explanation.setWordWrap(True)

        sets_title = QLabel("How much each set counts")
        font = sets_title.font()
        font.setBold(True)
        sets_title.setFont(font)
        sets_title.setWordWrap(True)
        form = QFormLayout()
        # A weight is a short number: a box across the whole page would look like a text field.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.set_weights: dict[str, QDoubleSpinBox] = {}
        for question_set in document.comparison.catalogue.sets:
            spin = QDoubleSpinBox()
            spin.setRange(0.0, MAX_WEIGHT)
            spin.setDecimals(2)
            spin.setSingleStep(0.5)
            spin.setAccessibleName(f"Weight of the {question_set.title} set")
            spin.setToolTip(question_set.description)
            route_undo_to_window(spin)
            spin.valueChanged.connect(
                lambda value, set_id=question_set.id: self._set_weight_changed(set_id, value)
            )
            form.addRow(question_set.title, spin)
            self.set_weights[question_set.id] = spin

        questions_title = QLabel("How much each question counts inside its set")
        questions_title.setFont(font)
        questions_title.setWordWrap(True)
        self.model = QuestionWeightsModel(document, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Question weights")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
        self.table.setItemDelegateForColumn(2, WeightDelegate(self.table))
        self.table.setWordWrap(True)
        self.table.setMinimumHeight(self.table.fontMetrics().lineSpacing() * 10)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SET_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(QUESTION_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(sets_title)
        layout.addLayout(form)
        layout.addWidget(questions_title)
        layout.addWidget(self.table, 1)

        self._updating = False
        document.weights_changed.connect(self._refresh)
        document.replaced.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        self._updating = True
        try:
            for set_id, spin in self.set_weights.items():
                spin.setValue(self._document.comparison.set_weight(set_id))
        finally:
            self._updating = False

    def _set_weight_changed(self, set_id: str, value: float) -> None:
        if self._updating or value == self._document.comparison.set_weight(set_id):
            return
        push_edit(self._document, lambda comparison: comparison.set_set_weight(set_id, value))
