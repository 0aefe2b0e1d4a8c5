"""The charts as inline SVG for the HTML report, each followed by its text alternative.

Self-contained: no scripts, no links, nothing fetched; the hatch patterns are defined in the
SVG itself and referenced by fragment (``url(#…)`` within the page). Every text — clinic names
are user data — is escaped like the rest of the page. Horizontal bars: each clinic's name on a
line of its own (names can be long), then one bar per series with its name on the left and its
words on the right, so the chart reads in black and white by its labels and patterns, never by
colour alone. ``role="img"`` with ``<title>`` and ``<desc>`` names it for a screen reader; the
table under it holds the same numbers.
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass

from ketachecklist.present.charts import Bar, BarChart, ChartSet, Pattern
from ketachecklist.report.common import printable_text

FONT = 13.0
CHARACTER = FONT * 0.62  # a generous average width of a character, to size the columns
PLOT_WIDTH = 330.0
ROW = 19.0  # one bar's row
BAR = 13.0
HEADING = 22.0  # a clinic's name line
NAME_CHARACTERS = 80  # a long name wraps at about this many characters
TOP = 58.0  # legend and axis above the first group
DARK = "#404040"

_PATTERN_MARKS = {
    Pattern.DIAGONAL: "M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6",
    Pattern.CROSS: "M0,0.5 H8 M0.5,0 V8",
    Pattern.HORIZONTAL: "M0,4 H8",
    Pattern.BACK_DIAGONAL: "M0,0 L8,8 M-2,6 L2,10 M6,-2 L10,2",
    Pattern.VERTICAL: "M4,0 V8",
    Pattern.DIAGONAL_CROSS: "M0,8 L8,0 M0,0 L8,8",
}


@dataclass(frozen=True)
class _Geometry:
    """Where the columns go: series names, the plot, each bar's words (sized to the text)."""

    label_right: float
    plot_left: float
    plot_right: float
    value_left: float
    width: float

    @classmethod
    def of(cls, chart: BarChart) -> _Geometry:
        label = max((len(s.name) for s in chart.series), default=0) * CHARACTER
        words = max((len(b.detail) for b in chart.bars()), default=0) * CHARACTER
        plot_left = label + 10
        value_left = plot_left + PLOT_WIDTH + 10
        return cls(label, plot_left, plot_left + PLOT_WIDTH, value_left, value_left + words + 4)


def esc(text: str) -> str:
    return html.escape(printable_text(text), quote=True)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _x(chart: BarChart, at: _Geometry, value: float) -> float:
    share = min(max(value / chart.axis_max, 0.0), 1.0) if chart.axis_max > 0 else 0.0
    return at.plot_left + share * (at.plot_right - at.plot_left)


def _pattern_id(chart: BarChart, index: int) -> str:
    return f"chart-{chart.key}-pattern-{index}"


def fill(chart: BarChart, index: int) -> str:
    pattern = chart.series[index].pattern
    return DARK if pattern is Pattern.SOLID else f"url(#{_pattern_id(chart, index)})"


def _defs(chart: BarChart) -> list[str]:
    out = ["<defs>"]
    for index, series in enumerate(chart.series):
        if series.pattern is Pattern.SOLID:
            continue
        if series.pattern is Pattern.DOTS:
            marks = '<circle cx="4" cy="4" r="1.6" fill="#000"/>'
        else:
            path = _PATTERN_MARKS[series.pattern]
            marks = f'<path d="{path}" stroke="#000" stroke-width="1.4" fill="none"/>'
        out.append(
            f'<pattern id="{_pattern_id(chart, index)}" width="8" height="8" '
            'patternUnits="userSpaceOnUse">'
            '<path d="M0,0 H8 V8 H0 Z" fill="#fff"/>'
            f"{marks}</pattern>"
        )
    out.append("</defs>")
    return out


