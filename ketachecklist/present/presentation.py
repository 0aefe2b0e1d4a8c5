"""``Presentation``: every fact of one revision of a comparison, in words, looked up by clinic,
question or set. Built from the scores once; each text is made when first asked for and kept,
so a grid cell painted again is a dictionary lookup."""

from __future__ import annotations

from functools import cached_property

from ketachecklist.core.decision.analysis import DecisionAnalysis, Tallies, analyse
from ketachecklist.core.decision.clinic_facts import red_flag_coverage
from ketachecklist.core.decision.deal_breakers import deal_breaker_hits, marked_deal_breakers
from ketachecklist.core.document import Comparison
from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.core.scoring import ClinicScore, ComparisonScores, SetResult, score_comparison
from ketachecklist.present.answers import Cell, make_cell, red_flag_sentence
from ketachecklist.present.applicability import applicability_text
from ketachecklist.present.cost import (
    cost_basis_text,
    course_cost_text,
    course_total_text,
    coverage_text,
    out_of_pocket_text,
)
from ketachecklist.present.decision import DecisionText, decision_text, verdict_text
from ketachecklist.present.decision_words import red_flag_coverage_text
from ketachecklist.present.scores import (
    completeness_text,
    not_applying_count_text,
    progress_text,
    score_number_text,
    score_text,
    set_score_text,
)
from ketachecklist.present.standing import Standings, standing_order


class ClinicText(FrozenRecord):
    """One clinic's figures in words, as every summary shows them."""

    clinic_id: str
    name: str
    rank: int | None  # its place among the clinics in the running (None: unscored, ruled out)
    tied: bool  # level with another clinic in the running
    rank_text: str  # '2nd of 5', '1st of 4 in the running (tied)', 'ruled out by your own…'
    overall_text: str  # '63/100' or 'No score yet'
    overall_number_text: str  # '63' or 'No score yet', under a heading that says 'of 100'
    progress_text: str  # '8 of 28'
    completeness_text: str  # '8 of 28 (29%); 2 don't apply'
    not_applying: int
    not_applying_text: str  # "2 don't apply" or ''
    course_cost_text: str  # '$6,000 (you pay about $3,000)'
    course_total_text: str
    out_of_pocket_text: str
    cost_basis_text: str
    insurance_text: str
    red_flags_text: str  # '⚠ 2 found, 3 of 5 checked', 'none of 5 checked so far'
    red_flag_labels: tuple[str, ...]
    red_flag_sentences: tuple[str, ...]


class SetText(FrozenRecord):
    result: SetResult
    score_text: str  # '63/100' or 'No score yet'
    score_number_text: str  # '63'
    text: str  # '63/100 · 3 of 6 rated'


