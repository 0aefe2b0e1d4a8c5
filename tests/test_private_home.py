"""The test run keeps the app's files in a temporary home, never in the real one."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import EXAMPLES, TEST_HOME, XDG_FOLDERS
from tests.report.cli_helpers import run_cli


def test_the_data_settings_and_state_folders_are_temporary() -> None:
    for variable, folder in XDG_FOLDERS.items():
        assert os.environ[variable] == str(folder)
        assert folder.is_dir()
        assert folder.stat().st_mode & 0o777 == 0o700
        assert TEST_HOME in folder.parents
        assert Path.home() not in folder.parents


def test_a_command_line_export_keeps_its_cache_in_the_test_home(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    result = run_cli(
        "export", str(EXAMPLES / "three-clinics.yaml"), "--format", "pdf", "-o", str(target)
    )
    assert result.returncode == 0, result.stderr
    assert target.stat().st_size > 0
    cached = list(XDG_FOLDERS["XDG_DATA_HOME"].rglob("catalogue-cache.json"))
    assert cached, "the export (a subprocess) did not write its cache into the test home"
