"""Each clinic's block in words: standing, score, range, red flags, strengths, concerns,
deal-breakers and costs."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from ketachecklist.core.decision.analysis import ClinicDecision
from ketachecklist.core.decision.clinic_facts import RatedAnswer
from ketachecklist.core.decision.deal_breakers import DealBreakerHit, HitCause
from ketachecklist.core.document import Coverage
from ketachecklist.core.scoring import RED_FLAG_MARK
from ketachecklist.present.cost import (
    course_total_text,
    no_course_cost_text,
    out_of_pocket_text,
)
from ketachecklist.present.cost import coverage_text as insurance_coverage_text
from ketachecklist.present.decision_context import DecisionContext
from ketachecklist.present.decision_types import (
    FEW_CLINICS,
    MAX_FLAGS_NAMED,
    MAX_HIGHLIGHTS,
    RULED_OUT,
    ClinicDecisionText,
    CostText,
)
from ketachecklist.present.decision_words import (
    and_list,
    price_range_text,
    range_text,
    red_flag_coverage_text,
)
from ketachecklist.present.numbers import (
    money_text,
    plural,
    round_half_up,
)
from ketachecklist.present.ratings import rating_text
from ketachecklist.present.scores import completeness_text, score_text
from ketachecklist.present.standing import Standing, standing_order, standings
from ketachecklist.present.text import tr


class ClinicWording(DecisionContext):
    @property
    def highlights(self) -> int:
        """Answers named in a strengths or concerns line: fewer when many clinics share a page."""
        if len(self.comparison.clinics) > FEW_CLINICS:
            return MAX_HIGHLIGHTS - 1
        return MAX_HIGHLIGHTS

    # --- order and standing -------------------------------------------------------------------
    def family_order(self) -> list[str]:
        """The standing (in the running, scored, best first), then the clinics in the running
        without a score, then those ruled out, each group in scoring's order."""
        return standing_order(self.scores, self._ruled_out)

    @cached_property
    def _ruled_out(self) -> frozenset[str]:
        return frozenset(c.clinic_id for c in self.analysis.clinics if c.ruled_out)

    @cached_property
    def _standings(self) -> dict[str, Standing]:
        return standings(self.scores, self._ruled_out)

    def standing_text(self, decision: ClinicDecision) -> str:
        """The one standing rule's words (present/standing.py), as the grid shows them."""
        return self._standings[decision.clinic_id].text

    def place(self, clinic_id: str) -> int | None:
        """Its place among the clinics in the running with a score; level clinics share one."""
        return self._standings[clinic_id].place

    # --- per clinic ---------------------------------------------------------------------------
    def clinic(self, clinic_id: str) -> ClinicDecisionText:
        decision = self.analysis.of(clinic_id)
        score = self.scores.of(clinic_id)
        # The questions rated as the grid and the standing say them: '8 of 28 (29%); 2 don't apply'
        rated = tr("questions rated: {completeness}").format(completeness=completeness_text(score))
        return ClinicDecisionText(
            clinic_id=clinic_id,
            name=self.name(clinic_id),
            ruled_out=decision.ruled_out,
            place=self.place(clinic_id),
            standing_text=self.standing_text(decision),
            score_text=f"{score_text(score.overall)} · {rated}",
            range_text=range_text(decision.score_range),
            could_overtake=decision.could_overtake,
            overtake_text=self.overtake_text(decision),
            red_flags_text=red_flag_coverage_text(decision.red_flags),
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
        text = self.rated_group(strengths[: self.highlights])
        more = len(strengths) - self.highlights
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
                plural(more, tr("%n more red flag"), tr("%n more red flags")),
            ]
        parts += flags
        lows = hl.low_ratings
        if lows:
            parts.append(self.rated_group(lows[: self.highlights]))
        if len(lows) > self.highlights:
            more = len(lows) - self.highlights
            parts.append(tr("{count} more rated 1 or 2").format(count=more))
        if not parts:
            return tr("no red flag, low rating or deal-breaker recorded so far")
        return "; ".join(parts)

    def ruled_out_text(self, hits: tuple[DealBreakerHit, ...]) -> str:
        if not hits:
            return ""
        phrase = tr(RULED_OUT)
        return f"{phrase[0].upper()}{phrase[1:]}: {self.ruled_out_reasons(hits)}"

    def ruled_out_reasons(self, hits: tuple[DealBreakerHit, ...]) -> str:
        """'‘Q’ is a deal-breaker for you and the clinic has a red flag there (…), and you
        rated the clinic's answer 1 – Concerning.': one sentence part per deal-breaker."""
        if not hits:
            return ""
        by_question: dict[str, list[DealBreakerHit]] = {}
        for hit in hits:
            by_question.setdefault(hit.question_id, []).append(hit)
        reasons = []
        for question_id, found in by_question.items():
            causes = []
            for hit in found:
                if hit.cause is HitCause.RED_FLAG:
                    causes.append(
                        tr("the clinic has a red flag there ({flag})").format(
                            flag=hit.flag_label.rstrip(". ")
                        )
                    )
                else:
                    assert hit.rating is not None
                    causes.append(
                        tr("you rated the clinic's answer {rating}").format(
                            rating=rating_text(hit.rating)
                        )
                    )
            reasons.append(
                tr("{question} is a deal-breaker for you and {causes}").format(
                    question=self.question(question_id), causes=f", {tr('and')} ".join(causes)
                )
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
        estimate = self.scores.of(decision.clinic_id).cost
        per_point, per_point_text = self.per_point(decision.clinic_id)
        return CostText(
            clinic_id=decision.clinic_id,
            name=self.name(decision.clinic_id),
            course_text=course_total_text(estimate),
            out_of_pocket_text=out_of_pocket_text(estimate),
            maintenance_text=decision.costs.maintenance_recorded or tr("Not recorded"),
            per_point=per_point,
            per_point_text=per_point_text,
        )

    def per_point(self, clinic_id: str) -> tuple[int | None, str]:
        """What the family would pay per point of the overall score as shown (62.5 shows 63),
        in whole dollars so a reader's own sum matches, and its words under a heading that says
        per point: (48, '$48'). Where the share insurance leaves is not known, the whole
        course's figure, saying so: (95, '$95 if you pay the whole course (insurance: not known
        yet)'). No figure: (None, why)."""
        score = self.scores.of(clinic_id)
        cost = score.cost
        if cost.course_total is None:
            return None, no_course_cost_text()
        shown = round_half_up(score.overall) if score.overall is not None else 0
        if shown <= 0:
            return None, tr("no score above 0 yet")
        if cost.out_of_pocket is not None and cost.insurance is not Coverage.UNKNOWN:
            amount = round_half_up(cost.out_of_pocket / shown)
            return amount, money_text(amount)
        amount = round_half_up(cost.course_total / shown)
        # Not "for the whole course": under a per-point heading that read as the course's price.
        words = tr("{amount} if you pay the whole course (insurance: {coverage})").format(
            amount=money_text(amount),
            coverage=insurance_coverage_text(cost.insurance, cost.insurance_percent),
        )
        return amount, words

    def price_context(self) -> str:
        catalogue = self.comparison.catalogue
        ranges = [price_range_text(r, catalogue) for r in catalogue.price_ranges]
        if not ranges:
            return ""
        return tr("For context, the sources quote {ranges}.").format(ranges=and_list(ranges))
