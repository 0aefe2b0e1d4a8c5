"""The report's first page, for the family: where the clinics stand and why, as plain data.

Everything is in the words of the presentation layer (present/decision.py); the renderers lay
it out. Clinics come in the order of their standing: the clinics in the running by score, then
those without a score, then those ruled out by the patient's own criteria.
"""

from __future__ import annotations

from dataclasses import dataclass

from ketachecklist.present.decision import DecisionText
from ketachecklist.present.text import QT_TR_NOOP, tr

HEADING = QT_TR_NOOP("The clinics, ranked by your scores")
BLOCKS_HEADING = QT_TR_NOOP("Each clinic in short")
INTRO = QT_TR_NOOP(
    "This page describes what you recorded and the weights you chose. It is not a "
    "recommendation and does not say that any clinic is safe. An open question is one that "
    "counts for a clinic and has no rating yet."
)
CHANGE_HEADING = QT_TR_NOOP("What could still change the ranking")
FIRMNESS_HEADING = QT_TR_NOOP("How firm the lead is")
VIEWS_HEADING = QT_TR_NOOP("Everyone's view")
PRESETS_LABEL = QT_TR_NOOP("Under the preset weights")
COSTS_HEADING = QT_TR_NOOP("Costs side by side")
COST_COLUMNS = (
    QT_TR_NOOP("Clinic"),
    QT_TR_NOOP("Whole course (estimate)"),
    QT_TR_NOOP("What you would pay (estimate)"),
    QT_TR_NOOP("Maintenance (as recorded)"),
    QT_TR_NOOP("What you would pay per point of overall score"),
)


@dataclass(frozen=True)
class FamilyClinic:
    """One clinic's block: kept whole on paper."""

    clinic_id: str
    name: str
    standing_text: str  # '2nd of 5', 'ruled out by your own criteria'
    ruled_out: bool
    decided: bool  # the clinic the patient recorded as their decision
    lines: tuple[tuple[str, str], ...]  # (label, text): ClinicDecisionText.lines(), no standing


@dataclass(frozen=True)
class FamilyCost:
    clinic_id: str
    name: str
    standing_text: str
    cells: tuple[str, ...]  # aligned with COST_COLUMNS[1:]
    per_point: int | None  # the last column's figure in whole dollars (None: no figure)

    @property
    def per_point_text(self) -> str:
        """What the family would pay per point of overall score (the last column)."""
        return self.cells[-1]


@dataclass(frozen=True)
class FamilyPage:
    heading: str
    blocks_heading: str
    intro: str
    verdict: str
    weights_label: str  # 'Weights in force (Mum)'
    weights_text: str  # 'Evaluation 40%, …'
    clinics: tuple[FamilyClinic, ...]
    change_heading: str
    change_lines: tuple[str, ...]  # who could overtake; the heading of the deciding questions
    deciding_questions: tuple[str, ...]
    firmness_heading: str
    firmness_lines: tuple[str, ...]
    views_heading: str
    profile_lines: tuple[str, ...]  # 'Mum (Evaluation 40%, …): Harbor Light leads'
    agreement_text: str
    presets_label: str
    preset_lines: tuple[str, ...]
    costs_heading: str
    cost_columns: tuple[str, ...]
    costs: tuple[FamilyCost, ...]
    price_context_text: str  # the sources' price range, with its source

    @property
    def has_leader(self) -> bool:
        return bool(self.change_lines or self.firmness_lines)


def build_family_page(decision: DecisionText, decided_id: str | None) -> FamilyPage:
    profiles = tuple(
        tr("{profile} (in force)").format(profile=p.text) if p.active else p.text
        for p in decision.profiles
    )
    return FamilyPage(
        heading=tr(HEADING),
        blocks_heading=tr(BLOCKS_HEADING),
        intro=tr(INTRO),
        verdict=decision.verdict,
        weights_label=decision.weights_title,
        weights_text=decision.weights_text,
        clinics=tuple(
            FamilyClinic(
                c.clinic_id,
                c.name,
                c.standing_text,
                c.ruled_out,
                c.clinic_id == decided_id,
                c.lines(standing=False),
            )
            for c in decision.clinics
        ),
        change_heading=tr(CHANGE_HEADING),
        change_lines=tuple(t for t in (decision.overtake_text, decision.deciding_text) if t),
        deciding_questions=decision.deciding_questions,
        firmness_heading=tr(FIRMNESS_HEADING),
        firmness_lines=decision.firmness_lines,
        views_heading=tr(VIEWS_HEADING),
        profile_lines=profiles,
        agreement_text=decision.agreement_text,
        presets_label=tr(PRESETS_LABEL),
        preset_lines=tuple(p.text for p in decision.presets),
        costs_heading=tr(COSTS_HEADING),
        cost_columns=tuple(tr(COST_COLUMNS[column]) for column in range(len(COST_COLUMNS))),
        costs=tuple(
            FamilyCost(
                cost.clinic_id,
                cost.name,
                clinic.standing_text,
                (
                    cost.course_text,
                    cost.out_of_pocket_text,
                    cost.maintenance_text,
                    cost.per_point_text,
                ),
                cost.per_point,
            )
            for clinic, cost in zip(decision.clinics, decision.costs, strict=True)
        ),
        price_context_text=decision.price_context_text,
    )
