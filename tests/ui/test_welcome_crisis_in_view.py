"""At twice the text size, in a 1280×800 or a 1024×700 window, the welcome note's crisis words
(988, 911) are in view without scrolling the note."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from pytestqt.qtbot import QtBot

from ketachecklist.core.catalogue import Catalogue
from ketachecklist.ui.settings import AppSettings
from tests.ui.conftest import ScriptedPrompter
from tests.ui.test_large_text import _window, font_scale  # noqa: F401 (the fixture)


@pytest.mark.parametrize("font_scale", [2.0], indirect=True)
@pytest.mark.parametrize("size", [QSize(1280, 800), QSize(1024, 700)], ids=str)
def test_the_crisis_words_are_in_view_at_twice_the_text_size(
    qtbot: QtBot,
    settings: AppSettings,
    catalogue: Catalogue,
    prompter: ScriptedPrompter,
    example_file: Path,
    font_scale: float,  # noqa: F811 (the imported fixture)
    size: QSize,
) -> None:
    window = _window(qtbot, settings, catalogue, prompter, example_file, size)
    banner = window.welcome
    assert banner.isVisible()
    words = banner.words
    crisis = banner.crisis

    def in_view() -> None:
        shown = QRect(crisis.mapTo(words.viewport(), QPoint(0, 0)), crisis.size())
        assert words.verticalScrollBar().value() == 0  # nothing scrolled by the patient
        assert words.viewport().rect().contains(shown), (shown, words.viewport().rect())
        # Every line of the crisis words, wrapped at the width it is shown in.
        assert crisis.height() >= crisis.heightForWidth(crisis.width())

    qtbot.waitUntil(in_view, timeout=3000)
