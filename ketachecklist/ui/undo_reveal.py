"""After Undo or Redo the window shows what changed: the status bar names it ("Undone: Edit
rating — Harbor Light, “What does this person base…”"), and an answer or a clinic's details
taken back elsewhere than on screen are brought into view on the Answers, Comparison and Clinic
details pages, so nothing changes out of sight (a Ctrl+Z pressed on another clinic's answer)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication

from ketachecklist.core.changes import Change, ChangeKind
from ketachecklist.core.document import Clinic
from ketachecklist.text import isolated
from ketachecklist.ui.page_scroll import show_focused

if TYPE_CHECKING:
    from ketachecklist.ui.main_window import MainWindow

_QUESTION_SHOWN = 60  # characters of a question named in the status bar


class UndoReveal(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.document.replayed.connect(self._replayed)

    def _replayed(self, change: Change, words: str, undone: bool) -> None:
        where = self._reveal(change)
        if undone:
            text = QCoreApplication.translate("UndoReveal", "Undone: {change}")
        else:
            text = QCoreApplication.translate("UndoReveal", "Redone: {change}")
        what = words.replace("&", "")
        self._window.show_message(text.format(change=f"{what} — {where}" if where else what))

    def _reveal(self, change: Change) -> str:
        """Bring the changed answer or clinic into view; the words naming it ('' for a change
        of no one clinic or question, such as the set weights)."""
        window = self._window
        comparison = window.document.comparison
        if change.kind in _OF_A_QUESTION:
            try:
                return _quoted(comparison.question(change.question_id or "").text)
            except KeyError:
                return ""
        if change.kind in _OF_THE_LIST:
            name = _clinic_name(change)
            if change.clinic_id in {c.id for c in comparison.clinics}:
                window.clinics.select_clinic(change.clinic_id or "")  # back, or moved: shown
            return isolated(name) if name else ""
        if change.kind not in (ChangeKind.SET_ANSWER, ChangeKind.EDIT_CLINIC):
            return ""
        try:
            clinic = comparison.clinic(change.clinic_id or "")
        except KeyError:
            return ""
        tab = window.tabs.currentWidget()  # a page not built yet is not asked for
        if change.kind is ChangeKind.EDIT_CLINIC:
            if tab is window.details_tab and window.clinics.current_clinic_id != clinic.id:
                window.clinics.select_clinic(clinic.id)
            return isolated(clinic.name)
        try:
            question = comparison.question(change.question_id or "")
        except KeyError:
            return isolated(clinic.name)
        if tab is window.answers_tab and (
            window.clinics.current_clinic_id != clinic.id
            or window.answers.current_question_id() != question.id
        ):
            window.clinics.select_clinic(clinic.id)
            window.answers.show_question(question.id)
        if tab is window.answers_tab:
            focused = QApplication.focusWidget()
            if focused is not None and window.answers.isAncestorOf(focused):
                show_focused(focused)  # the answer changed under it: in view again
        elif tab is window.comparison_tab:
            window.comparison.select_cell(clinic.id, question.id)
        return f"{isolated(clinic.name)}, {_quoted(question.text)}"


_OF_A_QUESTION = {ChangeKind.SET_DEAL_BREAKER, ChangeKind.SET_QUESTION_WEIGHT}
_OF_THE_LIST = {
    ChangeKind.ADD_CLINIC,
    ChangeKind.REMOVE_CLINIC,
    ChangeKind.DUPLICATE_CLINIC,
    ChangeKind.MOVE_CLINIC,
}


def _quoted(question: str) -> str:
    """A question named in the status bar: quoted, and cut after a few words when long."""
    if len(question) > _QUESTION_SHOWN:
        question = question[: _QUESTION_SHOWN - 1].rstrip() + "…"
    return f"“{isolated(question)}”"


def _clinic_name(change: Change) -> str:
    """The name of the clinic a change of the clinic list added, removed or moved (it may be
    gone from the comparison: its record is in the change)."""
    for step in change.steps:
        clinic = getattr(step, "clinic", None)
        if isinstance(clinic, Clinic) and clinic.id == change.clinic_id:
            return clinic.name
    return ""
