"""A fact sheet whose every item names its own source is not credited, under the section, to one
source (the cost facts come from Verywell, Dr. Axe, the Spravato label, REMS and withMe); a
sheet with items resting on the section's source still cites it. On screen and on paper."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ketachecklist.core.catalogue import load_bundled_catalogue
from ketachecklist.core.document import Comparison
from ketachecklist.core.storage import load_comparison
from ketachecklist.report.model import build_report
from ketachecklist.report.pdf import render_pdf
from ketachecklist.ui.information_page import InformationPage
from tests.conftest import EXAMPLES
from tests.report.pdf_text import read_pdf

CATALOGUE = load_bundled_catalogue()
SECTIONS = {s.id: s for s in CATALOGUE.information}
COST = SECTIONS["cost-and-course-facts"]
WARNINGS = SECTIONS["warning-signs"]  # every item rests on the section's source


def _citation(source_id: str) -> str:
    source = CATALOGUE.source(source_id)
    assert source is not None
    return source.citation


def test_the_catalogue_knows_which_sections_rest_on_their_source() -> None:
    assert all(COST.own_source)
    assert not any(WARNINGS.own_source)
    assert len(set(COST.item_sources)) >= 4
    assert COST.shared_source == ""
    assert WARNINGS.shared_source == WARNINGS.source != ""


def test_the_report_cites_a_section_only_for_items_that_rest_on_it() -> None:
    report = build_report(Comparison(catalogue=CATALOGUE))
    blocks = {b.title: b for b in report.information}
    assert blocks[COST.title].citation == ""
    assert blocks[WARNINGS.title].citation == _citation(WARNINGS.source)
    text = read_pdf(render_pdf(report)).flat
    cost_part = text.split(COST.title, 2)[-1].split("Sources", 1)[0]
    assert f"Source: {_citation(COST.source)}" not in cost_part
    assert "(Dr. Axe" in cost_part or "Dr. Axe" in cost_part


def test_the_information_page_cites_the_same_way(qtbot: QtBot) -> None:
    page = InformationPage(CATALOGUE)
    qtbot.add_widget(page)
    shown = page.browser.toPlainText()
    cost_part = shown.split(COST.title, 1)[1]
    next_title = next(
        s.title for s in CATALOGUE.information[CATALOGUE.information.index(COST) + 1 :]
    )
    cost_part = cost_part.split(next_title, 1)[0]
    assert "Source:" not in cost_part
    assert COST.note.split(".")[0] in cost_part  # the note still says each fact names its source
    warnings_part = shown.split(WARNINGS.title, 1)[1]
    assert f"Source: {_citation(WARNINGS.source)}." in warnings_part


def test_a_source_line_never_opens_a_page_alone() -> None:
    """The side-effects list ends near a page's foot in the example: its source goes over with
    its last item rather than opening the next page on its own."""
    comparison = load_comparison(EXAMPLES / "three-clinics.yaml", CATALOGUE)
    pages = read_pdf(render_pdf(build_report(comparison))).texts
    for number, text in enumerate(pages, start=1):
        first = next(line for line in text.splitlines() if line.strip())
        assert not first.startswith("Source:"), (number, first)
