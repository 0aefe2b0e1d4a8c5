"""Menu row 18: everything the app writes is readable by the owner only — 0600 files and 0700
folders — even under a permissive umask: documents, backups, the original of a migrated file,
lock files, recovery snapshots and their folder, the app-data folder and the settings file."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ketachecklist import paths
from ketachecklist.core.document_file import DocumentFile
from ketachecklist.core.recovery import RecoveryStore
from ketachecklist.core.storage import save_comparison
from tests.reliability.helpers import CATALOGUE, FIXTURES, mode, sample_comparison


@pytest.fixture
def open_umask() -> Iterator[None]:
    """umask 000: files would be created 0666 and folders 0777 if we relied on the umask."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def app_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point QStandardPaths at a temporary home (XDG_DATA_HOME is read on every lookup)."""
    base = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(base))
    return base


@pytest.mark.usefixtures("open_umask")
def test_row18_documents_backups_locks_and_recovery_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    path = folder / "mine.yaml"
    shutil.copyfile(FIXTURES / "legacy-v0.yaml", path)
    path.chmod(0o644)  # made by an older version, or copied in, world-readable
    document, comparison = DocumentFile.open(path, CATALOGUE)
    lock = folder / ".~mine.yaml.lock"
    document.save(comparison)
    comparison.title = "second"
    comparison.revision += 1
    document.save(comparison)
    created = {
        "document": path,
        "backup": folder / "mine.yaml.bak1",
        "older generation": folder / "mine.yaml.bak2",
        "original of the older format": folder / "mine.yaml.v0.bak",
        "lock file": lock,
    }
    for what, file in created.items():
        assert mode(file) == 0o600, f"{what} is {oct(mode(file))}"

    recovery = tmp_path / "app" / "recovery"
    store = RecoveryStore.open(recovery)
    slot = store.new_slot(path)
    slot.write(comparison)
    assert mode(recovery) == 0o700
    assert mode(recovery.parent) == 0o700, "missing parents are created private too"
    assert mode(slot.path) == 0o600
    assert mode(recovery / f"{store.session}.session.lock") == 0o600
    slot.discard()
    store.close()
    document.close()


@pytest.mark.usefixtures("open_umask")
def test_row18_app_data_recovery_and_settings_are_private(app_data: Path) -> None:
    data_dir = paths.app_data_dir()
    assert data_dir == app_data / "ketachecklist"
    recovery = paths.recovery_dir()
    assert recovery == data_dir / "recovery"
    settings = paths.open_settings()
    settings.setValue("window/geometry", "1,2,3,4")
    settings.setValue("recent/files", ["/home/me/mine.yaml"])
    settings.sync()
    assert settings.status() == settings.Status.NoError
    settings_file = data_dir / "settings.ini"
    assert Path(settings.fileName()) == settings_file
    assert "recent" in settings_file.read_text()
    assert mode(data_dir) == 0o700
    assert mode(recovery) == 0o700
    assert mode(settings_file) == 0o600
    settings.setValue("window/geometry", "5,6,7,8")  # QSettings rewrites via a new file
    settings.sync()
    assert mode(settings_file) == 0o600


def test_row18_existing_app_folder_is_tightened(app_data: Path) -> None:
    loose = app_data / "ketachecklist" / "recovery"
    loose.mkdir(parents=True, mode=0o755)
    loose.chmod(0o755)
    assert paths.recovery_dir() == loose
    assert mode(loose) == 0o700


def test_row18_saving_makes_a_shared_document_private(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    save_comparison(sample_comparison(1), path)
    path.chmod(0o664)
    save_comparison(sample_comparison(2), path)
    assert mode(path) == 0o600
    assert mode(tmp_path / "mine.yaml.bak1") == 0o600
