"""What could still change the ranking: score ranges and the questions that matter most.

A clinic's range is its overall score once every question still open for it (counted, not
rated yet) is answered with the worst rating (1) and with the best (5). Each set score is a
weighted mean that grows with every rating in it, and the overall score grows with every set
score, so these two completions are the lowest and highest of all completions: any way the
open questions are answered, the final score lies inside the range.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from ketachecklist.core.decision.standing import beats
from ketachecklist.core.decision.tally import ROUNDING_MARGIN, ClinicTally
from ketachecklist.core.frozen_record import FrozenRecord

WORST_RATING = 1
BEST_RATING = 5


class ScoreRange(FrozenRecord):
    clinic_id: str
    current: float | None
    lowest: float | None  # every open question answered with the worst rating
    highest: float | None  # ... with the best
    open_questions: int

    @property
    def settled(self) -> bool:
        return self.open_questions == 0


def score_range(tally: ClinicTally) -> ScoreRange:
    """Scoring's numbers for the clinic with every open question rated 1, then 5 (the tally
    recomputes them with scoring's own steps; tests check them against ``score_clinic`` on a
    copy of the document with those ratings entered)."""
    opened = len(tally.open_questions())
    return ScoreRange(
        tally.clinic_id,
        tally.overall,
        completed(tally, WORST_RATING),
        completed(tally, BEST_RATING),
        opened,
    )


def completed(tally: ClinicTally, rating: int) -> float | None:
    """One end of ``score_range``: the overall score with every open question rated ``rating``."""
    if not tally.open_questions():
        return tally.overall
    return tally.overall_if_all_open(rating)


class SetRange(FrozenRecord):
    """One set's score for one clinic, and its extremes once the set's open questions are
    rated 1 and 5 (the same definition as the overall range, set by set)."""

    set_id: str
    current: float | None
    lowest: float | None
    highest: float | None
    open_questions: int

    @property
    def settled(self) -> bool:
        return self.open_questions == 0


def set_ranges(tally: ClinicTally) -> tuple[SetRange, ...]:
    """Every set's range for the tally's clinic, in catalogue order. A set score is a weighted
    mean that grows with each rating in it, so any completion's set score lies inside."""
    lowest = tally.set_scores_if_all_open(WORST_RATING)
    highest = tally.set_scores_if_all_open(BEST_RATING)
    return tuple(
        SetRange(
            set_id,
            tally.set_scores[index],
            lowest[index],
            highest[index],
            tally.open_in_set(index),
        )
        for index, set_id in enumerate(tally.set_ids)
    )


def could_overtake(challenger: ScoreRange, leader: ScoreRange, challenger_first: bool) -> bool:
    """Whether the challenger's best can beat the leader's worst (ties by document order)."""
    return best_beats_worst(challenger.highest, leader.lowest, challenger_first)


def best_beats_worst(highest: float | None, lowest: float | None, challenger_first: bool) -> bool:
    """``could_overtake`` on the two ends alone: a challenger's highest, the leader's lowest."""
    if highest is None or lowest is None:
        return False
    return beats(highest, lowest, challenger_first)


class QuestionImpact(FrozenRecord):
    """One open question answered at its most damaging for the leader: worst rating where the
    leader has not been asked, best rating for every other clinic in the running."""

    question_id: str
    gap_now: float | None  # the leader's lead over the best other scored clinic
    gap_after: float | None  # the leader's score minus the best other's, after that answer
    closest_id: str | None  # the other clinic that comes closest (or passes)
    changes_first_place: bool
    rules_out_leader: bool  # a deal-breaker not yet asked of the leader: rating 1 rules it out

    @property
    def moves_gap_by(self) -> float | None:
        if self.gap_now is None or self.gap_after is None:
            return None
        return self.gap_now - self.gap_after


