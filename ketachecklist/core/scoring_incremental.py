"""Scoring again after one edit: which clinics the edit touched, which of their answers, and
the previous revision's scores that still hold (``score_comparison(comparison, previous,
change)``)."""

from __future__ import annotations

from dataclasses import dataclass

from ketachecklist.core.changes import Change, PutAnswer, ReplaceClinic
from ketachecklist.core.document import Comparison
from ketachecklist.core.scoring_types import ClinicScore, ComparisonScores


def clinics_touched(change: Change) -> frozenset[str] | None:
    """The clinics whose own scores a change can alter; ``None`` when it can alter any.

    An answer counts only for its clinic, and a clinic's details (the treatments it offers
    decide which questions count) only for that clinic; every other edit can move them all.
    """
    touched: set[str] = set()
    for step in change.steps:
        if isinstance(step, PutAnswer):
            touched.add(step.clinic_id)
        elif isinstance(step, ReplaceClinic) and step.old.id == step.new.id:
            touched.add(step.new.id)
        else:
            return None
    return frozenset(touched)


@dataclass(frozen=True)
class Rescoring:
    """What one edit leaves standing: the previous scores by clinic, the clinics the edit
    touched, and for a clinic only answers touched, the questions answered."""

    earlier: dict[str, ClinicScore]
    touched: frozenset[str]
    answered: dict[str, frozenset[str]]  # a touched clinic not here: its details changed

    def kept(self, clinic_id: str) -> ClinicScore | None:
        """The previous score when the edit did not touch the clinic."""
        return None if clinic_id in self.touched else self.earlier[clinic_id]


def rescoring(
    comparison: Comparison, previous: ComparisonScores | None, change: Change | None
) -> Rescoring | None:
    """What scoring after ``change`` can keep of ``previous``; None: score every clinic."""
    if previous is None or change is None:
        return None
    touched = clinics_touched(change)
    same_clinics = len(previous.clinics) == len(comparison.clinics) and all(
        s.clinic_id == c.id for s, c in zip(previous.clinics, comparison.clinics, strict=True)
    )
    if touched is None or not same_clinics:
        return None
    answered: dict[str, set[str]] = {}
    details = set()
    for step in change.steps:
        if isinstance(step, PutAnswer):
            answered.setdefault(step.clinic_id, set()).add(step.question_id)
        else:
            assert isinstance(step, ReplaceClinic)
            details.add(step.new.id)
    return Rescoring(
        {s.clinic_id: s for s in previous.clinics},
        touched,
        {cid: frozenset(qs) for cid, qs in answered.items() if cid not in details},
    )
