"""Where a 10-clinic PDF export's CPU time goes, step by step, in fresh processes.

    .venv/bin/python benchmarks/pdf_export_steps.py [runs]

Each run is a new Python process (from bytecode, as an installed app runs) doing what
``ketachecklist export FILE --format pdf`` does, with ``time.process_time`` around each step:
importing the command line, reading the comparison (QtCore, PyYAML, the catalogue's cached copy,
the file), the report model, the QGuiApplication, importing the PDF renderer, layout, and
painting and writing the PDF. Prints the median of each step over the runs. CPU time, not wall
time: on a shared machine it is far steadier.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ketachecklist.core.storage import save_comparison
from tests.report.factory import make_comparison

ROOT = Path(__file__).resolve().parents[1]
CLINICS = 10

STEPS = """
import json, sys, time
clock = time.process_time
steps = {}
mark = clock()
def step(name):
    global mark
    now = clock()
    steps[name] = (now - mark) * 1000
    mark = now
from ketachecklist import cli
from ketachecklist.commands import export
step("import the command line")
from pathlib import Path
comparison = export.load(Path(sys.argv[1]), with_qt=True)
step("read the comparison (with QtCore, PyYAML)")
from ketachecklist.report.model import build_report
report = build_report(comparison, source_name=Path(sys.argv[1]).name)
step("the report model")
from ketachecklist.qt.gui_application import ensure_gui_application
ensure_gui_application()
step("QGuiApplication (with QtGui)")
from ketachecklist.report import pdf
from ketachecklist.report.paged import body_height, content_area, paint_pages, pdf_bytes
step("import the PDF renderer")
fonts = pdf.Fonts()
layout = pdf.report_page_layout(report)
pages = pdf.layout_report(report, fonts, content_area(layout)[0], body_height(layout))
step("layout")
def paint(writer):
    paint_pages(writer, fonts, pages, lambda page, count: pdf.footer_lines(report, page, count))
    return len(pages)
data = pdf_bytes(layout, report.title, paint)
step("paint and write the PDF")
steps["total"] = sum(steps.values())
print(json.dumps(steps))
"""


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env["PYTHONPYCACHEPREFIX"] = str(work / "bytecode")
        document = work / "ten-clinics.yaml"
        save_comparison(make_comparison(CLINICS), document, backups=0)
        command = [sys.executable, "-c", STEPS, str(document)]
        subprocess.run(command, check=True, env=env, cwd=ROOT, capture_output=True)  # bytecode
        results = [
            json.loads(
                subprocess.run(
                    command, check=True, env=env, cwd=ROOT, capture_output=True, text=True
                ).stdout
            )
            for _ in range(runs)
        ]
    print(f"10-clinic PDF export, CPU ms per step, median of {runs} fresh processes:")
    for name in results[0]:
        values = [result[name] for result in results]
        print(
            f"  {name:<44} {statistics.median(values):6.0f}   ({min(values):.0f}–{max(values):.0f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
