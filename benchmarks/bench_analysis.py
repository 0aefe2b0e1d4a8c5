"""Decision-support analysis per edit, for 3, 12 and 50 clinics × the catalogue.

After every edit the grid shows the verdict (``Presentation.verdict``), which must cost no
frame: at most 5 ms at 50 clinics × 40 questions ("verdict only": this revision's scores
given, as the open document has them; the analysis works out only what the verdict's words
use). The Decision tab and the report read every fact: "all facts" is every fact of
``analyse`` (what it computed up front before it was lazy), "decision words" the whole
``Presentation.decision`` (every fact, in words), scores given in both. Each comparison is
about 60% rated (a typical mid-way comparison, with many open questions to weigh), has yes/no
answers, two deal-breakers and two weight profiles. Prints medians and the slowest run, with
``score_comparison`` alone beside them. Results in docs/performance.md.
"""

from __future__ import annotations

import random
import statistics
import time

from ketachecklist.core.catalogue import AnswerKind, load_bundled_catalogue
from ketachecklist.core.decision.analysis import analyse
from ketachecklist.core.document import Answer, Clinic, Comparison, WeightProfile
from ketachecklist.core.scoring import ComparisonScores, score_comparison
from ketachecklist.present.presentation import Presentation

RUNS = 30
VERDICT_BUDGET_MS_AT_50 = 5.0


def build(clinics: int, seed: int = 13) -> Comparison:
    rng = random.Random(seed)
    comparison = Comparison(catalogue=load_bundled_catalogue())
    questions = comparison.questions()
    for index in range(clinics):
        clinic_id = f"clinic-{index + 1}"
        comparison.add_clinic(Clinic(id=clinic_id, name=f"Clinic {index + 1}"))
        for question in questions:
            if rng.random() > 0.6:
                continue
            value = rng.choice([True, False]) if question.kind is AnswerKind.YES_NO else None
            comparison.set_answer(clinic_id, question.id, Answer(rng.randint(2, 5), "", value))
    comparison.set_deal_breaker(questions[3].id, True)
    comparison.set_deal_breaker(questions[20].id, True)
    comparison.add_weight_profile(WeightProfile("Me", {"evaluation": 2.0}))
    comparison.add_weight_profile(WeightProfile("Mum", {"cost": 3.0}))
    comparison.activate_weight_profile("Me")
    return comparison


def timed_ms(action: object, runs: int = RUNS) -> list[float]:
    assert callable(action)
    action()  # warm
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def verdict_only(comparison: Comparison, scores: ComparisonScores) -> str:
    return Presentation(comparison, scores).verdict


def all_facts(comparison: Comparison, scores: ComparisonScores) -> object:
    """Every fact of the analysis (what ``analyse`` computed up front before it was lazy)."""
    analysis = analyse(comparison, scores)
    for fact in ("verdict", "clinics", "question_impacts", "weight_tipping", "one_step_changes"):
        getattr(analysis, fact)
    return analysis.profiles


def decision_words(comparison: Comparison, scores: ComparisonScores) -> object:
    """The Decision tab's and the report's: every fact, in words."""
    return Presentation(comparison, scores).decision


def main() -> int:
    print(
        f"{'clinics':>7} {'questions':>9} {'verdict only':>13} {'max':>8} "
        f"{'all facts':>10} {'max':>8} {'decision words':>15} {'scoring alone':>14}"
    )
    result = 0
    for clinics in (3, 12, 50):
        comparison = build(clinics)
        scores = score_comparison(comparison)
        verdict_times = timed_ms(lambda c=comparison, s=scores: verdict_only(c, s))
        facts_times = timed_ms(lambda c=comparison, s=scores: all_facts(c, s))
        words_times = timed_ms(lambda c=comparison, s=scores: decision_words(c, s))
        scoring_times = timed_ms(lambda c=comparison: score_comparison(c))
        median = statistics.median(verdict_times)
        print(
            f"{clinics:>7} {len(comparison.questions()):>9} {median:>10.1f} ms "
            f"{max(verdict_times):>5.1f} ms {statistics.median(facts_times):>7.1f} ms "
            f"{max(facts_times):>5.1f} ms {statistics.median(words_times):>12.1f} ms "
            f"{statistics.median(scoring_times):>11.1f} ms"
        )
        if clinics == 50 and median > VERDICT_BUDGET_MS_AT_50:
            print(f"  verdict over the {VERDICT_BUDGET_MS_AT_50:.0f} ms budget at 50 clinics")
            result = 1
    return result


if __name__ == "__main__":
    raise SystemExit(main())
