"""Where each clinic stands, in words, by one rule for every screen and page: its place by the
overall score among the clinics still in the running ('2nd of 5', '1st of 4 in the running
(tied)'), 'ruled out by your own criteria' for a clinic the patient's deal-breakers rule out,
'Not scored yet' for a clinic with no score. The grid's rank row, the Decision tab's list, the
family page and the exports all read these words, so the screen and the paper never rank a
clinic two ways."""

from __future__ import annotations

from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.core.points import level
from ketachecklist.core.scoring import ComparisonScores
from ketachecklist.present.decision_types import RULED_OUT
from ketachecklist.present.scores import NOT_SCORED, rank_text
from ketachecklist.present.text import tr


class Standing(FrozenRecord):
    place: int | None  # among the clinics in the running with a score; level clinics share one
    level: bool  # level with another clinic in the running
    ruled_out: bool
    running: int  # clinics in the running
    clinics: int  # all the clinics
    scored: int = 0  # clinics in the running with a score

    @property
    def text(self) -> str:
        if self.ruled_out:
            return tr(RULED_OUT)
        if self.place is None:
            return tr(NOT_SCORED)
        if self.scored == 1 and self.running > 1:  # "1st of 3" when nothing to compare with
            return tr("the only one with a score so far")
        text = rank_text(self.place, self.running, tied=False)
        if self.running < self.clinics:
            text = tr("{rank} in the running").format(rank=text)
        return f"{text} ({tr('tied')})" if self.level else text


class Standings:
    """Every clinic's standing, each worked out when first asked for (a grid shows a few)."""

    def __init__(self, scores: ComparisonScores, ruled_out: frozenset[str]) -> None:
        self._ruled_out = ruled_out
        self._clinics = len(scores.clinics)
        self._running = self._clinics - sum(1 for s in scores.clinics if s.clinic_id in ruled_out)
        overall = {s.clinic_id: s.overall for s in scores.clinics}
        # The ranking is best first and stable, so scores shown the same sit together.
        self._overall = {
            cid: score
            for cid in scores.ranking
            if cid not in ruled_out and (score := overall[cid]) is not None
        }
        self._placed = list(self._overall)
        self._places = {clinic_id: index for index, clinic_id in enumerate(self._placed)}
        self._found: dict[str, Standing] = {}

    def __getitem__(self, clinic_id: str) -> Standing:
        standing = self._found.get(clinic_id)
        if standing is None:
            standing = self._found[clinic_id] = self._standing(clinic_id)
        return standing

    def _standing(self, clinic_id: str) -> Standing:
        index = self._places.get(clinic_id)
        if index is None:
            out = clinic_id in self._ruled_out
            return Standing(None, False, out, self._running, self._clinics, len(self._placed))
        placed, overall = self._placed, self._overall
        score = overall[clinic_id]
        # Level when shown the same, in whole points (core/points.py): both reading 63.
        first = index  # level clinics share the place of the first of them
        while first and level(overall[placed[first - 1]], score):
            first -= 1
        is_level = first < index or (
            index + 1 < len(placed) and level(overall[placed[index + 1]], score)
        )
        return Standing(first + 1, is_level, False, self._running, self._clinics, len(placed))


def standings(scores: ComparisonScores, ruled_out: frozenset[str]) -> dict[str, Standing]:
    """Every clinic's standing, keyed by clinic id (its words are made when asked for)."""
    each = Standings(scores, ruled_out)
    return {score.clinic_id: each[score.clinic_id] for score in scores.clinics}


def standing_order(scores: ComparisonScores, ruled_out: frozenset[str]) -> list[str]:
    """Clinic ids in the order they stand: by score, the unscored, then those ruled out."""
    return [
        *(cid for cid in scores.ranking if cid not in ruled_out),
        *(cid for cid in scores.ranking if cid in ruled_out),
    ]
