"""A recorded decision is worded once: the Decision tab's family section, the PDF (read back
with QtPdf) and the HTML (parsed) mark the chosen clinic with the same words, and no other."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from pytestqt.qtbot import QtBot

from ketachecklist.report.html import render_html
from ketachecklist.report.model import build_report
from ketachecklist.report.pdf import render_pdf
from ketachecklist.ui.main_window import MainWindow
from tests.report.pdf_text import flatten, read_pdf, shows

CHOSEN = "clinic-2"  # Quickwell: not the leader, so the mark is not confused with first place


@dataclass
class _Marks(HTMLParser):
    """The text of each <strong>, and of each clinic block (div.clinic-block) by clinic id."""

    strong: list[str] = field(default_factory=list)
    blocks: dict[str, str] = field(default_factory=dict)
    _block: str | None = None
    _depth: int = 0
    _in_strong: bool = False

    def __post_init__(self) -> None:
        super().__init__()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "div" and "clinic-block" in (found.get("class") or ""):
            self._block = found.get("data-clinic") or ""
            self.blocks[self._block] = ""
            self._depth = 0
        elif tag == "div" and self._block is not None:
            self._depth += 1
        if tag == "strong":
            self._in_strong = True
            self.strong.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._block is not None:
            if self._depth == 0:
                self._block = None
            else:
                self._depth -= 1
        if tag == "strong":
            self._in_strong = False

    def handle_data(self, data: str) -> None:
        if self._in_strong:
            self.strong[-1] += data
        if self._block is not None:
            self.blocks[self._block] += f"{data} "


def test_the_tab_the_pdf_and_the_html_mark_a_recorded_decision_alike(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    window = example_window
    window.show_page(window.decision)
    page = window.decision
    qtbot.waitUntil(page.family.isVisible)
    comparison = window.document.comparison
    name = comparison.clinic(CHOSEN).name
    assert comparison.decision.clinic_id is None  # the example has not decided yet

    def blocks() -> dict[str, str]:
        """Each clinic block's words on the tab, by the clinic's name."""
        return {b.name.text().split(" · ")[0]: b.body.text() for b in page.family.clinic_blocks}

    before = blocks()[name]
    page.clinic.setCurrentIndex(page.clinic.findData(CHOSEN))
    with qtbot.waitSignal(window.document.settled):  # the tab words an edit once edits settle
        page.clinic.activated.emit(page.clinic.currentIndex())
    assert comparison.decision.clinic_id == CHOSEN
    qtbot.waitUntil(lambda: blocks()[name] != before)  # the tab words it once edits settle
    words = blocks()[name].splitlines()[0]  # the words the tab shows, above the facts
    assert blocks()[name] == f"{words}\n{before}"
    assert "✔" in words
    assert "decision" in words
    others = [text for n, text in blocks().items() if n != name]
    assert others
    assert all(words not in text for text in others)

    report = build_report(comparison, window.document.presentation, source_name="x.yaml")
    standing = next(c.standing_text for c in report.family.clinics if c.clinic_id == CHOSEN)

    parsed = _Marks()
    parsed.feed(render_html(report))
    # Once beside the name in the ranked table, once in the clinic's block: the same words
    # (the sentence that names the decision, "✔ Your recorded decision: …", is its own fact).
    marks = [flatten(s) for s in parsed.strong if "✔" in s and name not in s]
    assert marks == [words, words]
    assert words in flatten(parsed.blocks[CHOSEN])
    assert all(words not in text for cid, text in parsed.blocks.items() if cid != CHOSEN)

    pdf = read_pdf(render_pdf(report)).flat
    assert shows(pdf, f"{name} · {standing} {words}")  # the clinic's block on the family page
    assert shows(pdf, f"{name} {words}")  # beside its name in the ranked table
    # Every mark on paper (the ranked table, the blocks, the details, each set's column head)
    # is these words; only the sentence naming the decision reads otherwise.
    after_marks = [m.split(" ", 1)[1] for m in pdf.split(" ✔")[1:]]
    assert len(after_marks) > 3
    for text in after_marks:
        assert text.startswith(words.split(" ", 1)[1]) or text.startswith(
            f"Your recorded decision: {name}."
        ), text[:40]

    # Taken back: no output marks any clinic.
    with qtbot.waitSignal(window.document.settled):
        window.undo_action.trigger()
    assert comparison.decision.clinic_id is None
    qtbot.waitUntil(lambda: words not in page.family.text())
    assert blocks()[name] == before
    report = build_report(comparison, window.document.presentation, source_name="x.yaml")
    assert words not in " ".join(render_html(report).split())
    assert flatten(words) not in read_pdf(render_pdf(report)).flat
