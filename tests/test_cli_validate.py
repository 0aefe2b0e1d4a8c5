"""`ketachecklist validate FILE`: exit 0 and a summary line, or exit 2 and one line per problem."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ketachecklist.cli import main
from tests.conftest import EXAMPLES, REPO


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ketachecklist", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_valid_catalogue_and_example_in_a_real_process() -> None:
    catalogue = run_cli("validate", str(REPO / "data" / "questions.yaml"))
    assert catalogue.returncode == 0, catalogue.stderr
    assert catalogue.stdout.startswith("questions.yaml: valid question catalogue")
    assert catalogue.stdout.count("\n") == 1
    example = run_cli("validate", str(EXAMPLES / "three-clinics.yaml"))
    assert example.returncode == 0, example.stderr
    assert "valid comparison: 3 clinics" in example.stdout


def test_invalid_file_lists_each_problem_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "format: ketachecklist-comparison\nschema_version: 1\nclinics:\n"
        "  - id: c1\n  - id: c2\n    name: Two\n    treatments: [magic]\n",
        encoding="utf-8",
    )
    result = run_cli("validate", str(bad))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "bad.yaml line 4: clinic 1 has no name",
        "bad.yaml line 7: clinic 'Two': unknown treatment 'magic' (known: iv_infusion, "
        "spravato, intramuscular, oral, other)",
    ]


def test_missing_file_and_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "nope.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.strip().endswith("nope.yaml: cannot read the file: No such file or directory")
    with pytest.raises(SystemExit) as exited:
        main(["validate"])
    assert exited.value.code == 2
    assert "the following arguments are required: file" in capsys.readouterr().err


def test_broken_catalogue_is_reported_with_lines(tmp_path: Path) -> None:
    text = (REPO / "data" / "questions.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "questions.yaml"
    broken.write_text(text.replace("kind: yes_no", "kind: maybe", 1), encoding="utf-8")
    result = run_cli("validate", str(broken))
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("questions.yaml line ")
    assert "'kind' must be one of rating, yes_no, money, count, text, cost (got 'maybe')" in line
