"""The clinics in document order, with each one's progress: the list the patient picks from.

A clinic ruled out by the patient's own deal-breakers says so on a line under its name, in
words, with which deal-breaker and why in its tooltip (``Presentation.decision``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QObject, Qt

from ketachecklist import QT_TRANSLATE_NOOP
from ketachecklist.core.document import Clinic
from ketachecklist.present.numbers import plural
from ketachecklist.present.text import tr
from ketachecklist.text import isolated
from ketachecklist.ui.document_rows import TEXT_ROLES, DocumentRows
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.roles import CLINIC_ID_ROLE

NAME_COLUMN = 0
PROGRESS_COLUMN = 1


class _Marks(NamedTuple):
    red_flag: str
    ruled_out: str
    is_ruled_out: Callable[[OpenDocument, str], bool]
    ruled_out_phrase: Callable[[], str]
    ruled_out_reasons: Callable[[OpenDocument, str], str]


@cache
def _marks() -> _Marks:
    """Scoring's and the decision's marks, loaded with the first clinic shown, not at the start
    (an empty list asks for nothing); once, not in every cell painted (an import statement
    costs microseconds through PySide's import hook)."""
    from ketachecklist.core.scoring import RED_FLAG_MARK  # noqa: PLC0415
    from ketachecklist.ui import deal_breaker_marks as marks  # noqa: PLC0415

    return _Marks(
        RED_FLAG_MARK,
        marks.RULED_OUT_MARK,
        marks.is_ruled_out,
        marks.ruled_out_phrase,
        marks.ruled_out_reasons,
    )


class ClinicListModel(DocumentRows[Clinic], QAbstractTableModel):
    CONTEXT = "ClinicListModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ClinicListModel", "Clinic"),
        QT_TRANSLATE_NOOP("ClinicListModel", "Rated"),
    )
    ID_ROLE = CLINIC_ID_ROLE

    def __init__(self, document: OpenDocument, parent: QObject | None = None) -> None:
        super().__init__(document, parent)
        # clinic id → what its row said after its last answer edit (None: always refreshed)
        self._row_words: dict[str, tuple[str, str, int] | None] = {}
        document.replaced.connect(self._reset)
        document.clinics_changed.connect(self._reset)
        document.clinic_changed.connect(self._clinic_changed)
        document.answer_changed.connect(self._answer_changed)
        document.questions_changed.connect(self._progress_changed)
        document.questions_changed.connect(self._standing_changed)
        document.weights_changed.connect(self._standing_changed)  # deal-breakers marked

    def _rows(self) -> Sequence[Clinic]:
        return self._document.comparison.clinics

    def _item_data(self, clinic: Clinic, column: int, role: int) -> Any:
        if role not in TEXT_ROLES:
            return None
        marks = _marks()
        if column == NAME_COLUMN:
            ruled_out = marks.is_ruled_out(self._document, clinic.id)
            if role == Qt.ItemDataRole.DisplayRole:
                # The standing on a line of its own: after the name it took the room the
                # name needs to tell clinics apart ("Clinic … criteria").
                return (
                    f"{clinic.name}\n{marks.ruled_out} {marks.ruled_out_phrase()}"
                    if ruled_out
                    else clinic.name
                )
            name = (
                f"{isolated(clinic.name)} — {marks.ruled_out_phrase()}"
                if ruled_out
                else clinic.name
            )
            where = f"\n{clinic.location}" if clinic.location else ""
            # which deal-breaker, and why: asked for only on hover or by a screen reader
            why = f"\n{marks.ruled_out_reasons(self._document, clinic.id)}" if ruled_out else ""
            return f"{name}{where}{why}"
        text = self._document.presentation.clinic(clinic.id)
        flags = len(text.red_flag_labels)
        if role == Qt.ItemDataRole.DisplayRole:
            progress = text.progress_text
            return f"{progress} {marks.red_flag}{flags}" if flags else progress
        words = [f"{text.progress_text} {tr('questions rated')}"]
        if text.not_applying:
            words.append(f"{text.not_applying_text} {tr('to this clinic')}")
        if flags:
            words.append(plural(flags, tr("%n red flag"), tr("%n red flags")))
        return ", ".join(words)

    def _reset(self) -> None:
        self._row_words.clear()
        self.beginResetModel()
        self.endResetModel()

    def _clinic_changed(self, clinic_id: str) -> None:
        # name, and (through the treatments offered) which questions count
        self._row_words.pop(clinic_id, None)
        row = self.row_of(clinic_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def _answer_changed(self, clinic_id: str, _question_id: str) -> None:
        """Progress, red flags and (a rating on a deal-breaker) whether the clinic is ruled
        out: the row is refreshed only when what it says changed (most ratings change only
        scores, which the list does not show)."""
        row = self.row_of(clinic_id)
        if row < 0:
            return
        words = self._words_of(clinic_id)
        before = self._row_words.get(clinic_id, None)
        self._row_words[clinic_id] = words
        if words is None or words != before:
            self.dataChanged.emit(self.index(row, NAME_COLUMN), self.index(row, PROGRESS_COLUMN))

    def _words_of(self, clinic_id: str) -> tuple[str, str, int] | None:
        """What the row says beside the clinic's name and place; None for a clinic ruled out,
        whose reasons (in its tooltip) any answer may change."""
        presentation = self._document.presentation
        if presentation.is_ruled_out(clinic_id):
            return None
        text = presentation.clinic(clinic_id)
        return (text.progress_text, text.not_applying_text, len(text.red_flag_labels))

    def _standing_changed(self) -> None:
        self._row_words.clear()
        if self.rowCount():
            last = self.rowCount() - 1
            self.dataChanged.emit(self.index(0, NAME_COLUMN), self.index(last, NAME_COLUMN))

    def _progress_changed(self) -> None:
        self._row_words.clear()
        if self.rowCount():
            last = self.rowCount() - 1
            self.dataChanged.emit(self.index(0, PROGRESS_COLUMN), self.index(last, PROGRESS_COLUMN))
