"""Cold start to the first painted window, against bare PySide6 plus one empty window.

    .venv/bin/python benchmarks/bench_ui_start.py [RUNS] [--against OTHER_CHECKOUT]

Each run is a fresh Python process on the offscreen platform, timed from just before the
process starts to the end of the window's first paint (so interpreter start, imports,
building the window and painting it are all in; the child prints the wall clock when the
paint is done, so tearing down at exit is not counted). Three programs:

- bare:    import PySide6.QtWidgets, one empty QMainWindow, shown and painted;
- app:     the app as ``ketachecklist`` starts it (``launch``: settings, recovery store, window);
- app+file: the same, opening examples/three-clinics.yaml.

The app runs with HOME and XDG folders in a temporary directory so it touches no real settings.
Target: app within 2× of bare. Beside the wall time, each child's CPU time up to the same
moment (``time.process_time``: its own work, without the time it waited for a core), which on
a shared machine is far steadier than the wall clock.

``--against DIR`` adds the app from another checkout (say ``git archive main | tar -x -C DIR``)
to the same interleaved runs, as "before": a before/after comparison that one machine's load
hits alike.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 9

# Quit once the window has been painted: its first Paint event, then one more turn of the
# event loop so the whole paint pass (all children) finishes. The filter sits on the window
# alone, installed as it is shown: a filter on the whole application would run Python for
# every event of every widget being built, which costs the app (hundreds of widgets) far more
# than the bare window and would measure the instrument, not the start.
_PAINT_WATCH = """
from PySide6.QtCore import QEvent, QObject, QTimer

class FirstPaint(QObject):
    def __init__(self, window):
        super().__init__()
        self.window = window
        self.seen = False
        window.installEventFilter(self)

    def eventFilter(self, watched, event):
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, self.painted)
        return False

    def painted(self):
        # The wall clock, read by the parent: start-up ends here, not when Python has torn down.
        import time
        print(time.process_time(), time.time(), flush=True)
        app.quit()
"""

BARE = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication(sys.argv)\n" + _PAINT_WATCH + "window = QMainWindow()\n"
    "window.resize(1400, 900)\n"
    "watch = FirstPaint(window)\n"
    "window.show()\n"
    "app.exec()\n"
    "assert watch.seen\n"
)

APP = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication\n"
    "from ketachecklist.ui.app import close_recovery_store, configure_application, launch\n"
    "app = QApplication(sys.argv)\n"
    "configure_application(app)\n"
    + _PAINT_WATCH
    + "import ketachecklist.ui.main_window as main_window_module\n"
    "watch = None\n"
    "original_show = main_window_module.MainWindow.show\n"
    "def show(self):\n"
    "    global watch\n"
    "    watch = FirstPaint(self)\n"
    "    original_show(self)\n"
    "main_window_module.MainWindow.show = show\n"
    "window = launch(sys.argv[1] if len(sys.argv) > 1 else None)\n"
    "app.exec()\n"
    "close_recovery_store(window)\n"
    "assert watch.seen\n"
)


def _environment(home: Path, root: Path = ROOT) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["HOME"] = str(home)
    # An installed app has its bytecode compiled (pip does it at install); this checkout may
    # run with PYTHONDONTWRITEBYTECODE, which would make every start compile every module.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env.pop(name, None)
    env["PYTHONPATH"] = str(root)  # ahead of the editable install's path
    return env


def time_run(program: str, args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Milliseconds from starting the process to the end of its window's first paint, and the
    CPU milliseconds the process had used by then."""
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", program, *args],
        env=env,
        cwd=env["PYTHONPATH"],
        check=True,
        capture_output=True,
        text=True,
    )
    cpu, painted = (float(word) for word in done.stdout.split()[-2:])
    return (painted - started) * 1000, cpu * 1000


def main() -> int:
    words = sys.argv[1:]
    against: Path | None = None
    if "--against" in words:
        at = words.index("--against")
        against = Path(words[at + 1]).resolve()
        del words[at : at + 2]
    runs = int(words[0]) if words else RUNS
    example = str(ROOT / "examples" / "three-clinics.yaml")
    programs: dict[str, tuple[str, list[str], Path]] = {
        "bare": (BARE, [], ROOT),
        "app": (APP, [], ROOT),
        "app+file": (APP, [example], ROOT),
    }
    if against is not None:
        programs["before"] = (APP, [], against)
    timings: dict[str, list[float]] = {name: [] for name in programs}
    cpu: dict[str, list[float]] = {name: [] for name in programs}
    with tempfile.TemporaryDirectory(prefix="ketachecklist-bench-") as home:
        envs = {root: _environment(Path(home), root) for _, _, root in programs.values()}
        for program, args, root in programs.values():  # warm the disk cache once
            time_run(program, args, envs[root])
        for _ in range(runs):  # interleaved, so machine load affects all alike
            for name, (program, args, root) in programs.items():
                wall, used = time_run(program, args, envs[root])
                timings[name].append(wall)
                cpu[name].append(used)
    bare = statistics.median(timings["bare"])
    bare_cpu = statistics.median(cpu["bare"])
    print(f"cold start to first painted window, offscreen, median of {runs} runs")
    print(
        f"{'program':>9} {'median ms':>10} {'min':>7} {'max':>7} {'× bare':>7}"
        f" {'CPU ms':>7} {'× bare':>7}"
    )
    for name, values in timings.items():
        median = statistics.median(values)
        used = statistics.median(cpu[name])
        print(
            f"{name:>9} {median:10.0f} {min(values):7.0f} {max(values):7.0f} {median / bare:7.2f}"
            f" {used:7.0f} {used / bare_cpu:7.2f}"
        )
    ratio = statistics.median(timings["app"]) / bare
    cpu_ratio = statistics.median(cpu["app"]) / bare_cpu
    print(
        f"target: app within 2× of bare -> {'met' if ratio <= 2 else 'MISSED'} ({ratio:.2f}×; "
        f"CPU time {cpu_ratio:.2f}×)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
