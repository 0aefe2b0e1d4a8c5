"""The decision facts in words, said once for the Decision tab, the grid and every report.

``decision_text(comparison, analysis)`` words a ``DecisionAnalysis`` (core/decision/analysis.py):
who leads and how firmly, each clinic's score, range, red-flag coverage, strengths, concerns and
deal-breakers, what could still change first place, who leads under each person's weights, and
the costs side by side. Every field is a ready-to-show string (plain text: a clinic's name or a
question is shown as typed, so renderers escape it like any other text). It describes what the
patient recorded ("leads on your scores"); it never advises.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ketachecklist.core.decision.analysis import ClinicDecision, DecisionAnalysis
from ketachecklist.core.decision.clinic_facts import RatedAnswer
from ketachecklist.core.decision.deal_breakers import DealBreakerHit, HitCause
from ketachecklist.core.decision.firmness import LeadKind, LeadReason, RatingStep
from ketachecklist.core.decision.profiles import Preset, ProfileView, percentages
from ketachecklist.core.decision.ranges import QuestionImpact
from ketachecklist.core.decision.weights import Direction, WeightTipping, leader_under
from ketachecklist.core.document import Comparison
from ketachecklist.core.scoring import CLEAR_WINNER_MARGIN, RED_FLAG_MARK
from ketachecklist.present.cost import course_total_text, out_of_pocket_text
from ketachecklist.present.decision_words import (
    and_list,
    clinic_name,
    coverage_text,
    margin_text,
    price_range_text,
    question_label,
    quoted,
    range_text,
    reasons_list,
    rounded_multipliers,
)
from ketachecklist.present.numbers import (
    money_text,
    number_text,
    plural,
    round_half_up,
    whole_text,
)
from ketachecklist.present.ratings import rating_text
from ketachecklist.present.scores import NOT_SCORED, rank_text, score_text
from ketachecklist.present.text import tr

RULED_OUT = "ruled out by your own criteria"  # every output shows it for such a clinic
MAX_HIGHLIGHTS = 2  # strongest answers and low ratings named on one line
MAX_FLAGS_NAMED = 2  # red flags named in a clinic's concerns (all are in the detail tables)
MAX_NAMED_WITHIN_REACH = 3
PRESET_NAMES = {
    Preset.EQUAL: "Equal weights",
    Preset.SAFETY_FIRST: "Safety first",
    Preset.COST_MATTERS_MOST: "Cost matters most",
}


@dataclass(frozen=True)
class CostText:
    """One clinic's costs, as the side-by-side table shows them."""

    clinic_id: str
    name: str
    course_text: str  # '$6,000' or 'Not enough recorded yet'
    out_of_pocket_text: str  # '$3,000' or 'Not known yet'
    maintenance_text: str  # what the clinic said about boosters, as typed, or 'Not recorded'
    per_point_text: str  # '$95' (under a heading that says per point), or why there is none


