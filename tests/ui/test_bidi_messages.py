"""A name the user typed (a clinic, a weight profile, a file) inside one of the app's own
sentences is a bidi isolate (``text.isolated``): a stray U+202E or a Hebrew name cannot turn the
words around it. Read back from a real message box, the status bar and the window title."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ketachecklist.core.fingerprint import DiskState
from ketachecklist.core.storage import ChangedOnDiskError
from ketachecklist.ui.dialog_prompter import DialogPrompter
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.number_parsing import NumberInputError, parse_number
from tests.conftest import EXAMPLES
from tests.ui.test_recovery_startup import _answer_next_box, _escape, _press

OVERRIDE = "\u202e"  # RIGHT-TO-LEFT OVERRIDE, never closed by a POP DIRECTIONAL FORMATTING
FIRST, LAST = "\u2068", "\u2069"  # FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE
_DIRECTIONAL = {"R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}


def _our_words(text: str, *names: str) -> str:
    """The sentence with each name's isolate taken out, after checking that every name stands
    whole inside its own isolate and that nothing directional is left outside them."""
    for name in names:
        assert f"{FIRST}{name}{LAST}" in text, (name, text)
        text = text.replace(f"{FIRST}{name}{LAST}", "NAME")
    outside = {unicodedata.bidirectional(c) for c in text}
    assert not outside & _DIRECTIONAL, text
    return text


def _example_copy(folder: Path, file_name: str, clinic_name: str) -> Path:
    text = (EXAMPLES / "three-clinics.yaml").read_text(encoding="utf-8")
    target = folder / file_name
    target.write_text(
        text.replace("Harbor Light Ketamine Center (fictional)", clinic_name), encoding="utf-8"
    )
    return target


def test_a_clinic_name_with_an_override_in_the_removal_box(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    hostile = f"{OVERRIDE}Harbor Light"
    assert window.controller.open_path(_example_copy(tmp_path, "mine.yaml", hostile))
    window.clinics.select_clinic("clinic-1")
    texts = _answer_next_box(qtbot, _press("Keep it"))
    window.clinics.remove_action.trigger()
    assert len(window.document.comparison.clinics) == 3  # kept
    assert [_our_words(text, hostile) for text in texts] == [
        "Remove “NAME” and the answers you recorded for it?\n\nEdit ▸ Undo brings them back."
    ]


def test_a_file_name_with_an_override_in_the_title_and_the_status_bar(
    window: MainWindow, tmp_path: Path
) -> None:
    hostile = f"{OVERRIDE}lmay.enim.yaml"
    path = _example_copy(tmp_path, hostile, "Harbor Light Ketamine Center (fictional)")
    assert window.controller.open_path(path)
    assert _our_words(window.windowTitle(), hostile) == "NAME[*] — ketachecklist"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    window.controller.check_disk()
    assert _our_words(window.statusBar().currentMessage(), hostile) == (
        "“NAME” was changed by another program. Save will ask before replacing it."
    )


def test_a_hebrew_profile_name_in_the_status_bar(qtbot: QtBot, example_window: MainWindow) -> None:
    editor = example_window.weights.profiles
    example_window.show_page(example_window.weights)
    qtbot.keyClicks(editor.name, "Me")
    editor.save_button.click()
    mum = "אמא 2"
    editor.name.setText(mum)
    editor.rename_button.click()
    assert example_window.document.comparison.active_profile == mum
    message = example_window.statusBar().currentMessage()
    assert message.startswith("Renamed “Me” to")  # a plain name comes back as typed
    assert _our_words(message, mum) == "Renamed “Me” to “NAME”."


def test_the_save_changes_box_isolates_the_file_name(qtbot: QtBot) -> None:
    hostile = f"{OVERRIDE}sweiv.yaml"
    texts = _answer_next_box(qtbot, _escape)
    DialogPrompter().ask_save_changes(hostile)
    assert [_our_words(text, hostile) for text in texts] == [
        "“NAME” has changes that are not saved yet.\n\nSave them first?"
    ]


def test_a_typed_number_with_an_override_in_its_problem() -> None:
    typed = f"{OVERRIDE}12x"
    with pytest.raises(NumberInputError) as refused:
        parse_number(typed, whole=True, maximum=100)
    assert _our_words(str(refused.value), typed).startswith("“NAME” is not a whole number.")


def test_the_check_sees_a_bare_name() -> None:
    # The check above can fail: a name put in bare leaves its override outside any isolate.
    with pytest.raises(AssertionError):
        _our_words(f"Remove “{OVERRIDE}Harbor” and the answers", f"{OVERRIDE}Harbor")


def test_the_core_names_a_file_in_its_messages_as_an_isolate(tmp_path: Path) -> None:
    # The changed-on-disk question the save asks says what the core words (core/storage.py).
    hostile = f"{OVERRIDE}lmay.enim.yaml"
    message = str(ChangedOnDiskError(tmp_path / hostile, DiskState.MISSING))
    assert _our_words(message, hostile) == (
        "“NAME” has been moved or deleted since you opened it. Saving will create it again in "
        "the same place."
    )
