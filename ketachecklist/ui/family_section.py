"""The Decision tab's family section: why each clinic stands where it does, how firm the lead
is, what could still change it, everyone's view and the costs side by side.

Every sentence is ``Presentation.decision`` (present/decision.py), worded once for this tab
and every report; this widget only lays it out. Text is data: every label shows plain text,
wraps, and can be selected and copied. A screen reader hears each part by its heading (the
label's name) and its words (the description, ``ui/accessible_text.py``); the scroll area
that holds them takes the focus, scrolls with the arrow keys and describes the verdict.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ketachecklist.present.decision import ClinicDecisionText, DecisionText
from ketachecklist.present.text import tr
from ketachecklist.ui.accessible_text import show_text

TITLE = "Why they stand there, for the family"
DESCRIPTION = (
    "The weights in force, each clinic's score, range, red flags, strengths and concerns, what "
    "could still change first place, how firm the lead is, everyone's view and the costs"
)
NO_CLINICS = "No clinics yet. Add the clinics you are considering, then rate their answers."
SECTION_TITLES = {
    "clinics": "Each clinic",
    "change": "What could still change first place",
    "firmness": "How firm the lead is",
    "profiles": "Everyone's view",
    "costs": "Costs side by side",
}
BULLET = "•"


def _text_label(bold: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


def _bullets(lines: tuple[str, ...] | list[str]) -> str:
    return "\n".join(f"{BULLET} {line}" for line in lines)


def clinic_block_text(clinic: ClinicDecisionText) -> str:
    """One clinic's lines under its name: 'Standing: 1st of 3 in the running' …"""
    return "\n".join(f"{label}: {text}" for label, text in clinic.lines())


def costs_text(decision: DecisionText) -> str:
    lines = []
    for cost in decision.costs:
        lines.append(
            f"{cost.name}: {tr('course')} {cost.course_text}; "
            f"{tr('out of pocket')} {cost.out_of_pocket_text}; "
            f"{tr('maintenance')}: {cost.maintenance_text}; {cost.per_point_text}"
        )
    if decision.price_context_text:
        lines.append(decision.price_context_text)
    return "\n".join(lines)


def change_text(decision: DecisionText) -> str:
    parts = [decision.overtake_text, decision.deciding_text]
    if decision.deciding_questions:
        parts.append(_bullets(decision.deciding_questions))
    return "\n".join(p for p in parts if p)


def profiles_text(decision: DecisionText) -> str:
    people = [p.text for p in decision.profiles]
    parts = [_bullets(people), decision.agreement_text]
    if decision.presets:
        parts.append(tr("Under the presets:"))
        parts.append(_bullets([p.text for p in decision.presets]))
    return "\n".join(p for p in parts if p)


class _ClinicBlock(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = _text_label(bold=True)
        self.name.setAccessibleName("Clinic")
        self.body = _text_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.name)
        layout.addWidget(self.body)

    def show_clinic(self, clinic: ClinicDecisionText) -> None:
        show_text(self.name, clinic.name)
        self.body.setAccessibleName(clinic.name)  # heard as "<clinic>: Standing: …"
        show_text(self.body, clinic_block_text(clinic))


class FamilySection(QScrollArea):
    """The family page on screen; ``show_decision`` fills it from one revision's words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab stops here; arrows scroll
        self.setAccessibleName(TITLE)
        # Room for the verdict and a clinic block; taller windows give it more.
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 12)

        content = QWidget()
        self._layout = QVBoxLayout(content)
        self.empty = _text_label()
        self.empty.setAccessibleName(TITLE)
        self._layout.addWidget(self.empty)
        self.sections: dict[str, QLabel] = {}
        self.headings: dict[str, QLabel] = {}
        gap = self.fontMetrics().lineSpacing() // 2
        # The weights in force first: every fact below is under them.
        self.weights_heading = _text_label(bold=True)
        self.weights = _text_label()
        self._layout.addWidget(self.weights_heading)
        self._layout.addWidget(self.weights)
        for key, title in SECTION_TITLES.items():
            heading = _text_label(bold=True)
            heading.setText(title)
            body = _text_label()
            body.setAccessibleName(title)
            self._layout.addSpacing(gap)
            self._layout.addWidget(heading)
            self.headings[key] = heading
            if key == "clinics":
                self._clinic_layout = QVBoxLayout()
                self._clinic_layout.setSpacing(gap)
                self._layout.addLayout(self._clinic_layout)
            else:
                self._layout.addWidget(body)
                self.sections[key] = body
        self._layout.addStretch(1)
        self.clinic_blocks: list[_ClinicBlock] = []
        self._text = ""
        self.setWidget(content)

    def show_no_clinics(self) -> None:
        self._show_parts(False)
        show_text(self.empty, NO_CLINICS)
        self.setAccessibleDescription(NO_CLINICS)
        self._text = NO_CLINICS

    def show_decision(self, decision: DecisionText) -> None:
        self._show_parts(True)
        self.weights_heading.setText(decision.weights_title)
        self.weights.setAccessibleName(decision.weights_title)
        show_text(self.weights, decision.weights_text)
        self._show_clinics(decision.clinics)
        shown = [
            decision.weights_title,
            decision.weights_text,
            SECTION_TITLES["clinics"],
        ]
        for clinic in decision.clinics:
            shown.extend((clinic.name, clinic_block_text(clinic)))
        for key, text in (
            ("change", change_text(decision)),
            ("firmness", "\n".join(decision.firmness_lines)),
            ("profiles", profiles_text(decision)),
            ("costs", costs_text(decision)),
        ):
            show_text(self.sections[key], text)
            visible = bool(text)
            self.sections[key].setVisible(visible)
            self.headings[key].setVisible(visible)
            if visible:
                shown.extend((SECTION_TITLES[key], text))
        self._text = "\n".join(shown)
        self.setAccessibleDescription(DESCRIPTION)

    def text(self) -> str:
        """Everything the section shows, in reading order (headings included)."""
        return self._text

    def _show_parts(self, shown: bool) -> None:
        self.empty.setVisible(not shown)
        for widget in (
            *self.sections.values(),
            *self.headings.values(),
            self.weights_heading,
            self.weights,
        ):
            widget.setVisible(shown)
        for block in self.clinic_blocks:
            block.setVisible(shown)

    def _show_clinics(self, clinics: tuple[ClinicDecisionText, ...]) -> None:
        while len(self.clinic_blocks) < len(clinics):
            block = _ClinicBlock()
            self._clinic_layout.addWidget(block)
            self.clinic_blocks.append(block)
        while len(self.clinic_blocks) > len(clinics):
            block = self.clinic_blocks.pop()
            self._clinic_layout.removeWidget(block)
            block.deleteLater()
        for block, clinic in zip(self.clinic_blocks, clinics, strict=True):
            block.show_clinic(clinic)
