"""The family page on paper and in every export: the verdict, the ranges, the red flags named
and as coverage, and "ruled out by your own criteria" — read back from the PDF (QtPdf and
pdftotext), the HTML (parsed) and the CSV (the csv module); type sizes; a 12-clinic page that
keeps each clinic's block whole."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field, replace
from functools import cache
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketachecklist.core.catalogue import load_bundled_catalogue
from ketachecklist.core.document import Comparison, Decision, WeightProfile
from ketachecklist.core.storage import load_comparison
from ketachecklist.present import Presentation
from ketachecklist.present.decision import RULED_OUT
from ketachecklist.report.csv_export import render_csv
from ketachecklist.report.html import render_html
from ketachecklist.report.model import ComparisonReport, build_report
from ketachecklist.report.pdf import render_pdf
from tests.conftest import EXAMPLES
from tests.report.factory import make_comparison
from tests.report.pdf_text import _EMOJI, read_pdf, searchable, shows
from tests.report.pdf_words import needs_pdftotext, read_words, size
from tests.strategies import comparisons

TODAY = dt.date(2026, 12, 10)
SUBSTANCE_USE = "evaluation-substance-use"  # Quickwell's answer raises its red flag


def example() -> Comparison:
    return load_comparison(EXAMPLES / "three-clinics.yaml", load_bundled_catalogue())


def with_a_deal_breaker() -> Comparison:
    """The example with substance-use screening marked as a deal-breaker: Quickwell, which
    has the red flag there, is ruled out by the patient's own criteria."""
    comparison = example()
    comparison.set_deal_breaker(SUBSTANCE_USE, True)
    return comparison


def quickwell(comparison: Comparison) -> str:
    return next(c.id for c in comparison.clinics if c.name.startswith("Quickwell"))


@cache
def rendered(which: str) -> tuple[Comparison, ComparisonReport, bytes]:
    comparison = {
        "example": example,
        "deal-breaker": with_a_deal_breaker,
        "twelve": lambda: make_comparison(12),
    }[which]()
    report = build_report(comparison, source_name="family.yaml", generated=TODAY)
    return comparison, report, render_pdf(report)


def family_pages(report: ComparisonReport, texts: list[str]) -> list[str]:
    """The pages before "About the clinics": the family page, however long it runs."""
    end = next(i for i, t in enumerate(texts) if "About the clinics" in t)
    return texts[: end + 1]


# --- PDF ----------------------------------------------------------------------------------------
def test_the_pdf_family_page_says_the_verdict_ranges_and_red_flags() -> None:
    comparison, report, pdf = rendered("example")
    pages = family_pages(report, read_pdf(pdf).texts)
    front = " ".join(pages)
    decision = Presentation(comparison).decision
    assert shows(pages[0], decision.verdict)
    assert decision.verdict.startswith("Riverside Mood Disorders Clinic (fictional) leads")
    assert shows(pages[0], f"{decision.weights_title}: {decision.weights_text}")
    for clinic in decision.clinics:
        assert shows(front, clinic.range_text)  # 'could end between 9 and 74 once …'
        assert shows(front, f"Red flags: {clinic.red_flags_text}")  # '⚠ 4 found, 4 of 9 checked'
        assert shows(front, clinic.concerns_text)
    # Quickwell's red flags are named in words, on its block.
    quick = decision.clinic(quickwell(comparison))
    assert quick.red_flags_text == "⚠ 4 found, 4 of 9 checked"  # the grid's words, mark and all
    assert "⚠ No screening for alcohol or other substance use" in quick.concerns_text
    for line in (*decision.firmness_lines, decision.overtake_text, decision.agreement_text):
        assert shows(front, line)
    assert shows(front, decision.price_context_text)
    assert "$350 to $1,000 per infusion (Verywell Mind, no date)" in decision.price_context_text
    for cost in decision.costs:
        assert shows(front, cost.course_text)


