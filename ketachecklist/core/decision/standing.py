"""Who is first: scoring's order (highest overall first, ties in document order) among the
clinics still in the running, that is, scored and not ruled out by a deal-breaker."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def first_place(
    overalls: Mapping[str, float | None], order: Sequence[str], excluded: frozenset[str]
) -> str | None:
    """The clinic ranked first, or None when no clinic in the running has a score.

    Ties go to the clinic earlier in ``order`` (document order), exactly as scoring ranks them.
    """
    best_id: str | None = None
    best = 0.0
    for clinic_id in order:
        overall = overalls.get(clinic_id)
        if overall is None or clinic_id in excluded:
            continue
        if best_id is None or overall > best:
            best_id, best = clinic_id, overall
    return best_id


def beats(challenger: float, leader: float, challenger_first_in_order: bool) -> bool:
    """Whether a challenger with this score would rank above the leader."""
    return challenger > leader or (challenger == leader and challenger_first_in_order)
