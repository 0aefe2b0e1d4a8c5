"""The real print dialogs (``PrintDialogs``): the print preview from the File menu, the sheet
question and the error box, answered the way a person would."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ketachecklist.ui.export_actions import SheetChoice
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.print_dialogs import PrintDialogs
from tests.ui.conftest import HOSTILE_NAME

_timers: list[QTimer] = []  # kept alive until each has answered its dialog


def _when_dialog_opens(answer: Callable[[QWidget], None]) -> list[QWidget]:
    """Answer the next modal dialog as soon as it is on screen; returns what it saw."""
    seen: list[QWidget] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible():
            timer.stop()
            seen.append(dialog)
            answer(dialog)

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(10)
    _timers.append(timer)
    return seen


def test_print_opens_the_preview_painted_with_the_report(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    window = example_window
    window.show()
    painted: list[int] = []

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QPrintPreviewDialog)
        qtbot.waitUntil(lambda: bool(painted))  # the preview asked for the pages
        dialog.reject()

    original = window.exports._paint

    def counting_paint(paint: Callable[[], object]) -> None:
        original(paint)
        painted.append(1)

    window.exports._paint = counting_paint  # type: ignore[method-assign]
    seen = _when_dialog_opens(answer)
    assert isinstance(window.exports.prompter, PrintDialogs)
    assert window.exports.print_report() is False  # cancelled in the preview
    assert seen
    assert seen[0].windowTitle() == "Print"
    assert painted
    assert window.statusBar().currentMessage() == "Printing cancelled."


def test_the_sheet_question_names_the_clinic_as_plain_text(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    dialogs = PrintDialogs(example_window)
    texts: list[str] = []

    def press_blank(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        assert dialog.textFormat() == Qt.TextFormat.PlainText
        texts.append(dialog.text())
        next(b for b in dialog.buttons() if b.text() == "Blank sheet").click()

    _when_dialog_opens(press_blank)
    assert dialogs.choose_sheet(HOSTILE_NAME) is SheetChoice.BLANK
    assert HOSTILE_NAME in texts[0]

    _when_dialog_opens(lambda dialog: dialog.close())  # Escape or the window's close box
    assert dialogs.choose_sheet("Harbor Light") is SheetChoice.CANCEL


def test_an_error_is_shown_as_plain_text(qtbot: QtBot, example_window: MainWindow) -> None:
    dialogs = PrintDialogs(example_window)
    seen = _when_dialog_opens(lambda dialog: dialog.close())
    dialogs.show_error("Export failed", f"Could not write {HOSTILE_NAME}.pdf")
    box = seen[0]
    assert isinstance(box, QMessageBox)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == f"Could not write {HOSTILE_NAME}.pdf"
    assert box.windowTitle() == "Export failed"
