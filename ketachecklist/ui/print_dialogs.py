"""The real dialogs behind ``ExportPrompter``: file choosers, a question, the print preview.

Message boxes use ``Qt.PlainText`` so a clinic called ``<b>x</b>`` shows as typed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ketachecklist.text import isolated
from ketachecklist.ui.export_actions import PrintPainter, SheetChoice
from ketachecklist.ui.file_dialogs import choose_file_to_save
from ketachecklist.ui.message_box import Choice, ask, tell

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


class PrintDialogs:
    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def choose_export_file(self, title: str, suggestion: Path, file_filter: str) -> Path | None:
        name = choose_file_to_save(self._parent, title, str(suggestion), file_filter)
        return Path(name) if name else None

    def choose_sheet(self, clinic_name: str) -> SheetChoice:
        return ask(
            self._parent,
            QMessageBox.Icon.Question,
            QCoreApplication.translate("PrintDialogs", "Print consultation sheet"),
            QCoreApplication.translate(
                "PrintDialogs",
                "Print the sheet for “{clinic}”, with what you recorded so far?\n\n"
                "Or print a blank sheet for a clinic that is not in your comparison yet.",
            ).format(clinic=isolated(clinic_name)),
            (
                Choice(
                    SheetChoice.CURRENT,
                    QCoreApplication.translate("PrintDialogs", "For this clinic"),
                ),
                Choice(
                    SheetChoice.BLANK,
                    QCoreApplication.translate("PrintDialogs", "Blank sheet"),
                    QMessageBox.ButtonRole.ActionRole,
                ),
                Choice(SheetChoice.CANCEL, QMessageBox.StandardButton.Cancel),
            ),
            default=SheetChoice.CURRENT,
            escape=SheetChoice.CANCEL,
        )

    def preview_and_print(self, printer: QPrinter, paint: PrintPainter, title: str) -> bool:
        from ketachecklist.ui.print_preview import PrintPreview  # loaded on first use

        dialog = PrintPreview(printer, self._parent)
        dialog.setWindowTitle(title)
        dialog.paintRequested.connect(paint)
        return bool(dialog.exec())

    def show_error(self, title: str, message: str) -> None:
        tell(self._parent, QMessageBox.Icon.Warning, title, message)
