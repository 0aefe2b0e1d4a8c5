"""Issue 9: a file cut short is refused, and the newest backup that loads is offered."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketachecklist.cli import main
from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.storage import (
    END_ANNOUNCEMENT,
    END_LINE,
    comparison_to_yaml,
    load_comparison,
    save_comparison,
)
from tests.conftest import EXAMPLES
from tests.reliability.helpers import CATALOGUE, sample_comparison

WHOLE = comparison_to_yaml(sample_comparison(clinics=3)).encode()
HEADER_END = WHOLE.index(END_ANNOUNCEMENT.encode()) + len(END_ANNOUNCEMENT) + 1


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(min_value=1, max_value=len(WHOLE) - 2))
def test_any_file_cut_short_is_refused(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "mine.yaml"
    path.write_bytes(WHOLE[:cut])
    with pytest.raises(FileFormatError) as caught:
        load_comparison(path, CATALOGUE)
    if cut >= HEADER_END:  # before that the file is a few comments: refused as empty
        assert "incomplete" in str(caught.value)


def test_half_of_a_saved_file_is_refused_as_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_bytes(WHOLE[: len(WHOLE) // 2])
    with pytest.raises(FileFormatError) as caught:
        load_comparison(path, CATALOGUE)
    assert str(caught.value).startswith("mine.yaml line ")
    assert (
        "was cut short (an interrupted copy, download or sync?) and lacks its last line, "
        f"'{END_LINE}'" in str(caught.value)
    )


def test_whole_files_hand_written_files_and_lines_added_at_the_end_still_load(
    tmp_path: Path,
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_bytes(WHOLE)
    assert len(load_comparison(path, CATALOGUE).clinics) == 3
    path.write_bytes(WHOLE.replace(b"\n", b"\r\n"))
    assert len(load_comparison(path, CATALOGUE).clinics) == 3
    path.write_bytes(WHOLE + b"# a note I added by hand\n")
    assert len(load_comparison(path, CATALOGUE).clinics) == 3
    hand_written = EXAMPLES / "three-clinics.yaml"
    assert END_LINE.encode() not in hand_written.read_bytes()
    assert len(load_comparison(hand_written, CATALOGUE).clinics) == 3


def test_the_cli_names_the_newest_backup_that_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mine.yaml"
    for version in (1, 2, 3):
        save_comparison(sample_comparison(version), path)  # .bak1 = version 2, .bak2 = version 1
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    bak1 = tmp_path / "mine.yaml.bak1"
    bak1.write_bytes(bak1.read_bytes()[:500])  # damaged too: the next one is offered
    for command in (["validate"], ["export", "--format", "csv"]):
        assert main([*command, str(path)]) == 2
        err = capsys.readouterr().err
        assert "incomplete" in err
        assert "the newest backup that loads is “mine.yaml.bak2”, saved " in err
    shutil.copyfile(tmp_path / "mine.yaml.bak2", path)
    assert load_comparison(path, CATALOGUE).title == "version 1"
