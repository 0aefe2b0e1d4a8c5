"""What each cell of the comparison grid says, role by role (display, tooltip, screen reader),
the first column's too, and how it looks; and the grid's rows: the summaries, then each set's
subtotal and its questions. The words are the presentation layer's; this module only lays them
out in a cell."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette

from ketachecklist import QT_TRANSLATE_NOOP
from ketachecklist.core.catalogue import Question
from ketachecklist.present.answers import Cell
from ketachecklist.present.question_marks import marked_question, weight_mark
from ketachecklist.present.text import tr
from ketachecklist.ui.contrast import muted_text
from ketachecklist.ui.deal_breaker_marks import ruled_out_rank_text

if TYPE_CHECKING:
    from ketachecklist.core.document import Comparison
    from ketachecklist.present import Presentation  # loaded with the first score, not at start
    from ketachecklist.ui.open_document import OpenDocument


class RowKind(Enum):
    SUMMARY = "summary"
    SET = "set"
    QUESTION = "question"


@dataclass(frozen=True)
class Row:
    kind: RowKind
    key: str  # summary name, set id or question id


SUMMARY_LABELS = {
    "rank": QT_TRANSLATE_NOOP("ComparisonTableModel", "Rank by overall score"),
    "overall": QT_TRANSLATE_NOOP("ComparisonTableModel", "Overall score"),
    "completeness": QT_TRANSLATE_NOOP("ComparisonTableModel", "Questions rated"),
    "cost": QT_TRANSLATE_NOOP("ComparisonTableModel", "Estimated course cost"),
    "flags": QT_TRANSLATE_NOOP("ComparisonTableModel", "Red flags"),
}


def label_text(comparison: Comparison, row: Row, question: Question | None, role: int) -> str:
    """The first column's words: a summary's name, a set's title with its weight, a question's
    text with its marks (its reason why in the tooltip)."""
    if row.kind is RowKind.SUMMARY:
        return QCoreApplication.translate("ComparisonTableModel", SUMMARY_LABELS[row.key])
    if row.kind is RowKind.SET:
        mark = weight_mark(comparison.set_weight(row.key))
        counts = f" ({mark})" if mark else ""
        title = comparison.catalogue.question_set(row.key).title
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "ComparisonTableModel", "{set}: set score out of 100{counts}"
            ).format(set=title, counts=counts)
        return f"{title}{counts}"
    assert question is not None
    if role == Qt.ItemDataRole.ToolTipRole:
        return f"{question.text}\n\n{question.why}" if question.why else question.text
    return marked_question(comparison, question)


def question_cell(
    presentation: Presentation, clinic_id: str, question: Question, role: int, *, notes: bool
) -> str:
    """An answer's cell: its headline (or why it does not count), value, red flag and notes."""
    cell = presentation.cell(clinic_id, question.id)
    accessible = role == Qt.ItemDataRole.AccessibleTextRole
    tooltip = role == Qt.ItemDataRole.ToolTipRole
    lines = []
    if not cell.applies:
        lines.append(cell.rating_text)
        if accessible or tooltip:
            lines.append(tr("Left out of the scores, the questions counted and the red flags."))
    elif cell.best and (accessible or tooltip):
        lines.append(f"{tr('Best rating in this row')}: {cell.rating_text}")
    else:
        lines.append(cell.headline)
    if cell.value_text:
        lines.append(cell.value_text)
    if cell.red_flag:
        lines.append(flag_line(cell, role))
    if cell.said and (notes or accessible or tooltip):
        lines.append(f"{tr('They said')}: {cell.said}" if accessible or tooltip else cell.said)
    return "\n".join(lines)


def set_cell(presentation: Presentation, clinic_id: str, set_id: str, role: int) -> str:
    """A set's subtotal: '63/100 · 3 of 6 rated'."""
    text = presentation.set_score(clinic_id, set_id).text
    if role == Qt.ItemDataRole.DisplayRole:
        return text
    return f"{tr('Set score')}: {text}"


def summary_cell(document: OpenDocument, clinic_id: str, key: str, role: int) -> str:
    """A clinic's summary: rank (or ruled out), overall score, questions rated, course cost
    or red flags."""
    display = role == Qt.ItemDataRole.DisplayRole
    clinic = document.presentation.clinic(clinic_id)
    if key == "rank":
        return ruled_out_rank_text(document, clinic_id, display=display) or clinic.rank_text
    if key == "overall":
        return clinic.overall_text
    if key == "completeness":
        return clinic.completeness_text
    if key == "cost":
        text = clinic.course_cost_text
        return text if display else f"{text}\n{tr('Basis')}: {clinic.cost_basis_text}"
    # Heard as seen ("none of 10 checked so far", "⚠ 2 found, 3 of 10 checked"), then what each
    # red flag asks: never "none recorded" for questions nobody checked yet.
    return "\n".join((clinic.red_flags_text, *(() if display else clinic.red_flag_sentences)))


def flag_line(cell: Cell, role: int) -> str:
    """'⚠ RED FLAG: <label>' in the cell; the whole ask-more sentence for tooltips and readers."""
    if role == Qt.ItemDataRole.DisplayRole:
        return cell.red_flag_short
    if role == Qt.ItemDataRole.AccessibleTextRole:
        return cell.red_flag_sentence
    return cell.red_flag_text


class CellLook:
    """How a clinic cell looks beside its words (never instead of them): summaries and red
    flags bold, an answer that does not count italic, a best rating tinted, an empty answer
    in muted text."""

    def __init__(self, document: OpenDocument) -> None:
        self._document = document
        self._bold_font: QFont | None = None
        self._italic_font: QFont | None = None

    def background(self, row: Row, clinic_id: str) -> Any:
        if row.kind is RowKind.SET:
            return QGuiApplication.palette().brush(QPalette.ColorRole.AlternateBase)
        if row.kind is RowKind.QUESTION and self._document.scores.is_best(clinic_id, row.key):
            tint = QColor(QGuiApplication.palette().color(QPalette.ColorRole.Highlight))
            tint.setAlpha(48)
            return tint
        return None

    def font(self, row: Row, clinic_id: str) -> QFont | None:
        if row.kind is not RowKind.QUESTION:
            return self.bold()
        if self._document.scores.red_flag(clinic_id, row.key) is not None:
            return self.bold()  # a red flag stands out on screen as on paper
        if self._document.scores.applicability(clinic_id, row.key).counts:
            return None
        if self._italic_font is None:
            self._italic_font = QGuiApplication.font()
            self._italic_font.setItalic(True)
        return self._italic_font  # with the words, never instead of them

    def foreground(self, row: Row, clinic_id: str) -> Any:
        if row.kind is RowKind.QUESTION:
            answer = self._document.comparison.answer(clinic_id, row.key)
            if answer.is_blank:
                return QBrush(muted_text(QGuiApplication.palette()))  # 4.5:1 on Base
        return None

    def bold(self) -> QFont:
        if self._bold_font is None:
            self._bold_font = QGuiApplication.font()
            self._bold_font.setBold(True)
        return self._bold_font

    def forget_fonts(self) -> None:
        """The application font changed: make the bold and italic ones again."""
        self._bold_font = self._italic_font = None
