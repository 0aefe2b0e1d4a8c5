"""The list of clinics on the left: pick the clinic to work on; add, duplicate, reorder, remove.

The panel owns the clinic actions (with their shortcuts) so the Clinic menu and the buttons
here are the same actions. At the most clinics a comparison can hold, Add and Duplicate are
turned off and their tooltip says why.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ketachecklist.core.document import Clinic
from ketachecklist.core.limits import MAX_CLINICS
from ketachecklist.text import isolated
from ketachecklist.ui.clinic_list_model import NAME_COLUMN, PROGRESS_COLUMN, ClinicListModel
from ketachecklist.ui.column_wrap_delegate import ColumnWrapDelegate
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.flow_layout import FlowLayout
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.removal_question import confirm_removal
from ketachecklist.ui.roles import CLINIC_ID_ROLE


class ClinicPanel(QWidget):
    current_clinic_changed = Signal(str)  # clinic id, or "" when there is none
    clinic_added = Signal(str)  # a new clinic the patient will want to name
    message = Signal(str)  # a calm status line ("Removed a clinic. Undo brings it back.")

    def __init__(self, document: OpenDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._current = ""
        self.model = ClinicListModel(document, self)
        # Asked before a clinic with recorded answers is removed; tests answer it themselves.
        self.confirm_removal: Callable[[str], bool] = self._ask_before_removing
        self._add_tip = self.tr("Add a clinic you are considering")
        self._duplicate_tip = self.tr(
            "Copy this clinic's details and answers (for a second site of the same group)"
        )
        self._full_tip = self.tr(
            "A comparison can hold up to %n clinics and this one has %n. "
            "Remove a clinic you no longer consider to make room.",
            "",
            MAX_CLINICS,
        )

        title = QLabel(self.tr("Clinics"))
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = title.font()
        font.setBold(True)
        title.setFont(font)

        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Clinics"))
        self.view.setAccessibleDescription(
            self.tr("The clinics you are comparing. Pick one to see its details and answers.")
        )
        self.view.setRootIsDecorated(False)
        self.view.setItemsExpandable(False)
        # Long names wrap instead of losing the words that tell clinics apart, so rows differ.
        self.view.setWordWrap(True)
        self.view.setUniformRowHeights(False)
        self.view.setItemDelegateForColumn(NAME_COLUMN, ColumnWrapDelegate(self.view))
        self.view.setAllColumnsShowFocus(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Middle: copies of one clinic differ only at the end ("… (copy 2)").
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        # Fitted here, not by ResizeToContents: that measures every row again on each edit.
        header.setSectionResizeMode(PROGRESS_COLUMN, QHeaderView.ResizeMode.Fixed)

        self.add_action = self._action(
            self.tr("Add clinic"), self._add_tip, QKeySequence("Ctrl+Shift+N")
        )
        self.duplicate_action = self._action(
            self.tr("Duplicate clinic"), self._duplicate_tip, QKeySequence("Ctrl+Shift+D")
        )
        self.move_up_action = self._action(
            self.tr("Move clinic up"),
            self.tr("Move this clinic up the list"),
            QKeySequence("Ctrl+Shift+Up"),
        )
        self.move_down_action = self._action(
            self.tr("Move clinic down"),
            self.tr("Move this clinic down the list"),
            QKeySequence("Ctrl+Shift+Down"),
        )
        self.remove_action = self._action(
            self.tr("Remove clinic"),
            self.tr("Remove this clinic and its answers (Undo brings it back)"),
            QKeySequence("Ctrl+Shift+Del"),
        )
        self.add_action.triggered.connect(self.add_clinic)
        self.duplicate_action.triggered.connect(self.duplicate_clinic)
        self.move_up_action.triggered.connect(lambda: self.move_clinic(-1))
        self.move_down_action.triggered.connect(lambda: self.move_clinic(+1))
        self.remove_action.triggered.connect(self.remove_clinic)

        buttons = FlowLayout()  # wraps at a large font rather than widening the window
        buttons.addWidget(self._button(self.add_action, self.tr("Add")))
        buttons.addWidget(self._button(self.duplicate_action, self.tr("Duplicate")))
        buttons.addWidget(self._button(self.move_up_action, self.tr("Up")))
        buttons.addWidget(self._button(self.move_down_action, self.tr("Down")))
        buttons.addWidget(self._button(self.remove_action, self.tr("Remove")))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(self._after_reset)
        self.model.modelReset.connect(self._update_actions)
        self.model.modelReset.connect(self._fit_progress_column)
        # A wrapped name needs more or fewer lines when the list is made wider or narrower.
        self.view.header().sectionResized.connect(self._rewrap)
        # Rows measured once the edits settle, after the grid has repainted them.
        self._rows_to_measure: set[int] = set()
        self.model.dataChanged.connect(self._progress_changed)
        document.settled.connect(self._widen_progress_column)
        application = QGuiApplication.instance()
        if isinstance(application, QGuiApplication):
            application.fontChanged.connect(self._fit_progress_column)
        self._fit_progress_column()
        self._update_actions()

    @property
    def current_clinic_id(self) -> str:
        return self._current

    def select_clinic(self, clinic_id: str) -> None:
        row = self.model.row_of(clinic_id)
        if row < 0:
            return
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row, NAME_COLUMN),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    # --- actions --------------------------------------------------------------------------------
    def add_clinic(self) -> None:
        if self._is_full():
            self.message.emit(self._full_tip)
            return
        comparison = self._document.comparison
        name = self.tr("Clinic {number}").format(number=len(comparison.clinics) + 1)
        clinic = Clinic(id=comparison.new_clinic_id(), name=name)
        push_edit(self._document, lambda comparison: comparison.add_clinic(clinic))
        self.select_clinic(clinic.id)
        self.clinic_added.emit(clinic.id)

    def duplicate_clinic(self) -> None:
        if not self._current:
            return
        if self._is_full():
            self.message.emit(self._full_tip)
            return
        original = self._current
        change = push_edit(self._document, lambda comparison: comparison.duplicate_clinic(original))
        if change.clinic_id:
            self.select_clinic(change.clinic_id)
        self.message.emit(self.tr("Made a copy of the clinic, right below it."))

    def move_clinic(self, step: int) -> None:
        if not self._current:
            return
        row = self.model.row_of(self._current)
        target = row + step
        if not 0 <= target < self.model.rowCount():
            return
        clinic_id = self._current
        push_edit(self._document, lambda comparison: comparison.move_clinic(clinic_id, target))
        self.select_clinic(clinic_id)

    def remove_clinic(self) -> None:
        if not self._current:
            return
        if self._has_answers(self._current) and not self.confirm_removal(
            self._document.comparison.clinic(self._current).name
        ):
            return
        row = self.model.row_of(self._current)
        clinic_id = self._current
        push_edit(self._document, lambda comparison: comparison.remove_clinic(clinic_id))
        count = self.model.rowCount()
        if count:
            self.select_clinic(self.model.index(min(row, count - 1), 0).data(CLINIC_ID_ROLE))
        self.message.emit(
            self.tr("Removed the clinic and its answers. Edit ▸ Undo brings them back.")
        )

    # --- helpers --------------------------------------------------------------------------------
    def _has_answers(self, clinic_id: str) -> bool:
        comparison = self._document.comparison
        return any(
            not comparison.answer(clinic_id, question.id).is_blank
            for question in comparison.questions()
        )

    def _ask_before_removing(self, name: str) -> bool:
        return confirm_removal(
            self,
            self.tr("Remove clinic?"),
            self.tr(
                "Remove “{name}” and the answers you recorded for it?\n\n"
                "Edit ▸ Undo brings them back."
            ).format(name=isolated(name)),
        )

    def _action(self, text: str, tip: str, shortcut: QKeySequence) -> QAction:
        action = QAction(text, self)
        keys = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(self.tr("{tip} ({keys})").format(tip=tip, keys=keys))
        action.setStatusTip(tip)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(action)
        return action

    def _button(self, action: QAction, text: str) -> QToolButton:
        action.setIconText(text)  # tool buttons show the short icon text; menus the full text
        button = QToolButton()
        button.setDefaultAction(action)
        button.setAccessibleName(action.text())
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        clinic_id = current.data(CLINIC_ID_ROLE) if current.isValid() else ""
        self._set_current(clinic_id or "")

    def _after_reset(self) -> None:
        row = self.model.row_of(self._current)
        if row < 0 and self.model.rowCount():
            row = 0
        clinic_id = self.model.index(row, 0).data(CLINIC_ID_ROLE) if row >= 0 else ""
        if clinic_id:
            self.select_clinic(clinic_id)
        # Announce even an unchanged id: after New or Open it may be another document's clinic.
        self._set_current(clinic_id or "", force=True)

    def _rewrap(self, column: int, _old: int, _new: int) -> None:
        if column == NAME_COLUMN:
            self.view.doItemsLayout()

    def _fit_progress_column(self, *_args: object) -> None:
        self.view.resizeColumnToContents(PROGRESS_COLUMN)

    def _progress_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        if top_left.column() <= PROGRESS_COLUMN <= bottom_right.column():
            self._rows_to_measure.update(range(top_left.row(), bottom_right.row() + 1))

    def _widen_progress_column(self) -> None:
        """Only the rows that changed are measured; the column narrows again on the next reset."""
        rows, self._rows_to_measure = self._rows_to_measure, set()
        rows = {row for row in rows if row < self.model.rowCount()}
        if not rows:
            return
        header = self.view.header()
        widest = max(
            self.view.sizeHintForIndex(self.model.index(row, PROGRESS_COLUMN)).width()
            for row in rows
        )
        if widest > header.sectionSize(PROGRESS_COLUMN):
            header.resizeSection(PROGRESS_COLUMN, widest)

    def _set_current(self, clinic_id: str, *, force: bool = False) -> None:
        changed = clinic_id != self._current
        self._current = clinic_id
        self._update_actions()
        if changed or force:
            self.current_clinic_changed.emit(clinic_id)

    def _is_full(self) -> bool:
        return len(self._document.comparison.clinics) >= MAX_CLINICS

    def _update_actions(self) -> None:
        row = self.model.row_of(self._current) if self._current else -1
        has = row >= 0
        full = self._is_full()
        self.add_action.setEnabled(not full)
        self.duplicate_action.setEnabled(has and not full)
        tips = ((self.add_action, self._add_tip), (self.duplicate_action, self._duplicate_tip))
        for action, tip in tips:
            shown = self._full_tip if full else tip
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(
                shown if full else self.tr("{tip} ({keys})").format(tip=tip, keys=keys)
            )
            action.setStatusTip(shown)
        self.remove_action.setEnabled(has)
        self.move_up_action.setEnabled(has and row > 0)
        self.move_down_action.setEnabled(has and row < self.model.rowCount() - 1)
