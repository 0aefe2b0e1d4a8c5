"""Everyone's weights: pick whose weights are in force, save them under a name, rename or remove a
profile, start from a preset or reset to equal. Each is one undoable edit of the core document
(``activate_weight_profile``, ``add_weight_profile``, ``replace_set_weights`` …)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ketachecklist import QT_TRANSLATE_NOOP
from ketachecklist.core.decision.profiles import Preset, preset_weights
from ketachecklist.core.document import WeightProfile
from ketachecklist.core.limits import MAX_PROFILE_NAME, MAX_WEIGHT_PROFILES
from ketachecklist.text import isolated
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.field_message import FieldMessage
from ketachecklist.ui.flow_layout import FlowLayout
from ketachecklist.ui.name_chooser import name_chooser
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.plain_label import plain_label
from ketachecklist.ui.removal_question import confirm_removal
from ketachecklist.ui.wrapping_form import add_row, wrapping_form

UNNAMED = QT_TRANSLATE_NOOP("WeightProfilesEditor", "Not saved as a profile")
PRESET_NAMES = {
    Preset.EQUAL: QT_TRANSLATE_NOOP("WeightProfilesEditor", "Equal"),
    Preset.SAFETY_FIRST: QT_TRANSLATE_NOOP("WeightProfilesEditor", "Safety first"),
    Preset.COST_MATTERS_MOST: QT_TRANSLATE_NOOP("WeightProfilesEditor", "Cost matters most"),
}
PRESET_TIPS = {
    Preset.EQUAL: QT_TRANSLATE_NOOP("WeightProfilesEditor", "Every set counts the same"),
    Preset.SAFETY_FIRST: QT_TRANSLATE_NOOP(
        "WeightProfilesEditor",
        "The Evaluation and the Administration and Monitoring sets count twice: that is where "
        "the sources place the safety checks",
    ),
    Preset.COST_MATTERS_MOST: QT_TRANSLATE_NOOP(
        "WeightProfilesEditor", "The Cost set counts three times as much as each other set"
    ),
}
EXPLANATION = QT_TRANSLATE_NOOP(
    "WeightProfilesEditor",
    "Family members may weigh things differently. Save the weights below under a name "
    "(“Me”, “Mum”), then switch between them: the Decision tab shows who leads under each "
    "profile. Switching, presets and removing can all be undone.",
)


class WeightProfilesEditor(QWidget):
    message = Signal(str)  # a status line for the window

    def __init__(self, document: OpenDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._updating = False
        # Asked before a profile is removed; tests answer it themselves.
        self.confirm_removal: Callable[[str], bool] = self._ask_before_removing

        explanation = plain_label(selectable=False)
        explanation.setText(self.tr(EXPLANATION))

        self.chooser = name_chooser(self.tr("Whose weights are in force"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Profile name"))
        self.name.setPlaceholderText(self.tr("for example Me, or Mum"))
        self.name.setMaxLength(MAX_PROFILE_NAME)
        self.name_message = FieldMessage()
        self.name_message.describe(self.name)
        self.save_button = QPushButton(self.tr("&Save as a new profile"))
        self.save_button.setAccessibleName(
            self.tr("Save these weights as a new profile with this name")
        )
        self.rename_button = QPushButton(self.tr("Rena&me this profile"))
        self.rename_button.setAccessibleName(self.tr("Rename the profile in force to this name"))
        self.remove_button = QPushButton(self.tr("&Remove this profile…"))
        self.remove_button.setAccessibleName(self.tr("Remove the profile in force"))
        self.remove_button.setToolTip(
            self.tr("Its weights stay in force, unnamed; Undo brings it back")
        )

        self.preset = QComboBox()
        self.preset.setAccessibleName(self.tr("Preset weights"))
        for preset, title in PRESET_NAMES.items():
            self.preset.addItem(self.tr(title), preset.value)
            self.preset.setItemData(
                self.preset.count() - 1, self.tr(PRESET_TIPS[preset]), Qt.ItemDataRole.ToolTipRole
            )
        self.use_preset = QPushButton(self.tr("&Use this preset"))
        self.use_preset.setAccessibleName(self.tr("Put the preset's set weights in force"))
        self.reset_button = QPushButton(self.tr("Reset &to equal"))
        self.reset_button.setAccessibleName(self.tr("Reset the set weights to equal"))
        self.reset_button.setToolTip(self.tr("Every set counts the same (weight 1)"))

        form = wrapping_form()
        add_row(form, self.tr("&Whose weights"), self.chooser)
        add_row(form, self.tr("Profile &name"), self.name)
        form.addRow("", self.name_message)
        # Rows of buttons wrap at a large font (a form cannot wrap them: they sit below it).
        profile_buttons = FlowLayout()
        for button in (self.save_button, self.rename_button, self.remove_button):
            profile_buttons.addWidget(button)
        preset_label = QLabel(self.tr("&Preset"))
        preset_label.setBuddy(self.preset)
        # in line with the box beside it (a wrapping row places each item at the row's top)
        preset_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        preset_label.setMinimumHeight(self.preset.sizeHint().height())
        preset_row = FlowLayout()
        for widget in (preset_label, self.preset, self.use_preset, self.reset_button):
            preset_row.addWidget(widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addLayout(profile_buttons)
        layout.addLayout(preset_row)

        self.chooser.activated.connect(self._profile_picked)
        self.save_button.clicked.connect(self.save_as_new_profile)
        self.name.returnPressed.connect(self.save_as_new_profile)
        self.name.textEdited.connect(lambda _text: self.name_message.clear_problem())
        self.rename_button.clicked.connect(self.rename_profile)
        self.remove_button.clicked.connect(self.remove_profile)
        self.use_preset.clicked.connect(lambda: self.apply_preset(self._chosen_preset()))
        self.reset_button.clicked.connect(lambda: self.apply_preset(Preset.EQUAL))
        document.weights_changed.connect(self._refresh)
        document.replaced.connect(self._refresh)
        self._refresh()

    # --- public ---------------------------------------------------------------------------------
    def activate(self, name: str | None) -> None:
        """Put a saved profile's weights in force (None: keep the weights, unnamed)."""
        if name == self._document.comparison.active_profile:
            return
        push_edit(self._document, lambda comparison: comparison.activate_weight_profile(name))
        self.message.emit(
            self.tr("Now using the weights of “{name}”.").format(name=isolated(name))
            if name
            else self.tr("Now using weights not saved as a profile.")
        )

    def save_as_new_profile(self) -> None:
        name = self._typed_name()
        if name is None:
            return
        comparison = self._document.comparison
        if len(comparison.weight_profiles) >= MAX_WEIGHT_PROFILES:
            self.name_message.show_problem(
                self.tr(
                    "A comparison can hold up to %n profiles. Remove one first.",
                    "",
                    MAX_WEIGHT_PROFILES,
                )
            )
            return
        profile = WeightProfile(name, dict(comparison.set_weights))
        stack = self._document.undo_stack
        stack.beginMacro(self.tr("Add weight profile"))  # saved and put in force: one undo step
        try:
            push_edit(self._document, lambda c: c.add_weight_profile(profile))
            push_edit(self._document, lambda c: c.activate_weight_profile(name))
        finally:
            stack.endMacro()
        self.name.clear()
        self.message.emit(
            self.tr(
                "Saved these weights as “{name}”. Changes to the weights now change “{name}”."
            ).format(name=isolated(name))
        )

    def rename_profile(self) -> None:
        current = self._document.comparison.active_profile
        if current is None:
            self.name_message.show_problem(self.tr("Pick a saved profile to rename first."))
            return
        name = self._typed_name()
        if name is None:
            return
        push_edit(self._document, lambda c: c.rename_weight_profile(current, name))
        self.name.clear()
        self.message.emit(
            self.tr("Renamed “{old}” to “{new}”.").format(old=isolated(current), new=isolated(name))
        )

    def remove_profile(self) -> None:
        current = self._document.comparison.active_profile
        if current is None or not self.confirm_removal(current):
            return
        push_edit(self._document, lambda c: c.remove_weight_profile(current))
        self.message.emit(
            self.tr("Removed the profile “{name}”; its weights stay in force. Undo.").format(
                name=isolated(current)
            )
        )

    def apply_preset(self, preset: Preset) -> None:
        comparison = self._document.comparison
        weights = preset_weights(preset, [s.id for s in comparison.catalogue.sets])
        preset_name = self.tr(PRESET_NAMES[preset])
        if all(comparison.set_weight(set_id) == w for set_id, w in weights.items()):
            self.message.emit(
                self.tr("The set weights are already “{preset}”.").format(preset=preset_name)
            )
            return
        push_edit(self._document, lambda c: c.replace_set_weights(weights))
        self.message.emit(
            self.tr("Set weights now “{preset}”. Undo takes it back.").format(preset=preset_name)
        )

    # --- helpers --------------------------------------------------------------------------------
    def _chosen_preset(self) -> Preset:
        return Preset(self.preset.currentData())

    def _typed_name(self) -> str | None:
        name = self.name.text().strip()
        if not name:
            self.name_message.show_problem(
                self.tr("Type a name for the profile first, such as “Mum”.")
            )
            self.name.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        if any(p.name == name for p in self._document.comparison.weight_profiles):
            self.name_message.show_problem(
                self.tr("There is already a profile called “{name}”.").format(name=isolated(name))
            )
            self.name.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        self.name_message.clear_problem()
        return name

    def _profile_picked(self, index: int) -> None:
        if self._updating:
            return
        data = self.chooser.itemData(index)
        self.activate(str(data) if data is not None else None)

    def _refresh(self) -> None:
        comparison = self._document.comparison
        self._updating = True
        try:
            self.chooser.clear()
            self.chooser.addItem(self.tr(UNNAMED), None)
            for profile in comparison.weight_profiles:
                self.chooser.addItem(profile.name, profile.name)
            active = comparison.active_profile
            self.chooser.setCurrentIndex(0 if active is None else self.chooser.findData(active))
        finally:
            self._updating = False
        named = comparison.active_profile is not None
        self.rename_button.setEnabled(named)
        self.remove_button.setEnabled(named)

    def _ask_before_removing(self, name: str) -> bool:
        return confirm_removal(
            self,
            self.tr("Remove profile?"),
            self.tr(
                "Remove the profile “{name}”?\n\nIts weights stay in force, unnamed. "
                "Edit ▸ Undo brings the profile back."
            ).format(name=isolated(name)),
        )
