"""File → Export as PDF/HTML/CSV…, Print… and Print consultation sheet…, through the real menu."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QPainter
from PySide6.QtPrintSupport import QPrinter

from ketachecklist.report.pdf import render_pdf
from ketachecklist.ui.export_actions import PrintPainter, SheetChoice
from ketachecklist.ui.main_window import MainWindow
from tests.report.pdf_text import read_pdf, shows


@dataclass
class ScriptedExportPrompter:
    """Answers the export dialogs from lists; "prints" the preview into a PDF file."""

    print_folder: Path
    export_paths: list[Path | None] = field(default_factory=list)
    sheet_choices: list[SheetChoice] = field(default_factory=list)
    suggestions: list[Path] = field(default_factory=list)
    printed: list[Path] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    print_it: bool = True

    def choose_export_file(self, title: str, suggestion: Path, file_filter: str) -> Path | None:
        self.suggestions.append(suggestion)
        return self.export_paths.pop(0) if self.export_paths else None

    def choose_sheet(self, clinic_name: str) -> SheetChoice:
        return self.sheet_choices.pop(0) if self.sheet_choices else SheetChoice.CANCEL

    def preview_and_print(self, printer: QPrinter, paint: PrintPainter, title: str) -> bool:
        target = self.print_folder / f"printed-{len(self.printed) + 1}.pdf"
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        paint(printer)  # what QPrintPreviewDialog.paintRequested does, onto a PDF "printer"
        self.printed.append(target)
        return self.print_it

    def show_error(self, title: str, message: str) -> None:
        self.errors.append((title, message))


@pytest.fixture
def exporter(example_window: MainWindow, tmp_path: Path) -> ScriptedExportPrompter:
    scripted = ScriptedExportPrompter(print_folder=tmp_path)
    example_window.exports.prompter = scripted
    return scripted


def file_menu_texts(window: MainWindow) -> list[str]:
    return [a.text() for a in window.file_menu.actions() if not a.isSeparator()]


def trigger(window: MainWindow, text: str) -> None:
    action = next(a for a in window.file_menu.actions() if a.text() == text)
    assert isinstance(action, QAction)
    assert action.isEnabled()
    action.trigger()


def test_file_menu_has_the_export_and_print_items_before_quit(window: MainWindow) -> None:
    texts = file_menu_texts(window)
    wanted = [
        "Export as P&DF…",
        "Export as &HTML…",
        "Export as &CSV…",
        "&Print…",
        "Print consultation shee&t…",
    ]
    start = texts.index(wanted[0])
    assert texts[start : start + len(wanted)] == wanted
    assert texts.index("Save &as…") < start < texts.index("&Quit")


@pytest.mark.parametrize(
    ("item", "suffix", "start"),
    [
        ("Export as P&DF…", ".pdf", b"%PDF"),
        ("Export as &HTML…", ".html", b"<!DOCTYPE html>"),
        ("Export as &CSV…", ".csv", b"\xef\xbb\xbf"),
    ],
)
def test_export_writes_a_private_file_and_says_so(
    example_window: MainWindow,
    exporter: ScriptedExportPrompter,
    tmp_path: Path,
    item: str,
    suffix: str,
    start: bytes,
) -> None:
    target = tmp_path / "out" / f"family{suffix}"
    target.parent.mkdir()
    exporter.export_paths.append(target)
    trigger(example_window, item)
    assert target.read_bytes().startswith(start)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert exporter.suggestions == [tmp_path / f"three-clinics{suffix}"]
    assert exporter.errors == []
    assert str(target) in example_window.statusBar().currentMessage()


def test_exported_pdf_is_the_report_of_the_open_comparison(
    example_window: MainWindow, exporter: ScriptedExportPrompter, tmp_path: Path
) -> None:
    target = tmp_path / "report"  # no suffix: the format's is added
    exporter.export_paths.append(target)
    trigger(example_window, "Export as P&DF…")
    pages = read_pdf(target.with_suffix(".pdf").read_bytes())
    for clinic in example_window.document.comparison.clinics:
        assert shows(pages.flat, clinic.name)
    assert all("three-clinics.yaml" in text for text in pages.texts)


def test_cancelled_export_writes_nothing(
    example_window: MainWindow, exporter: ScriptedExportPrompter, tmp_path: Path
) -> None:
    before = sorted(tmp_path.iterdir())
    trigger(example_window, "Export as &CSV…")
    assert sorted(tmp_path.iterdir()) == before
    assert exporter.errors == []


def test_missing_folder_is_a_clear_message_naming_the_file(
    example_window: MainWindow, exporter: ScriptedExportPrompter, tmp_path: Path
) -> None:
    target = tmp_path / "gone" / "family.pdf"
    exporter.export_paths.append(target)
    trigger(example_window, "Export as P&DF…")
    assert not target.parent.exists()
    [(title, message)] = exporter.errors
    assert title == "Export failed"
    assert "“family.pdf”" in message
    assert "does not exist" in message
    assert "Could not write family.pdf" in example_window.statusBar().currentMessage()


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "The disk is full"), (errno.EACCES, "can't be written to")],
)
def test_disk_full_or_unwritable_folder_keeps_the_old_file(
    example_window: MainWindow,
    exporter: ScriptedExportPrompter,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    words: str,
) -> None:
    target = tmp_path / "family.html"
    target.write_bytes(b"old export")
    exporter.export_paths.append(target)

    def failing_fsync(_fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", failing_fsync)
    trigger(example_window, "Export as &HTML…")
    monkeypatch.undo()
    assert target.read_bytes() == b"old export"
    # No half-written export is left behind (the open comparison's own lock file is expected).
    leftovers = [p.name for p in tmp_path.iterdir() if "family" in p.name and p != target]
    assert leftovers == []
    [(_title, message)] = exporter.errors
    assert words in message
    assert "“family.html”" in message


def test_print_paints_the_same_layout_as_the_pdf(
    example_window: MainWindow, exporter: ScriptedExportPrompter
) -> None:
    trigger(example_window, "&Print…")
    [printed] = exporter.printed
    on_paper = read_pdf(printed.read_bytes())
    exported = read_pdf(render_pdf(example_window.exports.report()))
    assert on_paper.count == exported.count
    assert on_paper.texts == exported.texts
    assert "Sent the report to the printer." in example_window.statusBar().currentMessage()


def test_print_sheet_for_the_selected_clinic_or_blank(
    example_window: MainWindow, exporter: ScriptedExportPrompter
) -> None:
    clinic = example_window.document.comparison.clinics[1]
    example_window.clinics.select_clinic(clinic.id)
    exporter.sheet_choices += [SheetChoice.CURRENT, SheetChoice.BLANK, SheetChoice.CANCEL]
    trigger(example_window, "Print consultation shee&t…")
    trigger(example_window, "Print consultation shee&t…")
    trigger(example_window, "Print consultation shee&t…")  # cancelled: nothing printed
    current, blank = (read_pdf(p.read_bytes()) for p in exporter.printed)
    assert shows(current.texts[0], clinic.name)
    assert "Recorded so far" in current.flat
    assert "blank consultation sheet" in blank.texts[0]
    assert "Recorded so far" not in blank.flat


def test_sheet_without_clinics_is_blank_without_asking(window: MainWindow, tmp_path: Path) -> None:
    scripted = ScriptedExportPrompter(print_folder=tmp_path)
    window.exports.prompter = scripted
    trigger(window, "Print consultation shee&t…")
    [printed] = scripted.printed
    assert "blank consultation sheet" in read_pdf(printed.read_bytes()).texts[0]


def test_export_never_replaces_the_open_comparison(
    example_window: MainWindow, exporter: ScriptedExportPrompter, example_file: Path
) -> None:
    before = example_file.read_bytes()
    exporter.export_paths.append(example_file)
    trigger(example_window, "Export as &CSV…")
    assert example_file.read_bytes() == before
    [(_title, message)] = exporter.errors
    assert "is your comparison file" in message


def refuse_to_paint(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every QPainter.begin fails, as on a printer or PDF device that cannot be drawn on."""
    monkeypatch.setattr(QPainter, "begin", lambda _painter, _device: False)


