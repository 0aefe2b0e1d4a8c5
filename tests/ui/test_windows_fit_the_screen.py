"""At 2× text every window and dialog the app makes fits the screen, its buttons in reach: the
help page, About, crisis help, a long message, the print preview, and the file choosers, which
are also wide enough for their own contents (the "Files of type" box whole)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ketachecklist.ui.dialog_prompter import DialogPrompter
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.message_box import plain_box
from ketachecklist.ui.print_dialogs import PrintDialogs
from ketachecklist.ui.print_preview import PrintPreview
from tests.ui.palettes import scaled_text
from tests.ui.test_print_dialogs import _when_dialog_opens


@pytest.fixture
def twice_the_text(qapp: QApplication) -> Iterator[float]:
    yield from scaled_text(qapp, 2.0)


@pytest.fixture
def font_scale(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    yield from scaled_text(qapp, request.param)


def _screen(window: QWidget) -> QRect:
    screen = window.screen()
    assert screen is not None
    return screen.availableGeometry()


def _fits(window: QWidget) -> list[str]:
    """What does not fit: the window on its screen, a visible button in the window."""
    problems = []
    if not _screen(window).contains(window.frameGeometry()):
        problems.append(f"{window.frameGeometry()} is past the screen {_screen(window)}")
    inside = window.rect()
    for button in window.findChildren(QAbstractButton):
        if button.isVisible():
            where = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
            if not inside.contains(where):
                problems.append(f"{button.text()!r} at {where}, outside {inside}")
    return problems


@pytest.mark.usefixtures("twice_the_text")
def test_the_help_window_fits_with_its_close_button(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    window = example_window
    window.show_help()
    help_window = window.help_window
    assert help_window is not None
    qtbot.waitExposed(help_window)
    assert _fits(help_window) == []
    assert help_window.width() >= min(
        help_window.fontMetrics().horizontalAdvance("x" * 60), _screen(help_window).width() // 2
    )  # still a page to read, not a strip


@pytest.mark.usefixtures("twice_the_text")
@pytest.mark.parametrize("box", ["about", "crisis"])
def test_about_and_crisis_help_fit(qtbot: QtBot, example_window: MainWindow, box: str) -> None:
    window = example_window
    getattr(window.menus.help, f"show_{box}" if box == "about" else "show_crisis_help")()
    shown = window.help_box
    assert shown is not None
    qtbot.waitExposed(shown)
    assert _fits(shown) == []
    shown.close()


@pytest.mark.usefixtures("twice_the_text")
def test_a_long_message_widens_instead_of_running_off_the_screen(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    folder = "/home/someone/" + "a folder with a long name/" * 6
    text = (
        f"Could not save {folder}comparison.yaml: the disk is full. Your comparison is still "
        "open and nothing was lost; free some space or save it somewhere else. " * 3
    )
    box = plain_box(example_window, QMessageBox.Icon.Warning, "Could not save", text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    qtbot.add_widget(box)
    box.show()
    qtbot.waitExposed(box)
    assert _fits(box) == []
    label = next(w for w in box.findChildren(QLabel) if w.text() == text)
    assert label.height() >= label.heightForWidth(label.width())  # every line of it shown


@pytest.mark.usefixtures("twice_the_text")
def test_the_print_preview_fits_and_has_room_for_a_page(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    printer = QPrinter()
    preview = PrintPreview(printer, example_window)
    qtbot.add_widget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    assert _fits(preview) == []
    assert preview.height() >= _screen(preview).height() // 2


def _choosing(
    qtbot: QtBot, choose: Callable[[], object], check: Callable[[QFileDialog], None]
) -> None:
    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        try:
            check(dialog)
        finally:
            dialog.reject()

    seen = _when_dialog_opens(answer)
    choose()
    assert seen, "no file dialog opened"


def _whole(dialog: QFileDialog) -> None:
    assert _fits(dialog) == []
    as_wide_as_the_screen = dialog.frameGeometry().width() == _screen(dialog).width()
    for name in ("fileTypeCombo", "fileNameEdit", "fileTypeLabel", "lookInCombo"):
        part = dialog.findChild(QWidget, name)
        assert part is not None, name
        # (The folder box shows a path as long as it is: it may shorten it.)
        if name != "lookInCombo" and not as_wide_as_the_screen:
            assert part.width() >= part.sizeHint().width(), (name, part.width(), dialog.width())
        right = part.mapTo(dialog, QPoint(part.width(), 0)).x()
        assert right <= dialog.width(), name
    list_view = dialog.findChild(QWidget, "listView")
    assert list_view is not None
    assert list_view.height() >= list_view.fontMetrics().lineSpacing() * 6  # room for files


@pytest.mark.parametrize("font_scale", [1.25, 2.0], indirect=True)
def test_save_as_and_export_choosers_fit_their_contents(
    qtbot: QtBot, example_window: MainWindow, tmp_path: Path, font_scale: float
) -> None:
    prompter = DialogPrompter(example_window)
    _choosing(qtbot, lambda: prompter.choose_file_to_save(tmp_path / "mine.yaml"), _whole)
    _choosing(qtbot, lambda: prompter.choose_file_to_open(tmp_path), _whole)
    dialogs = PrintDialogs(example_window)
    _choosing(
        qtbot,
        lambda: dialogs.choose_export_file(
            "Export as PDF", tmp_path / "mine.pdf", "PDF documents (*.pdf)"
        ),
        _whole,
    )


def test_a_file_chosen_comes_back_with_the_suffix(
    qtbot: QtBot, example_window: MainWindow, tmp_path: Path
) -> None:
    prompter = DialogPrompter(example_window)
    target = tmp_path / "ours"

    def pick(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(target))
        dialog.accept()

    _when_dialog_opens(pick)
    assert prompter.choose_file_to_save(tmp_path / "mine.yaml") == target.with_suffix(".yaml")
