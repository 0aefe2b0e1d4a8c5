"""The comparison grid: clinics as columns, questions as rows grouped by set, with summaries.

Column 0 names each row; columns 1… are the clinics, in document order or sorted by the
overall score or one set's score. The top rows summarise each clinic (rank, overall score,
questions rated, estimated course cost, red flags); then each set has a subtotal row followed
by its questions. Every fact comes from the core's scoring and every word from the presentation
layer, through ``OpenDocument.presentation``. Symbols always come with words: "★" marks a best
rating (the rule in core/scoring.py), "⚠" a red flag.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QPalette

from ketachecklist.core.catalogue import Question
from ketachecklist.core.scoring import ComparisonScores
from ketachecklist.ui.comparison_cells import (
    SUMMARY_LABELS,
    CellLook,
    Row,
    RowKind,
    label_text,
    question_cell,
    set_cell,
    summary_cell,
)
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.roles import CLINIC_ID_ROLE, QUESTION_ID_ROLE, SET_ID_ROLE
from ketachecklist.ui.tooltips import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
LABEL_COLUMN = 0
SORT_AS_ENTERED = ""
SORT_OVERALL = "overall"
# Row and RowKind live with the cells (comparison_cells.py) and are read from here too.
__all__ = [
    "LABEL_COLUMN",
    "SORT_AS_ENTERED",
    "SORT_OVERALL",
    "SUMMARY_LABELS",
    "ComparisonTableModel",
    "Row",
    "RowKind",
]


_TEXT_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
)
# Cell texts are remembered until what they show changes: painting and fitting row heights ask
# for the same cells many times, and at 50 clinics × 60 questions that must stay within a frame.
_CACHED_ROLES = frozenset(int(role) for role in _TEXT_ROLES)
_ANSWERED_ROLES = frozenset(
    int(role)
    for role in (
        *_TEXT_ROLES,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        CLINIC_ID_ROLE,
        QUESTION_ID_ROLE,
        SET_ID_ROLE,
    )
)
_TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


class ComparisonTableModel(QAbstractTableModel):
    # After a layoutChanged that moved the clinics' columns: old column → new column
    columns_moved = Signal(object)

    def __init__(self, document: OpenDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._rows: list[Row] = []
        self._row_numbers: dict[Row, int] = {}  # each row's number, for an edit's lookups
        self._columns: list[str] = []  # clinic ids, in the order shown
        self._questions: dict[str, Question] = {}
        self._sort_key = SORT_AS_ENTERED
        self._show_notes = False
        # (row, clinic id or "" for the question column, role) → cell text: kept by clinic, not
        # by column, so a clinic's texts stay when the columns move (sorted by a score)
        self._texts: dict[tuple[int, str, int], str] = {}
        self._look = CellLook(document)
        # The revision and scores the cells show, when an answer edit refreshed them last: the
        # next answer edit compares against them to refresh only the cells that changed.
        # the revision the cells show, its scores and the clinics its deal-breakers rule out
        self._shown: tuple[int, ComparisonScores, frozenset[str]] | None = None
        self._rebuild()
        document.replaced.connect(self._reset)
        document.clinics_changed.connect(self._reset)
        document.questions_changed.connect(self._reset)
        document.clinic_changed.connect(self._clinic_changed)
        document.answer_changed.connect(self._answer_changed)
        document.weights_changed.connect(self._scores_changed)
        document.question_changed.connect(self._question_changed)
        application = QGuiApplication.instance()
        if isinstance(application, QGuiApplication):
            application.fontChanged.connect(self._font_changed)

    # --- options --------------------------------------------------------------------------------
    def set_sort_key(self, key: str) -> None:
        """ "" for the order entered, "overall", or a set id (best score first)."""
        if key == self._sort_key:
            return
        self._sort_key = key
        self._reorder()

    def set_show_notes(self, show: bool) -> None:
        if show != self._show_notes:
            self._show_notes = show
            self._all_cells_changed()

    def row(self, row: int) -> Row:
        return self._rows[row]

    def row_of_question(self, question_id: str) -> int:
        return self._row_numbers.get(Row(RowKind.QUESTION, question_id), -1)

    def summary_rows(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if r.kind is not RowKind.QUESTION]

    def column_of_clinic(self, clinic_id: str) -> int:
        try:
            return self._columns.index(clinic_id) + 1
        except ValueError:
            return -1

    def clinic_order(self) -> list[str]:
        return list(self._columns)

    # --- Qt model interface ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._columns) + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            # Hidden on screen (column 0 shows it); screen readers read it as each cell's row
            # header, so a cell is heard with its question.
            if role != Qt.ItemDataRole.DisplayRole or not 0 <= section < len(self._rows):
                return None
            return self._label_data(self._rows[section], role)
        if not 0 <= section < self.columnCount():
            return None
        if section == LABEL_COLUMN:
            return self.tr("Question") if role in _TEXT_ROLES else None
        clinic_id = self._columns[section - 1]
        if role == CLINIC_ID_ROLE:
            return clinic_id
        if role not in _TEXT_ROLES:
            return None
        clinic = self._document.comparison.clinic(clinic_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return clinic.name
        where = f"\n{clinic.location}" if clinic.location else ""
        text = f"{clinic.name}{where}"
        return plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED_ROLES:
            return None
        if role in _CACHED_ROLES:
            key = self._text_key(index.row(), index.column(), role)
            if key is None:
                return self._data(index, role)
            text = self._texts.get(key)
            if text is None:
                value = self._data(index, role)
                if not isinstance(value, str):
                    return value
                # user text must never be read as markup
                text = plain_tooltip(value) if role == Qt.ItemDataRole.ToolTipRole else value
                self._texts[key] = text
            return text
        return self._data(index, role)

    def _text_key(self, row: int, column: int, role: int) -> tuple[int, str, int] | None:
        if column == LABEL_COLUMN:
            return (row, "", role)
        if 0 < column <= len(self._columns):
            return (row, self._columns[column - 1], role)
        return None

    def _data(self, index: Index, role: int) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if column == LABEL_COLUMN:
            return self._label_data(row, role)
        if column > len(self._columns):
            return None
        clinic_id = self._columns[column - 1]
        if role == CLINIC_ID_ROLE:
            return clinic_id
        if role == QUESTION_ID_ROLE:
            return row.key if row.kind is RowKind.QUESTION else None
        if role == Qt.ItemDataRole.FontRole:
            return self._look.font(row, clinic_id)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _TOP_LEFT
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._look.background(row, clinic_id)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._look.foreground(row, clinic_id)
        if role not in _TEXT_ROLES:
            return None
        if row.kind is RowKind.QUESTION:
            question = self._questions[row.key]
            presentation = self._document.presentation
            return question_cell(presentation, clinic_id, question, role, notes=self._show_notes)
        if row.kind is RowKind.SET:
            return set_cell(self._document.presentation, clinic_id, row.key, role)
        return summary_cell(self._document, clinic_id, row.key, role)

    # --- cells ----------------------------------------------------------------------------------
    def _label_data(self, row: Row, role: int) -> Any:
        if role == SET_ID_ROLE:
            return row.key if row.kind is RowKind.SET else None
        if role == QUESTION_ID_ROLE:
            return row.key if row.kind is RowKind.QUESTION else None
        if role == Qt.ItemDataRole.FontRole:
            return self._look.bold() if row.kind is not RowKind.QUESTION else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _TOP_LEFT
        if role == Qt.ItemDataRole.BackgroundRole and row.kind is RowKind.SET:
            return QGuiApplication.palette().brush(QPalette.ColorRole.AlternateBase)
        if role not in _TEXT_ROLES:
            return None
        question = self._questions[row.key] if row.kind is RowKind.QUESTION else None
        return label_text(self._document.comparison, row, question, role)

    def _font_changed(self) -> None:
        self._look.forget_fonts()
        self._all_cells_changed()

    # --- refreshing -----------------------------------------------------------------------------
    def _rebuild(self) -> None:
        comparison = self._document.comparison
        rows = [Row(RowKind.SUMMARY, key) for key in SUMMARY_LABELS]
        self._questions = {}
        for question_set in comparison.catalogue.sets:
            rows.append(Row(RowKind.SET, question_set.id))
            for question in comparison.questions_in(question_set.id):
                rows.append(Row(RowKind.QUESTION, question.id))
                self._questions[question.id] = question
        self._rows = rows
        self._row_numbers = {row: number for number, row in enumerate(rows)}
        self._columns = self._ordered_clinics()

    def _ordered_clinics(self) -> list[str]:
        comparison = self._document.comparison
        if self._sort_key == SORT_AS_ENTERED or not comparison.clinics:
            return [clinic.id for clinic in comparison.clinics]
        scores = self._document.scores
        ranking = scores.ranking_by(None if self._sort_key == SORT_OVERALL else self._sort_key)
        # Ruled out by the patient's own criteria: last, as every list and page puts them.
        ruled_out = self._document.presentation.ruled_out_ids
        if not ruled_out:
            return list(ranking)
        return [
            *(c for c in ranking if c not in ruled_out),
            *(c for c in ranking if c in ruled_out),
        ]

    def _reset(self) -> None:
        self.beginResetModel()
        self._shown = None
        self._texts.clear()
        self._rebuild()
        self.endResetModel()

    def _reorder(self) -> bool:
        """Put the clinic columns in the chosen order; True when the order changed."""
        order = self._ordered_clinics()
        if order == self._columns:
            return False
        self.layoutAboutToBeChanged.emit()
        old_columns = self._columns
        self._columns = order
        new_position = {clinic_id: column + 1 for column, clinic_id in enumerate(order)}
        old_indexes = self.persistentIndexList()
        new_indexes = []
        for index in old_indexes:
            column = index.column()
            if column != LABEL_COLUMN:
                column = new_position[old_columns[column - 1]]
            new_indexes.append(self.index(index.row(), column))
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()
        self.columns_moved.emit(
            {column: new_position[clinic_id] for column, clinic_id in enumerate(old_columns, 1)}
        )
        return True

    def _scores_changed(self) -> None:
        if self._sort_key != SORT_AS_ENTERED:
            self._reorder()
        self._all_cells_changed()

    def _answer_changed(self, clinic_id: str, question_id: str) -> None:
        """One answer changed: the clinic's cell, and those of its set's subtotal and its
        summaries whose words changed; in other clinics only a best mark gained or lost and,
        when a rank moved, the rank cells whose words changed."""
        if self._sort_key != SORT_AS_ENTERED:
            self._reorder()  # columns moved are all repainted; their texts are kept
        question = self._questions.get(question_id)
        if question is None:
            return
        set_row = self._row_numbers[Row(RowKind.SET, question.set_id)]
        question_row = self.row_of_question(question_id)
        revision = self._document.comparison.revision
        shown, scores = self._shown, self._document.scores
        ruled_out = self._document.presentation.ruled_out_ids
        column = self.column_of_clinic(clinic_id)
        if shown is None or shown[0] != revision - 1 or column < 0:
            for row in (*range(len(SUMMARY_LABELS)), set_row, question_row):
                self._row_changed(row)
        else:
            before = shown[1]
            for row in (*range(len(SUMMARY_LABELS)), set_row):
                self._reword_cell(row, column)
            self._cells_changed(question_row, question_row, column)
            for other in before.best(question_id) ^ scores.best(question_id):
                if other != clinic_id:
                    self._cells_changed(question_row, question_row, self.column_of_clinic(other))
            pairs = zip(before.clinics, scores.clinics, strict=True)
            rank_row = list(SUMMARY_LABELS).index("rank")
            if shown[2] != ruled_out:  # who is in the running changed: every rank reads anew
                self._row_changed(rank_row)
            elif any(old.rank != new.rank for old, new in pairs):
                for other_column in range(1, len(self._columns) + 1):
                    self._reword_cell(rank_row, other_column)  # ranks and ties read anew
        self._shown = (revision, scores, ruled_out)

    def _reword_cell(self, row: int, column: int) -> None:
        """Word a cell shown before again, and signal it only when its words changed (a
        summary or subtotal looks the same whatever it says). A cell not asked for since it
        last changed was never shown with its old words: it is worded when asked for."""
        old = {
            role: text
            for role in _CACHED_ROLES
            if (text := self._pop_text(row, column, role)) is not None
        }
        if not old:
            return
        index = self.index(row, column)
        if any(self.data(index, role) != text for role, text in old.items()):
            self.dataChanged.emit(index, index)

    def _pop_text(self, row: int, column: int, role: int) -> str | None:
        key = self._text_key(row, column, role)
        return None if key is None else self._texts.pop(key, None)

    def _row_changed(self, row: int) -> None:
        last = len(self._columns)
        for column in range(last + 1):
            for role in _CACHED_ROLES:
                self._pop_text(row, column, role)
        self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def _cells_changed(self, first_row: int, last_row: int, column: int) -> None:
        if column <= LABEL_COLUMN:
            return
        for row in range(first_row, last_row + 1):
            for role in _CACHED_ROLES:
                self._pop_text(row, column, role)
        self.dataChanged.emit(self.index(first_row, column), self.index(last_row, column))

    def _all_cells_changed(self) -> None:
        self._shown = None
        self._texts.clear()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns))
            )
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._rows) - 1)

    def _clinic_changed(self, clinic_id: str) -> None:
        column = self.column_of_clinic(clinic_id)
        if column > 0:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)
        # The treatments offered decide which questions count: scores may have changed.
        self._scores_changed()

    def _question_changed(self, question_id: str) -> None:
        row = self.row_of_question(question_id)
        if row >= 0:
            self._questions[question_id] = self._document.comparison.question(question_id)
            self._row_changed(row)
            self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)
