"""The verdict, what could still change first place and how firm the lead is, in words."""

from __future__ import annotations

from collections.abc import Sequence

from ketachecklist.core.decision.firmness import LeadKind, LeadReason, RatingStep
from ketachecklist.core.decision.ranges import QuestionImpact
from ketachecklist.core.decision.weights import Direction, WeightTipping, leader_under
from ketachecklist.core.limits import MAX_WEIGHT
from ketachecklist.core.scoring import CLEAR_WINNER_MARGIN
from ketachecklist.present.decision_context import DecisionContext
from ketachecklist.present.decision_types import (
    MAX_NAMED_WITHIN_REACH,
    RULED_OUT,
)
from ketachecklist.present.decision_words import (
    and_list,
    margin_text,
    reasons_list,
    rounded_multipliers,
)
from ketachecklist.present.numbers import (
    number_text,
    plural,
    round_half_up,
    whole_text,
)
from ketachecklist.present.ratings import rating_text
from ketachecklist.present.scores import score_text
from ketachecklist.present.text import QT_TR_NOOP, tr

_KIND_TEXTS = {
    LeadKind.CLEAR_LEAD: QT_TR_NOOP("a clear lead"),
    LeadKind.NARROW_LEAD: QT_TR_NOOP("a lead that could still change"),  # by 10+ points
    LeadKind.NO_CLEAR_WINNER: QT_TR_NOOP("no clear winner"),
    LeadKind.NOT_ENOUGH_TO_COMPARE: QT_TR_NOOP("not enough to compare"),
}