def test_a_clinic_ruled_out_says_so_wherever_its_rank_or_score_is_printed() -> None:
    comparison, report, pdf = rendered("deal-breaker")
    quick = quickwell(comparison)
    decision = Presentation(comparison).decision
    assert decision.clinic(quick).ruled_out
    texts = read_pdf(pdf).texts
    front = family_pages(report, texts)
    # On page 1, in the ranked table, and in its block with the reason.
    assert shows(front[0], f"{RULED_OUT}")
    reasons = decision.clinic(quick).ruled_out_reasons
    assert shows(" ".join(front), f"Why ruled out: {reasons}")
    assert decision.clinic(quick).ruled_out_text == (
        "Ruled out by your own criteria: ‘How do they address substance use?’ is a "
        "deal-breaker for you and the clinic has a red flag there (No screening for alcohol or "
        "other substance use), and you rated the clinic's answer 1 – Concerning."
    )
    # Every page that heads a column with Quickwell's name gives the phrase with it.
    name = next(c.name for c in comparison.clinics if c.id == quick)
    heads = [t for t in texts[len(front) :] if shows(t, name)]
    assert heads
    for text in heads:
        assert shows(text, f"{name} {RULED_OUT}"), text[:200]
    # The ruled-out clinic comes last, and no rank number is printed for it.
    assert report.clinics[-1].id == quick
    assert report.clinics[-1].rank_text == RULED_OUT


@needs_pdftotext
def test_the_family_page_type_is_large_enough() -> None:
    _, report, pdf = rendered("example")
    words = read_words(pdf)
    pages = family_pages(report, read_pdf(pdf).texts)
    on_family = [w for page in words[: len(pages) - 1] for w in page.words]
    assert min(size(w) for w in on_family) >= 9 - 0.05
    # The verdict is body text (11 pt); the clinic blocks are table cells (10 pt and up).
    verdict_first = report.family.verdict.split()[0]
    assert any(w.text == verdict_first and size(w) >= 11 - 0.05 for w in words[0].words)
    block_label = [w for w in on_family if w.text == "Concerns:"]
    assert block_label
    assert all(size(w) >= 10 - 0.05 for w in block_label)


def test_a_twelve_clinic_family_page_keeps_each_clinic_block_whole() -> None:
    comparison, report, pdf = rendered("twelve")
    texts = read_pdf(pdf).texts
    pages = family_pages(report, texts)
    assert len(report.family.clinics) == 12
    for clinic in report.family.clinics:
        # Emoji come back from the PDF as one, two or no replacement characters: look for the
        # name without them, then the standing that follows it.
        name = _EMOJI.sub("", clinic.name).strip()
        last_label, last_text = clinic.lines[-1]
        holding = [
            i
            for i, t in enumerate(pages)
            if shows(t, name) and shows(t, f"· {clinic.standing_text}")
        ]
        assert len(holding) == 1, clinic.name
        # Its last line is on the same page as its name: the block was never split.
        assert shows(pages[holding[0]], f"{last_label}: {last_text}"), clinic.name
    # With 12 clinics four are within 10 points of first place: the verdict counts them.
    verdict = report.family.verdict
    assert "top two" not in verdict
    decision = Presentation(comparison).analysis.verdict
    # Clinics tied for first are named as tied, not counted again as within reach.
    within = [c for c in decision.within_reach_ids if c not in decision.tied_ids]
    if len(within) > 1:
        assert f"{len(within)} other clinics are within 10 points" in verdict
    elif within:
        assert "1 other clinic is within 10 points" in verdict


# --- HTML ---------------------------------------------------------------------------------------
@dataclass
class _Blocks(HTMLParser):
    """The text of each clinic block (div.clinic-block) and of each table row."""

    blocks: dict[str, str] = field(default_factory=dict)
    rows: list[str] = field(default_factory=list)
    _block: str | None = None
    _depth: int = 0
    _row: list[str] | None = None

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
        if tag == "tr":
            self._row = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._block is not None:
            if self._depth == 0:
                self._block = None
            else:
                self._depth -= 1
        if tag == "tr" and self._row is not None:
            self.rows.append(" ".join(" ".join(self._row).split()))
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._block is not None:
            self.blocks[self._block] += data
        if self._row is not None:
            self._row.append(data)


