"""`ketachecklist sheet FILE [--clinic NAME] [-o OUT]`, run for real."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.report.cli_helpers import assert_one_line_error, run_cli
from tests.report.pdf_text import read_pdf, shows


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "three-clinics.yaml"
    shutil.copyfile(EXAMPLES / "three-clinics.yaml", target)
    return target


def test_blank_sheet_by_default(example: Path, qapp: object) -> None:
    result = run_cli("sheet", str(example), env={"DISPLAY": ":nonexistent"})
    assert result.returncode == 0, result.stderr
    out = example.parent / "three-clinics-sheet-blank.pdf"
    assert f"Wrote {out}" in result.stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    pages = read_pdf(out.read_bytes())
    assert "blank consultation sheet" in pages.texts[0]
    assert "Recorded so far" not in pages.flat


def test_sheet_for_a_clinic_by_name_any_case(example: Path, qapp: object) -> None:
    out = example.parent / "call.pdf"
    result = run_cli(
        "sheet", str(example), "--clinic", "  quickwell infusion LOUNGE (fictional) ", "-o",
        str(out), "--page-size", "letter",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    pages = read_pdf(out.read_bytes())
    assert shows(pages.flat, "Quickwell Infusion Lounge (fictional)")
    assert "Recorded so far:" in pages.flat
    assert round(pages.sizes[0].width()) == 612


def test_unknown_clinic_lists_the_clinics(example: Path) -> None:
    message = assert_one_line_error(run_cli("sheet", str(example), "--clinic", "<b>Nobody</b>"))
    assert "no clinic called “<b>Nobody</b>”" in message
    assert "Harbor Light" in message
    assert sorted(p.name for p in example.parent.iterdir()) == ["three-clinics.yaml"]


def test_broken_file_and_bad_option(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("clinics: [\n", encoding="utf-8")
    assert_one_line_error(run_cli("sheet", str(broken)))
    assert_one_line_error(run_cli("sheet", str(broken), "--page-size", "a5"))
    assert [p.name for p in tmp_path.iterdir()] == ["broken.yaml"]


def test_missing_output_folder(example: Path) -> None:
    out = example.parent / "missing" / "sheet.pdf"
    message = assert_one_line_error(run_cli("sheet", str(example), "-o", str(out)))
    assert "“sheet.pdf”" in message
    assert not out.parent.exists()