def _text(x: float, y: float, text: str, *, anchor: str = "start", bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return f'<text x="{_num(x)}" y="{_num(y)}" text-anchor="{anchor}"{weight}>{esc(text)}</text>'


def name_lines(name: str) -> list[str]:
    return textwrap.wrap(name, NAME_CHARACTERS, break_on_hyphens=False) or [""]


def _legend_and_axis(chart: BarChart, at: _Geometry, axis_y: float) -> list[str]:
    out = []
    x = 0.0
    for index, series in enumerate(chart.series):
        out.append(
            f'<rect class="swatch" x="{_num(x)}" y="4" width="18" height="13" '
            f'fill="{fill(chart, index)}" stroke="#000"/>'
        )
        out.append(_text(x + 24, 15, series.name))
        x += 24 + len(series.name) * CHARACTER + 18
    out.append(_text(at.plot_left, 34, chart.value_axis, bold=True))
    for tick, label in zip(chart.ticks, chart.tick_texts, strict=True):
        out.append(_text(_x(chart, at, tick), axis_y - 4, label, anchor="middle"))
    return out


def _grid(chart: BarChart, at: _Geometry, top: float, bottom: float) -> list[str]:
    """The tick lines and the axis across one clinic's bars (not through its name)."""
    out = []
    for tick in chart.ticks:
        tx = _num(_x(chart, at, tick))
        out.append(
            f'<line x1="{tx}" y1="{_num(top)}" x2="{tx}" y2="{_num(bottom)}" '
            'stroke="#999" stroke-width="0.7"/>'
        )
    left = _num(at.plot_left)
    out.append(
        f'<line x1="{left}" y1="{_num(top)}" x2="{left}" y2="{_num(bottom)}" '
        'stroke="#000" stroke-width="1"/>'
    )
    return out


def _bar(chart: BarChart, at: _Geometry, bar: Bar, y: float) -> list[str]:
    name = chart.series[bar.series_index].name
    out = [_text(at.label_right, y + BAR - 2, name, anchor="end")]
    if bar.value is not None:
        width = _x(chart, at, bar.value) - at.plot_left
        out.append(
            f'<rect class="bar" x="{_num(at.plot_left)}" y="{_num(y)}" width="{_num(width)}" '
            f'height="{_num(BAR)}" fill="{fill(chart, bar.series_index)}" stroke="#000">'
            f"<title>{esc(bar.label)}</title></rect>"
        )
    if bar.has_range and bar.low is not None and bar.high is not None:
        low, high, mid = _x(chart, at, bar.low), _x(chart, at, bar.high), y + BAR / 2
        whisker = (
            f"M{_num(low)},{_num(mid)} H{_num(high)} "
            f"M{_num(low)},{_num(mid - 5)} V{_num(mid + 5)} "
            f"M{_num(high)},{_num(mid - 5)} V{_num(mid + 5)}"
        )
        # A white edge under the black line keeps it visible on a dark bar.
        out.append(f'<path class="range" d="{whisker}" stroke="#fff" stroke-width="4"/>')
        out.append(f'<path class="range" d="{whisker}" stroke="#000" stroke-width="1.6"/>')
    out.append(_text(at.value_left, y + BAR - 2, bar.detail))
    return out


def render_chart_svg(chart: BarChart) -> str:
    """The chart as one ``<svg>`` element (no XML declaration: it goes inside the page)."""
    at = _Geometry.of(chart)
    axis_y = TOP
    body: list[str] = []
    y = axis_y + 8
    for group in chart.groups:
        lines = name_lines(group.name)
        for line_number, line in enumerate(lines):
            body.append(_text(0, y + FONT + line_number * (FONT + 3), line, bold=True))
        y += HEADING + (len(lines) - 1) * (FONT + 3)
        if group.note:
            body.append(_text(0, y + FONT - 2, f"✖ {group.note}", bold=True))
            y += HEADING - 4
        bars: list[str] = []
        top = y - 3
        for bar in group.bars:
            bars += _bar(chart, at, bar, y)
            y += ROW
        body += [*_grid(chart, at, top, y - ROW + BAR + 3), *bars]
        y += 8
    height = y + 4
    title_id = f"chart-{chart.key}-title"
    desc_id = f"chart-{chart.key}-desc"
    parts = [
        f'<svg class="chart" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'viewBox="0 0 {_num(at.width)} {_num(height)}" width="100%" '
        f'font-family="DejaVu Sans, Arial, sans-serif" font-size="{_num(FONT)}">',
        f'<title id="{title_id}">{esc(chart.title)}</title>',
        f'<desc id="{desc_id}">{esc(chart.description)}</desc>',
        *_defs(chart),
        *_legend_and_axis(chart, at, axis_y),
        *body,
        "</svg>",
    ]
    return "\n".join(parts)


def render_table(chart: BarChart) -> list[str]:
    table = chart.table
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in table.header)
    out = [
        f'<table class="chart-table" id="chart-{chart.key}-table">',
        f"<caption>{esc(table.caption)}</caption>",
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
    ]
    for row in table.rows:
        name, *cells = row
        out.append(
            f'<tr><th scope="row"><span class="user">{esc(name)}</span></th>'
            + "".join(
                f'<td data-label="{esc(h)}">{esc(c)}</td>'
                for h, c in zip(table.header[1:], cells, strict=True)
            )
            + "</tr>"
        )
    out += ["</tbody>", "</table>"]
    return out


def charts_section(charts: ChartSet | None) -> list[str]:
    """The charts' section of the page: each chart, its note and its table."""
    if charts is None or not charts.scores.groups:
        return []
    out = ['<section class="charts">', "<h2>Charts</h2>"]
    for chart in charts.charts:
        out += [
            f'<div class="keep chart-block"><h3>{esc(chart.title)}</h3>',
            render_chart_svg(chart),
            f'<p class="chart-note">{esc(chart.note)}</p></div>',
            *render_table(chart),
        ]
    out.append("</section>")
    return out