@dataclass(frozen=True)
class ClinicDecisionText:
    """One clinic's block on the family page. Every field is a phrase without its label;
    ``lines()`` pairs them with their labels in the order the page shows them."""

    clinic_id: str
    name: str
    ruled_out: bool
    place: int | None  # among the clinics in the running with a score; ties share
    standing_text: (
        str  # '1st of 3 in the running', 'ruled out by your own criteria', 'No score yet'
    )
    score_text: str  # '63/100, 8 of 28 questions rated'
    range_text: str  # 'could end between 40 and 81 once its 20 open questions are answered'
    could_overtake: bool
    overtake_text: str  # 'leads on your scores', 'could still overtake Harbor Light', 'cannot …'
    red_flags_text: str  # 'none of 5 checked so far', '2 found, 3 of 5 checked'
    strengths_text: str  # '‘Who is evaluating me?’ 5 – Reassuring; …' or 'none rated 4 or 5 yet'
    concerns_text: str  # '⚠ No screening …; ‘Who gives the dose?’ 2 – Weak' or 'none recorded …'
    ruled_out_text: str  # 'Ruled out by your own criteria: ‘…’ is a deal-breaker …' or ''
    ruled_out_reasons: str  # the same without its first words: '‘…’ is a deal-breaker …'
    open_deal_breakers_text: str  # 'not rated yet: ‘…’ (a 1 or 2 would rule it out)' or ''
    cost: CostText

    def lines(self, *, standing: bool = True) -> tuple[tuple[str, str], ...]:
        """(label, text) in display order; lines with nothing to say are left out (and the
        standing when the caller shows it beside the name)."""
        rows = [
            (tr("Standing"), self.standing_text if standing else ""),
            (tr("Score"), self.score_text),
            (tr("Range"), "; ".join(t for t in (self.range_text, self.overtake_text) if t)),
            (tr("Red flags"), self.red_flags_text),
            (tr("Strongest answers"), self.strengths_text),
            (tr("Concerns"), self.concerns_text),
            (tr("Why ruled out"), self.ruled_out_reasons),
            (tr("Deal-breakers still open"), self.open_deal_breakers_text),
        ]
        return tuple((label, text) for label, text in rows if text)


@dataclass(frozen=True)
class ProfileText:
    """Who leads under one person's weights or one preset."""

    name: str  # 'Mum', 'Your weights now' (unnamed weights in force), 'Safety first'
    active: bool  # the weights in force
    percentages_text: str  # 'Evaluation 40%, Experience 20%, …'
    leader_text: str  # 'Harbor Light leads' or 'no clinic in the running has a score'

    @property
    def text(self) -> str:
        """'Mum (Evaluation 40%, …): Harbor Light leads'."""
        return f"{self.name} ({self.percentages_text}): {self.leader_text}"


@dataclass(frozen=True)
class DecisionText:
    """Every decision fact of one revision, in words."""

    verdict: str  # the one-paragraph verdict: leader, kind, reasons, clinics within reach
    kind: LeadKind
    kind_text: str  # 'a clear lead', 'a narrow lead', 'no clear winner', 'not enough to compare'
    weights_text: str  # 'Evaluation 25%, Experience 25%, …' (sums to 100)
    weights_title: str  # 'Weights in force (Mum)' or 'Weights in force'
    clinics: tuple[ClinicDecisionText, ...]  # family order: in the running by score, then rest
    overtake_text: str  # 'Could still overtake Harbor Light: …. Cannot: ….'
    deciding_questions: tuple[str, ...]  # up to five, each a sentence
    deciding_text: str  # a heading sentence for them, or that no open question could
    weight_change_text: str  # 'If Cost counted 1.8× as much, Harbor Light would lead.'
    one_step_text: str  # whether one rating moved one step would change first place
    profiles: tuple[ProfileText, ...]  # the weights in force first, then the saved profiles
    presets: tuple[ProfileText, ...]
    agreement_text: str  # whether the people's profiles name the same leader
    costs: tuple[CostText, ...]  # the same order as ``clinics``
    price_context_text: str  # 'For context, the sources quote $350 to $1,000 per infusion …'

    def clinic(self, clinic_id: str) -> ClinicDecisionText:
        return next(c for c in self.clinics if c.clinic_id == clinic_id)

    @property
    def firmness_lines(self) -> tuple[str, ...]:
        """How firm the lead is: the weight change and the one-step change, in that order."""
        return tuple(t for t in (self.weight_change_text, self.one_step_text) if t)


def decision_text(comparison: Comparison, analysis: DecisionAnalysis) -> DecisionText:
    return _Wording(comparison, analysis).build()


