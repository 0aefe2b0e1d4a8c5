"""Menu row 7: the previous version is kept on every save, rotated, and each backup loads."""

from __future__ import annotations

from pathlib import Path

from ketachecklist.core.backups import BACKUP_GENERATIONS, backup_path, list_backups
from ketachecklist.core.storage import load_comparison, save_comparison
from tests.reliability.helpers import CATALOGUE, mode, names, sample_comparison


def test_row07_backups_rotate_and_each_loads(tmp_path: Path) -> None:
    """Five saves keep the three versions before the current one, newest first; each backup is
    an ordinary comparison file that loads, private (0600), and listed with its time."""
    path = tmp_path / "mine.yaml"
    for version in range(1, 6):
        save_comparison(sample_comparison(version), path)
    assert BACKUP_GENERATIONS == 3
    assert names(tmp_path) == ["mine.yaml", "mine.yaml.bak1", "mine.yaml.bak2", "mine.yaml.bak3"]
    assert load_comparison(path, CATALOGUE).title == "version 5"
    backups = list_backups(path)
    assert [b.generation for b in backups] == [1, 2, 3]
    for backup, version in zip(backups, (4, 3, 2), strict=True):
        assert load_comparison(backup.path, CATALOGUE).title == f"version {version}"
        assert mode(backup.path) == 0o600
        assert backup.label.startswith(f"Previous version {backup.generation}, saved ")
    times = [b.saved_at for b in backups]
    assert times == sorted(times, reverse=True)


def test_saving_unchanged_content_does_not_push_out_older_versions(tmp_path: Path) -> None:
    """Pressing Save again and again must not fill every generation with the same version."""
    path = tmp_path / "mine.yaml"
    for version in (1, 2, 3):
        save_comparison(sample_comparison(version), path)
    for _ in range(5):
        save_comparison(sample_comparison(3), path)
    titles = [load_comparison(b.path, CATALOGUE).title for b in list_backups(path)]
    assert titles == ["version 3", "version 2", "version 1"]


def test_a_backup_can_be_opened_and_saved_as_the_document(tmp_path: Path) -> None:
    """Going back to a previous version: load .bak2 and save it over the document; the version
    being replaced becomes the newest backup."""
    path = tmp_path / "mine.yaml"
    for version in (1, 2, 3):
        save_comparison(sample_comparison(version), path)
    older = load_comparison(backup_path(path, 2), CATALOGUE)
    save_comparison(older, path)
    assert load_comparison(path, CATALOGUE).title == "version 1"
    assert load_comparison(backup_path(path, 1), CATALOGUE).title == "version 3"


def test_saving_through_a_symlink_keeps_the_link_and_backs_up_the_target(tmp_path: Path) -> None:
    real = tmp_path / "synced" / "mine.yaml"
    real.parent.mkdir()
    save_comparison(sample_comparison(1), real)
    link = tmp_path / "mine.yaml"
    link.symlink_to(real)
    save_comparison(sample_comparison(2), link)
    assert link.is_symlink()
    assert load_comparison(real, CATALOGUE).title == "version 2"
    assert load_comparison(backup_path(real, 1), CATALOGUE).title == "version 1"


def test_no_backups_when_disabled_and_none_for_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    save_comparison(sample_comparison(1), path)
    assert list_backups(path) == []
    save_comparison(sample_comparison(2), path, backups=0)
    assert names(tmp_path) == ["mine.yaml"]
