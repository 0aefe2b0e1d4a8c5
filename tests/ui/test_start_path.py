"""What the first screen does not load: the presentation, the decision analysis, scoring and the
help page come with their first use, not with the start (docs/performance.md, Start). A fresh
process shows the window as ``ketachecklist`` does, then adds a clinic, which needs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from ketachecklist.ui.focus_style import apply_focus_style, focus_style_sheet
from ketachecklist.ui.page_scroll import PageScroll
from tests.conftest import REPO

# Each was on the start path before issue 11's last start work; none is needed to show the
# first screen of an empty comparison.
OFF_THE_START = (
    "ketachecklist.present.presentation",
    "ketachecklist.core.decision.analysis",
    "ketachecklist.core.scoring",
    "ketachecklist.ui.deal_breaker_marks",
    "ketachecklist.ui.help_window",
)
# Loaded once a clinic is in the list (its progress and standing are shown).
WITH_A_CLINIC = OFF_THE_START[:4]

PROGRAM = """
import sys
from PySide6.QtWidgets import QApplication
from ketachecklist.ui.app import close_recovery_store, configure_application, launch
app = QApplication(sys.argv)
configure_application(app)
window = launch(None)
app.processEvents()  # the first paint
names = sys.argv[1:]
print("start", *[name for name in names if name in sys.modules])
window.clinics.add_action.trigger()
app.processEvents()
print("clinic", *[name for name in names if name in sys.modules])
window.document.undo_stack.setClean()  # nothing to ask about at the end
close_recovery_store(window)
"""


def _loaded(tmp_path: Path) -> dict[str, set[str]]:
    env = dict(os.environ, HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, *OFF_THE_START],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [line.split() for line in done.stdout.splitlines() if line.strip()]
    return {words[0]: set(words[1:]) for words in lines}


def test_the_first_screen_leaves_scoring_and_the_presentation_for_later(tmp_path: Path) -> None:
    loaded = _loaded(tmp_path)
    assert loaded["start"] == set(), "imported by the start"
    assert loaded["clinic"] >= set(WITH_A_CLINIC), "the first clinic shown needs them"


def test_the_focus_style_follows_a_font_change(qapp: QApplication) -> None:
    apply_focus_style(qapp)
    apply_focus_style(qapp)  # a second call connects nothing more
    before = qapp.styleSheet()
    original = qapp.font()
    bigger = QFont(original)
    bigger.setPointSizeF(max(original.pointSizeF(), 8.0) * 2)
    try:
        qapp.setFont(bigger)
        assert qapp.styleSheet() == focus_style_sheet(qapp)
        assert qapp.styleSheet() != before  # larger check boxes and rating circles
    finally:
        qapp.setFont(original)
    assert qapp.styleSheet() == before


def test_a_page_scrolls_in_a_viewport_like_qts_own(qtbot: QtBot) -> None:
    scroll = PageScroll(QWidget())
    plain = QScrollArea()
    qtbot.add_widget(scroll)
    qtbot.add_widget(plain)
    ours, qts = scroll.viewport(), plain.viewport()
    assert ours.parentWidget() is scroll
    assert ours.focusProxy() is scroll
    assert ours.objectName() == qts.objectName()
    assert ours.backgroundRole() == qts.backgroundRole()
    assert ours.autoFillBackground() == qts.autoFillBackground()
    assert scroll.page().parentWidget() is ours
