"""File → Export as PDF/HTML/CSV…, Print… and Print consultation sheet….

Every output is built from the one report model (``report.model``) and rendered by the same
code as the headless commands; Print… paints the PDF's page layout on the printer, so the
preview and the paper look exactly like the exported PDF. Files are rendered in memory and
written atomically, so a failed export never leaves half a file. Dialogs are reached only
through an ``ExportPrompter`` (``ui.print_dialogs`` has the real ones), so tests drive the
menu actions without modal windows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMainWindow

from ketachecklist.report.output import (
    ExportFormat,
    RenderError,
    default_export_path,
    export_error_message,
    overwrites_source,
    render,
    source_overwrite_message,
    write_output,
)
from ketachecklist.text import isolated
from ketachecklist.ui.document_controller import DocumentController

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from ketachecklist.report.model import ComparisonReport, ConsultationSheet, PageSize

# The renderers, QtPrintSupport and the report model are imported where they are first used:
# together they would add about a third to the app's start-up time (docs/performance.md).

PrintPainter = Callable[["QPrinter"], None]

FILE_FILTERS = {
    ExportFormat.PDF: "PDF documents (*.pdf)",
    ExportFormat.HTML: "Web pages (*.html *.htm)",
    ExportFormat.CSV: "Spreadsheets (*.csv)",
}


class SheetChoice(Enum):
    CURRENT = "current"
    BLANK = "blank"
    CANCEL = "cancel"


class ExportPrompter(Protocol):
    """The dialogs an export needs; the app uses ``PrintDialogs``, tests a scripted one."""

    def choose_export_file(self, title: str, suggestion: Path, file_filter: str) -> Path | None:
        """Where to write an export, or None when the patient cancels."""

    def choose_sheet(self, clinic_name: str) -> SheetChoice:
        """A consultation sheet for ``clinic_name`` (the selected clinic), or a blank one?"""

    def preview_and_print(self, printer: QPrinter, paint: PrintPainter, title: str) -> bool:
        """Show a print preview painted by ``paint``; True when it was printed."""

    def show_error(self, title: str, message: str) -> None:
        """Tell the patient what went wrong (plain text)."""


class ExportActions(QObject):
    """The export and print actions of one main window."""

    def __init__(
        self,
        window: QMainWindow,
        controller: DocumentController,
        current_clinic: Callable[[], str],
        prompter: ExportPrompter | None,
        show_message: Callable[[str], None],
    ) -> None:
        """``prompter`` None: the real dialogs, made on first use (their module and Qt's file
        dialog and message box types cost the start time)."""
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.current_clinic = current_clinic
        self._prompter = prompter
        self.show_message = show_message
        self._page_size: PageSize | None = None
        self.export_pdf_action = self._action(
            self.tr("Export as P&DF…"),
            self.tr("Write the comparison as a PDF report to read or print"),
            lambda: self.export(ExportFormat.PDF),
        )
        self.export_html_action = self._action(
            self.tr("Export as &HTML…"),
            self.tr("Write the comparison as one web page that works without the internet"),
            lambda: self.export(ExportFormat.HTML),
        )
        self.export_csv_action = self._action(
            self.tr("Export as &CSV…"),
            self.tr("Write the comparison as a spreadsheet (Excel, LibreOffice)"),
            lambda: self.export(ExportFormat.CSV),
        )
        self.print_action = self._action(
            self.tr("&Print…"),
            self.tr("Preview and print the comparison report"),
            self.print_report,
        )
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_sheet_action = self._action(
            self.tr("Print consultation shee&t…"),
            self.tr("Print the questions to take to a phone call or visit, with room to write"),
            self.print_sheet,
        )

    @property
    def prompter(self) -> ExportPrompter:
        if self._prompter is None:
            from ketachecklist.ui.print_dialogs import PrintDialogs

            self._prompter = PrintDialogs(self.window)
        return self._prompter

    @prompter.setter
    def prompter(self, prompter: ExportPrompter) -> None:
        self._prompter = prompter

    @property
    def actions(self) -> list[QAction]:
        return [
            self.export_pdf_action,
            self.export_html_action,
            self.export_csv_action,
            self.print_action,
            self.print_sheet_action,
        ]

    def _action(self, text: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    # --- building -------------------------------------------------------------------------------
    @property
    def page_size(self) -> PageSize:
        """The paper for exports and prints: Letter or A4 by the locale, until changed."""
        if self._page_size is None:
            from ketachecklist.report.model import default_page_size

            self._page_size = default_page_size()
        return self._page_size

    @page_size.setter
    def page_size(self, page_size: PageSize) -> None:
        self._page_size = page_size

    def report(self) -> ComparisonReport:
        from ketachecklist.report.model import build_report

        document = self.controller.document
        source = self.controller.path
        return build_report(
            document.comparison,
            document.presentation,
            source_name=source.name if source else "",
            page_size=self.page_size,
        )

    def sheet(self, clinic_id: str | None) -> ConsultationSheet:
        from ketachecklist.report.model import build_sheet

        source = self.controller.path
        return build_sheet(
            self.controller.document.comparison,
            clinic_id,
            source_name=source.name if source else "",
            page_size=self.page_size,
        )

    # --- actions --------------------------------------------------------------------------------
    def export(self, export_format: ExportFormat) -> bool:
        """Ask where, render in memory, write atomically; True when the file was written."""
        suggestion = default_export_path(self.controller.path, export_format)
        if self.controller.path is None:
            suggestion = Path.home() / suggestion
        target = self.prompter.choose_export_file(
            self.tr("Export the comparison as {format}").format(format=export_format.label),
            suggestion,
            FILE_FILTERS[export_format],
        )
        if target is None:
            return False
        if not target.suffix:
            target = target.with_suffix(export_format.suffix)
        if overwrites_source(target, self.controller.path):
            self.prompter.show_error(self.tr("Export failed"), source_overwrite_message(target))
            return False
        with self._busy(self.tr("Writing {name}…").format(name=isolated(target.name))):
            try:
                data = render(self.report(), export_format)
                write_output(target, data)
            except (RenderError, OSError) as error:
                self.show_message(
                    self.tr("Could not write {name}.").format(name=isolated(target.name))
                )
                self.prompter.show_error(
                    self.tr("Export failed"), export_error_message(error, target)
                )
                return False
        self.show_message(
            self.tr("Exported {format} to {path}").format(
                format=export_format.label, path=isolated(str(target))
            )
        )
        return True

    def print_report(self) -> bool:
        from PySide6.QtPrintSupport import QPrinter

        from ketachecklist.report.pdf import paint_report, report_page_layout

        report = self.report()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(report_page_layout(report))
        printer.setDocName(report.title)
        self.show_message(self.tr("Preparing the print preview…"))
        return self._preview(
            printer,
            lambda device: paint_report(device, report),
            self.tr("Print"),
            self.tr("Sent the report to the printer."),
        )

    def print_sheet(self) -> bool:
        from PySide6.QtPrintSupport import QPrinter

        from ketachecklist.report.sheet import paint_sheet, sheet_page_layout

        clinic_id: str | None = self.current_clinic() or None
        comparison = self.controller.document.comparison
        known = {clinic.id for clinic in comparison.clinics}
        if clinic_id is not None and clinic_id in known:
            choice = self.prompter.choose_sheet(comparison.clinic(clinic_id).name)
            if choice is SheetChoice.CANCEL:
                return False
            if choice is SheetChoice.BLANK:
                clinic_id = None
        else:
            clinic_id = None
        sheet = self.sheet(clinic_id)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(sheet_page_layout(sheet))
        printer.setDocName(sheet.title)
        self.show_message(self.tr("Preparing the consultation sheet…"))
        return self._preview(
            printer,
            lambda device: paint_sheet(device, sheet),
            self.tr("Print consultation sheet"),
            self.tr("Sent the sheet to the printer."),
        )

    # --- feedback -------------------------------------------------------------------------------
    def _preview(
        self, printer: QPrinter, paint: Callable[[QPrinter], object], title: str, done: str
    ) -> bool:
        """The print preview painted by ``paint``; True when it was printed and every paint
        succeeded. Painting runs in the dialog's slot, so a failure to draw (a PaintError
        from a printer that refuses) is told to the patient, never raised into Qt."""
        failures: list[RuntimeError] = []

        def paint_safely(device: QPrinter) -> None:
            try:
                self._paint(lambda: paint(device))
            except RuntimeError as error:
                failures.append(error)
                self.prompter.show_error(self.tr("Printing failed"), print_error_message(error))

        printed = self.prompter.preview_and_print(printer, paint_safely, title)
        if failures:
            self.show_message(self.tr("Printing failed: the pages could not be drawn."))
            return False
        self.show_message(done if printed else self.tr("Printing cancelled."))
        return printed

    def _paint(self, paint: Callable[[], object]) -> None:
        with self._busy(self.tr("Laying out the pages…")):
            paint()

    @contextmanager
    def _busy(self, message: str) -> Iterator[None]:
        """A busy cursor and a status line while the work runs (it is quick, but not instant)."""
        self.show_message(message)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            yield
        finally:
            QGuiApplication.restoreOverrideCursor()


def print_error_message(error: RuntimeError) -> str:
    detail = str(error) or type(error).__name__
    return (
        f"The pages could not be drawn for the printer ({detail}). Nothing was lost: your "
        "comparison is unchanged. Check the printer, or export a PDF and print that."
    )
