"""No two visible controls share an Alt+letter, on every page, with the welcome note and the
desktop offer both up (they each bring buttons of their own)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ketachecklist.core.catalogue import AnswerKind
from ketachecklist.ui.main_window import MainWindow
from tests.ui.test_keyboard import _first_of_kind, _repeated, _visible_mnemonics


def test_no_two_visible_controls_share_a_mnemonic_with_both_notes_shown(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    window = example_window
    window.welcome.show()
    window.desktop_offer.show()  # never up with the welcome note in use: shown here to be sure
    qtbot.waitUntil(window.desktop_offer.decline_button.isVisible)
    assert window.welcome.button.isVisible()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        letters = _visible_mnemonics(window)
        assert _repeated(letters) == set(), (window.tabs.tabText(index), sorted(letters))
    window.show_page(window.answers)
    for kind in AnswerKind:  # each kind of answer brings its own editor
        window.answers.show_question(_first_of_kind(window, kind))
        assert _repeated(_visible_mnemonics(window)) == set(), kind