class VerdictWording(DecisionContext):
    # --- the verdict --------------------------------------------------------------------------
    @staticmethod
    def kind_text(kind: LeadKind) -> str:
        return tr(_KIND_TEXTS[kind])

    def verdict(self) -> str:
        verdict = self.analysis.verdict
        ruled = len(self.analysis.ruled_out_ids)
        ruled_note = (
            " "
            + plural(
                ruled, tr("%n clinic is {ruled_out}."), tr("%n clinics are {ruled_out}.")
            ).format(ruled_out=tr(RULED_OUT))
            if ruled
            else ""
        )
        if verdict.kind is LeadKind.NOT_ENOUGH_TO_COMPARE:
            if verdict.leader_id is None:
                where = tr("still in the running ") if ruled else ""
                text = tr("Not enough to compare yet: no clinic {where}has a score.").format(
                    where=where
                )
            else:
                text = tr(
                    "Not enough to compare yet: {name} is the only clinic {where}with a score "
                    "({score})."
                ).format(
                    name=self.name(verdict.leader_id),
                    where=tr("still in the running ") if ruled else "",
                    score=score_text(self.scores.of(verdict.leader_id).overall),
                )
            return text + ruled_note
        leader = self.name(verdict.leader_id)
        assert verdict.leader_id is not None
        assert verdict.margin is not None
        score = score_text(self.scores.of(verdict.leader_id).overall)
        if LeadReason.TIED_FOR_FIRST in verdict.reasons:
            head = tr(
                "No clear winner: {names} are tied for first on your scores ({score})"
            ).format(names=and_list([self.name(c) for c in verdict.tied_ids]), score=score)
        else:
            points = margin_text(verdict.margin)
            head = tr("{name} leads on your scores by {points}").format(name=leader, points=points)
            if verdict.kind is LeadKind.NO_CLEAR_WINNER:
                head = tr("No clear winner: {head} (under {margin})").format(
                    head=head,
                    margin=plural(
                        round_half_up(CLEAR_WINNER_MARGIN), tr("%n point"), tr("%n points")
                    ),
                )
            else:
                head = f"{head}, {self.kind_text(verdict.kind)}"
        reasons = self.reason_phrases(verdict.reasons)
        if verdict.kind is LeadKind.CLEAR_LEAD:
            reasons = [
                tr(
                    "nothing still open, no one-step change and no weight change up to twice "
                    "or half as much would change first place"
                )
            ]
        sentence = f"{head}: {reasons_list(reasons)}." if reasons else f"{head}."
        within = self.within_reach()
        return f"{sentence} {within}{ruled_note}" if within else f"{sentence}{ruled_note}"

    def within_reach(self) -> str:
        verdict = self.analysis.verdict
        within = [c for c in verdict.within_reach_ids if c not in verdict.tied_ids]
        margin = whole_text(CLEAR_WINNER_MARGIN)
        first = tr("first place")
        if not within:
            if len(verdict.tied_ids) < 2:
                return ""  # a lead of 10 points or more says so already
            return tr("No other clinic is within {margin} points of {first}.").format(
                margin=margin, first=first
            )
        names = [self.name(c) for c in within]
        if len(names) > MAX_NAMED_WITHIN_REACH:
            named = names[:MAX_NAMED_WITHIN_REACH]
            more = len(names) - len(named)
            names = [*named, tr("{count} more").format(count=more)]
        return plural(
            len(within),
            tr("%n other clinic is within {margin} points of {first}: {names}."),
            tr("%n other clinics are within {margin} points of {first}: {names}."),
        ).format(margin=margin, first=first, names=and_list(names))

    def reason_phrases(self, reasons: Sequence[LeadReason]) -> list[str]:
        analysis = self.analysis
        phrases: list[str] = []
        wanted = set(reasons)
        # In a tie "it" could be any of the tied clinics: the one meant is named.
        tied = LeadReason.TIED_FOR_FIRST in wanted
        leader_name = self.name(analysis.leader_id)
        if LeadReason.LEADER_MOSTLY_UNRATED in wanted and analysis.leader_id is not None:
            score = self.scores.of(analysis.leader_id)
            phrase = (
                tr("{name} has only {rated} of its {total} questions rated")
                if tied
                else tr("it has only {rated} of its {total} questions rated")
            ).format(name=leader_name, rated=f"{score.answered:,}", total=f"{score.total:,}")
            phrases.append(phrase)
        if LeadReason.OPEN_QUESTIONS_COULD_CHANGE_FIRST in wanted:
            deciding = analysis.deciding_count
            if deciding:
                phrases.append(
                    tr("1 open question could change first place")
                    if deciding == 1
                    # Counted over every clinic, so it can be more than the leader has open.
                    else tr(
                        "any one of {count} open questions, across the clinics, could change "
                        "first place"
                    ).format(count=f"{deciding:,}")
                )
            else:
                others = analysis.overtaking_ids
                who = (
                    self.name(others[0])
                    if len(others) == 1
                    else tr("{count} other clinics").format(count=len(others))
                )
                phrases.append(
                    (
                        tr("{who} could still overtake {name}")
                        if tied
                        else tr("{who} could still overtake it")
                    ).format(who=who, name=leader_name)
                )
        if LeadReason.LEADER_COULD_BE_RULED_OUT in wanted and analysis.leader_id is not None:
            open_marked = analysis.open_deal_breakers(analysis.leader_id)
            phrases.append(
                (
                    tr("a deal-breaker not rated yet for {name} ({question}) could rule it out")
                    if tied
                    else tr("a deal-breaker not rated yet for it ({question}) could rule it out")
                ).format(
                    name=leader_name, question=and_list([self.question(q) for q in open_marked])
                )
            )
        if LeadReason.ONE_STEP_CHANGES_FIRST in wanted:
            phrases.append(tr("moving one rating by one step would change first place"))
        if LeadReason.SMALL_WEIGHT_CHANGE_CHANGES_FIRST in wanted:
            tipping = analysis.smallest_weight_change
            if tipping is not None:
                phrases.append(self.tipping_clause(tipping))
        return phrases

    # --- what could still change the ranking --------------------------------------------------
    def overtake_summary(self) -> str:
        if self.leader is None:
            return ""
        could = [c.clinic_id for c in self.analysis.clinics if c.could_overtake]
        cannot = [
            c
            for c in self.analysis.standing
            if c != self.leader and not self.analysis.of(c).could_overtake
        ]
        leader = self.name(self.leader)
        parts = []
        if could and len(could) == len(self.analysis.standing) - 1 and len(could) > 2:
            parts.append(
                tr(
                    "Every one of the {count} other clinics could still overtake {leader} as the "
                    "open questions are answered."
                ).format(count=len(could), leader=leader)
            )
        elif could:
            parts.append(
                tr(
                    "Could still overtake {leader} as the open questions are answered: {names}."
                ).format(leader=leader, names=and_list([self.name(c) for c in could]))
            )
        else:
            parts.append(
                tr(
                    "No other clinic could overtake {leader}, however the open questions are "
                    "answered."
                ).format(leader=leader)
            )
        if could and cannot:
            parts.append(
                tr("Cannot, whatever the open answers: {names}.").format(
                    names=and_list([self.name(c) for c in cannot])
                )
            )
        return " ".join(parts)

    def deciding_text(self) -> str:
        if self.leader is None:
            return ""
        count = len(self.analysis.deciding_questions)
        if not count:
            return tr("No single open question could change first place on its own.")
        return tr("The open questions that could change first place, most telling first:")

    def _open_for(self, question_id: str) -> list[str]:
        """Clinics in the running for which the question counts and has no rating yet."""
        found = []
        for decision in self.analysis.clinics:
            clinic_id = decision.clinic_id
            if decision.ruled_out or not self.scores.applicability(clinic_id, question_id).counts:
                continue
            if self.comparison.answer(clinic_id, question_id).rating is None:
                found.append(clinic_id)
        return found

    def deciding_question(self, impact: QuestionImpact) -> str:
        question = self.question(impact.question_id)
        leader = self.name(self.leader)
        if impact.rules_out_leader:
            return tr(
                "{question}: a deal-breaker not rated yet for {leader}; a rating of 1 or 2 "
                "would rule it out."
            ).format(question=question, leader=leader)
        open_for = self._open_for(impact.question_id)
        leader_open = self.leader in open_for
        closest_open = impact.closest_id in open_for
        closest = self.name(impact.closest_id)
        if leader_open and closest_open:
            how = tr("a poor answer from {leader} and a good one from {closest}").format(
                leader=leader, closest=closest
            )
        elif leader_open:
            how = tr("a poor answer from {leader}").format(leader=leader)
        else:
            how = tr("a good answer from {closest}").format(closest=closest)
        return tr("{question}: {how} would put {closest} first.").format(
            question=question, how=how, closest=closest
        )

    # --- how firm -----------------------------------------------------------------------------
    def tipping_clause(self, tipping: WeightTipping) -> str:
        """'if Cost counted 1.8× as much, Harbor Light would lead'."""
        title = self.set_title(tipping.set_id)
        new_leader = self.name(tipping.new_leader_id)
        if tipping.multiplier <= 0:
            return tr("if {set} did not count at all, {name} would lead").format(
                set=title, name=new_leader
            )
        shown = self.shown_multiplier(tipping)
        weight = self.comparison.set_weight(tipping.set_id)
        return tr(
            "if {set} counted {times}× as much (a weight of {new} instead of {old}), {name} "
            "would lead"
        ).format(
            set=title,
            times=number_text(shown),
            new=number_text(round(weight * shown, 4)),
            old=number_text(weight),
            name=new_leader,
        )

    def shown_multiplier(self, tipping: WeightTipping) -> float:
        """The multiplier in few digits that still puts the new leader first when applied:
        rounded away from 1 (1.72 → 1.8, 0.557 → 0.55), with more digits where that
        overshoots into another change."""
        set_ids = [s.id for s in self.comparison.catalogue.sets]
        weights = [self.comparison.set_weight(s) for s in set_ids]
        index = set_ids.index(tipping.set_id)
        running = self.analysis.running_ids
        by_id = {s.clinic_id: s for s in self.scores.clinics}
        for shown in rounded_multipliers(tipping.multiplier, tipping.direction is Direction.MORE):
            changed = list(weights)
            changed[index] = weights[index] * shown
            if leader_under(by_id, set_ids, changed, running) == tipping.new_leader_id:
                return shown
        return tipping.multiplier

    def weight_change_text(self) -> str:
        if self.leader is None or self.analysis.verdict.runner_up_id is None:
            return ""
        tipping = self.analysis.smallest_weight_change
        if tipping is None:
            return tr(
                "No change to one set's weight, from leaving it out up to a weight of {limit}, "
                "would put another clinic first."
            ).format(limit=number_text(MAX_WEIGHT))
        clause = self.tipping_clause(tipping)
        return f"{clause[0].upper()}{clause[1:]}."

    def step_text(self, step: RatingStep) -> str:
        question = self.question(step.question_id)
        text = tr("{question} for {clinic} from {old} to {new}").format(
            clinic=self.name(step.clinic_id),
            question=question,
            old=rating_text(step.rating_from),
            new=rating_text(step.rating_to),
        )
        if step.new_leader_id is None:
            return text
        return tr("{step} would put {name} first").format(
            step=text, name=self.name(step.new_leader_id)
        )

    def one_step_text(self) -> str:
        if self.leader is None or self.analysis.verdict.runner_up_id is None:
            return ""
        steps = self.analysis.one_step_changes
        if not steps:
            return tr("No single rating moved by one step would change first place.")
        first = self.step_text(steps[0])
        if len(steps) == 1:
            return tr("One rating moved by one step would change first place: {step}.").format(
                step=first
            )
        return tr(
            "Any one of {count} ratings, moved by one step, would change first place; for "
            "example, {step}."
        ).format(count=f"{len(steps):,}", step=first)
