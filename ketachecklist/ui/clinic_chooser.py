"""Compare: all clinics, or the few the patient picks to see side by side.

A button with a menu of check marks (reachable by keyboard: Alt+M, then the arrows and Space).
A push button, not a tool button: the style keeps room for a push button's drop-down arrow
beside its words, while a tool button's arrow is tucked into its corner, on the words.
The choice is kept for the session by clinic id; a clinic added later is shown until the
patient chooses again.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QWidget


class ClinicChooser(QPushButton):
    chosen_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hidden: set[str] = set()  # the clinics left out; empty: all are compared
        self._names: list[tuple[str, str]] = []
        self.setAccessibleName(self.tr("Clinics to compare"))
        self.setToolTip(self.tr("Pick the clinics to see side by side"))
        self.menu_of_clinics = QMenu(self)
        self.menu_of_clinics.setAccessibleName(self.tr("Clinics to compare: choices"))
        self.setMenu(self.menu_of_clinics)
        self._update_text()

    def set_clinics(self, clinics: list[tuple[str, str]]) -> None:
        """The clinics there are, as (id, name); forgets left-out clinics that are gone."""
        self._names = clinics
        self._hidden &= {clinic_id for clinic_id, _ in clinics}
        self._rebuild()

    def is_shown(self, clinic_id: str) -> bool:
        return clinic_id not in self._hidden

    def show_only(self, clinic_ids: set[str]) -> None:
        self._hidden = {clinic_id for clinic_id, _ in self._names} - clinic_ids
        self._update_checks()
        self.chosen_changed.emit()

    def _update_checks(self) -> None:
        for action in self.menu_of_clinics.actions():
            clinic_id = action.data()
            if not action.isCheckable():
                continue
            blocked = action.blockSignals(True)
            action.setChecked(self.is_shown(clinic_id) if clinic_id else not self._hidden)
            action.blockSignals(blocked)
        self._update_text()

    def _rebuild(self) -> None:
        menu = self.menu_of_clinics
        menu.clear()
        every = menu.addAction(self.tr("&All clinics"))
        every.setCheckable(True)
        every.setChecked(not self._hidden)
        every.triggered.connect(lambda _checked=False: self.show_only(set(self._ids())))
        menu.addSeparator()
        for number, (clinic_id, name) in enumerate(self._names, start=1):
            label = name.replace("&", "&&")
            action = QAction(f"&{number} {label}" if number < 10 else label, menu)
            action.setCheckable(True)
            action.setData(clinic_id)
            action.setChecked(self.is_shown(clinic_id))
            action.toggled.connect(lambda checked, c=clinic_id: self._toggle(c, checked))
            menu.addAction(action)
        self._update_text()

    def _ids(self) -> list[str]:
        return [clinic_id for clinic_id, _ in self._names]

    def _toggle(self, clinic_id: str, checked: bool) -> None:
        shown = {c for c in self._ids() if self.is_shown(c)}
        if checked:
            shown.add(clinic_id)
        elif len(shown) > 1:  # at least one clinic stays in the comparison
            shown.discard(clinic_id)
        self.show_only(shown)

    def _update_text(self) -> None:
        if not self._hidden:
            self.setText(self.tr("Co&mpare: All clinics"))
            self.setAccessibleDescription(self.tr("Comparing all clinics"))
            return
        shown = sum(1 for c in self._ids() if self.is_shown(c))
        total = len(self._names)
        self.setText(self.tr("Co&mpare: {shown} of %n clinics", "", total).format(shown=shown))
        self.setAccessibleDescription(
            self.tr("Comparing {shown} of %n clinics", "", total).format(shown=shown)
        )
