"""Each clinic's standing, worked out when first asked for, follows the one rule: its place
among the clinics in the running with a score is one more than the number scoring higher,
level with any that score the same; ruled out or unscored, it has no place."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ketachecklist.core.catalogue import load_bundled_catalogue
from ketachecklist.core.points import round_half_up
from ketachecklist.core.scoring import score_comparison
from ketachecklist.present import Presentation
from ketachecklist.present.standing import Standings, standings
from tests.core.decision.builders import make, rate
from tests.strategies import comparisons

CATALOGUE = load_bundled_catalogue()


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_a_standing_asked_for_alone_follows_the_rule(data: st.DataObject) -> None:
    comparison = data.draw(comparisons(CATALOGUE, max_clinics=6))
    scores = score_comparison(comparison)
    ids = [s.clinic_id for s in scores.clinics]
    ruled_out = frozenset(data.draw(st.lists(st.sampled_from(ids), unique=True)) if ids else [])
    # In whole points, as the scores are shown (core/points.py): 62.6 and 63.4 stand level.
    overall = {
        s.clinic_id: None if s.overall is None else round_half_up(s.overall) for s in scores.clinics
    }
    in_running = [cid for cid in ids if cid not in ruled_out and overall[cid] is not None]
    lazy = Standings(scores, ruled_out)
    asked = data.draw(st.permutations(ids))  # asked for in any order, each alone
    for clinic_id in asked:
        standing = lazy[clinic_id]
        assert standing.clinics == len(ids)
        assert standing.running == len(ids) - len(ruled_out)
        assert standing.ruled_out == (clinic_id in ruled_out)
        if clinic_id not in in_running:
            assert standing.place is None
            assert not standing.level
            continue
        score = overall[clinic_id]
        higher = [c for c in in_running if (overall[c] or 0) > (score or 0)]
        level = [c for c in in_running if c != clinic_id and overall[c] == score]
        assert standing.place == len(higher) + 1
        assert standing.level == bool(level)
    assert standings(scores, ruled_out) == {cid: lazy[cid] for cid in ids}


def test_the_only_clinic_with_a_score_is_not_called_first_of_three() -> None:
    comparison = make("A", "B", "C")
    rate(comparison, "a", e1=4)
    presentation = Presentation(comparison)
    assert presentation.clinic("a").rank_text == "the only one with a score so far"
    assert presentation.clinic("b").rank_text == "Not scored yet"
    rate(comparison, "b", e1=3)
    assert Presentation(comparison).clinic("a").rank_text == "1st of 3"
