"""The decision facts in words, said once for the Decision tab, the grid and every report.

``decision_text(comparison, analysis)`` words a ``DecisionAnalysis`` (core/decision/analysis.py):
who leads and how firmly, each clinic's score, range, red-flag coverage, strengths, concerns and
deal-breakers, what could still change first place, who leads under each person's weights, and
the costs side by side. Every field is a ready-to-show string (plain text: a clinic's name or a
question is shown as typed, so renderers escape it like any other text). It describes what the
patient recorded ("leads on your scores"); it never advises.
"""

from __future__ import annotations

from ketachecklist.core.decision.analysis import DecisionAnalysis
from ketachecklist.core.document import Comparison
from ketachecklist.present.decision_clinic import ClinicWording
from ketachecklist.present.decision_types import (
    RULED_OUT,
    ClinicDecisionText,
    CostText,
    DecisionText,
    ProfileText,
)
from ketachecklist.present.decision_verdict import VerdictWording
from ketachecklist.present.decision_views import ViewsWording


def decision_text(comparison: Comparison, analysis: DecisionAnalysis) -> DecisionText:
    return _Wording(comparison, analysis).build()


def verdict_text(comparison: Comparison, analysis: DecisionAnalysis) -> str:
    """``decision_text(…).verdict`` alone, without wording every clinic (the grid shows it
    after every edit)."""
    return VerdictWording(comparison, analysis).verdict()


class _Wording(ClinicWording, VerdictWording, ViewsWording):
    def build(self) -> DecisionText:
        clinics = tuple(self.clinic(c) for c in self.family_order())
        profiles = self.analysis.profiles
        return DecisionText(
            verdict=self.verdict(),
            kind=self.analysis.verdict.kind,
            kind_text=self.kind_text(self.analysis.verdict.kind),
            weights_text=self.percentages_text(profiles.people[0]),
            weights_title=self.weights_title(),
            clinics=clinics,
            overtake_text=self.overtake_summary(),
            deciding_questions=tuple(
                self.deciding_question(i) for i in self.analysis.deciding_questions
            ),
            deciding_text=self.deciding_text(),
            weight_change_text=self.weight_change_text(),
            one_step_text=self.one_step_text(),
            profiles=tuple(self.profile(v) for v in profiles.people),
            presets=tuple(self.profile(v) for v in profiles.presets),
            agreement_text=self.agreement_text(),
            costs=tuple(c.cost for c in clinics),
            price_context_text=self.price_context(),
        )


__all__ = [
    "RULED_OUT",
    "ClinicDecisionText",
    "CostText",
    "DecisionText",
    "ProfileText",
    "decision_text",
    "verdict_text",
]
