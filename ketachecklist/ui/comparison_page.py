"""The side-by-side comparison: the grid, how to sort it, and what its symbols mean.

An edit refreshes the grid first: the cells it changed are repainted before anything else on
the page is worked out. The verdict above the grid follows once the edits have settled
(``OpenDocument.settled``: once per burst of edits, and only while the page is shown), and
``grid_shown`` and ``summary_shown`` say when each shows the current revision."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ketachecklist.core.scoring import RED_FLAG_MARK
from ketachecklist.present.ratings import BEST_MARK_RULE, DOESNT_APPLY
from ketachecklist.present.text import tr
from ketachecklist.ui.accessible_text import show_text
from ketachecklist.ui.clinic_chooser import ClinicChooser
from ketachecklist.ui.comparison_model import (
    LABEL_COLUMN,
    SORT_AS_ENTERED,
    SORT_OVERALL,
    ComparisonTableModel,
    RowKind,
)
from ketachecklist.ui.flow_layout import FlowLayout
from ketachecklist.ui.frozen_parts import FrozenParts
from ketachecklist.ui.grid_view import GridView
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.roles import CLINIC_ID_ROLE, QUESTION_ID_ROLE
from ketachecklist.ui.wrapping_header import WrappingHeader


class ComparisonPage(QWidget):
    answer_requested = Signal(str, str)  # clinic id, question id
    grid_shown = Signal()  # after edits: the grid on screen shows them; the verdict follows
    summary_shown = Signal()  # the verdict shows the current revision

    def __init__(self, document: OpenDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._summary_stale = True
        self.model = ComparisonTableModel(document, self)

        self.sort = QComboBox()
        self.sort.setAccessibleName(self.tr("Sort clinics by"))
        self.sort.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.sort.setMinimumContentsLength(26)
        self.sort.addItem(self.tr("The order you entered them"), SORT_AS_ENTERED)
        self.sort.addItem(self.tr("Overall score"), SORT_OVERALL)
        for question_set in document.comparison.catalogue.sets:
            self.sort.addItem(
                self.tr("{set} score").format(set=question_set.title), question_set.id
            )
        sort_label = QLabel(self.tr("&Sort clinics by"))
        sort_label.setBuddy(self.sort)
        self.notes = QCheckBox(self.tr("Show what each clinic said (&notes)"))
        self.notes.setAccessibleName(self.tr("Show what each clinic said"))
        self.verdict = QLabel()
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName(self.tr("Summary of the scores"))

        self.table = GridView()
        self.table.setHorizontalHeader(WrappingHeader(self.table))
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Comparison grid"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the grid; the arrows move in it
        self.table.setAccessibleDescription(
            self.tr(
                "Clinics as columns, questions as rows grouped by set, with set subtotals, "
                "overall score, rank, questions rated, estimated course cost and red flags."
            )
        )
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().setVisible(False)
        self.table.setCornerButtonEnabled(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        metrics = self.table.fontMetrics()
        self._label_width = metrics.horizontalAdvance("x" * 52)
        self._clinic_width = metrics.horizontalAdvance("x" * 30)
        # At a large font or in a small window both give way, down to these, so that two
        # clinics still fit beside the questions (the texts wrap).
        self._narrowest_label = metrics.horizontalAdvance("x" * 20)
        self._narrowest_clinic = metrics.horizontalAdvance("x" * 14)
        self._label_set = -1  # the question column's width as last fitted (-1: never)
        header.setDefaultSectionSize(self._clinic_width)
        header.setMinimumSectionSize(metrics.horizontalAdvance("x" * 10))
        # At a large font the page scrolls up and down; the grid keeps room for a dozen lines.
        self.table.setMinimumHeight(metrics.lineSpacing() * 12)

        self.legend = QLabel(
            self.tr(
                "{best_rule}   ·   {flag} RED FLAG: an answer the sources give reason to ask "
                "more about, not a verdict   ·   Scores are out of 100 and use only the questions "
                "you rated: “not asked yet” never counts as zero. “{doesnt_apply}” and “Not for "
                "…” (a question about treatments the clinic does not offer) are left out of the "
                "scores and red flags; what you recorded there is kept. Double-click a cell, or "
                "press Enter, to open that answer."
            ).format(
                best_rule=tr(BEST_MARK_RULE), flag=RED_FLAG_MARK, doesnt_apply=tr(DOESNT_APPLY)
            )
        )
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.legend.setWordWrap(True)

        controls = FlowLayout()  # wraps at a large font instead of widening the window
        controls.addWidget(sort_label)
        controls.addWidget(self.sort)
        controls.addWidget(self.notes)
        self.chooser = ClinicChooser()
        controls.addWidget(self.chooser)
        self.frozen = FrozenParts(self.table, self._summary_row_count())
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)

        # Row heights follow the text; refitted once after a burst of changes, and only the
        # cells that changed when that is all (an edit changes a handful of cells).
        self._rows_to_fit: dict[int, set[int]] | None = {}  # row → columns; None: every row
        self._check_every_row = False  # columns came into view: every row, known cells kept
        self._resize_rows = QTimer(self)
        self._resize_rows.setSingleShot(True)
        self._resize_rows.setInterval(0)
        self._resize_rows.timeout.connect(self._fit_pending_rows)

        # Any change of the choice sorts, by keyboard, mouse or an assistive tool setting it.
        self.sort.currentIndexChanged.connect(self._sort_picked)
        self.notes.toggled.connect(self.model.set_show_notes)
        self.table.activated.connect(self._activated)
        self.model.modelReset.connect(self._after_reset)
        self.model.dataChanged.connect(self._cells_changed)
        self.model.columns_moved.connect(self._columns_moved)
        self.model.headerDataChanged.connect(self.refit_all_rows)
        self.table.horizontalScrollBar().valueChanged.connect(self._check_rows)
        self.table.horizontalHeader().sectionResized.connect(self.refit_all_rows)
        document.edited.connect(self._summary_changed)
        document.settled.connect(self._settled)
        self.chooser.chosen_changed.connect(self._show_chosen)
        self.model.headerDataChanged.connect(self._update_chooser)
        self.table.resized.connect(self.share_width)
        self._after_reset()

    def fit_rows(self) -> None:
        self.table.resizeRowsToContents()

    def refit_all_rows(self, *_args: object) -> None:
        self._rows_to_fit = None
        self._resize_rows.start()

    def _check_rows(self, *_args: object) -> None:
        """Other columns came into view (a sideways scroll, a sort, clinics shown or hidden):
        every row is fitted again, measuring only the cells not measured yet."""
        self._check_every_row = True
        self._resize_rows.start()

    def _columns_moved(self, moved: dict[int, int]) -> None:
        """Sorted by a score, the clinics' columns moved (old → new): their measured cells move
        with them, and so do cells changed before the move and not fitted yet."""
        self.table.move_columns(moved)
        if self._rows_to_fit:
            self._rows_to_fit = {
                row: {moved.get(column, column) for column in columns}
                for row, columns in self._rows_to_fit.items()
            }
        self._show_chosen()

    def _cells_changed(
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex,
        *_roles: object,
    ) -> None:
        if self._rows_to_fit is not None:
            columns = range(top_left.column(), bottom_right.column() + 1)
            for row in range(top_left.row(), bottom_right.row() + 1):
                self._rows_to_fit.setdefault(row, set()).update(columns)
        self._resize_rows.start()

    def _fit_pending_rows(self) -> None:
        rows, self._rows_to_fit = self._rows_to_fit, {}
        check_every_row, self._check_every_row = self._check_every_row, False
        if rows is None:
            self.fit_rows()
        elif check_every_row:
            self.table.fit_cells({row: rows.get(row, ()) for row in range(self.model.rowCount())})
        elif len(rows) > self.model.rowCount() // 2:
            self.fit_rows()
        else:
            self.table.fit_cells(rows)

    def select_cell(self, clinic_id: str, question_id: str) -> None:
        row = self.model.row_of_question(question_id)
        column = self.model.column_of_clinic(clinic_id)
        if row >= 0 and column > 0:
            self.table.setCurrentIndex(self.model.index(row, column))

    def _after_reset(self) -> None:
        label, clinic = self._widths()
        self.table.setColumnWidth(LABEL_COLUMN, label)
        self._label_set = label
        for column in range(1, self.model.columnCount()):
            self.table.setColumnWidth(column, clinic)
        self._update_chooser()
        self.frozen.set_frozen_rows(self._summary_row_count())
        self._show_chosen()
        self.refit_all_rows()  # other rows and clinics: nothing measured before counts

    def _summary_row_count(self) -> int:
        count = 0
        while count < self.model.rowCount() and self.model.row(count).kind is RowKind.SUMMARY:
            count += 1
        return count

    def _clinic_of_column(self, column: int) -> str:
        return str(self.model.headerData(column, Qt.Orientation.Horizontal, CLINIC_ID_ROLE))

    def _update_chooser(self, *_args: object) -> None:
        clinics = self._document.comparison.clinics
        self.chooser.set_clinics([(clinic.id, clinic.name) for clinic in clinics])

    def _show_chosen(self) -> None:
        for column in range(1, self.model.columnCount()):
            shown = self.chooser.is_shown(self._clinic_of_column(column))
            self.table.setColumnHidden(column, not shown)
        self.share_width()
        self.table.columns_shown.emit()
        self._check_rows()

    def _widths(self) -> tuple[int, int]:
        """The question column's width and the narrowest a clinic column may be, for the width
        there is: up to 45% for the questions, and room for two clinics beside them."""
        viewport = self.table.viewport().width()
        label = max(self._narrowest_label, min(self._label_width, viewport * 9 // 20))
        clinic = max(self._narrowest_clinic, min(self._clinic_width, (viewport - label) // 2))
        return label, clinic

    def share_width(self) -> None:
        """Clinic columns share the width there is, never narrower than a readable column."""
        columns = [
            c for c in range(1, self.model.columnCount()) if not self.table.isColumnHidden(c)
        ]
        if not columns:
            return
        label, clinic = self._widths()
        if self.table.columnWidth(LABEL_COLUMN) == self._label_set != label:
            self.table.setColumnWidth(LABEL_COLUMN, label)  # not when the patient widened it
            self._label_set = label
            self.refit_all_rows()  # the questions wrap anew
        spare = self.table.viewport().width() - self.table.columnWidth(LABEL_COLUMN)
        width = max(clinic, spare // len(columns))
        for column in columns:
            if self.table.columnWidth(column) != width:
                self.table.setColumnWidth(column, width)

    def showEvent(self, event: QShowEvent) -> None:
        if self._summary_stale:
            self._update_verdict()
        super().showEvent(event)

    def _summary_changed(self) -> None:
        self._summary_stale = True

    def _settled(self) -> None:
        if not self._summary_stale or not self.isVisible():
            return  # worded when the page is shown: no work per edit while hidden
        # The grid first: its rows fitted and its changed cells painted before the verdict
        # (a decision analysis of the whole comparison) is worded.
        if self._resize_rows.isActive():
            self._resize_rows.stop()
            self._fit_pending_rows()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateRequest)
        self.grid_shown.emit()
        self._update_verdict()

    def _update_verdict(self) -> None:
        self._summary_stale = False
        self._show_verdict()
        self.summary_shown.emit()

    def _show_verdict(self) -> None:
        if not self._document.comparison.clinics:
            show_text(
                self.verdict,
                self.tr(
                    "Add clinics and record their answers: they will appear here side by side."
                ),
            )
            return
        show_text(self.verdict, self._document.presentation.verdict)

    def _sort_picked(self, index: int) -> None:
        self.model.set_sort_key(str(self.sort.itemData(index)))

    def _activated(self, index: QModelIndex) -> None:
        clinic_id = index.data(CLINIC_ID_ROLE)
        question_id = index.data(QUESTION_ID_ROLE)
        if clinic_id and question_id:
            self.answer_requested.emit(str(clinic_id), str(question_id))
