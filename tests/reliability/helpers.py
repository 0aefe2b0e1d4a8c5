"""Shared pieces for the reliability tests (docs/reliability.md maps each test to a guarantee)."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
from pathlib import Path

from ketachecklist.core.catalogue import load_bundled_catalogue
from ketachecklist.core.document import Answer, Clinic, Comparison, Decision
from tests.conftest import REPO

CATALOGUE = load_bundled_catalogue()
FIXTURES = Path(__file__).parent / "fixtures"


def sample_comparison(version: int = 1, clinics: int = 3, note_lines: int = 2) -> Comparison:
    """A deterministic comparison whose title records ``version`` (the kill tests rely on it)."""
    comparison = Comparison(catalogue=CATALOGUE, title=f"version {version}")
    for index in range(clinics):
        clinic_id = f"clinic-{index + 1}"
        comparison.add_clinic(
            Clinic(
                id=clinic_id,
                name=f"Clinic {index + 1} — Zürich ☕ <b>",
                notes="\n".join(
                    f"note {version}.{line} =cmd|' /C calc'" for line in range(note_lines)
                ),
                consultation_date=dt.date(2026, 12, 1 + index % 28),
            )
        )
        for number, question in enumerate(CATALOGUE.questions):
            rating = 1 + (version + index + number) % 5
            comparison.set_answer(
                clinic_id, question.id, Answer(rating=rating, said=f"said {version}")
            )
    if clinics:
        comparison.set_decision(Decision("clinic-1", f"reason {version}", dt.date(2026, 12, 10)))
    comparison.revision = 0
    return comparison


def same_content(a: Comparison, b: Comparison) -> bool:
    return (
        a.title == b.title
        and a.clinics == b.clinics
        and a.answers == b.answers
        and a.custom_questions == b.custom_questions
        and a.set_weights == b.set_weights
        and a.question_weights == b.question_weights
        and a.decision == b.decision
    )


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def start_python(code: str, *args: str) -> subprocess.Popen[str]:
    """A real child process running ``code`` with the package importable; line-buffered pipes."""
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONUNBUFFERED="1")
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        bufsize=1,
        cwd=REPO,
        env=env,
    )


def read_line(child: subprocess.Popen[str], expected_prefix: str) -> str:
    """The child's next line, which must start with ``expected_prefix`` (blocks until it comes)."""
    assert child.stdout is not None
    line = child.stdout.readline()
    if not line.startswith(expected_prefix):
        child.kill()
        _, err = child.communicate(timeout=30)
        raise AssertionError(f"child said {line!r}, expected {expected_prefix!r}; stderr: {err}")
    return line.strip()


def app_environment(home: Path) -> dict[str, str]:
    """The environment of a real app process with its own private home: headless Qt, and every
    QStandardPaths location (settings, app data, recovery) inside ``home``."""
    runtime = home / "runtime"
    runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
    return dict(
        os.environ,
        PYTHONPATH=str(REPO),
        PYTHONUNBUFFERED="1",
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(runtime),
    )


def start_app_process(home: Path, *args: str, code: str | None = None) -> subprocess.Popen[str]:
    """The real app (``python -m ketachecklist ARGS``), or ``code`` playing it, under umask 000
    so that every owner-only mode it creates is its own doing."""
    command = (
        [sys.executable, "-m", "ketachecklist"] if code is None else [sys.executable, "-c", code]
    )
    return subprocess.Popen(
        [*command, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        bufsize=1,
        cwd=REPO,
        env=app_environment(home),
        umask=0,
    )


def app_data_of(home: Path) -> Path:
    """Where an app process started with ``app_environment(home)`` keeps its private files."""
    return home / ".local" / "share" / "ketachecklist"
