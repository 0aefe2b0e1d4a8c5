"""What every part of the decision wording reads: the comparison, its analysis, names."""

from __future__ import annotations

from ketachecklist.core.decision.analysis import DecisionAnalysis
from ketachecklist.core.document import Comparison
from ketachecklist.present.decision_words import (
    name_in_line,
    question_label,
    quoted,
)
from ketachecklist.present.text import isolated, tr


class DecisionContext:
    def __init__(self, comparison: Comparison, analysis: DecisionAnalysis) -> None:
        self.comparison = comparison
        self.analysis = analysis
        self.scores = analysis.scores
        self.names = {c.id: name_in_line(c.name) for c in comparison.clinics}
        self.leader = analysis.leader_id

    def name(self, clinic_id: str | None) -> str:
        return self.names.get(clinic_id or "", "") or tr("another clinic")

    def question(self, question_id: str) -> str:
        return quoted(isolated(question_label(self.comparison.question(question_id))))

    def set_title(self, set_id: str) -> str:
        return self.comparison.catalogue.question_set(set_id).title
