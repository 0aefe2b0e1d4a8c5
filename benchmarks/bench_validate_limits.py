"""`ketachecklist validate` on files at the 5 MB size limit, one per list (docs/performance.md).

Each file fills the size limit while pressing on one list: at its documented limit (valid),
or far over it (refused in one line). Every run is a real `python -m ketachecklist validate`
process; its wall time and peak RSS (from wait4) must stay under 2 s and 200 MB.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ketachecklist.core.catalogue import load_bundled_catalogue
from ketachecklist.core.limits import (
    MAX_BYTES,
    MAX_CLINICS,
    MAX_CUSTOM_QUESTIONS,
    MAX_NODES,
    MAX_SET_WEIGHTS,
    MAX_TREATMENTS_LISTED,
)

REPO = Path(__file__).resolve().parent.parent
HEADER = "format: ketachecklist-comparison\nschema_version: 1\n"
LIMIT_SECONDS = 2.0
LIMIT_MB = 200
CATALOGUE = load_bundled_catalogue()


def _pad(text: str) -> str:
    """Fill up to just under the size limit with a long title-free comment block (parsed)."""
    room = MAX_BYTES - len(text.encode()) - 100
    line = "# " + "padding " * 12 + "\n"
    return text + line * max(0, room // len(line))


def custom_questions_at_limit() -> str:
    body = "custom_questions:\n" + "".join(
        f"  - {{id: custom-{i}, set: cost, text: Question {i}, kind: rating, why: because}}\n"
        for i in range(MAX_CUSTOM_QUESTIONS)
    )
    return _pad(HEADER + body)


def custom_questions_150000() -> str:
    return (
        HEADER
        + "custom_questions:\n"
        + "".join(f"  - {{id: c{i}, set: cost, text: Q, kind: rating}}\n" for i in range(150_000))[
            : MAX_BYTES - 100
        ]
    )


def clinics_at_limit_with_long_notes() -> str:
    note = "n" * ((MAX_BYTES - 200_000) // MAX_CLINICS)
    body = "clinics:\n" + "".join(
        f"  - id: c{i}\n    name: Clinic {i}\n    notes: {note}\n" for i in range(MAX_CLINICS)
    )
    return HEADER + body


def clinics_over_limit() -> str:
    lines = "".join(f"  - {{id: c{i}, name: C}}\n" for i in range(300_000))
    return (HEADER + "clinics:\n" + lines)[: MAX_BYTES - 100]


def answers_up_to_the_value_limit() -> str:
    """The largest valid comparison: clinics fully answered until the value limit is near."""
    questions = [q.id for q in CATALOGUE.questions]
    per_clinic = 7 + len(questions) * 6  # map, id, name, answers; per answer: key, map, 2 pairs
    clinics = min(MAX_CLINICS, (MAX_NODES - 20) // per_clinic)
    said = "s" * 20
    parts = [HEADER, "clinics:\n"]
    for c in range(clinics):
        parts.append(f"  - id: c{c}\n    name: Clinic {c}\n    answers:\n")
        parts.extend(f"      {q}: {{rating: 3, said: {said}}}\n" for q in questions)
    return _pad("".join(parts))


def answers_over_limit() -> str:
    rows = "".join(f"      q{i}: {{rating: 1}}\n" for i in range(200_000))
    return (HEADER + "clinics:\n  - id: c\n    name: C\n    answers:\n" + rows)[: MAX_BYTES - 100]


def treatments_over_limit() -> str:
    items = ", ".join(["oral"] * (MAX_TREATMENTS_LISTED * 40))
    return _pad(HEADER + f"clinics:\n  - id: c\n    name: C\n    treatments: [{items}]\n")


def weights_over_limit() -> str:
    sets = "".join(f"    s{i}: 1\n" for i in range(MAX_SET_WEIGHTS * 10))
    questions = "".join(f"    q{i}: 1\n" for i in range(50_000))
    return _pad(HEADER + "weights:\n  sets:\n" + sets + "  questions:\n" + questions)


def unknown_keys_531000() -> str:
    return (HEADER + "".join(f"k{i}: 1\n" for i in range(531_000)))[: MAX_BYTES - 100]


def unknown_keys_under_the_value_limit() -> str:
    """As many problems as the value limit lets through: reported up to the bound."""
    return _pad(HEADER + "".join(f"unknown-{i}: 1\n" for i in range(MAX_NODES // 2 - 100)))


def list_of_2_6_million_items() -> str:
    return (HEADER + "notes:\n" + "- 1\n" * 2_600_000)[: MAX_BYTES - 100]


CASES: dict[str, Callable[[], str]] = {
    f"custom questions at the limit ({MAX_CUSTOM_QUESTIONS})": custom_questions_at_limit,
    "custom questions: 150,000": custom_questions_150000,
    f"clinics at the limit ({MAX_CLINICS}, long notes)": clinics_at_limit_with_long_notes,
    "clinics: 300,000": clinics_over_limit,
    "answers: as many as the value limit allows (valid)": answers_up_to_the_value_limit,
    "answers: 200,000 in one clinic": answers_over_limit,
    f"treatments: {MAX_TREATMENTS_LISTED * 40} in one clinic": treatments_over_limit,
    "weights: 200 sets, 50,000 questions": weights_over_limit,
    "unknown keys: 531,000": unknown_keys_531000,
    f"unknown keys: {MAX_NODES // 2 - 100:,} (bounded report)": unknown_keys_under_the_value_limit,
    "a list of 2.6 million items": list_of_2_6_million_items,
}


def measure(path: Path) -> tuple[float, float, int, str]:
    """(seconds, peak RSS in MB, exit code, first output line) of one validate process."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "ketachecklist", "validate", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    )
    assert child.stdout is not None
    output = child.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    peak_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 1e6
    return seconds, peak_mb, child.returncode, (output.splitlines() or [""])[0][:90]


def main() -> int:
    print(f"{'case':<58} {'MB':>5} {'s':>6} {'RSS MB':>7} exit  first line")
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        for name, make in CASES.items():
            path = Path(folder) / "case.yaml"
            path.write_text(make(), encoding="utf-8")
            size = path.stat().st_size / 1_048_576
            seconds, peak, code, first = measure(path)
            ok = seconds < LIMIT_SECONDS and peak < LIMIT_MB
            failures += not ok
            mark = "" if ok else "  <-- over the bound"
            print(f"{name:<58} {size:5.2f} {seconds:6.2f} {peak:7.1f} {code:>4}  {first}{mark}")
    print(f"bounds: < {LIMIT_SECONDS} s and < {LIMIT_MB} MB per file, whole process")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
