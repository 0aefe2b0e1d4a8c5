"""The Weights tab's profile editor through the real widgets: percentages that add up to 100,
presets and reset as one undoable edit each, switching profiles, and profiles saved to a real
file and opened again."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from ketachecklist.core.catalogue import load_bundled_catalogue
from ketachecklist.core.decision.profiles import Preset, preset_weights
from ketachecklist.core.document import Comparison
from ketachecklist.core.limits import MAX_WEIGHT
from ketachecklist.core.storage import load_comparison
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.weight_profiles_editor import UNNAMED
from ketachecklist.ui.weights_page import WeightsPage
from tests.ui.focus import focused_widget

CATALOGUE = load_bundled_catalogue()
SET_IDS = [s.id for s in CATALOGUE.sets]


def _shares(page: WeightsPage) -> dict[str, int]:
    shares = {}
    for set_id, label in page.percentages.items():
        text = label.text()
        assert text.endswith("%"), text
        shares[set_id] = int(text.removesuffix("%"))
    return shares


def _weights(page: WeightsPage) -> dict[str, float]:
    return {set_id: spin.value() for set_id, spin in page.set_weights.items()}


@pytest.fixture(scope="module")
def page_and_document() -> tuple[WeightsPage, OpenDocument]:
    document = OpenDocument(Comparison(catalogue=CATALOGUE))
    return WeightsPage(document), document


weights = st.lists(
    st.floats(min_value=0, max_value=MAX_WEIGHT, allow_nan=False).map(lambda w: round(w, 2)),
    min_size=len(SET_IDS),
    max_size=len(SET_IDS),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=weights, edited=st.integers(min_value=0, max_value=len(SET_IDS) - 1))
def test_percentages_follow_any_edit_within_half_a_point(
    page_and_document: tuple[WeightsPage, OpenDocument], values: list[float], edited: int
) -> None:
    page, document = page_and_document
    for set_id, value in zip(SET_IDS, values, strict=True):
        page.set_weights[set_id].setValue(value)  # each an edit, as typed in the box
    page.set_weights[SET_IDS[edited]].stepUp()  # and one more through the box's arrows
    assert _weights(page) == {s: document.comparison.set_weight(s) for s in SET_IDS}
    shares = _shares(page)
    total = sum(_weights(page).values())
    if total == 0:
        assert set(shares.values()) == {0}  # nothing counts
        return
    assert abs(sum(shares.values()) - 100) <= len(shares) / 2  # each rounded on its own
    for set_id, weight in _weights(page).items():
        assert abs(shares[set_id] - weight * 100 / total) <= 0.5
        same = [shares[s] for s, w in _weights(page).items() if w == weight]
        assert set(same) == {shares[set_id]}  # the same weight, the same percentage
        interface = QAccessible.queryAccessibleInterface(page.set_weights[set_id])
        assert interface is not None
        assert interface.text(QAccessible.Text.Description) == (
            f"{shares[set_id]}% of the overall score"
        )
    heaviest = max(SET_IDS, key=lambda s: _weights(page)[s])
    assert shares[heaviest] == max(shares.values())  # a larger weight never shows less


def test_presets_and_reset_are_one_undoable_edit_each(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    window = example_window
    page = window.weights
    window.show_page(page)
    editor = page.profiles
    before = _weights(page)
    assert before["evaluation"] == 2  # the example's own weights
    stack = window.document.undo_stack

    editor.preset.setCurrentIndex(editor.preset.findData(Preset.SAFETY_FIRST.value))
    count = stack.count()
    editor.use_preset.click()
    assert stack.count() == count + 1
    assert _weights(page) == preset_weights(Preset.SAFETY_FIRST, SET_IDS)
    assert _shares(page) == {"evaluation": 33, "experience": 17, "administration": 33, "cost": 17}
    assert window.statusBar().currentMessage().startswith("Set weights now “Safety first”")

    editor.preset.setCurrentIndex(editor.preset.findData(Preset.COST_MATTERS_MOST.value))
    editor.use_preset.click()
    assert _weights(page)["cost"] == 3
    assert _shares(page)["cost"] == 50  # 3 of 6 (1 + 1 + 1 + 3)
    editor.reset_button.click()
    assert set(_weights(page).values()) == {1.0}
    assert set(_shares(page).values()) == {25}
    assert stack.count() == count + 3

    window.undo_action.trigger()  # back to cost matters most, not further
    assert _weights(page) == preset_weights(Preset.COST_MATTERS_MOST, SET_IDS)
    window.undo_action.trigger()
    assert _weights(page) == preset_weights(Preset.SAFETY_FIRST, SET_IDS)
    window.undo_action.trigger()
    assert _weights(page) == before
    window.redo_action.trigger()
    assert _weights(page) == preset_weights(Preset.SAFETY_FIRST, SET_IDS)


def test_profiles_switch_the_weights_in_force_and_back(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    window = example_window
    page = window.weights
    window.show_page(page)
    editor = page.profiles
    comparison = window.document.comparison
    mine = _weights(page)
    assert editor.chooser.currentText() == UNNAMED
    assert not editor.remove_button.isEnabled()

    qtbot.keyClicks(editor.name, "Me")
    qtbot.keyClick(editor.name, Qt.Key.Key_Return)
    assert comparison.active_profile == "Me"
    assert editor.chooser.currentText() == "Me"
    assert _weights(page) == mine  # saved as they were
    qtbot.keyClicks(editor.name, "Mum")
    editor.save_button.click()
    assert comparison.active_profile == "Mum"
    editor.reset_button.click()  # Mum counts every set the same
    mums = _weights(page)
    assert set(mums.values()) == {1.0}

    editor.chooser.setFocus()
    qtbot.keyClick(editor.chooser, Qt.Key.Key_Up)  # by keyboard: back to Me
    assert comparison.active_profile == "Me"
    assert _weights(page) == mine
    assert sum(_shares(page).values()) == 100  # 2, 1, 1, 1: whole shares
    assert _shares(page)["evaluation"] == 40  # 2 of 5
    qtbot.keyClick(editor.chooser, Qt.Key.Key_Down)
    assert comparison.active_profile == "Mum"
    assert _weights(page) == mums
    window.undo_action.trigger()  # the switch is undone: Me again
    assert comparison.active_profile == "Me"
    assert _weights(page) == mine
    assert editor.chooser.currentText() == "Me"

    # A taken name or none at all is refused in words, and nothing changes.
    count = window.document.undo_stack.count()
    editor.name.setText("Mum")
    editor.save_button.click()
    assert editor.name_message.text().endswith("There is already a profile called “Mum”.")
    editor.name.clear()
    editor.rename_button.click()
    assert "Type a name" in editor.name_message.text()
    assert window.document.undo_stack.count() == count

    qtbot.keyClicks(editor.name, "Me (patient)")
    editor.rename_button.click()
    assert comparison.active_profile == "Me (patient)"
    assert [editor.chooser.itemText(i) for i in range(editor.chooser.count())] == [
        UNNAMED,
        "Me (patient)",
        "Mum",
    ]

    asked: list[str] = []
    editor.confirm_removal = lambda name: asked.append(name) or False
    editor.remove_button.click()
    assert asked == ["Me (patient)"]
    assert len(comparison.weight_profiles) == 2  # kept: the family said no
    editor.confirm_removal = lambda name: True
    editor.remove_button.click()
    assert [p.name for p in comparison.weight_profiles] == ["Mum"]
    assert comparison.active_profile is None
    assert _weights(page) == mine  # the weights stay in force, unnamed
    window.undo_action.trigger()
    assert comparison.active_profile == "Me (patient)"


def test_profiles_are_saved_in_the_file_and_come_back(
    qtbot: QtBot, example_window: MainWindow, example_file: Path
) -> None:
    window = example_window
    editor = window.weights.profiles
    window.show_page(window.weights)
    editor.name.setText("Me")
    editor.save_button.click()
    editor.name.setText("Mum")
    editor.save_button.click()
    editor.preset.setCurrentIndex(editor.preset.findData(Preset.COST_MATTERS_MOST.value))
    editor.use_preset.click()
    editor.activate("Me")
    assert window.controller.save()

    saved = load_comparison(example_file, CATALOGUE)
    assert saved.active_profile == "Me"
    assert [p.name for p in saved.weight_profiles] == ["Me", "Mum"]
    assert saved.profile_set_weights("Mum") == preset_weights(Preset.COST_MATTERS_MOST, SET_IDS)
    assert saved.set_weight("evaluation") == 2

    assert window.controller.open_path(example_file, confirm=False)
    editor = window.weights.profiles
    assert editor.chooser.currentText() == "Me"
    assert editor.remove_button.isEnabled()
    editor.activate("Mum")
    assert _weights(window.weights)["cost"] == 3
    assert _shares(window.weights)["cost"] == 50


def test_the_editor_works_by_keyboard_alone(qtbot: QtBot, example_window: MainWindow) -> None:
    window = example_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_page(window.weights)
    editor = window.weights.profiles
    window.weights.set_weights["cost"].setFocus()
    qtbot.keyClick(focused_widget(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert focused_widget() is editor.name
    qtbot.keyClicks(editor.name, "Dad")
    qtbot.keyClick(focused_widget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.document.comparison.active_profile == "Dad")
    qtbot.keyClick(focused_widget(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert focused_widget() is editor.preset
    qtbot.keyClick(editor.preset, Qt.Key.Key_Down)
    qtbot.keyClick(focused_widget(), Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(
        lambda: _weights(window.weights) == preset_weights(Preset.SAFETY_FIRST, SET_IDS)
    )
    qtbot.keyClick(focused_widget(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: set(_weights(window.weights).values()) == {1.0})
    qtbot.keyClick(focused_widget(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(editor.name, "Dad and me")
    qtbot.keyClick(focused_widget(), Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.document.comparison.active_profile == "Dad and me")
    asked: list[str] = []
    editor.confirm_removal = lambda name: asked.append(name) or True
    qtbot.keyClick(focused_widget(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not window.document.comparison.weight_profiles)
    assert asked == ["Dad and me"]
    window.undo_action.trigger()
    qtbot.keyClick(focused_widget(), Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert focused_widget() is editor.chooser
    qtbot.keyClick(editor.chooser, Qt.Key.Key_Up)  # to the weights not saved as a profile
    assert window.document.comparison.active_profile is None
    for widget in (editor.chooser, editor.name, editor.save_button, editor.preset):
        interface = QAccessible.queryAccessibleInterface(widget)
        assert interface is not None
        assert interface.text(QAccessible.Text.Name), widget