def question_impacts(
    tallies: Mapping[str, ClinicTally],
    leader: str,
    running: Sequence[str],
    deal_breakers: frozenset[str],
) -> list[QuestionImpact]:
    """Every question open for the leader or another clinic in the running that moves the gap,
    the ones that could change first place first, then by how little lead they would leave."""
    order = {clinic_id: index for index, clinic_id in enumerate(running)}
    lead_tally = tallies[leader]
    lead_now = lead_tally.overall
    others = [tallies[c] for c in running if c != leader]
    if lead_now is None or not others:
        return []
    best_now = max((t.overall for t in others if t.overall is not None), default=None)
    gap_now = None if best_now is None else lead_now - best_now
    candidates: dict[str, None] = dict.fromkeys(lead_tally.open_questions())
    for tally in others:
        candidates.update(dict.fromkeys(tally.open_questions()))
    impacts = []
    for question_id in candidates:
        lead_open = lead_tally.ratings.get(question_id, 0) is None
        lead_after = lead_tally.overall_if(question_id, WORST_RATING) if lead_open else lead_now
        assert lead_after is not None  # rating one more question keeps a score
        closest_id, best_after, passes = None, None, False
        for tally in others:
            after = tally.overall
            if tally.ratings.get(question_id, 0) is None:
                after = tally.overall_if(question_id, BEST_RATING)
            if after is None:
                continue
            first = order[tally.clinic_id] < order[leader]
            if beats(after, lead_after, first):
                passes = True
            if best_after is None or after > best_after:
                closest_id, best_after = tally.clinic_id, after
        rules_out = lead_open and question_id in deal_breakers
        gap_after = None if best_after is None else lead_after - best_after
        if gap_after is not None and gap_after == gap_now and not rules_out:
            continue
        impacts.append(
            QuestionImpact(
                question_id, gap_now, gap_after, closest_id, passes or rules_out, rules_out
            )
        )
    impacts.sort(
        key=lambda i: (
            not i.changes_first_place,
            float("inf") if i.gap_after is None else i.gap_after,
        )
    )
    return impacts


def deciding_question_ids(
    tallies: Mapping[str, ClinicTally],
    leader: str,
    running: Sequence[str],
    deal_breakers: frozenset[str],
    highest: Mapping[str, float | None],
) -> Iterator[str]:
    """The questions ``question_impacts`` finds could change first place, in the order it
    weighs them, without weighing every clinic on every question: ``highest`` (each clinic's
    best completion, ``score_range``) bounds what one answer can bring it, so the search stops
    at the first clinic that passes the leader and skips those that cannot reach it."""
    lead_tally = tallies[leader]
    lead_now = lead_tally.overall
    others = [tallies[c] for c in running if c != leader]
    if lead_now is None or not others:
        return
    best_now = max((t.overall for t in others if t.overall is not None), default=None)
    if best_now is None or lead_now - best_now <= 0:
        # level with the leader (or no rival scored yet): whether the gap moves decides, so
        # weigh every clinic as question_impacts does
        impacts = question_impacts(tallies, leader, running, deal_breakers)
        yield from (i.question_id for i in impacts if i.changes_first_place)
        return
    # with the leader ahead, a clinic that passes it also moves the gap: passing is enough
    order = {clinic_id: index for index, clinic_id in enumerate(running)}
    bounded = [(bound, t) for t in others if (bound := highest[t.clinic_id]) is not None]
    bounded.sort(key=lambda pair: -pair[0])
    candidates: dict[str, None] = dict.fromkeys(lead_tally.open_questions())
    for tally in others:
        candidates.update(dict.fromkeys(tally.open_questions()))
    for question_id in candidates:
        lead_open = lead_tally.ratings.get(question_id, 0) is None
        if lead_open and question_id in deal_breakers:
            yield question_id
            continue
        lead_after = lead_tally.overall_if(question_id, WORST_RATING) if lead_open else lead_now
        assert lead_after is not None
        for bound, tally in bounded:
            if bound + ROUNDING_MARGIN < lead_after:
                break
            after = tally.overall
            if tally.ratings.get(question_id, 0) is None:
                after = tally.overall_if(question_id, BEST_RATING)
            if after is not None and beats(
                after, lead_after, order[tally.clinic_id] < order[leader]
            ):
                yield question_id
                break
