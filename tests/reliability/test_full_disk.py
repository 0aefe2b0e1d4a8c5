"""Issue 9: a disk that fills up during a save leaves the document and every backup as they were.

A real, small tmpfs is mounted (as root; skipped where mounting is not allowed) and filled so
that every amount of free space from none to enough for the whole save is tried.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from ketachecklist.core.errors import SaveError
from ketachecklist.core.storage import load_comparison, save_comparison
from tests.reliability.helpers import CATALOGUE, sample_comparison

PAGE = 4096


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k,mode=0700", "tmpfs", str(disk)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def _leave_free(disk: Path, free: int) -> None:
    """Fill ``disk`` to the last page, then give back ``free`` bytes (whole pages)."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, b"\0" * PAGE)
    finally:
        os.close(fd)
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - free))


def test_a_full_disk_at_any_point_of_a_save_costs_no_backup(small_disk: Path) -> None:
    path = small_disk / "mine.yaml"
    for version in (1, 2, 3, 4):  # the document and three backups
        save_comparison(sample_comparison(version, note_lines=40), path)
    companions = [path, *(path.with_name(f"mine.yaml.bak{n}") for n in (1, 2, 3))]
    new = sample_comparison(5, note_lines=60)
    outcomes = set()
    for pages in range(0, 40):
        before = {p: p.read_bytes() for p in companions}
        (small_disk / "filler").unlink(missing_ok=True)
        _leave_free(small_disk, pages * PAGE)
        try:
            save_comparison(new, path)
        except SaveError as error:
            code = error.errno
        else:
            code = None
        if code is not None:
            assert code == errno.ENOSPC
            assert {p: p.read_bytes() for p in companions} == before, f"{pages} pages free"
            assert sorted(p.name for p in small_disk.iterdir()) == sorted(
                [p.name for p in companions] + ["filler"]
            )
            outcomes.add("refused")
            continue
        outcomes.add("saved")
        assert load_comparison(path, CATALOGUE).title == "version 5"
        assert path.with_name("mine.yaml.bak1").read_bytes() == before[path]
        assert path.with_name("mine.yaml.bak2").read_bytes() == before[companions[1]]
        assert path.with_name("mine.yaml.bak3").read_bytes() == before[companions[2]]
        break
    assert outcomes == {"refused", "saved"}
