"""Kill a real process while it saves, many times, and check the file after every kill.

A child process saves versions N+1, N+2, … of a comparison (its title says "version N") in a
loop, announcing "saving N" before and "saved N" after each save_comparison call on its stdout.
The parent waits for the child's first completed save (so it knows how long one takes), then
for the next "saving" line, sleeps a random fraction of a save and SIGKILLs it. Half the kills
aim anywhere in the save, half at its disk phase (backup, temp write, fsync, rename), which
comes after serialising.

After every kill the document must load and be either the last version announced as saved or
the one being saved; every backup must load too; at most the killed save's
two temp files (new version and new backup) may exist, and the next child's first save
removes them.

Used by tests/reliability/test_kill_during_save.py (50 kills) and benchmarks/bench_save_kill.py
(500 kills).
"""

from __future__ import annotations

import random
import signal
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ketachecklist.core.backups import list_backups
from ketachecklist.core.storage import load_comparison
from tests.reliability.helpers import CATALOGUE, read_line, start_python

CHILD = r"""
import sys, time
from pathlib import Path
from ketachecklist.core.storage import encode_comparison, save_comparison
from tests.reliability.helpers import sample_comparison

path, version = Path(sys.argv[1]), int(sys.argv[2])
comparison = sample_comparison(version + 1, clinics=4, note_lines=40)
started = time.perf_counter()
encode_comparison(comparison)
print(f"ready {time.perf_counter() - started:.6f}", flush=True)
while True:
    version += 1
    comparison.title = f"version {version}"
    print(f"saving {version}", flush=True)
    started = time.perf_counter()
    save_comparison(comparison, path)
    print(f"saved {version} {time.perf_counter() - started:.6f}", flush=True)
"""


@dataclass
class KillReport:
    kills: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)  # "old" / "new" version on disk
    aimed_at_disk: int = 0
    max_stray_temps: int = 0
    killed_mid_write: int = 0  # kills that left a temp file: caught between create and rename
    backups_checked: int = 0
    seconds: float = 0.0
    save_seconds: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        mean = sum(self.save_seconds) / max(1, len(self.save_seconds))
        return (
            f"{self.kills} kills in {self.seconds:.1f} s: file loaded every time as the old "
            f"version {self.outcomes['old']}×, the new version {self.outcomes['new']}×; "
            f"{self.aimed_at_disk} kills aimed at the disk phase, {self.killed_mid_write} "
            f"landed mid-write (temp file left); {self.backups_checked} "
            f"backups loaded; at most {self.max_stray_temps} stray temp file at once "
            f"(removed by the next save); one save took {mean * 1000:.0f} ms on average; "
            f"problems: {len(self.problems)}"
        )


def _version_on_disk(path: Path) -> int:
    title = load_comparison(path, CATALOGUE).title
    assert title.startswith("version "), title
    return int(title.split()[1])


def _stray_temps(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".saving")]


def kill_during_save(folder: Path, kills: int, seed: int | None = None) -> KillReport:
    """Run the kill loop ``kills`` times on ``folder / "mine.yaml"``; never raises on a bad
    outcome, it records it in ``problems`` (the caller asserts there are none)."""
    rng = random.Random(seed)
    path = folder / "mine.yaml"
    report = KillReport()
    version = 0
    started = time.perf_counter()
    for _ in range(kills):
        child = start_python(CHILD, str(path), str(version))
        try:
            encode_seconds = float(read_line(child, "ready").split()[1])
            read_line(child, "saving")
            first = read_line(child, "saved").split()
            save_seconds = float(first[2])
            report.save_seconds.append(save_seconds)
            saved = int(first[1])
            # The first save removed any temp file the previous kill left.
            strays = _stray_temps(folder)
            if strays:
                report.problems.append(f"temp files survived a successful save: {strays}")
            being_saved = int(read_line(child, "saving").split()[1])
            if rng.random() < 0.5:
                delay = rng.uniform(0, save_seconds)
            else:
                report.aimed_at_disk += 1
                delay = rng.uniform(min(encode_seconds, save_seconds), save_seconds)
            time.sleep(delay)  # a short random moment into the save, then the kill
            child.send_signal(signal.SIGKILL)
        finally:
            child.kill()
            rest, _ = child.communicate(timeout=60)
        for line in rest.splitlines():  # whatever it managed to say before dying
            words = line.split()
            if words and words[0] == "saved":
                saved = int(words[1])
            elif words and words[0] == "saving":
                being_saved = int(words[1])
        report.kills += 1
        try:
            on_disk = _version_on_disk(path)
        except Exception as error:  # recorded, not raised: the report lists every failure
            report.problems.append(f"kill {report.kills}: the file did not load: {error}")
            continue
        if on_disk == saved:
            report.outcomes["old"] += 1
        elif on_disk == being_saved:
            report.outcomes["new"] += 1
        else:
            report.problems.append(
                f"kill {report.kills}: version {on_disk} on disk, expected {saved} or {being_saved}"
            )
        for backup in list_backups(path):
            try:
                backup_version = _version_on_disk(backup.path)
            except Exception as error:
                report.problems.append(f"kill {report.kills}: {backup.path.name}: {error}")
                continue
            report.backups_checked += 1
            # Equal is fine: killed after keeping the backup, before replacing the file.
            if backup_version > on_disk:
                report.problems.append(
                    f"kill {report.kills}: {backup.path.name} holds version {backup_version}, "
                    f"newer than the file's {on_disk}"
                )
        strays = _stray_temps(folder)
        report.killed_mid_write += bool(strays)
        report.max_stray_temps = max(report.max_stray_temps, len(strays))
        version = on_disk
    report.seconds = time.perf_counter() - started
    return report
