"""A marked question reads the same on screen and on paper: the grid's row header, the weights
list and the printed and exported tables carry the same words after the question's text."""

from __future__ import annotations

import csv
import html
import io

from ketachecklist.core.catalogue import Question
from ketachecklist.report.model import build_report
from ketachecklist.report.output import ExportFormat, render
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.main_window import MainWindow
from ketachecklist.ui.roles import QUESTION_ID_ROLE
from ketachecklist.ui.weights_model import QUESTION_COLUMN
from tests.report.pdf_text import read_pdf, shows

QUESTION = "evaluation-who-evaluates"
OWN = Question(
    id="custom-payment-plan", set_id="cost", text="Do you offer a payment plan?", custom=True
)


def _grid_label(window: MainWindow, question_id: str) -> str:
    grid = window.comparison.model
    return str(grid.index(grid.row_of_question(question_id), 0).data())


def _weights_label(window: MainWindow, question_id: str) -> str:
    model = window.weights.model
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, 0).data(QUESTION_ID_ROLE) == question_id
    )
    return str(model.index(row, QUESTION_COLUMN).data())


def test_marks_read_the_same_in_the_grid_the_weights_list_and_every_output(
    example_window: MainWindow,
) -> None:
    window = example_window
    document = window.document
    push_edit(document, lambda c: c.add_custom_question(OWN))
    push_edit(document, lambda c: c.set_question_weight(OWN.id, 2))
    push_edit(document, lambda c: c.set_deal_breaker(OWN.id, True))
    push_edit(document, lambda c: c.set_question_weight(QUESTION, 0.5))

    own_marks = "your own question · counts ×2 · deal-breaker for me"
    assert _grid_label(window, OWN.id) == f"{OWN.text} ({own_marks})"
    assert _grid_label(window, QUESTION).endswith("? (counts ×0.5)")
    # the weights list has the weight in a column of its own
    assert _weights_label(window, OWN.id) == f"{OWN.text} (your own question · deal-breaker for me)"

    report = build_report(document.comparison)
    page = html.unescape(render(report, ExportFormat.HTML).decode())
    assert own_marks in page
    assert "counts ×0.5" in page
    table = csv.reader(io.StringIO(render(report, ExportFormat.CSV).decode("utf-8-sig")))
    question_cells = {row[2]: row[1] for row in table if len(row) > 2}
    assert question_cells[OWN.id] == f"{OWN.text} ({own_marks})"
    assert question_cells[QUESTION] == _grid_label(window, QUESTION)
    pdf = read_pdf(render(report, ExportFormat.PDF))
    assert shows(pdf.flat, own_marks)
    assert shows(pdf.flat, "counts ×0.5")

    push_edit(document, lambda c: c.set_deal_breaker(OWN.id, False))
    assert _grid_label(window, OWN.id) == f"{OWN.text} (your own question · counts ×2)"
    page = html.unescape(render(build_report(document.comparison), ExportFormat.HTML).decode())
    assert "your own question · counts ×2 · deal-breaker" not in page
