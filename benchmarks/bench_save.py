"""Time saving and autosaving for 3, 10 and 50 clinics (every question answered).

    .venv/bin/python benchmarks/bench_save.py

save = serialise + read-back check + backup + temp write + fsync + rename + folder fsync;
autosave = serialise + atomic snapshot write (no check, no backup); load = read + validate.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ketachecklist.core.recovery import RecoveryStore
from ketachecklist.core.storage import (
    comparison_to_yaml,
    encode_comparison,
    load_comparison,
    save_comparison,
)
from tests.reliability.helpers import CATALOGUE, sample_comparison

REPEATS = 7


def median_ms(action: Callable[[], object]) -> float:
    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def main() -> int:
    print(
        f"{'clinics':>7} {'file kB':>8} {'serialise':>10} {'encode+check':>13} {'save':>8} "
        f"{'autosave':>9} {'load':>8}   (median ms of {REPEATS})"
    )
    with tempfile.TemporaryDirectory(prefix="ketachecklist-bench-") as folder:
        base = Path(folder)
        store = RecoveryStore.open(base / "recovery")
        for clinics in (3, 10, 50):
            comparison = sample_comparison(1, clinics=clinics, note_lines=5)
            path = base / f"c{clinics}.yaml"
            slot = store.new_slot(path)
            save_comparison(comparison, path)
            size_kb = path.stat().st_size / 1024
            row = [
                median_ms(lambda c=comparison: comparison_to_yaml(c)),
                median_ms(lambda c=comparison: encode_comparison(c)),
                median_ms(lambda c=comparison, p=path: save_comparison(c, p)),
                median_ms(lambda c=comparison, s=slot: s.write(c)),
                median_ms(lambda p=path: load_comparison(p, CATALOGUE)),
            ]
            slot.discard()
            print(
                f"{clinics:>7} {size_kb:>8.0f} "
                + " ".join(
                    f"{value:>{width}.1f}"
                    for value, width in zip(row, (10, 13, 8, 9, 8), strict=True)
                )
            )
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