class Presentation:
    def __init__(
        self,
        comparison: Comparison,
        scores: ComparisonScores | None = None,
        earlier: Presentation | None = None,
    ) -> None:
        """``earlier``, the presentation of an earlier revision, lends its decision tallies:
        those of the clinics an edit did not touch still hold (core/decision/analysis.py)."""
        self.comparison = comparison
        self.revision = comparison.revision
        self.scores = score_comparison(comparison) if scores is None else scores
        self._earlier_tallies = None if earlier is None else earlier.tallies_so_far()
        self._clinics: dict[str, ClinicText] = {}
        self._cells: dict[tuple[str, str], Cell] = {}
        self._sets: dict[tuple[str, str], SetText] = {}

    def is_current(self, comparison: Comparison) -> bool:
        return comparison is self.comparison and comparison.revision == self.revision

    @cached_property
    def analysis(self) -> DecisionAnalysis:
        analysis = analyse(self.comparison, self.scores, self._earlier_tallies)
        self._earlier_tallies = None
        return analysis

    def tallies_so_far(self) -> Tallies | None:
        """The decision tallies made for this revision, or those it was lent (never a chain
        of presentations: only the tallies are passed on)."""
        analysis = self.__dict__.get("analysis")
        return self._earlier_tallies if analysis is None else analysis.tallies

    @cached_property
    def decision(self) -> DecisionText:
        """Every decision fact in words (present/decision.py)."""
        return decision_text(self.comparison, self.analysis)

    @cached_property
    def verdict(self) -> str:
        """The decision's verdict (the same words), made without the rest of the decision."""
        if "decision" in self.__dict__:
            return self.decision.verdict
        return verdict_text(self.comparison, self.analysis)

    @cached_property
    def ruled_out_ids(self) -> frozenset[str]:
        """The clinics the patient's deal-breakers rule out: the decision core's rule, worked
        out once per revision for every clinic list row and rank cell, without the rest of
        the analysis."""
        if "analysis" in self.__dict__:
            return frozenset(self.analysis.ruled_out_ids)
        comparison = self.comparison
        marked = marked_deal_breakers(comparison)
        if not marked:
            return frozenset()
        return frozenset(
            s.clinic_id for s in self.scores.clinics if deal_breaker_hits(comparison, s, marked)
        )

    def is_ruled_out(self, clinic_id: str) -> bool:
        return clinic_id in self.ruled_out_ids

    def has_clinic(self, clinic_id: str) -> bool:
        return self.scores.has_clinic(clinic_id)

    def score(self, clinic_id: str) -> ClinicScore:
        return self.scores.of(clinic_id)

    def ranked(self) -> list[ClinicText]:
        """Every clinic in the order it stands: by score, the unscored, then those ruled out."""
        return [self.clinic(c) for c in standing_order(self.scores, self.ruled_out_ids)]

    @cached_property
    def _standings(self) -> Standings:
        return Standings(self.scores, self.ruled_out_ids)

    def clinic(self, clinic_id: str) -> ClinicText:
        text = self._clinics.get(clinic_id)
        if text is None:
            text = self._clinics[clinic_id] = self._clinic_text(self.scores.of(clinic_id))
        return text

    def cell(self, clinic_id: str, question_id: str) -> Cell:
        key = (clinic_id, question_id)
        cell = self._cells.get(key)
        if cell is None:
            cell = self._cells[key] = self._cell(clinic_id, question_id)
        return cell

    def set_score(self, clinic_id: str, set_id: str) -> SetText:
        key = (clinic_id, set_id)
        text = self._sets.get(key)
        if text is None:
            result = self.scores.of(clinic_id).set_result(set_id)
            text = SetText(
                result,
                score_text(result.score),
                score_number_text(result.score),
                set_score_text(result),
            )
            self._sets[key] = text
        return text

    def not_applying_text(self, clinic_id: str, question_id: str) -> str:
        """Why an answer does not count, in words ('' when it counts)."""
        status = self.scores.applicability(clinic_id, question_id)
        if status.counts:
            return ""
        comparison = self.comparison
        return applicability_text(
            status, comparison.question(question_id), comparison.clinic(clinic_id)
        )

    def _cell(self, clinic_id: str, question_id: str) -> Cell:
        scores = self.scores
        return make_cell(
            self.comparison.question(question_id),
            self.comparison.answer(clinic_id, question_id),
            best=scores.is_best(clinic_id, question_id),
            flag=scores.red_flag(clinic_id, question_id),
            not_applying=self.not_applying_text(clinic_id, question_id),
        )

    def _clinic_text(self, score: ClinicScore) -> ClinicText:
        standing = self._standings[score.clinic_id]
        cost = score.cost
        flags = score.red_flags
        return ClinicText(
            clinic_id=score.clinic_id,
            name=self.comparison.clinic(score.clinic_id).name,
            rank=standing.place,
            tied=standing.level,
            rank_text=standing.text,
            overall_text=score_text(score.overall),
            overall_number_text=score_number_text(score.overall),
            progress_text=progress_text(score.answered, score.total),
            completeness_text=completeness_text(score),
            not_applying=len(score.not_applying),
            not_applying_text=not_applying_count_text(len(score.not_applying)),
            course_cost_text=course_cost_text(cost),
            course_total_text=course_total_text(cost),
            out_of_pocket_text=out_of_pocket_text(cost),
            cost_basis_text=cost_basis_text(cost),
            insurance_text=f"insurance: {coverage_text(cost.insurance, cost.insurance_percent)}",
            red_flags_text=red_flag_coverage_text(red_flag_coverage(self.comparison, score)),
            red_flag_labels=tuple(f.label for f in flags),
            red_flag_sentences=tuple(red_flag_sentence(f.label) for f in flags),
        )
