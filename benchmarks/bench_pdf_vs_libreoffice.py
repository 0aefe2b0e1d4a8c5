"""A 10-clinic PDF export, whole process, against LibreOffice converting the same table.

    .venv/bin/python benchmarks/bench_pdf_vs_libreoffice.py [runs] [--before TREE]

Absolute times differ between machines, so the figure that counts is a ratio measured in one
run on one machine: `ketachecklist export FILE --format pdf` (a fresh process: Python, Qt,
the report model, layout and writing) divided by `soffice --headless --convert-to pdf` turning
the same comparison's table (its CSV export) into a PDF. A bare QTextDocument table printed to
PDF by a fresh PySide6 process is shown as a second floor: what Qt alone costs. Runs are
interleaved so that load on the machine hits all of them alike. Skips cleanly (exit 0, one
line) when LibreOffice is not installed.

Two floors are measured in the same run: a Python process that only imports PySide6's QtGui
and creates a QGuiApplication (what any Qt PDF export costs before its own code runs), and a
bare Python process.

Python runs as an installed app runs, from bytecode: pip and the bundle compile every module
when they install it, while a source tree run with PYTHONDONTWRITEBYTECODE compiles ours at
every start (about 60 ms here). The Python processes get a bytecode cache in the run's
temporary folder (PYTHONPYCACHEPREFIX), written by the warm-up. Each process's CPU time
(user + system, from the kernel's accounting of waited-for children) is shown beside the wall
time: on a shared machine it is far steadier.

``--before TREE`` also runs the export from another source tree (say ``git archive main`` unpacked
in a folder), interleaved with the rest, so a change is measured against the code before it in
the same run, under the same load.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ketachecklist.core.storage import save_comparison
from ketachecklist.report.csv_export import render_csv
from ketachecklist.report.model import build_report
from tests.report.factory import make_comparison

TARGET_RATIO = 0.30
CLINICS = 10

BARE_QT_TABLE = """
import sys
from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument
app = QGuiApplication(sys.argv)
rows = [line.split(",") for line in open(sys.argv[1], encoding="utf-8-sig").read().splitlines()]
cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
document = QTextDocument()
document.setHtml(f"<table border=1>{cells}</table>")
writer = QPdfWriter(sys.argv[2])
writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
document.print_(writer)
"""

QT_FLOOR = "import sys; from PySide6.QtGui import QGuiApplication; QGuiApplication(sys.argv)"


def export_command(document: Path, output: Path) -> list[str]:
    """`ketachecklist export DOCUMENT --format pdf -o OUTPUT` (this tree's or, run from another
    folder, the one before)."""
    return [
        sys.executable,
        "-m",
        "ketachecklist",
        "export",
        str(document),
        "--format",
        "pdf",
        "-o",
        str(output),
    ]


def load_average() -> str:
    try:
        return "load average {:.1f} {:.1f} {:.1f}".format(*os.getloadavg())
    except OSError:  # not on this platform
        return "load average unknown"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], env: dict[str, str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``command`` (its children included)."""
    cpu = children_cpu()
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, capture_output=True, cwd=cwd)
    return time.perf_counter() - started, children_cpu() - cpu


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="A 10-clinic PDF export against LibreOffice.")
    parser.add_argument("runs", type=int, nargs="?", default=7)
    parser.add_argument(
        "--before", type=Path, metavar="TREE", help="also time the export from this source tree"
    )
    return parser.parse_args()


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("skipped: LibreOffice (soffice) is not installed (libreoffice-calc-nogui)")
        return 0
    options = arguments()
    runs: int = options.runs
    before: Path | None = options.before.resolve() if options.before else None
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(work / "bytecode")
        comparison = make_comparison(CLINICS)
        document = work / "ten-clinics.yaml"
        save_comparison(comparison, document, backups=0)
        table = work / "ten-clinics.csv"
        table.write_bytes(render_csv(build_report(comparison)))
        profile = work / "lo-profile"
        lo_env = {**env, "HOME": str(work)}
        commands = {
            "app": export_command(document, work / "app.pdf"),
            "libreoffice": [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work / "lo"),
                str(table),
            ],
            "before": export_command(document, work / "before.pdf"),
            "bare_qt": [sys.executable, "-c", BARE_QT_TABLE, str(table), str(work / "bare.pdf")],
            "qt_floor": [sys.executable, "-c", QT_FLOOR],
            "python": [sys.executable, "-c", "pass"],
        }
        if before is None:
            del commands["before"]
        # python -m finds the package in the working folder first: the tree being timed.
        folders = {"app": Path(__file__).resolve().parents[1], "before": before}
        for name, command in commands.items():  # warm up: caches, LibreOffice's profile
            timed(command, lo_env if name == "libreoffice" else env, folders.get(name))
        times: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                wall, used = timed(
                    command, lo_env if name == "libreoffice" else env, folders.get(name)
                )
                times[name].append(wall)
                cpu[name].append(used)
    medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
    cpu_medians = {name: statistics.median(values) * 1000 for name, values in cpu.items()}
    ratio = medians["app"] / medians["libreoffice"]
    print(f"10-clinic PDF export, whole process, median of {runs} (ms); {load_average()}:")
    print(f"  {'':<44} {'wall':>7}   {'(range)':<11} {'CPU':>6}")
    for name, label in (
        ("app", "ketachecklist export --format pdf"),
        ("before", "the same export, from --before's tree"),
        ("libreoffice", "soffice --convert-to pdf (same table, CSV)"),
        ("bare_qt", "bare QTextDocument table → QPdfWriter"),
        ("qt_floor", "floor: import QtGui + QGuiApplication"),
        ("python", "floor: python -c pass"),
    ):
        if name not in times:
            continue
        spread = f"({min(times[name]) * 1000:.0f}–{max(times[name]) * 1000:.0f})"
        print(f"  {label:<44} {medians[name]:7.0f}   {spread:<11} {cpu_medians[name]:6.0f}")
    verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
    print(f"ratio app / LibreOffice: {ratio:.2f} (target ≤ {TARGET_RATIO:.2f}: {verdict})")
    cpu_ratio = cpu_medians["app"] / cpu_medians["libreoffice"]
    print(f"CPU-time ratio app / LibreOffice: {cpu_ratio:.2f}")
    print(f"ratio app / bare Qt table: {medians['app'] / medians['bare_qt']:.2f}")
    if "before" in medians:
        print(
            f"before / LibreOffice: {medians['before'] / medians['libreoffice']:.2f} wall, "
            f"{cpu_medians['before'] / cpu_medians['libreoffice']:.2f} CPU"
        )
    print(load_average())
    return 0


if __name__ == "__main__":
    sys.exit(main())
