"""Issue 9: an export never replaces the document's companions or anything but a regular file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ketachecklist.cli import main
from ketachecklist.core.document_file import DocumentFile
from ketachecklist.core.lock import document_lock_holder, document_lock_path
from ketachecklist.core.storage import save_comparison
from tests.reliability.helpers import CATALOGUE, sample_comparison


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    path = tmp_path / "mine.yaml"
    for version in (1, 2):
        save_comparison(sample_comparison(version), path)
    return path


def _export(mine: Path, target: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["export", str(mine), "--format", "csv", "-o", str(target)])
    captured = capsys.readouterr()
    return code, captured.err


def _make(kind: str, target: Path, elsewhere: Path) -> None:
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "socket":
        os.mknod(target, stat.S_IFSOCK | 0o600)
    elif kind == "device":
        os.mknod(target, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # like /dev/null
    elif kind == "folder":
        target.mkdir()
    elif kind == "link":
        target.symlink_to(elsewhere)
    elif kind == "dangling link":
        target.symlink_to(elsewhere.with_name("nothing-here"))
    elif kind == "link loop":
        target.symlink_to(target.name)
    elif kind == "another comparison":
        save_comparison(sample_comparison(7), target)


COMPANIONS = [
    "mine.yaml",
    "mine.yaml.bak1",
    "mine.yaml.v0.bak",
    ".~mine.yaml.lock",
    ".mine.yaml.123.abcd.saving",
    "1234-abcdef-1.recovery.yaml",
    "1234-abcdef.session.lock",
]


@pytest.mark.parametrize("name", COMPANIONS)
def test_an_export_refuses_the_document_and_its_companions(
    mine: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = mine.with_name(name)
    before = target.read_bytes() if target.exists() else None
    code, err = _export(mine, target, capsys)
    assert code == 2
    assert err.count("\n") == 1
    assert err.startswith(f"ketachecklist: “{name}” is ")
    assert "Nothing was written" in err
    assert (target.read_bytes() if target.exists() else None) == before


def test_an_export_cannot_replace_a_live_lock(
    mine: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document, _ = DocumentFile.open(mine, CATALOGUE)
    lock = document_lock_path(mine)
    held = lock.read_bytes()
    code, _ = _export(mine, lock, capsys)
    assert code == 2
    assert lock.read_bytes() == held
    assert document_lock_holder(mine) is not None
    document.close()


KINDS = [
    "fifo",
    "socket",
    "device",
    "folder",
    "link",
    "dangling link",
    "link loop",
    "another comparison",
]


@pytest.mark.parametrize("kind", KINDS)
def test_an_export_refuses_anything_but_a_regular_file_or_a_new_name(
    mine: Path, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere.csv"
    elsewhere.write_text("keep me")
    target = tmp_path / ("out" if kind == "folder" else "out.csv")
    _make(kind, target, elsewhere)
    if kind == "folder":  # -o FOLDER means FOLDER/mine.csv: make that the folder
        _make("folder", target / "mine.csv", elsewhere)
    before = os.lstat(target)
    code, err = _export(mine, target, capsys)
    assert code == 2, err
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert "Nothing was written" in err
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert elsewhere.read_text() == "keep me"


def test_an_export_over_an_earlier_export_or_to_a_new_name_still_works(
    mine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.csv"
    assert _export(mine, target, capsys)[0] == 0
    assert _export(mine, target, capsys)[0] == 0
    assert "Clinic 1" in target.read_text(encoding="utf-8-sig")
