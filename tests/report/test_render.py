"""One ``render(report, format)`` behind the command line and the app (report/output.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPainter

from ketachecklist.cli import main
from ketachecklist.report.csv_export import render_csv
from ketachecklist.report.html import render_html_bytes
from ketachecklist.report.model import build_report
from ketachecklist.report.output import (
    ExportFormat,
    RenderError,
    export_error_message,
    render,
)
from ketachecklist.report.paged import PaintError
from ketachecklist.report.pdf import render_pdf
from tests.conftest import EXAMPLES
from tests.report.factory import make_comparison
from tests.report.pdf_text import read_pdf


def test_each_format_is_the_renderer_of_that_format() -> None:
    report = build_report(make_comparison(3))
    assert render(report, ExportFormat.HTML) == render_html_bytes(report)
    assert render(report, ExportFormat.CSV) == render_csv(report)
    pdf = read_pdf(render(report, ExportFormat.PDF))
    assert pdf.texts == read_pdf(render_pdf(report)).texts


def test_a_paint_error_becomes_a_render_error_worded_for_the_patient(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    report = build_report(make_comparison(2))
    monkeypatch.setattr(QPainter, "begin", lambda _painter, _device: False)
    with pytest.raises(RenderError) as raised:
        render(report, ExportFormat.PDF)
    monkeypatch.undo()
    assert isinstance(raised.value.__cause__, PaintError)
    message = export_error_message(raised.value, Path("family.pdf"))
    assert message.startswith("“family.pdf” could not be made (PaintError: could not start")
    assert "Nothing was written" in message


def test_the_command_line_reports_a_paint_error_in_one_line_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "three-clinics.yaml"
    source.write_bytes((EXAMPLES / "three-clinics.yaml").read_bytes())
    monkeypatch.setattr(QPainter, "begin", lambda _painter, _device: False)
    assert main(["export", str(source), "--format", "pdf"]) == 2
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "“three-clinics.pdf” could not be made (PaintError" in err
    assert [p.name for p in tmp_path.iterdir()] == ["three-clinics.yaml"]
