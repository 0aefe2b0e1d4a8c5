"""Issue 9: opening a damaged file offers its newest backup that loads (shown unsaved)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from ketachecklist.core.storage import load_comparison, save_comparison
from ketachecklist.ui.app import build_main_window
from ketachecklist.ui.settings import AppSettings
from tests.reliability.helpers import CATALOGUE, sample_comparison
from tests.ui.conftest import ScriptedPrompter


def _damaged(tmp_path: Path) -> Path:
    path = tmp_path / "mine.yaml"
    save_comparison(sample_comparison(1), path)
    save_comparison(sample_comparison(2), path)  # .bak1 holds version 1
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def test_a_damaged_file_offers_its_backup_which_opens_unsaved_and_saves_over_it(
    qtbot: QtBot, settings: AppSettings, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    path = _damaged(tmp_path)
    damaged = path.read_bytes()
    window = build_main_window(settings, prompter=prompter)
    qtbot.add_widget(window)
    prompter.open_backup = True
    assert window.controller.open_path(path)
    (offer,) = prompter.backup_offers
    assert offer.startswith("“mine.yaml” could not be opened. Nothing was changed.")
    assert "incomplete" in offer
    assert "The newest backup that loads is “mine.yaml.bak1”, saved " in offer
    assert window.document.comparison.title == "version 1"
    assert window.document.is_modified()
    assert window.controller.path == path
    assert path.read_bytes() == damaged  # nothing written until Save
    assert window.controller.save()
    assert load_comparison(path, CATALOGUE).title == "version 1"
    assert (tmp_path / "mine.yaml.bak1").read_bytes() == damaged  # the damaged one is kept


def test_declining_the_backup_keeps_the_current_document(
    qtbot: QtBot, settings: AppSettings, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    path = _damaged(tmp_path)
    window = build_main_window(settings, prompter=prompter)
    qtbot.add_widget(window)
    assert not window.controller.open_path(path)
    assert len(prompter.backup_offers) == 1
    assert window.controller.path is None
    assert not prompter.errors
