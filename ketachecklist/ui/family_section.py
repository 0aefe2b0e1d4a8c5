"""The Decision tab's family section: why each clinic stands where it does, what could still
change first place, how firm the lead is, everyone's view and the costs side by side.

It shows the report's family page (``report/family_page.py``: ``FamilyPage``, built from
``Presentation.decision``), so the tab and the printed page say the same thing with the same
headings; this widget only lays it out. Text is data: every label shows plain text, wraps, and
can be selected and copied. A screen reader hears each part by its heading (the label's name)
and its words (the description, ``ui/accessible_text.py``); the scroll area that holds them
takes the focus and scrolls with the arrow keys, Page Down and End.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ketachecklist import QT_TRANSLATE_NOOP
from ketachecklist.present.decision_words import name_in_line
from ketachecklist.report.common import decided_text
from ketachecklist.report.family_page import FamilyClinic, FamilyPage
from ketachecklist.ui.accessible_text import show_text
from ketachecklist.ui.plain_label import bold, plain_label

TITLE = QT_TRANSLATE_NOOP("FamilySection", "Why they stand there, for the family")
DESCRIPTION = QT_TRANSLATE_NOOP(
    "FamilySection",
    "The weights in force, each clinic's score, range, red flags, strengths and concerns, what "
    "could still change first place, how firm the lead is, everyone's view and the costs",
)
NO_CLINICS = QT_TRANSLATE_NOOP(
    "FamilySection",
    "No clinics yet. Add the clinics you are considering, then rate their answers.",
)
BULLET = "•"
SECTIONS = ("weights", "clinics", "change", "firmness", "views", "costs")


def _text_label(heading: bool = False) -> QLabel:
    label = plain_label()
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return bold(label) if heading else label


def _bullets(lines: Sequence[str]) -> list[str]:
    return [f"{BULLET} {line}" for line in lines]


def clinic_heading(clinic: FamilyClinic) -> str:
    """'Harbor Light · 2nd of 3', 'Quickwell · ruled out by your own criteria'."""
    return f"{name_in_line(clinic.name)} · {clinic.standing_text}"


def clinic_block_text(clinic: FamilyClinic) -> str:
    """One clinic's lines under its heading: 'Score: 63/100 · questions rated: 8 of 28 (29%)' …"""
    lines = [decided_text()] if clinic.decided else []  # as every report marks it
    lines.extend(f"{label}: {text}" for label, text in clinic.lines)
    return "\n".join(lines)


def section_texts(page: FamilyPage) -> dict[str, tuple[str, str]]:
    """Each section's (heading, words), in reading order; a section with nothing to say has
    no words (the lead's sections when no clinic leads)."""
    change = [*page.change_lines, *_bullets(page.deciding_questions)] if page.has_leader else []
    firmness = list(page.firmness_lines) if page.has_leader else []
    views = [*_bullets(page.profile_lines), page.agreement_text]
    if page.preset_lines:
        views += [f"{page.presets_label}:", *_bullets(page.preset_lines)]
    labels = page.cost_columns[1:]
    costs = [
        f"{name_in_line(cost.name)} · {cost.standing_text}: "
        + " · ".join(f"{label}: {cell}" for label, cell in zip(labels, cost.cells, strict=True))
        for cost in page.costs
    ]
    if page.price_context_text:
        costs.append(page.price_context_text)
    return {
        "weights": (page.weights_label, page.weights_text),
        "clinics": (page.blocks_heading, page.intro),
        "change": (page.change_heading, "\n".join(change)),
        "firmness": (page.firmness_heading, "\n".join(firmness)),
        "views": (page.views_heading, "\n".join(t for t in views if t)),
        "costs": (page.costs_heading, "\n".join(costs)),
    }


class _ClinicBlock(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = _text_label(heading=True)
        self.name.setAccessibleName(self.tr("Clinic"))
        self.body = _text_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.name)
        layout.addWidget(self.body)

    def show_clinic(self, clinic: FamilyClinic) -> None:
        show_text(self.name, clinic_heading(clinic))
        self.body.setAccessibleName(clinic.name)  # heard as "<clinic>: Score: …"
        show_text(self.body, clinic_block_text(clinic))


class FamilySection(QScrollArea):
    """The family page on screen; ``show_page`` fills it from one revision's words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab stops here; arrows scroll
        self.setAccessibleName(self.tr(TITLE))
        self.setAccessibleDescription(self.tr(DESCRIPTION))
        # Room for a clinic block; taller windows give it more.
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 12)

        content = QWidget()
        layout = QVBoxLayout(content)
        self.empty = _text_label()
        self.empty.setAccessibleName(self.tr(TITLE))
        layout.addWidget(self.empty)
        self.headings: dict[str, QLabel] = {}
        self.sections: dict[str, QLabel] = {}
        gap = self.fontMetrics().lineSpacing() // 2
        for key in SECTIONS:
            heading = _text_label(heading=True)
            body = _text_label()
            if key != SECTIONS[0]:
                layout.addSpacing(gap)
            layout.addWidget(heading)
            layout.addWidget(body)
            self.headings[key] = heading
            self.sections[key] = body
            if key == "clinics":  # the blocks come after the note under their heading
                self._clinic_layout = QVBoxLayout()
                self._clinic_layout.setSpacing(gap)
                layout.addLayout(self._clinic_layout)
        layout.addStretch(1)
        self.clinic_blocks: list[_ClinicBlock] = []
        self._text = ""
        self.setWidget(content)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # QAbstractScrollArea scrolls by line and page only; Home and End go to either end.
        bar = self.verticalScrollBar()
        if event.key() == Qt.Key.Key_Home:
            bar.setValue(bar.minimum())
        elif event.key() == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        else:
            super().keyPressEvent(event)

    def text(self) -> str:
        """Everything the section shows, in reading order (headings included)."""
        return self._text

    def show_no_clinics(self) -> None:
        self._show_clinics(())
        for key in SECTIONS:
            self.headings[key].setVisible(False)
            self.sections[key].setVisible(False)
        self.empty.setVisible(True)
        no_clinics = self.tr(NO_CLINICS)
        show_text(self.empty, no_clinics)
        self._text = no_clinics

    def show_page(self, page: FamilyPage) -> None:
        self.empty.setVisible(False)
        shown: list[str] = []
        for key, (title, words) in section_texts(page).items():
            heading, body = self.headings[key], self.sections[key]
            heading.setText(title)
            body.setAccessibleName(title)
            show_text(body, words)
            visible = bool(words) or key == "clinics"
            heading.setVisible(visible)
            body.setVisible(bool(words))
            if visible:
                shown += [title, words] if words else [title]
            if key == "clinics":
                self._show_clinics(page.clinics)
                for clinic in page.clinics:
                    shown += [clinic_heading(clinic), clinic_block_text(clinic)]
        self._text = "\n".join(shown)

    def _show_clinics(self, clinics: Sequence[FamilyClinic]) -> None:
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
