"""How firm the lead is: single ratings moved by one step, and the one-line verdict as data."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from enum import Enum

from ketachecklist.core.decision.deal_breakers import LOW_RATINGS, DealBreakerHit, HitCause
from ketachecklist.core.decision.standing import beats, first_place
from ketachecklist.core.decision.tally import ROUNDING_MARGIN, ClinicTally
from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.core.points import level, shown_lead
from ketachecklist.core.scoring import CLEAR_WINNER_MARGIN, rating_points

MAX_STEP_GAIN = rating_points(2) - rating_points(1) + ROUNDING_MARGIN  # one answer's, at most
FIRM_WEIGHT_FACTOR = 2.0  # a lead that survives any one set counting twice or half as much


class RatingStep(FrozenRecord):
    """One rating moved by one step that would change first place."""

    clinic_id: str
    question_id: str
    rating_from: int
    rating_to: int
    new_leader_id: str | None
    rule_out_changes: bool  # the step puts a deal-breaker at 1–2, or lifts the clinic's last hit


def one_step_changes(
    tallies: Mapping[str, ClinicTally],
    hits: Mapping[str, tuple[DealBreakerHit, ...]],
    order: Sequence[str],
    leader: str,
    deal_breakers: frozenset[str],
) -> list[RatingStep]:
    """Every counted rating that, moved one step, changes first place: the leader's one step
    down, any other clinic's one step up (the only moves that can)."""
    overalls = {c: tallies[c].overall for c in order}
    return list(iter_one_step_changes(tallies, overalls, hits, order, leader, deal_breakers))


def iter_one_step_changes(
    tallies: Mapping[str, ClinicTally],
    overalls: Mapping[str, float | None],
    hits: Mapping[str, tuple[DealBreakerHit, ...]],
    order: Sequence[str],
    leader: str,
    deal_breakers: frozenset[str],
) -> Iterator[RatingStep]:
    """``one_step_changes`` one at a time, so "is there one?" stops at the first. ``overalls``
    are scoring's (each tally's) overall scores; a clinic's tally is read only when one of its
    ratings could move it past the leader."""
    ruled_out = frozenset(c for c in order if hits[c])
    position = {c: i for i, c in enumerate(order)}
    lead = tallies[leader]
    for question_id in lead.rated_questions():
        rating = lead.ratings[question_id]
        assert rating is not None
        if rating == 1:
            continue
        rules_out = question_id in deal_breakers and rating - 1 in LOW_RATINGS
        changed = dict(overalls)
        changed[leader] = lead.overall_if(question_id, rating - 1)
        excluded = ruled_out | {leader} if rules_out else ruled_out
        new_leader = first_place(changed, order, excluded)
        if new_leader != leader:
            yield RatingStep(leader, question_id, rating, rating - 1, new_leader, rules_out)
    lead_score = overalls[leader]
    assert lead_score is not None
    for clinic_id in order:
        if clinic_id == leader or (clinic_id in ruled_out and not _could_lift(hits[clinic_id])):
            continue
        now = overalls[clinic_id]
        if now is not None and now + MAX_STEP_GAIN < lead_score:
            continue  # no one step brings more points than that
        tally = tallies[clinic_id]
        if now is not None and now + tally.largest_step_gain_bound() < lead_score:
            continue  # none of its answers carries enough of its score
        for question_id in tally.rated_questions():
            rating = tally.ratings[question_id]
            assert rating is not None
            if rating == 5:
                continue
            lifted = _lifts_last_hit(hits[clinic_id], question_id, rating + 1)
            if clinic_id in ruled_out and not lifted:
                continue
            if (
                now is not None
                and now + tally.step_gain_bound(question_id, rating + 1) < lead_score
            ):
                continue  # even the bound falls short of the leader
            after = tally.overall_if(question_id, rating + 1)
            if after is not None and beats(
                after, lead_score, position[clinic_id] < position[leader]
            ):
                yield RatingStep(clinic_id, question_id, rating, rating + 1, clinic_id, lifted)


def _could_lift(hits: tuple[DealBreakerHit, ...]) -> bool:
    """Whether one new rating could clear every hit: all of them low ratings on one question."""
    return bool(hits) and all(
        h.cause is HitCause.LOW_RATING and h.question_id == hits[0].question_id for h in hits
    )


def _lifts_last_hit(hits: tuple[DealBreakerHit, ...], question_id: str, new_rating: int) -> bool:
    """Whether a new rating on this question clears every deal-breaker hit the clinic has."""
    if not hits or new_rating in LOW_RATINGS:
        return False
    return all(h.question_id == question_id and h.cause is HitCause.LOW_RATING for h in hits)