def test_a_paint_error_is_a_clear_message_and_nothing_is_lost(
    example_window: MainWindow,
    exporter: ScriptedExportPrompter,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "family.pdf"
    target.write_bytes(b"old export")
    exporter.export_paths.append(target)
    comparison_before = example_window.document.comparison
    refuse_to_paint(monkeypatch)
    trigger(example_window, "Export as P&DF…")  # a paint error escaping would fail the test
    monkeypatch.undo()
    assert target.read_bytes() == b"old export"
    assert [p.name for p in tmp_path.iterdir() if "family" in p.name] == ["family.pdf"]
    [(title, message)] = exporter.errors
    assert title == "Export failed"
    assert "“family.pdf” could not be made" in message
    assert "could not start drawing the pages" in message
    assert "is unchanged" in message
    assert "Could not write family.pdf" in example_window.statusBar().currentMessage()
    assert example_window.document.comparison == comparison_before
    assert example_window.document.undo_stack.isClean()
    # The next export, with painting working again, writes the file.
    exporter.export_paths.append(target)
    trigger(example_window, "Export as P&DF…")
    assert target.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("item", ["&Print…", "Print consultation shee&t…"])
def test_a_printer_that_cannot_be_drawn_on_is_told_not_raised(
    example_window: MainWindow,
    exporter: ScriptedExportPrompter,
    monkeypatch: pytest.MonkeyPatch,
    item: str,
) -> None:
    exporter.sheet_choices.append(SheetChoice.CURRENT)
    refuse_to_paint(monkeypatch)
    trigger(example_window, item)
    monkeypatch.undo()
    [(title, message)] = exporter.errors
    assert title == "Printing failed"
    assert "could not start drawing the pages" in message
    assert "Nothing was lost" in message
    status = example_window.statusBar().currentMessage()
    assert status == "Printing failed: the pages could not be drawn."
    assert example_window.document.undo_stack.isClean()
