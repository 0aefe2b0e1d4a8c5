"""The structured part of an answer, shaped by the question's kind.

Yes/no (or not recorded), an amount of money, a count with its unit, a short text, or the cost
details. Rating-only questions have no structured part and show nothing here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ketachecklist import QT_TRANSLATE_NOOP
from ketachecklist.core.catalogue import AnswerKind, Question
from ketachecklist.core.document import AnswerValue, CostDetails
from ketachecklist.core.limits import MAX_COUNT, MAX_MONEY, MAX_SHORT_TEXT
from ketachecklist.ui.accessible_text import hint_only_when_empty
from ketachecklist.ui.cost_editor import CostEditor
from ketachecklist.ui.number_field import NumberField
from ketachecklist.ui.undo_routing import route_undo_to_window
from ketachecklist.ui.yes_no_picker import YesNoPicker

_TITLES = {
    AnswerKind.YES_NO: QT_TRANSLATE_NOOP("ValueEditor", "Their answer"),
    AnswerKind.MONEY: QT_TRANSLATE_NOOP("ValueEditor", "Amount they quoted"),
    AnswerKind.COUNT: QT_TRANSLATE_NOOP("ValueEditor", "The number they gave"),
    AnswerKind.TEXT: QT_TRANSLATE_NOOP("ValueEditor", "Their answer in a few words"),
    AnswerKind.COST: QT_TRANSLATE_NOOP("ValueEditor", "Cost details"),
}


class ValueEditor(QWidget):
    value_edited = Signal(object, str)  # the new structured value, and which field changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = AnswerKind.RATING
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.yes_no = YesNoPicker(self.tr(_TITLES[AnswerKind.YES_NO]))
        self.money = NumberField(
            self.tr(_TITLES[AnswerKind.MONEY]), whole=False, maximum=MAX_MONEY, money=True
        )
        self.count = NumberField(self.tr(_TITLES[AnswerKind.COUNT]), whole=True, maximum=MAX_COUNT)
        self.text = QLineEdit()
        self.text.setAccessibleName(self.tr(_TITLES[AnswerKind.TEXT]))
        self.text.setMaxLength(MAX_SHORT_TEXT)
        self.text.setPlaceholderText(self.tr("not recorded"))
        hint_only_when_empty(self.text)
        route_undo_to_window(self.text)
        self.cost = CostEditor()
        self.pages = QStackedWidget()
        self._page = {
            AnswerKind.RATING: self.pages.addWidget(QWidget()),
            AnswerKind.YES_NO: self.pages.addWidget(self.yes_no),
            AnswerKind.MONEY: self.pages.addWidget(self.money),
            AnswerKind.COUNT: self.pages.addWidget(self.count),
            AnswerKind.TEXT: self.pages.addWidget(self.text),
            AnswerKind.COST: self.pages.addWidget(self.cost),
        }
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.pages)

        self.yes_no.value_picked.connect(lambda value: self.value_edited.emit(value, "value"))
        self.money.value_edited.connect(
            lambda value: self.value_edited.emit(None if value is None else float(value), "value")
        )
        self.count.value_edited.connect(lambda value: self.value_edited.emit(value, "value"))
        self.text.textEdited.connect(lambda text: self.value_edited.emit(text or None, "value"))
        self.cost.cost_edited.connect(self._cost_edited)

    @property
    def kind(self) -> AnswerKind:
        return self._kind

    def show_value(self, question: Question, value: AnswerValue) -> None:
        """Show ``question``'s kind of editor holding ``value`` (emits nothing)."""
        self._kind = question.kind
        self._show_page(self._page[question.kind])
        title = _TITLES.get(question.kind)
        self.title.setText(self.tr(title) if title else "")
        has_editor = question.kind is not AnswerKind.RATING
        self.title.setVisible(has_editor)
        self.pages.setVisible(has_editor)
        if question.kind is AnswerKind.YES_NO:
            self.yes_no.set_value(value if isinstance(value, bool) else None)
        elif question.kind is AnswerKind.MONEY:
            self.money.set_value(_number(value))
        elif question.kind is AnswerKind.COUNT:
            self.count.set_unit(question.unit)
            count = value if isinstance(value, int) and not isinstance(value, bool) else None
            self.count.set_value(count)
        elif question.kind is AnswerKind.TEXT:
            text = value if isinstance(value, str) else ""
            if self.text.text() != text:
                self.text.setText(text)
        elif question.kind is AnswerKind.COST:
            self.cost.set_details(value if isinstance(value, CostDetails) else CostDetails())

    def _show_page(self, index: int) -> None:
        # A stack is as tall as its tallest page (the cost form); only the page shown counts
        # here, or a single number box sits in the middle of a tall empty space.
        for number in range(self.pages.count()):
            page = self.pages.widget(number)
            policy = QSizePolicy.Policy.Preferred if number == index else QSizePolicy.Policy.Ignored
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.pages.setCurrentIndex(index)
        self.pages.updateGeometry()

    def number_fields(self) -> dict[str, NumberField]:
        """The boxes whose typed text may be kept as a draft, by field name."""
        if self._kind is AnswerKind.MONEY:
            return {"value": self.money}
        if self._kind is AnswerKind.COUNT:
            return {"value": self.count}
        if self._kind is AnswerKind.COST:
            return self.cost.fields()
        return {}

    def _cost_edited(self, details: CostDetails, field: str) -> None:
        self.value_edited.emit(None if details.is_empty else details, field)


def _number(value: AnswerValue) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)
