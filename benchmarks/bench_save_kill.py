"""Kill a process during save 500 times (the test suite does 50) and report what was on disk.

    .venv/bin/python benchmarks/bench_save_kill.py [KILLS]

Exits 1 if the file ever failed to load as the previous or the new version. Results go in the
"Saving and recovery" section of docs/performance.md.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.reliability

from tests.reliability.save_killer import kill_during_save


def main() -> int:
    kills = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    with tempfile.TemporaryDirectory(prefix="ketachecklist-kill-") as folder:
        report = kill_during_save(Path(folder), kills)
    print(report.summary())
    for problem in report.problems[:20]:
        print("  PROBLEM:", problem)
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