def parsed(page: str) -> _Blocks:
    parser = _Blocks()
    parser.feed(page)
    return parser


def test_the_html_has_the_same_family_page_escaped() -> None:
    comparison, report, _ = rendered("deal-breaker")
    page = render_html(report)
    found = parsed(page)
    decision = Presentation(comparison).decision
    flat = " ".join(page.split())
    assert decision.verdict.replace("'", "&#x27;") in flat
    assert set(found.blocks) == {c.id for c in comparison.clinics}
    for clinic in decision.clinics:
        block = " ".join(found.blocks[clinic.clinic_id].split())
        assert clinic.name in block
        assert clinic.standing_text in block
        assert clinic.range_text in block
        assert clinic.red_flags_text in block
        assert clinic.concerns_text in block
    quick = quickwell(comparison)
    assert decision.clinic(quick).ruled_out_reasons in " ".join(found.blocks[quick].split())
    # Every table row naming Quickwell (ranked table, costs) says it is ruled out.
    name = next(c.name for c in comparison.clinics if c.id == quick)
    rows = [r for r in found.rows if name in r]
    assert len(rows) >= 2
    assert all(RULED_OUT in r for r in rows)


def test_hostile_names_stay_text_in_the_family_html() -> None:
    _, report, _ = rendered("twelve")
    page = render_html(report)
    hostile = next(c.name for c in report.family.clinics if "<b>" in c.name)
    assert hostile not in page  # never as markup
    found = parsed(page)
    assert any(hostile in text for text in found.blocks.values())


# --- CSV ----------------------------------------------------------------------------------------
def csv_rows(report: ComparisonReport) -> list[list[str]]:
    return list(csv.reader(io.StringIO(render_csv(report).decode("utf-8-sig"))))


def test_the_csv_has_the_standing_the_range_and_the_ruled_out_phrase() -> None:
    comparison, report, _ = rendered("deal-breaker")
    rows = csv_rows(report)
    header = rows[0]
    quick = quickwell(comparison)
    analysis = Presentation(comparison).analysis
    for column in report.clinics:
        first = header.index(f"{column.name} – rating (1–5)")
        rank = next(r for r in rows if r and r[0] == "Rank")
        overall = next(r for r in rows if r and r[0] == "Overall score")
        lowest, highest = (r for r in rows if r and r[0] == "Score range")
        score_range = analysis.of(column.id).score_range
        assert score_range.lowest is not None
        assert score_range.highest is not None
        assert int(lowest[first]) == round(score_range.lowest + 1e-9)
        assert int(highest[first]) == round(score_range.highest + 1e-9)
        assert lowest[first + 1].startswith("could end between")
        if column.id == quick:
            assert rank[first] == ""  # no number for a clinic ruled out
            assert rank[first + 1] == RULED_OUT
            assert overall[first + 1] == RULED_OUT
        else:
            assert rank[first + 1] != RULED_OUT
            assert RULED_OUT not in overall[first + 1]
    checked = next(r for r in rows if r and r[1] == "Red-flag questions checked")
    assert "⚠ 4 found, 4 of 9 checked" in checked


