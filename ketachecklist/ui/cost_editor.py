"""What a clinic said about price: per session, sessions, other fees, insurance."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from ketachecklist.core.document import CostDetails, Coverage
from ketachecklist.core.limits import MAX_MONEY, MAX_PERCENT, MAX_SESSIONS
from ketachecklist.present.choices import choice_text
from ketachecklist.ui.number_field import NumberField


class CostEditor(QWidget):
    cost_edited = Signal(object, str)  # CostDetails, the field that changed ("cost.price", ...)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._details = CostDetails()
        self.price = NumberField(
            self.tr("Price per session"), whole=False, maximum=MAX_MONEY, money=True
        )
        self.sessions = NumberField(
            self.tr("Sessions recommended"),
            whole=True,
            maximum=MAX_SESSIONS,
            unit=self.tr("sessions"),
        )
        self.fees = NumberField(self.tr("Other fees"), whole=False, maximum=MAX_MONEY, money=True)
        self.insurance = QComboBox()
        self.insurance.setAccessibleName(self.tr("Insurance"))
        for coverage in Coverage:
            self.insurance.addItem(choice_text(coverage), coverage.value)
        self.percent = NumberField(
            self.tr("Share insurance pays, in percent"),
            whole=False,
            maximum=MAX_PERCENT,
            unit="%",
        )

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self._label(self.tr("P&rice per session"), self.price), self.price)
        form.addRow(self._label(self.tr("Sessions reco&mmended"), self.sessions), self.sessions)
        form.addRow(
            self._label(self.tr("O&ther fees (evaluation, follow-up)"), self.fees), self.fees
        )
        form.addRow(self._label(self.tr("Ins&urance"), self.insurance), self.insurance)
        form.addRow(self._label(self.tr("Share insurance pa&ys"), self.percent), self.percent)

        self.price.value_edited.connect(lambda v: self._edit("cost.price", price_per_session=v))
        self.sessions.value_edited.connect(
            lambda v: self._edit("cost.sessions", sessions_recommended=v)
        )
        self.fees.value_edited.connect(lambda v: self._edit("cost.fees", other_fees=v))
        self.percent.value_edited.connect(lambda v: self._edit("cost.percent", insurance_percent=v))
        self.insurance.activated.connect(self._insurance_picked)
        self.setFocusProxy(self.price)

    def set_details(self, details: CostDetails) -> None:
        self._details = details
        self.price.set_value(details.price_per_session)
        self.sessions.set_value(details.sessions_recommended)
        self.fees.set_value(details.other_fees)
        self.insurance.setCurrentIndex(list(Coverage).index(details.insurance))
        self.percent.set_value(details.insurance_percent)
        self.percent.setEnabled(details.insurance is Coverage.PARTIAL)

    def fields(self) -> dict[str, NumberField]:
        return {
            "cost.price": self.price,
            "cost.sessions": self.sessions,
            "cost.fees": self.fees,
            "cost.percent": self.percent,
        }

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy.focusProxy() or buddy)  # Alt+letter focuses only a focusable box
        return label

    def _insurance_picked(self, index: int) -> None:
        coverage = Coverage(self.insurance.itemData(index))
        if coverage is not self._details.insurance:
            self._edit("cost.insurance", insurance=coverage)

    def _edit(self, field: str, **change: object) -> None:
        self._details = replace(self._details, **change)  # type: ignore[arg-type]
        self.percent.setEnabled(self._details.insurance is Coverage.PARTIAL)
        self.cost_edited.emit(self._details, field)
