"""The decision facts as ready-to-show strings: what present/decision.py builds and every
screen and report reads."""

from __future__ import annotations

from ketachecklist.core.decision.firmness import LeadKind
from ketachecklist.core.decision.profiles import Preset
from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.present.text import QT_TR_NOOP, tr

RULED_OUT = QT_TR_NOOP("ruled out by your own criteria")  # every output shows it for such a clinic
MAX_HIGHLIGHTS = 2  # strongest answers and low ratings named on one line (one for many clinics)
FEW_CLINICS = 6  # up to this many clinics, each block names MAX_HIGHLIGHTS answers
MAX_FLAGS_NAMED = 2  # red flags named in a clinic's concerns (all are in the detail tables)
MAX_NAMED_WITHIN_REACH = 3
PRESET_NAMES = {
    Preset.EQUAL: QT_TR_NOOP("Equal weights"),
    Preset.SAFETY_FIRST: QT_TR_NOOP("Safety first"),
    Preset.COST_MATTERS_MOST: QT_TR_NOOP("Cost matters most"),
}


class CostText(FrozenRecord):
    """One clinic's costs, as the side-by-side table shows them."""

    clinic_id: str
    name: str
    course_text: str  # '$6,000' or 'no course cost yet'
    out_of_pocket_text: str  # '$3,000' or 'Not known yet'
    maintenance_text: str  # what the clinic said about boosters, as typed, or 'Not recorded'
    per_point: int | None  # whole dollars per point of the overall score as shown, or None
    per_point_text: str  # '$95' (under a heading that says per point), or why there is none


class ClinicDecisionText(FrozenRecord):
    """One clinic's block on the family page. Every field is a phrase without its label;
    ``lines()`` pairs them with their labels in the order the page shows them."""

    clinic_id: str
    name: str
    ruled_out: bool
    place: int | None  # among the clinics in the running with a score; ties share
    standing_text: (
        str  # '1st of 3 in the running', 'ruled out by your own criteria', 'No score yet'
    )
    score_text: str  # '63/100 · questions rated: 8 of 28 (29%); 2 don't apply'
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


class ProfileText(FrozenRecord):
    """Who leads under one person's weights or one preset."""

    name: str  # 'Mum', 'Your weights now' (unnamed weights in force), 'Safety first'
    active: bool  # the weights in force
    percentages_text: str  # 'Evaluation 40%, Experience 20%, …'
    leader_text: str  # 'Harbor Light leads' or 'no clinic in the running has a score'

    @property
    def text(self) -> str:
        """'Mum (Evaluation 40%, …): Harbor Light leads'."""
        return f"{self.name} ({self.percentages_text}): {self.leader_text}"


class DecisionText(FrozenRecord):
    """Every decision fact of one revision, in words."""

    verdict: str  # the one-paragraph verdict: leader, kind, reasons, clinics within reach
    kind: LeadKind
    # 'a clear lead', 'a lead that could still change', 'no clear winner', 'not enough to compare'
    kind_text: str
    weights_text: str  # 'Evaluation 25%, Experience 25%, …' (about 100)
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