@pytest.mark.parametrize("which", ["example", "twelve"])
def test_every_output_gives_a_ruled_out_clinic_the_phrase(which: str) -> None:
    """With the first clinic in the standing ruled out, the phrase is in all three files."""
    comparison = example() if which == "example" else make_comparison(12)
    leader = Presentation(comparison).analysis.leader_id
    assert leader is not None
    flagged = next(
        q.id
        for q in comparison.questions()
        if q.red_flag is not None
        and Presentation(comparison).scores.red_flag(leader, q.id) is None
        and Presentation(comparison).scores.applicability(leader, q.id).counts
    )
    rule = comparison.question(flagged).red_flag
    assert rule is not None
    old = comparison.answer(leader, flagged)
    comparison.set_answer(leader, flagged, replace(old, value=rule.when))
    comparison.set_deal_breaker(flagged, True)
    report = build_report(comparison, generated=TODAY)
    name = next(c.name for c in comparison.clinics if c.id == leader)
    pdf = searchable(read_pdf(render_pdf(report)).flat)
    assert shows(pdf, f"{name} · {RULED_OUT}")
    assert RULED_OUT in parsed(render_html(report)).blocks[leader]
    rank = next(r for r in csv_rows(report) if r and r[0] == "Rank")
    position = [c.id for c in report.clinics].index(leader)
    assert rank[3 + 3 * position + 1] == RULED_OUT


# --- any comparison -----------------------------------------------------------------------------
@settings(max_examples=40, deadline=None)
@given(st.data())
def test_any_comparison_with_deal_breakers_and_profiles_gives_a_family_page(
    data: st.DataObject,
) -> None:
    """Generated documents (hostile text, any weights) with random deal-breakers and a second
    person's profile: the family page builds, the HTML escapes it, the CSV marks exactly the
    clinics ruled out, and every ruled-out block says so."""
    comparison = data.draw(comparisons(load_bundled_catalogue(), max_clinics=5))
    questions = [q.id for q in comparison.questions()]
    for question_id in data.draw(st.lists(st.sampled_from(questions), unique=True, max_size=4)):
        comparison.set_deal_breaker(question_id, True)
    if data.draw(st.booleans()):
        comparison.add_weight_profile(WeightProfile("Mum <b>", {"cost": 3.0}))
    report = build_report(comparison, generated=TODAY)
    analysis = Presentation(comparison).analysis
    ruled = {c.clinic_id for c in analysis.clinics if c.ruled_out}
    assert {c.clinic_id for c in report.family.clinics if c.ruled_out} == ruled
    for clinic in report.family.clinics:
        assert (clinic.standing_text == RULED_OUT) == (clinic.clinic_id in ruled)
        assert ("Why ruled out" in dict(clinic.lines)) == (clinic.clinic_id in ruled)
    page = render_html(report)
    body = page.split("<body>", 1)[1]
    assert "<b>" not in body  # the report uses <strong>: any <b> would be user text as markup
    assert "<script>" not in body
    blocks = parsed(page).blocks
    assert set(blocks) == {c.id for c in comparison.clinics}
    for clinic_id in ruled:
        assert RULED_OUT in blocks[clinic_id]
    if comparison.clinics:
        rank = next(r for r in csv_rows(report) if r and r[0] == "Rank")
        marked = {
            column.id
            for index, column in enumerate(report.clinics)
            if rank[3 + 3 * index + 1] == RULED_OUT
        }
        assert marked == ruled


def test_a_decision_for_a_ruled_out_clinic_says_so_on_every_output() -> None:
    comparison = with_a_deal_breaker()
    chosen = quickwell(comparison)
    comparison.set_decision(Decision(chosen, "closest to home", dt.date(2026, 12, 1)))
    report = build_report(comparison, generated=TODAY)
    name = comparison.clinic(chosen).name
    expected = (
        f"✔ Your recorded decision on 1 December 2026: {name} (ruled out by your own criteria)."
    )
    assert report.decision.text == expected
    # The mark is drawn from the emoji font, which carries no text: the PDF gives back the rest.
    assert expected.removeprefix("✔ ") in searchable(read_pdf(render_pdf(report)).flat)
    assert expected in render_html(report)
    assert expected in render_csv(report).decode("utf-8-sig")
    comparison.set_deal_breaker(SUBSTANCE_USE, False)
    assert "ruled out" not in build_report(comparison, generated=TODAY).decision.text
