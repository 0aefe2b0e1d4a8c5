"""Scoring again after one edit: which clinics the edit touched, and the previous revision's
scores that still hold for the others (``score_comparison(comparison, previous, change)``)."""

from __future__ import annotations

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


def unchanged_scores(
    comparison: Comparison, previous: ComparisonScores | None, change: Change | None
) -> dict[str, ClinicScore]:
    """The previous scores that still hold, by clinic id (none when all must be made again)."""
    if previous is None or change is None:
        return {}
    touched = clinics_touched(change)
    same_clinics = len(previous.clinics) == len(comparison.clinics) and all(
        s.clinic_id == c.id for s, c in zip(previous.clinics, comparison.clinics, strict=True)
    )
    if touched is None or not same_clinics:
        return {}
    return {s.clinic_id: s for s in previous.clinics if s.clinic_id not in touched}
