"""Where the scores stand, in one or two sentences: a description, never a recommendation."""

from __future__ import annotations

from ketachecklist.core.scoring import CLEAR_WINNER_MARGIN, ComparisonScores
from ketachecklist.present.numbers import plural, round_half_up, whole_text
from ketachecklist.present.text import tr


def verdict_text(scores: ComparisonScores, names: dict[str, str]) -> str:
    """The spread of the scores; a lead is only as firm as the ratings behind it: when the
    top-scored clinic has under half of its questions rated, or fewer than another clinic, the
    verdict says so. ``names``: clinic id -> name."""
    if scores.margin is None:
        return tr("Not enough clinics scored to compare yet.")
    points = plural(round_half_up(scores.margin), "point")
    if not scores.clear_winner:
        return tr("No clear winner: the top two are {points} apart (under {margin}).").format(
            points=points, margin=whole_text(CLEAR_WINNER_MARGIN)
        )
    lead = tr("The top-scored clinic leads by {points}").format(points=points)
    leader, *others = scores.ranked()
    most = max(others, key=lambda s: s.answered)  # the first in ranked order on a tie
    more_elsewhere = most.answered > leader.answered
    if not more_elsewhere and 2 * leader.answered >= leader.total:
        return f"{lead}."
    verb = tr("is") if leader.answered == 1 else tr("are")
    caveat = tr("only {rated} of its {total} questions {verb} rated").format(
        rated=leader.answered, total=leader.total, verb=verb
    )
    if more_elsewhere:
        name = " ".join(names.get(most.clinic_id, "").split()) or tr("another clinic")
        caveat += tr(", while {name} has {rated} rated").format(name=name, rated=most.answered)
    return tr("{lead}, but {caveat}: the scores may change as you ask more.").format(
        lead=lead, caveat=caveat
    )
