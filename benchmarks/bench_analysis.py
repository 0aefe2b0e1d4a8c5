"""Decision-support analysis per edit: `analyse` for 3, 12 and 50 clinics × the catalogue.

The analysis runs on every edit, so it must stay well inside a frame budget: under 20 ms for
12 clinics × 40 questions. Each comparison is about 60% rated (a typical mid-way comparison,
with many open questions to weigh), has yes/no answers, two deal-breakers and two weight
profiles. Prints the median and the slowest of the runs, with `score_comparison` alone beside
it (analyse calls it once). Results in docs/performance.md.
"""

from __future__ import annotations

import random
import statistics
import time

from ketachecklist.core.catalogue import AnswerKind, load_bundled_catalogue
from ketachecklist.core.decision.analysis import analyse
from ketachecklist.core.document import Answer, Clinic, Comparison, WeightProfile
from ketachecklist.core.scoring import score_comparison

RUNS = 30
BUDGET_MS_AT_12 = 20.0


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


def main() -> int:
    print(
        f"{'clinics':>7} {'questions':>9} {'analyse median':>15} {'max':>8} {'scoring alone':>14}"
    )
    verdict = 0
    for clinics in (3, 12, 50):
        comparison = build(clinics)
        analysis_times = timed_ms(lambda c=comparison: analyse(c))
        scoring_times = timed_ms(lambda c=comparison: score_comparison(c))
        median = statistics.median(analysis_times)
        print(
            f"{clinics:>7} {len(comparison.questions()):>9} {median:>12.1f} ms "
            f"{max(analysis_times):>5.1f} ms {statistics.median(scoring_times):>11.1f} ms"
        )
        if clinics == 12 and median > BUDGET_MS_AT_12:
            print(f"  over the {BUDGET_MS_AT_12:.0f} ms budget at 12 clinics")
            verdict = 1
    return verdict


if __name__ == "__main__":
    raise SystemExit(main())
