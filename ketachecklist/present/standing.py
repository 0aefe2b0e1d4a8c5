"""Where each clinic stands, in words, by one rule for every screen and page: its place by the
overall score among the clinics still in the running ('2nd of 5', '1st of 4 in the running
(tied)'), 'ruled out by your own criteria' for a clinic the patient's deal-breakers rule out,
'Not scored yet' for a clinic with no score. The grid's rank row, the Decision tab's list, the
family page and the exports all read these words, so the screen and the paper never rank a
clinic two ways."""

from __future__ import annotations

from dataclasses import dataclass

from ketachecklist.core.points import round_half_up
from ketachecklist.core.scoring import ComparisonScores
from ketachecklist.present.decision_types import RULED_OUT
from ketachecklist.present.scores import NOT_SCORED, rank_text
from ketachecklist.present.text import tr


@dataclass(frozen=True)
class Standing:
    place: int | None  # among the clinics in the running with a score; level clinics share one
    level: bool  # level with another clinic in the running
    ruled_out: bool
    running: int  # clinics in the running
    clinics: int  # all the clinics

    @property
    def text(self) -> str:
        if self.ruled_out:
            return tr(RULED_OUT)
        if self.place is None:
            return tr(NOT_SCORED)
        text = rank_text(self.place, self.running, tied=False)
        if self.running < self.clinics:
            text = tr("{rank} in the running").format(rank=text)
        return f"{text} ({tr('tied')})" if self.level else text


def standings(scores: ComparisonScores, ruled_out: frozenset[str]) -> dict[str, Standing]:
    """Every clinic's standing, keyed by clinic id (its words are made when asked for)."""
    count = len(scores.clinics)
    running = count - sum(1 for s in scores.clinics if s.clinic_id in ruled_out)
    # In whole points, as shown: two clinics both reading 63 stand level (core/points.py).
    overall = {
        s.clinic_id: None if s.overall is None else round_half_up(s.overall) for s in scores.clinics
    }
    # The ranking is best first and stable, so equal scores sit together.
    placed = [cid for cid in scores.ranking if cid not in ruled_out and overall[cid] is not None]
    found: dict[str, Standing] = {}
    first = 0
    for index, clinic_id in enumerate(placed):
        if index and overall[placed[index - 1]] != overall[clinic_id]:
            first = index
        level = first < index or (
            index + 1 < len(placed) and overall[placed[index + 1]] == overall[clinic_id]
        )
        found[clinic_id] = Standing(first + 1, level, False, running, count)
    for score in scores.clinics:
        if score.clinic_id not in found:
            out = score.clinic_id in ruled_out
            found[score.clinic_id] = Standing(None, False, out, running, count)
    return found


def standing_order(scores: ComparisonScores, ruled_out: frozenset[str]) -> list[str]:
    """Clinic ids in the order they stand: by score, the unscored, then those ruled out."""
    return [
        *(cid for cid in scores.ranking if cid not in ruled_out),
        *(cid for cid in scores.ranking if cid in ruled_out),
    ]
