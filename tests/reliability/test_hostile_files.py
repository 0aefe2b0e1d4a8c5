"""Menu row 13: hostile or broken files give one clear error naming what and where, quickly,
and run no code — in the loader (the app's dialog shows this text) and in the CLI (exit 2).

The basic hostile-YAML cases are in tests/core/test_storage.py (HOSTILE); this adds the cases
the hardened loader now covers and runs the real command on each kind of file.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ketachecklist.core import yaml_loaders
from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.storage import load_comparison, parse_comparison
from tests.conftest import REPO
from tests.reliability.helpers import CATALOGUE, FIXTURES

HEADER = (
    "format: ketachecklist-comparison\nschema_version: 1\n"
    "catalogue:\n  id: ketachecklist-standard\n  version: '1.0'\n"
)
BOMB = "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n" + "".join(
    f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
)

# name -> (file bytes, a phrase the one error line must contain)
CASES: dict[str, tuple[bytes, str]] = {
    "python object tag": (
        b"!!python/object/apply:os.system ['touch pwned']\n",
        "no program objects",
    ),
    "python tag deep inside": (
        (HEADER + "clinics:\n- id: c\n  name: !!python/name:os.system\n").encode(),
        "line 8: YAML tags like '!!python/name:os.system'",
    ),
    "binary tag": ((HEADER + "title: !!binary aGVsbG8=\n").encode(), "YAML tags like '!!binary'"),
    "set tag": ((HEADER + "title: !!set {a, b}\n").encode(), "YAML tags like '!!set'"),
    "alias bomb": (BOMB.encode(), "aliases"),
    "deep nesting": (("x: " + "[" * 100_000 + "]" * 100_000 + "\n").encode(), "nest"),
    "duplicate keys": ((HEADER + "title: a\ntitle: b\n").encode(), "line 7: duplicate key 'title'"),
    "invalid UTF-8": (
        (HEADER + "title: caf").encode() + b"\xe9\n",
        "line 6: the file is not valid UTF-8",
    ),
    "UTF-16": ("format: x\n".encode("utf-16"), "not valid UTF-8"),
    "binary junk": (bytes(range(256)) * 40, "not valid UTF-8"),
    "NUL byte": (HEADER.encode() + b"title: a\x00b\n", "binary data"),
    "impossible date": (
        (HEADER + "decision:\n  decided_on: 2026-02-30\n").encode(),
        "line 7: decision: 'decided_on' must be a date like 2026-11-30 (got '2026-02-30')",
    ),
    "5000-digit number": ((HEADER + "title: " + "9" * 5000 + "\n").encode(), "cannot be read"),
    "wrong types": (
        (HEADER + "clinics: {a: 1}\n").encode(),
        "'clinics' must be a list, not a mapping",
    ),
    "missing fields": (b"format: ketachecklist-comparison\n", "has no schema_version"),
    "unknown question id": (
        (
            HEADER + "clinics:\n- id: c\n  name: N\n  answers:\n    nope:\n      rating: 3\n"
        ).encode(),
        "line 10: clinic 'N': answer to unknown question id 'nope'",
    ),
    "newer version": (HEADER.replace("1\n", "9\n", 1).encode(), "format version 9"),
}


@pytest.fixture(params=yaml_loaders.LOADERS, ids=lambda loader: loader.__name__)
def each_parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run with libyaml's parser (the app's) and with yaml's pure Python one (the fallback)."""
    monkeypatch.setattr(yaml_loaders, "_LOADER", request.param)


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.usefixtures("each_parser")
def test_row13_hostile_file_gives_one_clear_error_quickly(name: str, tmp_path: Path) -> None:
    data, expected = CASES[name]
    path = tmp_path / "mine.yaml"
    path.write_bytes(data)
    started = time.perf_counter()
    with pytest.raises(FileFormatError) as caught:
        load_comparison(path, CATALOGUE)
    assert time.perf_counter() - started < 2.0
    lines = str(caught.value).splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("mine.yaml")
    assert expected in lines[0]
    assert len(lines[0]) < 400
    assert not (tmp_path / "pwned").exists()


def test_row13_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    started = time.perf_counter()
    with pytest.raises(FileFormatError, match=r"^huge\.yaml: the file is 100\.0 MB"):
        load_comparison(huge, CATALOGUE)
    assert time.perf_counter() - started < 0.5


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_row13_pipes_devices_and_folders_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(FileFormatError, match="a device or pipe, not a file"):
        load_comparison(fifo, CATALOGUE)  # a plain open() would wait for a writer forever
    with pytest.raises(FileFormatError, match="a folder, not a file"):
        load_comparison(tmp_path, CATALOGUE)
    if Path("/dev/zero").exists():
        with pytest.raises(FileFormatError, match="a device or pipe"):
            load_comparison(Path("/dev/zero"), CATALOGUE)


def test_parse_of_every_case_needs_no_file() -> None:
    for data, _ in CASES.values():
        with pytest.raises(FileFormatError):
            parse_comparison(data, "x.yaml", CATALOGUE)


# --- the command line: exit 2 and one line, never a traceback --------------------------------
CLI_CASES = [
    "python object tag",
    "alias bomb",
    "deep nesting",
    "invalid UTF-8",
    "binary junk",
    "impossible date",
    "newer version",
]


def _validate(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ketachecklist", "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=REPO,
    )


@pytest.mark.parametrize("name", CLI_CASES)
def test_row13_cli_validate_exits_2_with_one_line(name: str, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_bytes(CASES[name][0])
    result = _validate(path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("mine.yaml")
    assert CASES[name][1] in line
    assert result.stdout == ""


def test_row13_cli_validate_huge_file_and_pipe(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    started = time.perf_counter()
    result = _validate(huge)
    assert time.perf_counter() - started < 10  # mostly interpreter start-up
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "huge.yaml: the file is 100.0 MB; ketachecklist files are at most 5 MB"
    ]
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.yaml"
        os.mkfifo(fifo)
        result = _validate(fifo)
        assert result.returncode == 2
        assert result.stderr.strip().endswith("pipe.yaml: this is a device or pipe, not a file")


def test_cli_validate_reports_an_older_format_as_valid() -> None:
    result = _validate(FIXTURES / "legacy-v0.yaml")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "legacy-v0.yaml: valid comparison (older format version 0: the app upgrades it when "
        "saving): 2 clinics"
    )
