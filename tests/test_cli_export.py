"""`ketachecklist export FILE --format pdf|html|csv [-o OUT] [--page-size …]`, run for real."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.report.cli_helpers import (
    assert_one_line_error,
    run_cli,
    run_main_as_nobody,
    running_as_root,
    shared_scratch,
)
from tests.report.pdf_text import read_pdf

EXAMPLE = EXAMPLES / "three-clinics.yaml"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "three-clinics.yaml"
    shutil.copyfile(EXAMPLE, target)
    return target


@pytest.mark.parametrize("export_format", ["pdf", "html", "csv"])
def test_each_format_exits_0_and_writes_a_private_file(example: Path, export_format: str) -> None:
    result = run_cli("export", str(example), "--format", export_format)
    assert result.returncode == 0, result.stderr
    out = example.with_suffix(f".{export_format}")
    assert out.is_file()
    assert f"Wrote {out}" in result.stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in example.parent.iterdir() if p.name.startswith(".")] == []


def test_pdf_works_with_a_display_that_does_not_exist(example: Path, qapp: object) -> None:
    out = example.parent / "report.pdf"
    result = run_cli(
        "export", str(example), "--format", "pdf", "-o", str(out),
        env={"DISPLAY": ":nonexistent", "WAYLAND_DISPLAY": "nonexistent-wayland"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    pages = read_pdf(out.read_bytes())
    assert "Harbor Light" in pages.flat
    assert all("This is not medical advice" in t for t in pages.texts)


def test_letter_page_size_and_format_from_the_suffix(example: Path, qapp: object) -> None:
    out = example.parent / "letter.pdf"
    result = run_cli("export", str(example), "-o", str(out), "--page-size", "letter")
    assert result.returncode == 0, result.stderr
    sizes = read_pdf(out.read_bytes()).sizes
    assert {(round(s.width()), round(s.height())) for s in sizes} == {(612, 792)}
    html_out = example.parent / "page.html"
    assert run_cli("export", str(example), "-o", str(html_out)).returncode == 0
    assert html_out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--format", "docx"], "invalid choice"),
        (["--page-size", "a3"], "invalid choice"),
        (["--bogus"], "unrecognized arguments"),
    ],
)
def test_bad_options_give_one_line_and_exit_2(example: Path, args: list[str], words: str) -> None:
    result = run_cli("export", str(example), *args)
    assert words in assert_one_line_error(result)
    assert sorted(p.name for p in example.parent.iterdir()) == ["three-clinics.yaml"]


def test_missing_file_gives_one_line(tmp_path: Path) -> None:
    result = run_cli("export", str(tmp_path / "nowhere.yaml"), "--format", "pdf")
    assert_one_line_error(result)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "content",
    [
        b"format: ketachecklist-comparison\nschema_version: 1\nclinics: [\n",
        b"!!python/object/apply:os.system ['echo hi']\n",
        b"\xff\xfe not utf-8",
        b"format: ketachecklist-comparison\nschema_version: 1\nclinics:\n  - id: a\n  - id: b\n",
    ],
)
def test_broken_input_leaves_no_output(tmp_path: Path, content: bytes) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_bytes(content)
    for export_format in ("pdf", "csv"):
        result = run_cli("export", str(broken), "--format", export_format)
        assert_one_line_error(result)
    assert [p.name for p in tmp_path.iterdir()] == ["broken.yaml"]


def test_output_into_a_missing_folder_names_the_file(example: Path) -> None:
    out = example.parent / "no-such-folder" / "report.pdf"
    message = assert_one_line_error(run_cli("export", str(example), "-o", str(out)))
    assert "“report.pdf”" in message
    assert "does not exist" in message
    assert not out.parent.exists()


def test_read_only_folder_keeps_the_old_file_and_writes_nothing() -> None:
    with shared_scratch() as scratch:
        source = scratch / "three-clinics.yaml"
        shutil.copyfile(EXAMPLE, source)
        source.chmod(0o644)
        locked = scratch / "locked"
        locked.mkdir()
        old = locked / "report.csv"
        old.write_bytes(b"old content")
        old.chmod(0o666)
        locked.chmod(0o555)
        # As root, a forked child drops to nobody (and then only the Qt-free formats run).
        formats = ("csv", "html") if running_as_root() else ("csv", "html", "pdf")
        for export_format in formats:
            out = locked / f"report.{export_format}"
            args = ("export", str(source), "--format", export_format, "-o", str(out))
            result = run_main_as_nobody(*args) if running_as_root() else run_cli(*args)
            message = assert_one_line_error(result)
            assert "can't be written to" in message
            assert f"“report.{export_format}”" in message
        assert old.read_bytes() == b"old content"
        assert sorted(p.name for p in locked.iterdir()) == ["report.csv"]


def test_never_overwrites_the_comparison_itself(example: Path) -> None:
    before = example.read_bytes()
    for args in (
        ("export", str(example), "--format", "csv", "-o", str(example)),
        ("sheet", str(example), "-o", str(example.parent / "." / example.name)),
    ):
        message = assert_one_line_error(run_cli(*args))
        assert "is your comparison file" in message
    assert example.read_bytes() == before


def test_output_folder_gets_the_default_name(example: Path, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    result = run_cli("export", str(example), "--format", "csv", "-o", str(folder))
    assert result.returncode == 0, result.stderr
    assert (folder / "three-clinics.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_pdf_reads_the_catalogue_through_the_apps_private_cache(
    example: Path, tmp_path: Path
) -> None:
    data_home = tmp_path / "data-home"
    env = {"XDG_DATA_HOME": str(data_home)}
    csv = run_cli("export", str(example), "--format", "csv", env=env)
    assert csv.returncode == 0, csv.stderr
    assert not data_home.exists()  # CSV and HTML never load Qt, nor look for its folders
    first = run_cli("export", str(example), "--format", "pdf", env=env)
    assert first.returncode == 0, first.stderr
    cache = data_home / "ketachecklist" / "catalogue-cache.json"
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.parent.stat().st_mode) == 0o700
    made = example.with_suffix(".pdf").read_bytes()
    cache.write_bytes(b"damaged")  # a bad cache is no cache: the YAML is read again
    second = run_cli("export", str(example), "--format", "pdf", env=env)
    assert second.returncode == 0, second.stderr
    assert read_pdf(example.with_suffix(".pdf").read_bytes()).texts == read_pdf(made).texts
    assert cache.read_bytes() != b"damaged"


def test_pdf_without_a_usable_private_folder_still_works(example: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder would be")
    result = run_cli("export", str(example), "--format", "pdf", env={"XDG_DATA_HOME": str(blocked)})
    assert result.returncode == 0, result.stderr
    assert read_pdf(example.with_suffix(".pdf").read_bytes()).count > 1