class _Wording:
    def __init__(self, comparison: Comparison, analysis: DecisionAnalysis) -> None:
        self.comparison = comparison
        self.analysis = analysis
        self.scores = analysis.scores
        self.names = {c.id: clinic_name(c.name) for c in comparison.clinics}
        self.leader = analysis.leader_id

    def name(self, clinic_id: str | None) -> str:
        return self.names.get(clinic_id or "", "") or tr("another clinic")

    def question(self, question_id: str) -> str:
        return quoted(question_label(self.comparison.question(question_id)))

    def build(self) -> DecisionText:
        clinics = tuple(self.clinic(c) for c in self.family_order())
        profiles = self.analysis.profiles
        return DecisionText(
            verdict=self.verdict(),
            kind=self.analysis.verdict.kind,
            kind_text=self.kind_text(self.analysis.verdict.kind),
            weights_text=self.percentages_text(profiles.people[0]),
            weights_title=self.weights_title(),
            clinics=clinics,
            overtake_text=self.overtake_summary(),
            deciding_questions=tuple(
                self.deciding_question(i) for i in self.analysis.deciding_questions
            ),
            deciding_text=self.deciding_text(),
            weight_change_text=self.weight_change_text(),
            one_step_text=self.one_step_text(),
            profiles=tuple(self.profile(v) for v in profiles.people),
            presets=tuple(self.profile(v) for v in profiles.presets),
            agreement_text=self.agreement_text(),
            costs=tuple(c.cost for c in clinics),
            price_context_text=self.price_context(),
        )

    # --- order and standing -------------------------------------------------------------------
    def family_order(self) -> list[str]:
        """The standing (in the running, scored, best first), then the clinics in the running
        without a score, then those ruled out, each group in scoring's order."""
        standing = list(self.analysis.standing)
        ruled = {c.clinic_id for c in self.analysis.clinics if c.ruled_out}
        rest = [c for c in self.scores.ranking if c not in standing]
        return standing + [c for c in rest if c not in ruled] + [c for c in rest if c in ruled]

    def standing_text(self, decision: ClinicDecision) -> str:
        """Scoring's rank words ('2nd of 5', '1st of 5 (tied)', 'Not scored yet') counted among
        the clinics in the running; with any clinic ruled out, 'in the running' says so."""
        if decision.ruled_out:
            return tr(RULED_OUT)
        place = self.place(decision.clinic_id)
        if place is None:
            return tr(NOT_SCORED)
        running = sum(1 for c in self.analysis.clinics if not c.ruled_out)
        tied = self._level_with_others(decision.clinic_id)
        text = rank_text(place, running, tied=False)
        if running < len(self.analysis.clinics):
            text = tr("{rank} in the running").format(rank=text)
        return f"{text} ({tr('tied')})" if tied else text

    def place(self, clinic_id: str) -> int | None:
        """Its place among the clinics in the running with a score; level clinics share one."""
        if clinic_id not in self.analysis.standing:
            return None
        overall = self.scores.of(clinic_id).overall
        assert overall is not None
        above = sum(
            1 for c in self.analysis.standing if (self.scores.of(c).overall or 0.0) > overall
        )
        return above + 1

    def _level_with_others(self, clinic_id: str) -> bool:
        overall = self.scores.of(clinic_id).overall
        return any(
            c != clinic_id and self.scores.of(c).overall == overall for c in self.analysis.standing
        )

    # --- the verdict --------------------------------------------------------------------------
    @staticmethod
    def kind_text(kind: LeadKind) -> str:
        return tr(
            {
                LeadKind.CLEAR_LEAD: "a clear lead",
                LeadKind.NARROW_LEAD: "a narrow lead",
                LeadKind.NO_CLEAR_WINNER: "no clear winner",
                LeadKind.NOT_ENOUGH_TO_COMPARE: "not enough to compare",
            }[kind]
        )

    def verdict(self) -> str:
        verdict = self.analysis.verdict
        ruled = sum(1 for c in self.analysis.clinics if c.ruled_out)
        ruled_note = (
            " "
            + tr("{clinics} {verb} {ruled_out}.").format(
                clinics=plural(ruled, "clinic"),
                verb=tr("is") if ruled == 1 else tr("are"),
                ruled_out=tr(RULED_OUT),
            )
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
            head = tr("{name} leads on your scores ({score}) by {points}").format(
                name=leader, score=score, points=points
            )
            if verdict.kind is LeadKind.NO_CLEAR_WINNER:
                head = tr("No clear winner: {head} (under {margin})").format(
                    head=head, margin=plural(round_half_up(CLEAR_WINNER_MARGIN), "point")
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
        return f"{sentence} {self.within_reach()}{ruled_note}"

    def within_reach(self) -> str:
        verdict = self.analysis.verdict
        within = [c for c in verdict.within_reach_ids if c not in verdict.tied_ids]
        margin = whole_text(CLEAR_WINNER_MARGIN)
        first = tr("first place")
        if not within:
            return tr("No other clinic is within {margin} points of {first}.").format(
                margin=margin, first=first
            )
        names = [self.name(c) for c in within]
        if len(names) > MAX_NAMED_WITHIN_REACH:
            named = names[:MAX_NAMED_WITHIN_REACH]
            more = len(names) - len(named)
            names = [*named, tr("{count} more").format(count=more)]
        count = plural(len(within), "other clinic")
        verb = tr("is") if len(within) == 1 else tr("are")
        return tr("{count} {verb} within {margin} points of {first}: {names}.").format(
            count=count, verb=verb, margin=margin, first=first, names=and_list(names)
        )

    def reason_phrases(self, reasons: Sequence[LeadReason]) -> list[str]:
        analysis = self.analysis
        phrases: list[str] = []
        wanted = set(reasons)
        if LeadReason.LEADER_MOSTLY_UNRATED in wanted and analysis.leader_id is not None:
            score = self.scores.of(analysis.leader_id)
            phrase = tr("it has only {rated} of its {total} questions rated").format(
                rated=f"{score.answered:,}", total=f"{score.total:,}"
            )
            most = max(
                (self.scores.of(c) for c in analysis.standing), key=lambda s: s.answered
            )  # the first in the standing on a tie
            if most.answered > score.answered:
                phrase += tr(", while {name} has {rated} rated").format(
                    name=self.name(most.clinic_id), rated=f"{most.answered:,}"
                )
            phrases.append(phrase)
        if LeadReason.OPEN_QUESTIONS_COULD_CHANGE_FIRST in wanted:
            deciding = sum(1 for i in analysis.question_impacts if i.changes_first_place)
            if deciding:
                phrases.append(
                    tr("1 open question could change first place")
                    if deciding == 1
                    else tr("{count} open questions could each change first place").format(
                        count=f"{deciding:,}"
                    )
                )
            else:
                others = [c.clinic_id for c in analysis.clinics if c.could_overtake]
                who = (
                    self.name(others[0])
                    if len(others) == 1
                    else tr("{count} other clinics").format(count=len(others))
                )
                phrases.append(
                    tr("{who} could still overtake it as the open questions are answered").format(
                        who=who
                    )
                )
        if LeadReason.LEADER_COULD_BE_RULED_OUT in wanted and analysis.leader_id is not None:
            open_marked = analysis.of(analysis.leader_id).open_deal_breakers
            phrases.append(
                tr("a deal-breaker not rated yet for it ({question}) could rule it out").format(
                    question=and_list([self.question(q) for q in open_marked])
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
    def set_title(self, set_id: str) -> str:
        return self.comparison.catalogue.question_set(set_id).title

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
        running = [c.clinic_id for c in self.analysis.clinics if not c.ruled_out]
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
                "No change to one set's weight (up to the highest weight allowed) would put "
                "another clinic first."
            )
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
            "{count} ratings, each moved by one step, would change first place; for example, "
            "{step}."
        ).format(count=f"{len(steps):,}", step=first)

    # --- everyone's view ----------------------------------------------------------------------
    def percentages_text(self, view: ProfileView) -> str:
        sets = self.comparison.catalogue.sets
        if not any(view.percentages.values()):
            return tr("no question set counts (every weight is 0)")
        return ", ".join(f"{s.title} {view.percentages.get(s.id, 0)}%" for s in sets)

    def weights_title(self) -> str:
        active = self.comparison.active_profile
        if active:
            return tr("Weights in force ({name})").format(name=clinic_name(active))
        return tr("Weights in force")

    def profile(self, view: ProfileView) -> ProfileText:
        if view.preset is not None:
            name = tr(PRESET_NAMES[view.preset])
        else:
            name = clinic_name(view.name) or tr("Your weights now")
        leader = (
            tr("{name} leads").format(name=self.name(view.leader_id))
            if view.leader_id is not None
            else tr("no clinic in the running has a score")
        )
        return ProfileText(name, view.active, self.percentages_text(view), leader)

    def agreement_text(self) -> str:
        profiles = self.analysis.profiles
        people = profiles.people
        if len(people) == 1:
            return tr("Only one set of weights so far: no other person's profile is saved.")
        leaders = profiles.leaders
        if not leaders:
            return tr("No clinic in the running has a score under anyone's weights yet.")
        if profiles.agree:
            return tr("All {count} profiles put {name} first.").format(
                count=len(people), name=self.name(leaders[0])
            )
        by_leader = []
        for leader in leaders:
            who = [self.profile(v).name for v in people if v.leader_id == leader]
            by_leader.append(
                tr("{name} leads for {who}").format(name=self.name(leader), who=and_list(who))
            )
        return tr("The profiles disagree: {parts}.").format(parts="; ".join(by_leader))

    # --- per clinic ---------------------------------------------------------------------------
    def clinic(self, clinic_id: str) -> ClinicDecisionText:
        decision = self.analysis.of(clinic_id)
        score = self.scores.of(clinic_id)
        rated = tr("{rated} of {total} questions rated").format(
            rated=f"{score.answered:,}", total=f"{score.total:,}"
        )
        return ClinicDecisionText(
            clinic_id=clinic_id,
            name=self.name(clinic_id),
            ruled_out=decision.ruled_out,
            place=self.place(clinic_id),
            standing_text=self.standing_text(decision),
            score_text=f"{score_text(score.overall)}, {rated}",
            range_text=range_text(decision.score_range),
            could_overtake=decision.could_overtake,
            overtake_text=self.overtake_text(decision),
            red_flags_text=coverage_text(decision.red_flags),
            strengths_text=self.strengths_text(decision),
            concerns_text=self.concerns_text(decision),
            ruled_out_text=self.ruled_out_text(decision.ruled_out_by),
            ruled_out_reasons=self.ruled_out_reasons(decision.ruled_out_by),
            open_deal_breakers_text=self.open_deal_breakers_text(decision),
            cost=self.cost(decision),
        )

    def overtake_text(self, decision: ClinicDecision) -> str:
        if decision.ruled_out or self.leader is None:
            return ""
        if decision.clinic_id == self.leader:
            return tr("leads on your scores")
        leader = self.name(self.leader)
        if decision.could_overtake:
            return tr("could still overtake {leader}").format(leader=leader)
        if decision.score_range.highest is None:
            return ""
        return tr("cannot overtake {leader}, however its open questions are answered").format(
            leader=leader
        )

    def rated_group(self, answers: Sequence[RatedAnswer]) -> str:
        """'5 – Reassuring: ‘A?’ and ‘B?’; 4 – Good: ‘C?’': each rating's words once."""
        by_rating: dict[int, list[str]] = {}
        for answer in answers:
            by_rating.setdefault(answer.rating, []).append(self.question(answer.question_id))
        return "; ".join(f"{rating_text(r)}: {and_list(qs)}" for r, qs in by_rating.items())

    def strengths_text(self, decision: ClinicDecision) -> str:
        strengths = decision.highlights.strengths
        if not strengths:
            return tr("none rated 4 or 5 yet")
        text = self.rated_group(strengths[:MAX_HIGHLIGHTS])
        more = len(strengths) - MAX_HIGHLIGHTS
        if more > 0:
            text += "; " + tr("{count} more rated 4 or 5").format(count=more)
        return text

    def concerns_text(self, decision: ClinicDecision) -> str:
        hl = decision.highlights
        parts = [
            tr("deal-breaker {question}").format(question=self.question(q))
            for q in dict.fromkeys(h.question_id for h in hl.deal_breakers_hit)
        ]
        flags = [f"{RED_FLAG_MARK} {flag.label.rstrip('. ')}" for flag in hl.red_flags]
        if len(flags) > MAX_FLAGS_NAMED:
            more = len(flags) - MAX_FLAGS_NAMED
            flags = [
                *flags[:MAX_FLAGS_NAMED],
                tr("{count} more red {noun}").format(
                    count=more, noun=tr("flag") if more == 1 else tr("flags")
                ),
            ]
        parts += flags
        lows = hl.low_ratings
        if lows:
            parts.append(self.rated_group(lows[:MAX_HIGHLIGHTS]))
        if len(lows) > MAX_HIGHLIGHTS:
            parts.append(tr("{count} more rated 1 or 2").format(count=len(lows) - MAX_HIGHLIGHTS))
        if not parts:
            return tr("no red flag, low rating or deal-breaker recorded so far")
        return "; ".join(parts)

    def ruled_out_text(self, hits: tuple[DealBreakerHit, ...]) -> str:
        if not hits:
            return ""
        phrase = tr(RULED_OUT)
        return f"{phrase[0].upper()}{phrase[1:]}: {self.ruled_out_reasons(hits)}"

    def ruled_out_reasons(self, hits: tuple[DealBreakerHit, ...]) -> str:
        if not hits:
            return ""
        reasons = []
        for hit in hits:
            question = self.question(hit.question_id)
            if hit.cause is HitCause.RED_FLAG:
                reasons.append(
                    tr(
                        "{question} is a deal-breaker for you and the clinic has a red flag "
                        "there ({flag})"
                    ).format(question=question, flag=hit.flag_label.rstrip(". "))
                )
            else:
                assert hit.rating is not None
                reasons.append(
                    tr(
                        "{question} is a deal-breaker for you and you rated the clinic's "
                        "answer {rating}"
                    ).format(question=question, rating=rating_text(hit.rating))
                )
        return f"{'; '.join(reasons)}."

    def open_deal_breakers_text(self, decision: ClinicDecision) -> str:
        if not decision.open_deal_breakers or decision.ruled_out:
            return ""
        return tr("not rated yet: {questions} (a rating of 1 or 2 would rule it out)").format(
            questions=and_list([self.question(q) for q in decision.open_deal_breakers])
        )

    # --- costs --------------------------------------------------------------------------------
    def cost(self, decision: ClinicDecision) -> CostText:
        row = decision.costs
        estimate = self.scores.of(decision.clinic_id).cost
        if row.cost_per_point is not None:
            per_point = money_text(round_half_up(row.cost_per_point))
        elif row.course_total is None:
            per_point = tr("No course cost recorded yet")
        else:
            per_point = tr("No score above 0 yet")
        return CostText(
            clinic_id=decision.clinic_id,
            name=self.name(decision.clinic_id),
            course_text=course_total_text(estimate),
            out_of_pocket_text=out_of_pocket_text(estimate),
            maintenance_text=row.maintenance_recorded or tr("Not recorded"),
            per_point_text=per_point,
        )

    def price_context(self) -> str:
        catalogue = self.comparison.catalogue
        ranges = [price_range_text(r, catalogue) for r in catalogue.price_ranges]
        if not ranges:
            return ""
        return tr("For context, the sources quote {ranges}.").format(ranges=and_list(ranges))


def _with_more(named: list[str], total: int) -> str:
    more = total - len(named)
    if more:
        named = [*named, tr("{count} more").format(count=more)]
    return "; ".join(named)


__all__ = [
    "RULED_OUT",
    "ClinicDecisionText",
    "CostText",
    "DecisionText",
    "ProfileText",
    "decision_text",
    "percentages",
]
