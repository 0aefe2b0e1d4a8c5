"""How much each set, and each question inside its set, counts towards the scores."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ketachecklist import QT_TRANSLATE_NOOP
from ketachecklist.core.decision.profiles import set_percentages
from ketachecklist.core.limits import MAX_WEIGHT
from ketachecklist.ui.accessible_text import show_text
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.undo_routing import route_undo_to_window
from ketachecklist.ui.weight_delegate import WeightDelegate
from ketachecklist.ui.weight_profiles_editor import WeightProfilesEditor
from ketachecklist.ui.weights_model import QUESTION_COLUMN, SET_COLUMN, QuestionWeightsModel

EXPLANATION = QT_TRANSLATE_NOOP(
    "WeightsPage",
    "Weights say what matters most to you. A weight of 2 counts twice as much as 1; 0 leaves "
    "a set or a question out of the scores. Set weights shape the overall score; question "
    "weights shape the score of their set. Every change can be undone.",
)
SHARES_NOTE = QT_TRANSLATE_NOOP(
    "WeightsPage",
    "The percentages are each set's share of the overall score, each rounded to a whole "
    "number, so they add up to about 100.",
)


def _title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


class WeightsPage(QWidget):
    message = Signal(str)  # a status line for the window

    def __init__(self, document: OpenDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        explanation = QLabel(self.tr(EXPLANATION))
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        explanation.setWordWrap(True)

        profiles_title = _title(self.tr("Everyone's weights"))
        self.profiles = WeightProfilesEditor(document)
        self.profiles.message.connect(self.message)

        sets_title = _title(self.tr("How much each set counts"))
        form = QFormLayout()
        # A weight is a short number: a box across the whole page would look like a text field.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.set_weights: dict[str, QDoubleSpinBox] = {}
        self.percentages: dict[str, QLabel] = {}  # each set's share of the overall score
        for question_set in document.comparison.catalogue.sets:
            spin = QDoubleSpinBox()
            spin.setRange(0.0, MAX_WEIGHT)
            spin.setDecimals(2)
            spin.setSingleStep(0.5)
            spin.setAccessibleName(
                self.tr("Weight of the {set} set").format(set=question_set.title)
            )
            spin.setToolTip(question_set.description)
            route_undo_to_window(spin)
            spin.valueChanged.connect(
                lambda value, set_id=question_set.id: self._set_weight_changed(set_id, value)
            )
            share = QLabel()
            share.setTextFormat(Qt.TextFormat.PlainText)
            share.setAccessibleName(
                self.tr("Share of the overall score: {set}").format(set=question_set.title)
            )
            field = QHBoxLayout()
            field.addWidget(spin)
            field.addWidget(share)
            field.addStretch(1)
            form.addRow(question_set.title, field)
            self.set_weights[question_set.id] = spin
            self.percentages[question_set.id] = share
        shares_note = QLabel(self.tr(SHARES_NOTE))
        shares_note.setTextFormat(Qt.TextFormat.PlainText)
        shares_note.setWordWrap(True)

        questions_title = _title(self.tr("How much each question counts inside its set"))
        self.model = QuestionWeightsModel(document, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Question weights"))
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
        gap = self.fontMetrics().lineSpacing() // 2
        layout.addSpacing(gap)
        layout.addWidget(profiles_title)
        layout.addWidget(self.profiles)
        layout.addSpacing(gap)
        layout.addWidget(sets_title)
        layout.addLayout(form)
        layout.addWidget(shares_note)
        layout.addSpacing(gap)
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
        self._show_percentages()

    def _show_percentages(self) -> None:
        comparison = self._document.comparison
        shares = set_percentages(list(self.set_weights), comparison.set_weights)
        for set_id, label in self.percentages.items():
            text = self.tr("{percent}%").format(percent=shares[set_id])
            show_text(label, text)
            self.set_weights[set_id].setAccessibleDescription(
                self.tr("{percent}% of the overall score").format(percent=shares[set_id])
            )

    def _set_weight_changed(self, set_id: str, value: float) -> None:
        if self._updating or value == self._document.comparison.set_weight(set_id):
            return
        push_edit(self._document, lambda comparison: comparison.set_set_weight(set_id, value))
