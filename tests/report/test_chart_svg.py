"""The HTML report's charts: inline SVG parsed back as XML, and the table under each."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace

from hypothesis import example, given, settings

from ketachecklist.core.document import Clinic
from ketachecklist.present.charts import BarChart
from ketachecklist.present.decision_types import RULED_OUT
from ketachecklist.report.chart_svg import name_lines
from ketachecklist.report.common import printable_text
from ketachecklist.report.html import render_html
from ketachecklist.report.model import build_report
from tests.core.decision.builders import make, rate
from tests.report.factory import HOSTILE_NAME, make_comparison
from tests.strategies import name_text


def svgs(page: str) -> list[ET.Element]:
    return [ET.fromstring(m) for m in re.findall(r"<svg .*?</svg>", page, re.DOTALL)]


def texts(svg: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in svg.iter("text")]


def check_chart(svg: ET.Element, chart: BarChart) -> None:
    assert svg.get("role") == "img"
    title = svg.find("title")
    desc = svg.find("desc")
    assert title is not None
    assert title.text == chart.title
    assert desc is not None
    assert desc.text == chart.description
    assert set((svg.get("aria-labelledby") or "").split()) == {title.get("id"), desc.get("id")}
    bars = [r for r in svg.iter("rect") if r.get("class") == "bar"]
    drawn = [b for b in chart.bars() if b.value is not None]
    assert len(bars) == len(drawn)  # one <rect> per bar with a value, none for "No score yet"
    for rect, bar in zip(bars, drawn, strict=True):
        assert "".join(rect.itertext()) == bar.label
        assert float(rect.get("width") or -1) >= 0
    words = texts(svg)
    for group in chart.groups:
        lines = [printable_text(line) for line in name_lines(group.name)]
        after = [f"✖ {group.note}"] if group.note else [chart.series[0].name]
        # The name, then its note or first bar's label: a name such as "0" is also a tick.
        heading = [*lines, *after]
        assert any(words[i : i + len(heading)] == heading for i in range(len(words)))
        for bar in group.bars:
            assert bar.detail in words
    for series in chart.series:
        assert series.name in words
    assert set(chart.tick_texts) <= set(words)
    assert len([p for p in svg.iter("path") if p.get("class") == "range"]) == 2 * sum(
        1 for b in chart.bars() if b.has_range
    )


def test_every_chart_is_an_accessible_svg_with_a_rect_per_bar_and_its_table() -> None:
    report = build_report(make_comparison(5))
    assert report.charts is not None
    page = render_html(report)
    found = svgs(page)
    assert len(found) == 2
    for svg, chart in zip(found, report.charts.charts, strict=True):
        check_chart(svg, chart)
    tables = re.findall(r'<table class="chart-table".*?</table>', page, re.DOTALL)
    assert len(tables) == 2
    for table, chart in zip(tables, report.charts.charts, strict=True):
        parsed = ET.fromstring(table.replace("&#x27;", "'"))
        rows = [["".join(c.itertext()) for c in tr] for tr in parsed.iter("tr")]
        assert tuple(rows[0]) == chart.table.header
        assert [tuple(r) for r in rows[1:]] == list(chart.table.rows)


def test_clinic_names_are_escaped_text_in_the_svg() -> None:
    comparison = make_comparison(3)
    nasty = f"{HOSTILE_NAME} \"quoted\" 'single' </svg><script>x</script>"
    comparison.update_clinic(replace(comparison.clinics[0], name=nasty))
    page = render_html(build_report(comparison))
    assert "<script>" not in page
    assert "</svg><script>" not in page
    for svg in svgs(page):
        assert " ".join(name_lines(nasty)) in " ".join(texts(svg))
        assert not [e for e in svg.iter() if e.tag in {"script", "b", "foreignObject"}]


@settings(max_examples=25, deadline=None)
@given(name_text)
@example("0")  # a name that is also a tick label of the axis
def test_any_clinic_name_parses_back_as_the_same_text(name: str) -> None:
    comparison = make("Harbor")
    comparison.update_clinic(Clinic(id="harbor", name=name))
    rate(comparison, "harbor", e1=4)
    report = build_report(comparison)
    assert report.charts is not None
    for svg, chart in zip(svgs(render_html(report)), report.charts.charts, strict=True):
        check_chart(svg, chart)


def test_ruled_out_and_unscored_clinics_say_so_and_draw_no_zero_bar() -> None:
    comparison = make("Harbor", "Lakeside", "Summit")
    rate(comparison, "harbor", e1=5)
    rate(comparison, "lakeside", e1=5, c1=1)
    comparison.set_deal_breaker("c1", True)
    report = build_report(comparison)
    assert report.charts is not None
    svg = svgs(render_html(report))[0]
    words = texts(svg)
    assert words.index("Harbor") < words.index("Summit") < words.index("Lakeside")
    assert f"✖ {RULED_OUT}" in words
    bars = [r for r in svg.iter("rect") if r.get("class") == "bar"]
    # Harbor: evaluation; Lakeside: evaluation and cost; Summit: none (nothing rated).
    assert len(bars) == 3
    assert words.count("No score yet, could end 0–100") == 2 + 1 + 3
