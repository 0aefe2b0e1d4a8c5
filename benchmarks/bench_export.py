"""Time every export for 3, 10 and 50 clinics: PDF, HTML, CSV and the consultation sheet.

    .venv/bin/python benchmarks/bench_export.py

Each figure is the median of several runs of model + render (the report model is built inside
the timing, as the app and the commands do; writing the file is not included). The last
column divides the time by clinics × questions, so a flat column means linear cost. The
sheet is for one clinic, so its cost depends on the questions only.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ketachecklist.qt.gui_application import ensure_gui_application
from ketachecklist.report.csv_export import render_csv
from ketachecklist.report.html import render_html_bytes
from ketachecklist.report.model import build_report, build_sheet
from ketachecklist.report.pdf import render_pdf
from ketachecklist.report.sheet import render_sheet_pdf
from tests.report.factory import make_comparison
from tests.report.pdf_text import read_pdf

CLINIC_COUNTS = (3, 10, 50)
TARGET_10_CLINIC_PDF_MS = 1000.0


def median_ms(action: Callable[[], object], repeats: int) -> float:
    action()  # warm up: fonts, caches
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def fit_line(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Least squares ms = fixed + per_cell × cells: (fixed ms, µs per cell)."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / sum(
        (x - mean_x) ** 2 for x, _ in points
    )
    return mean_y - slope * mean_x, slope * 1000


def main() -> int:
    ensure_gui_application()
    heads = ("clinics", "format", "median ms", "pages", "µs/(clinic×question)")
    print(f"{heads[0]:>7} {heads[1]:>6} {heads[2]:>10} {heads[3]:>6} {heads[4]:>21}")
    pdf_10 = 0.0
    per_cell: dict[str, list[float]] = {}
    samples: dict[str, list[tuple[float, float]]] = {}
    for count in CLINIC_COUNTS:
        comparison = make_comparison(count, answered=1.0)
        questions = len(comparison.questions())
        first = comparison.clinics[0].id
        actions: dict[str, Callable[[], bytes]] = {
            "pdf": lambda c=comparison: render_pdf(build_report(c)),
            "html": lambda c=comparison: render_html_bytes(build_report(c)),
            "csv": lambda c=comparison: render_csv(build_report(c)),
            "sheet": lambda c=comparison, f=first: render_sheet_pdf(build_sheet(c, f)),
        }
        for name, action in actions.items():
            repeats = 3 if count >= 50 and name == "pdf" else 5
            ms = median_ms(action, repeats)
            pages = read_pdf(action()).count if name in ("pdf", "sheet") else 0
            cells = questions if name == "sheet" else count * questions
            micro = ms * 1000 / cells
            per_cell.setdefault(name, []).append(micro)
            samples.setdefault(name, []).append((cells, ms))
            page_text = str(pages) if pages else "-"
            print(f"{count:>7} {name:>6} {ms:>10.1f} {page_text:>6} {micro:>21.1f}")
            if name == "pdf" and count == 10:
                pdf_10 = ms
    print()
    for name, values in per_cell.items():
        if name == "sheet":
            continue
        fixed, slope = fit_line(samples[name])
        worst = max(abs(ms - (fixed + slope * cells / 1000)) / ms for cells, ms in samples[name])
        print(
            f"linearity {name}: {fixed:.1f} ms fixed + {slope:.1f} µs per clinic×question "
            f"(worst deviation from the line {worst:.0%}; per-cell cost "
            f"{max(values):.0f} → {min(values):.0f} µs as the fixed part spreads)"
        )
    verdict = "met" if pdf_10 < TARGET_10_CLINIC_PDF_MS / 2 else "MISSED"
    print(
        f"10-clinic PDF: {pdf_10:.0f} ms (target well under {TARGET_10_CLINIC_PDF_MS:.0f} ms: "
        f"{verdict})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
