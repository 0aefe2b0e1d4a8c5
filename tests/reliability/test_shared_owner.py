"""Issue 9: saving someone else's shared file keeps its owner and group where the process may,
and otherwise says what will change before anything is written."""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from ketachecklist.core.atomic import ownership_change
from ketachecklist.core.storage import load_comparison, save_comparison
from tests.reliability.helpers import CATALOGUE, sample_comparison

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="needs root to make files of others")
OWNER, GROUP, SAVER = 2000, 3000, 1000


def test_root_saving_a_users_file_keeps_its_owner_and_group_for_file_and_backups(
    tmp_path: Path,
) -> None:
    path = tmp_path / "mine.yaml"
    save_comparison(sample_comparison(1), path)
    os.chown(path, OWNER, GROUP)
    assert ownership_change(path) is None
    save_comparison(sample_comparison(2), path)
    save_comparison(sample_comparison(3), path)
    for name in ("mine.yaml", "mine.yaml.bak1", "mine.yaml.bak2"):
        info = (tmp_path / name).stat()
        assert (info.st_uid, info.st_gid) == (OWNER, GROUP), name
        assert stat.S_IMODE(info.st_mode) == 0o600
    assert load_comparison(path, CATALOGUE).title == "version 3"


def _save_as_another_user(path: Path) -> dict[str, object]:
    """Fork; the child becomes uid SAVER in group GROUP, says what would change, then saves."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        result: dict[str, object] = {}
        try:
            os.setgroups([GROUP])
            os.setgid(SAVER)
            os.setuid(SAVER)
            result["note"] = ownership_change(path)
            save_comparison(sample_comparison(2), path)
            info = path.stat()
            result["owner"] = [info.st_uid, info.st_gid]
        except BaseException as error:
            result["error"] = repr(error)
        os.write(write_end, json.dumps(result).encode())
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    outcome: dict[str, object] = json.loads(data)
    return outcome


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder everyone may write to, reachable by another user (pytest's tmp is 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="ketachecklist-shared-", dir="/tmp"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder)


def test_a_user_saving_another_users_shared_file_is_told_first_and_keeps_the_group(
    shared_folder: Path,
) -> None:
    path = shared_folder / "mine.yaml"
    save_comparison(sample_comparison(1), path)
    os.chown(path, OWNER, GROUP)
    path.chmod(0o660)
    result = _save_as_another_user(path)
    assert "error" not in result, result
    note = result["note"]
    assert isinstance(note, str)
    assert note.startswith(f"“mine.yaml” belongs to user {OWNER}. Saving replaces it")
    assert f"user {OWNER} would no longer be able to open it" in note
    assert result["owner"] == [SAVER, GROUP]  # the group is kept: the saver belongs to it