class LeadKind(Enum):
    CLEAR_LEAD = "clear_lead"
    NARROW_LEAD = "narrow_lead"
    NO_CLEAR_WINNER = "no_clear_winner"
    NOT_ENOUGH_TO_COMPARE = "not_enough_to_compare"


class LeadReason(Enum):
    NO_CLINIC_SCORED = "no_clinic_scored"  # none in the running has a score yet
    ONLY_ONE_SCORED = "only_one_scored"  # the others are unscored or ruled out
    TIED_FOR_FIRST = "tied_for_first"
    MARGIN_UNDER_CLEAR = "margin_under_clear"  # under CLEAR_WINNER_MARGIN points
    OPEN_QUESTIONS_COULD_CHANGE_FIRST = "open_questions_could_change_first"
    LEADER_COULD_BE_RULED_OUT = "leader_could_be_ruled_out"  # a deal-breaker not asked yet
    ONE_STEP_CHANGES_FIRST = "one_step_changes_first"
    SMALL_WEIGHT_CHANGE_CHANGES_FIRST = "small_weight_change_changes_first"
    LEADER_MOSTLY_UNRATED = "leader_mostly_unrated"  # under half its questions rated


class LeadVerdict(FrozenRecord):
    kind: LeadKind
    reasons: tuple[LeadReason, ...]
    leader_id: str | None
    tied_ids: tuple[str, ...]  # every clinic sharing first place, the leader first
    runner_up_id: str | None
    margin: float | None  # leader minus runner-up, points
    within_reach_ids: tuple[str, ...]  # others within CLEAR_WINNER_MARGIN of the leader


class Fragility(FrozenRecord):
    """What could still move first place, as the verdict weighs it."""

    could_overtake: bool
    leader_could_be_ruled_out: bool
    one_step_changes: bool
    smallest_weight_factor: float | None
    leader_mostly_unrated: bool

    def reasons(self) -> list[LeadReason]:
        found = []
        if self.could_overtake:
            found.append(LeadReason.OPEN_QUESTIONS_COULD_CHANGE_FIRST)
        if self.leader_could_be_ruled_out:
            found.append(LeadReason.LEADER_COULD_BE_RULED_OUT)
        if self.one_step_changes:
            found.append(LeadReason.ONE_STEP_CHANGES_FIRST)
        factor = self.smallest_weight_factor
        if factor is not None and factor <= FIRM_WEIGHT_FACTOR:
            found.append(LeadReason.SMALL_WEIGHT_CHANGE_CHANGES_FIRST)
        if self.leader_mostly_unrated:
            found.append(LeadReason.LEADER_MOSTLY_UNRATED)
        return found


def lead_verdict(
    overalls: Mapping[str, float | None],
    running: Sequence[str],
    leader: str | None,
    fragility: Fragility,
) -> LeadVerdict:
    """Clear lead (by CLEAR_WINNER_MARGIN or more, nothing fragile), narrow lead (by that much,
    but something could still move it), no clear winner (tied or closer), or too little scored."""
    if leader is None:
        return LeadVerdict(
            LeadKind.NOT_ENOUGH_TO_COMPARE, (LeadReason.NO_CLINIC_SCORED,), None, (), None, None, ()
        )
    lead_score = overalls[leader]
    assert lead_score is not None
    scored = [c for c in running if overalls.get(c) is not None]
    runner_up = first_place(overalls, running, frozenset({leader}))
    if runner_up is None:
        return LeadVerdict(
            LeadKind.NOT_ENOUGH_TO_COMPARE,
            (LeadReason.ONLY_ONE_SCORED,),
            leader,
            (leader,),
            None,
            None,
            (),
        )
    second = overalls[runner_up]
    assert second is not None
    # In whole points, as the scores are shown: a lead of 62.5 over 53.1 is 63 - 53 = 10.
    margin = shown_lead(lead_score, second)
    tied = (
        leader,
        *(c for c in scored if c != leader and level(overalls[c] or 0.0, lead_score)),
    )
    within = tuple(
        c
        for c in scored
        if c != leader and shown_lead(lead_score, overalls[c] or 0.0) < CLEAR_WINNER_MARGIN
    )
    fragile = fragility.reasons()
    if len(tied) > 1:
        kind, reasons = LeadKind.NO_CLEAR_WINNER, [LeadReason.TIED_FOR_FIRST, *fragile]
    elif margin < CLEAR_WINNER_MARGIN:
        kind, reasons = LeadKind.NO_CLEAR_WINNER, [LeadReason.MARGIN_UNDER_CLEAR, *fragile]
    elif fragile:
        kind, reasons = LeadKind.NARROW_LEAD, fragile
    else:
        kind, reasons = LeadKind.CLEAR_LEAD, []
    return LeadVerdict(kind, tuple(reasons), leader, tied, runner_up, margin, within)
