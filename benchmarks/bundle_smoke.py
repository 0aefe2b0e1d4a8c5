"""Smoke test of the standalone bundle (`make bundle`): it runs with no Python on the machine.

    .venv/bin/python benchmarks/bundle_smoke.py [--build] [--bundle DIR]

Not part of `make test` (building takes a while). With --build (or when the bundle is missing)
it builds dist/bundle/ketachecklist with PyInstaller first. Then, with every Python
installation on the machine hidden when it can (root and `unshare`: a private mount namespace
with empty folders over each Python prefix and /dev/null over each python executable, checked
by trying to run python3), it runs the bundle's

- `--version` and `validate` on examples/three-clinics.yaml,
- `export` of that example to a PDF, three times (timed), read back here with QtPdf: page
  count, the three clinic names, "page x of y" and "not medical advice" on every page,
- the window itself: under Xvfb (with xdotool) it waits for the window to appear, opens the
  Decision tab (Ctrl+6: its charts import QtCharts), then quits it with Ctrl+Q; without them
  it checks the app is still running on the offscreen platform after building its window.

It prints the bundle's size and the Qt libraries it holds, and fails if a Qt module the app
does not use (WebEngine, 3D, Multimedia, QML/Quick, Network, PDF) slipped in.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.report.pdf_text import read_pdf  # noqa: E402 - after the path set-up

DEFAULT_BUNDLE = ROOT / "dist" / "bundle" / "ketachecklist"
EXAMPLE = ROOT / "examples" / "three-clinics.yaml"
CLINICS = (
    "Harbor Light Ketamine Center (fictional)",
    "Quickwell Infusion Lounge (fictional)",
    "Riverside Mood Disorders Clinic (fictional)",
)
UNUSED_QT = ("WebEngine", "3D", "Multimedia", "Qml", "Quick", "Network", "Pdf", "Designer")
EXPORT_RUNS = 3
WINDOW_TIMEOUT_S = 60
DECISION_TAB_THEN_QUIT = ("key", "ctrl+6", "sleep", "2", "key", "ctrl+q")
PYTHON_NAME = re.compile(r"python(\d+(\.\d+)?)?")


def build() -> float:
    started = time.perf_counter()
    subprocess.run(["make", "-C", str(ROOT), "bundle"], check=True)
    return time.perf_counter() - started


def folder_size(folder: Path) -> tuple[int, int]:
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    return sum(path.stat().st_size for path in files), len(files)


def qt_libraries(folder: Path) -> list[str]:
    return sorted({path.name.split(".so")[0] for path in folder.rglob("libQt6*.so*")})


def missing_qt_libraries(folder: Path) -> list[str]:
    """Bundled binaries whose Qt libraries are not in the bundle (an over-eager exclusion)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    internal = folder / "_internal"
    env = {"LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"}
    missing = []
    for binary in sorted(folder.rglob("*.so*")):
        if not binary.is_file():
            continue
        listing = subprocess.run(
            [ldd, str(binary)], capture_output=True, text=True, env=env, check=False
        ).stdout
        missing += [
            f"{binary.name}: {line.split()[0]}"
            for line in listing.splitlines()
            if "not found" in line and "libQt6" in line
        ]
    return missing


