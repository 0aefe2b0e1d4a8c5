"""The clinics in document order, with each one's progress: the list the patient picks from.

A clinic ruled out by the patient's own deal-breakers says so after its name, in words, with
which deal-breaker and why in its tooltip (``Presentation.decision``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ketachecklist import QT_TRANSLATE_NOOP
from ketachecklist.present.numbers import plural
from ketachecklist.present.text import tr
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.roles import CLINIC_ID_ROLE
from ketachecklist.ui.tooltips import plain_tooltip

NAME_COLUMN = 0
PROGRESS_COLUMN = 1
_HEADERS = (
    QT_TRANSLATE_NOOP("ClinicListModel", "Clinic"),
    QT_TRANSLATE_NOOP("ClinicListModel", "Rated"),
)

Index = QModelIndex | QPersistentModelIndex


class ClinicListModel(QAbstractTableModel):
    def __init__(self, document: OpenDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        document.replaced.connect(self._reset)
        document.clinics_changed.connect(self._reset)
        document.clinic_changed.connect(self._clinic_changed)
        document.answer_changed.connect(self._answer_changed)
        document.questions_changed.connect(self._progress_changed)
        document.questions_changed.connect(self._standing_changed)
        document.weights_changed.connect(self._standing_changed)  # deal-breakers marked

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._document.comparison.clinics)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(_HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = self._data(index, role)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str):
            return plain_tooltip(value)  # user text must never be read as markup
        return value

    def _data(self, index: Index, role: int) -> Any:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        clinic = self._document.comparison.clinics[index.row()]
        if role == CLINIC_ID_ROLE:
            return clinic.id
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        # Scoring and the decision's marks load with the first clinic shown, not at the start
        # (an empty list asks for nothing).
        from ketachecklist.core.scoring import RED_FLAG_MARK  # noqa: PLC0415
        from ketachecklist.ui.deal_breaker_marks import (  # noqa: PLC0415
            RULED_OUT_MARK,
            is_ruled_out,
            ruled_out_phrase,
            ruled_out_reasons,
        )

        if index.column() == NAME_COLUMN:
            ruled_out = is_ruled_out(self._document, clinic.id)
            name = f"{clinic.name} — {ruled_out_phrase()}" if ruled_out else clinic.name
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{RULED_OUT_MARK} {name}" if ruled_out else name
            where = f"\n{clinic.location}" if clinic.location else ""
            # which deal-breaker, and why: asked for only on hover or by a screen reader
            why = f"\n{ruled_out_reasons(self._document, clinic.id)}" if ruled_out else ""
            return f"{name}{where}{why}"
        text = self._document.presentation.clinic(clinic.id)
        flags = len(text.red_flag_labels)
        if role == Qt.ItemDataRole.DisplayRole:
            progress = text.progress_text
            return f"{progress} {RED_FLAG_MARK}{flags}" if flags else progress
        words = [f"{text.progress_text} {tr('questions rated')}"]
        if text.not_applying:
            words.append(f"{text.not_applying_text} {tr('to this clinic')}")
        if flags:
            words.append(plural(flags, tr("%n red flag"), tr("%n red flags")))
        return ", ".join(words)

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
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def row_of(self, clinic_id: str) -> int:
        for row, clinic in enumerate(self._document.comparison.clinics):
            if clinic.id == clinic_id:
                return row
        return -1

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _clinic_changed(self, clinic_id: str) -> None:
        # name, and (through the treatments offered) which questions count
        row = self.row_of(clinic_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(_HEADERS) - 1))

    def _answer_changed(self, clinic_id: str, _question_id: str) -> None:
        # progress, and (a rating on a deal-breaker) whether the clinic is ruled out
        row = self.row_of(clinic_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, NAME_COLUMN), self.index(row, PROGRESS_COLUMN))

    def _standing_changed(self) -> None:
        if self.rowCount():
            last = self.rowCount() - 1
            self.dataChanged.emit(self.index(0, NAME_COLUMN), self.index(last, NAME_COLUMN))

    def _progress_changed(self) -> None:
        if self.rowCount():
            last = self.rowCount() - 1
            self.dataChanged.emit(self.index(0, PROGRESS_COLUMN), self.index(last, PROGRESS_COLUMN))
