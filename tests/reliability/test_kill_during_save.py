"""Menu row 5: SIGKILL during save, many times: the file always loads as the old or new version."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.reliability.save_killer import kill_during_save

KILLS = 50


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_row05_sigkill_during_save_always_leaves_old_or_new_version(tmp_path: Path) -> None:
    """A real process saving in a loop is SIGKILLed at random moments, 50 times (half aimed at
    the disk phase). Every time the file loads as the previous or the new version, every backup
    loads, and no more than the killed save's two temp files (the new version's and the new
    backup's, both written before any rename so that a full disk costs no backup) are left."""
    report = kill_during_save(tmp_path, KILLS)
    print(report.summary())  # shown with -s or -rA; recorded in docs/performance.md
    assert report.problems == []
    assert report.kills == KILLS
    assert report.outcomes["old"] + report.outcomes["new"] == KILLS
    assert report.max_stray_temps <= 2
