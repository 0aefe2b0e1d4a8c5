"""The PDF's charts: real text read back with QtPdf and poppler (sizes ≥ 9 pt), vector bars
(the page drawn in black and white shows them), and the text alternative after each chart."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from ketachecklist.report.model import ComparisonReport, build_report
from ketachecklist.report.pdf import render_pdf
from tests.core.decision.builders import make, rate
from tests.report.factory import make_comparison
from tests.report.pdf_text import flatten, read_pdf
from tests.report.pdf_words import needs_pdftotext, occurrences, read_words, size

PDFTOPPM = shutil.which("pdftoppm")


def chart_report(clinics: int) -> ComparisonReport:
    return build_report(make_comparison(clinics))


def test_the_chart_labels_and_the_text_alternative_are_text_in_the_pdf() -> None:
    report = chart_report(3)
    assert report.charts is not None
    pages = read_pdf(render_pdf(report))
    flat = pages.flat
    for chart in report.charts.charts:
        assert chart.title in flat
        assert chart.value_axis in flat
        assert flatten(chart.note) in flat
        assert chart.table.caption in flat
        for series in chart.series:
            assert series.name in flat
        for tick in chart.tick_texts:
            assert tick in flat
        for bar in chart.bars():
            assert bar.detail in flat
    # The charts come after the first page's content and before the clinics' details.
    scores_page = next(i for i, t in enumerate(pages.texts) if "Score (of 100)" in t)
    details_page = next(i for i, t in enumerate(pages.texts) if "About the clinics" in t)
    assert 0 < scores_page <= details_page


def test_a_ruled_out_clinic_says_so_in_the_pdf_chart() -> None:
    comparison = make("Harbor", "Lakeside")
    rate(comparison, "harbor", e1=5)
    rate(comparison, "lakeside", e1=5, c1=2)
    comparison.set_deal_breaker("c1", True)
    flat = read_pdf(render_pdf(build_report(comparison))).flat
    assert "✖ ruled out by your own criteria" in flat
    assert "No score yet, could end 0–100" in flat


def test_a_chart_over_two_pages_says_it_goes_on_and_repeats_its_legend_and_axis() -> None:
    report = chart_report(12)
    assert report.charts is not None
    chart = report.charts.scores
    pages = read_pdf(render_pdf(report))
    holding = [t for t in pages.texts if chart.value_axis in t]
    assert len(holding) >= 2  # 12 clinics × 4 bars do not fit on one page
    for text in holding[1:]:
        assert f"{chart.title} (continued)" in flatten(text)
        assert all(s.name in text for s in chart.series)
        assert all(t in text for t in chart.tick_texts)


@needs_pdftotext
@pytest.mark.parametrize("clinics", [3, 12])
def test_chart_text_is_at_least_9_points(clinics: int) -> None:
    report = chart_report(clinics)
    assert report.charts is not None
    pages = read_words(render_pdf(report))
    phrases = {bar.detail for chart in report.charts.charts for bar in chart.bars()}
    phrases |= {s.name for chart in report.charts.charts for s in chart.series}
    phrases |= {t for chart in report.charts.charts for t in chart.tick_texts}
    for phrase in phrases:
        found = [size(w) for page in pages for run in occurrences(page, phrase) for w in run]
        assert found, phrase
        assert min(found) >= 9 - 0.3, phrase


@needs_pdftotext
@pytest.mark.skipif(PDFTOPPM is None, reason="pdftoppm (poppler-utils) is not installed")
def test_the_bars_are_drawn_and_show_in_black_and_white(tmp_path: Path) -> None:
    """Drawn by poppler in grey, the row of Harbor's first bar is inked across the plot when
    the set is rated 100, and nearly blank when nothing is rated (no bar, only words)."""

    def ink_of_first_bar(report: ComparisonReport, name: str) -> float:
        data = render_pdf(report)
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(data)
        pages = read_words(data)
        number, page = next(
            (n, p) for n, p in enumerate(pages, 1) if occurrences(p, "Score (of 100)")
        )
        axis = occurrences(page, "Score (of 100)")[0][0]
        label = next(w for w in page.words if w.text == "Evaluation" and w.top > axis.bottom)
        page_range = ["-f", str(number), "-l", str(number)]
        subprocess.run(
            [
                str(PDFTOPPM),
                "-r",
                "80",
                "-gray",
                "-png",
                *page_range,
                str(pdf),
                str(tmp_path / name),
            ],
            check=True,
            timeout=60,
        )
        image = QImage(str(next(tmp_path.glob(f"{name}*.png"))))
        scale = 80 / 72
        left, right = int((label.right + 12) * scale), int(page.width * 0.6 * scale)
        top, bottom = int(label.top * scale), int(label.bottom * scale)
        pixels = [(x, y) for y in range(top, bottom + 1) for x in range(left, right)]
        dark = sum(1 for x, y in pixels if image.pixelColor(x, y).lightness() < 160)
        return dark / len(pixels)

    rated = make("Harbor", "Lakeside")
    rate(rated, "harbor", e1=5, e2=5, e3=5, a1=5, a2=5, a3=5, c1=5, c2=5)
    rate(rated, "lakeside", e1=4)
    assert ink_of_first_bar(build_report(rated), "rated") > 0.3  # hatching and edges: 0.45
    # Nothing rated: no bar, only the 0–100 range line and the grid cross the row (0.08).
    assert ink_of_first_bar(build_report(make("Harbor", "Lakeside")), "empty") < 0.15