def python_hiding_script() -> tuple[str, list[str]] | None:
    """A shell prologue that hides every Python in a private mount namespace, or None."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return None
    folders = {Path(sys.base_prefix), Path(sys.prefix)}
    pyenv = os.environ.get("PYENV_ROOT") or str(Path.home() / ".pyenv")
    if Path(pyenv).is_dir():
        folders.add(Path(pyenv))
    for parent in (Path("/usr/lib"), Path("/usr/local/lib")):
        folders.update(match for match in parent.glob("python3*") if match.is_dir())
    # A folder inside another hidden one is hidden with it (and could not be mounted on).
    folders = {f for f in folders if not any(o != f and f.is_relative_to(o) for o in folders)}
    executables = {
        match.resolve()
        for folder in (Path("/usr/bin"), Path("/usr/local/bin"), Path("/bin"))
        for match in folder.glob("python*")
        if match.is_file() and PYTHON_NAME.fullmatch(match.name)
    }
    lines = ["set -e"]
    lines += [f"mount -t tmpfs none '{folder}'" for folder in sorted(folders)]
    lines += [f"mount --bind /dev/null '{path}'" for path in sorted(executables)]
    lines.append(
        "if python3 -c '' 2>/dev/null || python -c '' 2>/dev/null; then "
        "echo 'a Python is still reachable' >&2; exit 99; fi"
    )
    lines.append('exec "$@"')
    hidden = [str(f) for f in sorted(folders)] + [str(p) for p in sorted(executables)]
    return "\n".join(lines), hidden


def runner(hiding: tuple[str, list[str]] | None) -> list[str]:
    if hiding is None:
        return []
    return ["unshare", "--mount", "--propagation", "private", "sh", "-c", hiding[0], "sh"]


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    env = {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    }
    (home / "runtime").mkdir(mode=0o700, exist_ok=True)
    env.update(extra)
    return env


def check_pdf(pdf: Path) -> int:
    pages = read_pdf(pdf.read_bytes())
    assert pages.count >= 2, pages.count
    flat = pages.flat
    for name in CLINICS:
        assert name in flat, name
    for number, text in enumerate(pages.texts, start=1):
        assert f"page {number} of {pages.count}" in text, number
        assert "not medical advice" in " ".join(text.split()).lower(), number
    return pages.count


def check_window(program: list[str], home: Path) -> str:
    """Start the window; returns how it was checked."""
    xvfb, xdotool = shutil.which("Xvfb"), shutil.which("xdotool")
    if xvfb and xdotool:
        display = f":{90 + os.getpid() % 100}"
        server = subprocess.Popen(
            [xvfb, display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(1)  # the X server has no readiness signal; xdotool --sync waits after it
            env = clean_env(home, DISPLAY=display, QT_QPA_PLATFORM="xcb")
            started = time.perf_counter()
            app = subprocess.Popen(
                [*program, str(EXAMPLE)], env=env, cwd=home, stderr=subprocess.PIPE, text=True
            )
            found = subprocess.run(
                [xdotool, "search", "--sync", "--name", "three-clinics"],
                env={"DISPLAY": display},
                capture_output=True,
                text=True,
                timeout=WINDOW_TIMEOUT_S,
                check=True,
            )
            shown = time.perf_counter() - started
            window = found.stdout.split()[0]
            # No window manager on Xvfb: give the window the focus directly, show the Decision
            # tab (its charts load QtCharts: a missing library is a traceback), then Ctrl+Q.
            subprocess.run(
                [xdotool, "windowfocus", "--sync", window, *DECISION_TAB_THEN_QUIT],
                env={"DISPLAY": display},
                timeout=WINDOW_TIMEOUT_S,
                check=True,
            )
            _, errors = app.communicate(timeout=WINDOW_TIMEOUT_S)
            assert app.returncode == 0, (app.returncode, errors)
            assert "Traceback" not in errors, errors
            return (
                f"X11 window on Xvfb appeared after {shown:.2f} s, showed the Decision tab's "
                "charts, Ctrl+Q quit it (exit 0)"
            )
        finally:
            server.terminate()
            server.wait(timeout=10)
    env = clean_env(home, QT_QPA_PLATFORM="offscreen")
    app = subprocess.Popen(
        [*program, str(EXAMPLE)], env=env, cwd=home, stderr=subprocess.PIPE, text=True
    )
    settings = home / "data" / "ketachecklist" / "settings.ini"
    deadline = time.monotonic() + WINDOW_TIMEOUT_S
    while not settings.exists() and app.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(3)
    alive = app.poll() is None
    app.terminate()
    _, errors = app.communicate(timeout=WINDOW_TIMEOUT_S)
    assert alive, errors
    assert settings.exists(), errors
    assert "Traceback" not in errors, errors
    return "offscreen: the app built its window and was still running 3 s later"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="build the bundle first")
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE)
    args = parser.parse_args()
    bundle: Path = args.bundle
    build_time = build() if args.build or not bundle.is_dir() else None
    executable = bundle / "ketachecklist"
    assert executable.is_file(), f"no bundle at {bundle} (run make bundle)"

    size, count = folder_size(bundle)
    libraries = qt_libraries(bundle)
    unwanted = [lib for lib in libraries if any(word in lib for word in UNUSED_QT)]
    assert not unwanted, f"unused Qt modules in the bundle: {unwanted}"
    assert "libQt6Charts" in libraries, "QtCharts (the Decision tab's charts) is missing"
    missing = missing_qt_libraries(bundle)
    assert not missing, f"Qt libraries missing from the bundle: {missing}"
    if build_time is not None:
        print(f"build: {build_time:.1f} s")
    print(f"bundle: {bundle} — {size / 1e6:.1f} MB in {count} files")
    print(f"Qt libraries: {', '.join(libraries)}")
    archives = sorted(bundle.parent.glob("ketachecklist-*.tar.gz"))
    for archive in archives:
        print(f"archive: {archive.name} — {archive.stat().st_size / 1e6:.1f} MB")

    hiding = python_hiding_script()
    program = [*runner(hiding), str(executable)]
    if hiding is None:
        print("Python NOT hidden (needs root and unshare): the runs only scrub the environment")
    else:
        print(f"Python hidden for every run: {', '.join(hiding[1])}")

    with tempfile.TemporaryDirectory(prefix="bundle-smoke-") as temp:
        home = Path(temp)
        env = clean_env(home)
        version = subprocess.run(
            [*program, "--version"], env=env, cwd=home, capture_output=True, text=True, check=True
        )
        print(f"--version: {version.stdout.strip()}")
        validated = subprocess.run(
            [*program, "validate", str(EXAMPLE)],
            env=env,
            cwd=home,
            capture_output=True,
            text=True,
            check=True,
        )
        print(f"validate: {validated.stdout.strip()}")
        timings = []
        pdf = home / "report.pdf"
        for _ in range(EXPORT_RUNS):
            pdf.unlink(missing_ok=True)
            started = time.perf_counter()
            subprocess.run(
                [*program, "export", str(EXAMPLE), "-o", str(pdf)],
                env=env,
                cwd=home,
                capture_output=True,
                check=True,
            )
            timings.append(time.perf_counter() - started)
        mode = pdf.stat().st_mode & 0o777
        assert mode == 0o600, oct(mode)
        pages = check_pdf(pdf)
        print(
            f"export PDF: {pages} pages, {pdf.stat().st_size / 1e3:.0f} kB, mode 0600; whole "
            f"process median {statistics.median(timings):.2f} s (min {min(timings):.2f}, "
            f"{EXPORT_RUNS} runs)"
        )
        print(f"window: {check_window(program, home)}")
    print("bundle smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
