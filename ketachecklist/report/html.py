"""The report as one self-contained HTML file: no scripts, no links, nothing fetched.

Every string goes through ``html.escape`` (after dropping control characters HTML cannot
carry), so a clinic called ``<script>…`` shows as those characters. The Content-Security-Policy
allows nothing but the one inline style sheet, pinned by its hash.

Crisis help is in the header, under the notice. The print style sheet sets the type for older
eyes (body 11 pt, table cells 10 pt, notes and the footer 9 pt), repeats table headers on every
page and keeps rows whole; the notice, the crisis pointer and "page x of y" go in each page's
bottom margin (CSS page-margin boxes, where the browser has them), never over the text, and the
footer closes the document in the normal flow. On a screen narrower than about 600 px every
table turns into one block per row: each clinic's answer under the question with the clinic's
name above it, each ranked clinic with its figures labelled (CSS only: the labels are
``data-label`` attributes, escaped like all text, shown with ``attr()``).
"""

from __future__ import annotations

import base64
import hashlib
import html

from ketachecklist.report.chart_svg import charts_section
from ketachecklist.report.html_family import family_sections, weights_paragraph
from ketachecklist.report.model import (
    NOT_MEDICAL_ADVICE,
    Cell,
    ComparisonReport,
    PageSize,
    SetTable,
    chunk_evenly,
    decided_text,
    printable_text,
)

CLINICS_PER_TABLE = 5
PORTRAIT_MAX_CLINICS = 3

_FONTS = '"DejaVu Sans", "Segoe UI", Arial, Helvetica, sans-serif'
_CSS_TEMPLATE = """
:root { color: #000; background: #fff; }
body { font-family: FONTS; font-size: 11pt;
  line-height: 1.35; margin: 1.5em auto; max-width: 80em; padding: 0 1em; }
h1 { font-size: 1.6em; margin: 0 0 0.2em; }
h2 { font-size: 1.25em; margin: 1.4em 0 0.4em; border-bottom: 2px solid #000;
  break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1.05em; margin: 1em 0 0.3em; break-after: avoid; page-break-after: avoid; }
p { margin: 0.3em 0; }
.subtitle { color: #333; }
.notice { font-weight: bold; border: 2px solid #000; padding: 0.4em 0.6em; }
.user { white-space: pre-wrap; overflow-wrap: break-word; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; }
th, td { border: 1px solid #444; padding: 0.3em 0.45em; vertical-align: top; text-align: left;
  overflow-wrap: break-word; }
thead th { background: #e6e6e6; }
caption { text-align: left; font-style: italic; padding: 0.2em 0; }
th.question { font-weight: normal; width: 30%; }
.number { font-weight: bold; margin-right: 0.3em; }
.qnote, .basis { display: block; font-size: 0.85em; font-style: italic; color: #333; }
.rating { font-weight: bold; }
.not-asked { font-weight: normal; font-style: italic; color: #333; }
.value { font-style: italic; }
.flag { font-weight: bold; border: 1px solid #000; padding: 0 0.2em; }
tr.subtotal th, tr.subtotal td { background: #f2f2f2; font-weight: bold; }
td.num { white-space: nowrap; }
dl { margin: 0.2em 0 0.6em; }
dt { font-weight: bold; float: left; clear: left; min-width: 11em; }
dd { margin: 0 0 0.1em 11.5em; }
footer { margin-top: 2em; border-top: 1px solid #000; padding-top: 0.4em; font-size: 0.9em; }
.crisis { margin: 0.5em 0 0.2em; }
.line { display: block; }
.said { overflow-wrap: anywhere; }  /* a pasted address may break; names and questions never */
.legend { break-before: avoid; page-break-before: avoid; }
.clinic-block { border: 1px solid #444; padding: 0.3em 0.6em; margin: 0 0 0.6em; }
.clinic-block h3 { margin: 0.2em 0; }
.standing { font-weight: normal; }
@media screen and (max-width: 600px) {
  body { margin: 0.6em auto; padding: 0 0.6em; }
  table, thead, tbody, tr, th, td, caption { display: block; width: auto; }
  table { border: 0; }
  thead { display: none; }
  tr { border: 1px solid #444; margin: 0 0 0.8em; }
  th, td { border: 0; border-top: 1px solid #999; }
  tr > :first-child { border-top: 0; }
  th.question { width: auto; }
  td[data-label]::before { content: attr(data-label); display: block; font-weight: bold; }
  table.summary td[data-label]::before { display: inline; content: attr(data-label) ": "; }
  table.summary td.sets::before { display: block; }
  td.num { white-space: normal; }
  dt { float: none; min-width: 0; }
  dd { margin: 0 0 0.4em 1em; }
}
@media print {
  @page { size: PAGE_SIZE; margin: 14mm 12mm 18mm;
    @bottom-center { content: PAGE_NOTICE; font: 9pt FONTS; }
    @bottom-right { content: "page " counter(page) " of " counter(pages); font: 9pt FONTS; } }
  body { font-size: 11pt; margin: 0; max-width: none; padding: 0; }
  table { font-size: 10pt; }
  caption, .qnote, .basis, footer { font-size: 9pt; }
  thead { display: table-header-group; }
  tr, .keep { break-inside: avoid; page-break-inside: avoid; }
  section.set, section.totals, section.information {
    break-before: page; page-break-before: always; }
  footer { break-inside: avoid; page-break-inside: avoid; }
}
"""


def _css(report: ComparisonReport) -> str:
    size = "A4" if report.page_size is PageSize.A4 else "letter"
    orientation = "portrait" if len(report.clinics) <= PORTRAIT_MAX_CLINICS else "landscape"
    notice = css_string(f"{NOT_MEDICAL_ADVICE} · {report.crisis_pointer}")
    return (
        _CSS_TEMPLATE.replace("FONTS", _FONTS)
        .replace("PAGE_SIZE", f"{size} {orientation}")
        .replace("PAGE_NOTICE", notice)
    )


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string: quotes, backslashes, line breaks and "<" escaped (so
    the style sheet can never be closed from inside it)."""
    escaped = "".join(
        f"\\{ord(ch):x} " if ch in '"\\<>\n\r\f' or not ch.isprintable() else ch for ch in text
    )
    return f'"{escaped}"'


def esc(text: str) -> str:
    """Text as HTML character data or attribute value: escaped, never markup."""
    return html.escape(printable_text(text), quote=True)


def content_security_policy(css: str) -> str:
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def render_html(report: ComparisonReport) -> str:
    css = _css(report)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(css)}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="ketachecklist">',
        f"<title>{esc(report.title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        "<header>",
        f'<h1 class="user">{esc(report.title)}</h1>',
        f'<p class="subtitle user">{esc(report.subtitle)}</p>',
        f'<p class="notice">{esc(report.disclaimer)}</p>',
        f'<p class="crisis">{esc(report.crisis_help)}</p>',
        "</header>",
        "<main>",
    ]
    parts += _summary(report)
    parts += family_sections(report.family)
    parts += charts_section(report.charts)
    parts += _clinics(report)
    for table in report.sets:
        parts += _set_section(report, table)
    parts += _totals(report)
    parts += _information(report)
    parts += [
        "</main>",
        '<footer><p class="user">'
        f"{esc(report.footer_base)} · <strong>{esc(NOT_MEDICAL_ADVICE)}</strong> · "
        f"{esc(report.crisis_pointer)}</p></footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def render_html_bytes(report: ComparisonReport) -> bytes:
    return render_html(report).encode("utf-8", errors="replace")


def _summary(report: ComparisonReport) -> list[str]:
    out = [
        '<section class="summary">',
        f"<h2>{esc(report.family.heading)}</h2>",
        f'<p class="verdict"><strong>{esc(report.verdict)}</strong></p>',
        weights_paragraph(report.family),
        f"<p>{esc(report.ranking_note)}</p>",
    ]
    if not report.summary:
        out.append("<p>No clinics in this comparison yet.</p>")
    else:
        out += [
            '<table class="summary">',
            "<thead><tr>"
            '<th scope="col">Rank</th><th scope="col">Clinic</th>'
            '<th scope="col">Overall</th><th scope="col">Scores by question set</th>'
            '<th scope="col">Questions rated</th><th scope="col">Whole course (estimate)</th>'
            '<th scope="col">Red flags</th></tr></thead>',
            "<tbody>",
        ]
        for row in report.summary:
            choice = f"<br><strong>{esc(decided_text())}</strong>" if row.decided else ""
            # One cell, a line per set: the table fits a portrait page and a phone at 10 pt.
            sets = "".join(
                f'<span class="line">{esc(title)}: {esc(score)}</span>'
                for title, score in zip(report.set_titles, row.set_score_texts, strict=True)
            )
            flags = row.red_flags_text
            out.append(
                f'<tr><td class="num"{_label("Rank")}>{esc(row.rank_text)}</td>'
                f'<th scope="row"><span class="user">{esc(row.name)}</span>{choice}</th>'
                f'<td class="num"{_label("Overall")}>'
                f"<strong>{esc(row.overall_text)}</strong></td>"
                f'<td class="sets"{_label("Scores by question set")}>{sets}</td>'
                f"<td{_label('Questions rated')}>{esc(row.completeness_text)}</td>"
                f"<td{_label('Whole course (estimate)')}>{esc(row.cost_text)}</td>"
                f"<td{_label('Red flags')}>{esc(flags)}</td></tr>"
            )
        out += ["</tbody>", "</table>"]
    # The note on how to read the report follows its table (and never starts a printed page).
    out.append(f'<p class="legend">{esc(report.legend)}</p>')
    out.append(f'<p class="decision"><strong class="user">{esc(report.decision.text)}</strong></p>')
    if report.decision.reason_text:
        out.append(f'<p class="user">{esc(report.decision.reason_text)}</p>')
    out.append("</section>")
    return out


def _clinics(report: ComparisonReport) -> list[str]:
    if not report.clinics:
        return []
    out = ['<section class="clinics">', "<h2>About the clinics</h2>"]
    for column, row in zip(report.clinics, report.summary, strict=True):
        out += [
            '<div class="keep">',
            f'<h3><span class="user">{esc(column.rank_text)} · {esc(column.name)}</span></h3>',
            "<dl>",
        ]
        for label, value in column.details:
            out.append(f'<dt>{esc(label)}</dt><dd class="user">{esc(value)}</dd>')
        if column.notes:
            out.append(f'<dt>Your notes</dt><dd class="user">{esc(column.notes)}</dd>')
        flags = "; ".join((row.red_flag_coverage_text, *row.red_flags))
        out.append(f"<dt>Red flags</dt><dd>{esc(flags)}</dd>")
        out += ["</dl>", "</div>"]
    out.append("</section>")
    return out


def _label(text: str) -> str:
    """The attribute that names a cell when a narrow screen shows the table as blocks."""
    return f' data-label="{esc(text)}"'


def _clinic_label(report: ComparisonReport, index: int) -> str:
    column = report.clinics[index]
    return _label(f"{column.rank_text} · {column.name}")


def _column_head(report: ComparisonReport, index: int) -> str:
    column = report.clinics[index]
    label = f"{esc(column.rank_text)} · {esc(column.name)}"
    return f'<th scope="col"><span class="user">{label}</span></th>'


def _table_start(report: ComparisonReport, chunk: range, chunks: int, corner: str) -> list[str]:
    """A table of the clinics in ``chunk`` (one of ``chunks``): its caption, then the header row,
    ``corner`` (markup) above the row labels and a head per clinic."""
    heads = "".join(_column_head(report, i) for i in chunk)
    return [
        "<table>",
        _caption(report, chunk, chunks),
        f'<thead><tr><th scope="col" class="question">{corner}</th>{heads}</tr></thead>',
        "<tbody>",
    ]


def _caption(report: ComparisonReport, chunk: range, chunks: int) -> str:
    if chunks <= 1:
        return ""
    return (
        f"<caption>Clinics {chunk.start + 1}–{chunk.stop} of {len(report.clinics)} "
        "(ranked order)</caption>"
    )


def _cell(cell: Cell, label: str) -> str:
    rating_class = "rating" if cell.rating is not None else "rating not-asked"
    parts = [f'<p class="{rating_class}">{esc(cell.headline)}</p>']
    if cell.value_text:
        parts.append(f'<p class="value user">{esc(cell.value_text)}</p>')
    if cell.said:
        parts.append(f'<p class="said user">{esc(cell.said)}</p>')
    if cell.red_flag:
        parts.append(f'<p><span class="flag">{esc(cell.red_flag_text)}</span></p>')
    return f"<td{label}>{''.join(parts)}</td>"


def _set_section(report: ComparisonReport, table: SetTable) -> list[str]:
    out = [
        '<section class="set">',
        f"<h2>{table.number}. {esc(table.title)}</h2>",
    ]
    if table.description:
        out.append(f"<p>{esc(table.description)}</p>")
    if table.weight != 1:
        out.append(f"<p>{esc(table.weight_text)}</p>")
    chunks = chunk_evenly(len(report.clinics), CLINICS_PER_TABLE)
    if not chunks:
        out += [
            '<table><thead><tr><th scope="col" class="question">Question</th></tr></thead><tbody>',
        ]
        for row in table.rows:
            question = _question(row.number, row.text, row.note)
            out.append(f'<tr><th scope="row" class="question">{question}</th></tr>')
        out += ["</tbody></table>"]
    for chunk in chunks:
        out += _table_start(report, chunk, len(chunks), "Question")
        for row in table.rows:
            cells = "".join(_cell(row.cells[i], _clinic_label(report, i)) for i in chunk)
            out.append(
                f'<tr><th scope="row" class="question">{_question(row.number, row.text, row.note)}'
                f"</th>{cells}</tr>"
            )
        scores = "".join(
            f"<td{_clinic_label(report, i)}>{esc(table.scores[i].text)}</td>" for i in chunk
        )
        out += [
            f'<tr class="subtotal"><th scope="row">{esc(table.score_label)}</th>{scores}</tr>',
            "</tbody>",
            "</table>",
        ]
    out.append("</section>")
    return out


def _question(number: str, text: str, note: str) -> str:
    note_html = f'<span class="qnote user">{esc(note)}</span>' if note else ""
    return (
        f'<span class="number">{esc(number)}</span><span class="user">{esc(text)}</span>{note_html}'
    )


def _totals(report: ComparisonReport) -> list[str]:
    chunks = chunk_evenly(len(report.clinics), CLINICS_PER_TABLE)
    if not chunks:
        return []
    out = ['<section class="totals">', "<h2>Scores, cost and red flags</h2>"]
    for chunk in chunks:
        out += _table_start(report, chunk, len(chunks), "&nbsp;")
        for total in report.totals:
            cells = []
            for i in chunk:
                note = total.note_texts[i] if total.note_texts else ""
                note_html = f'<span class="basis user">{esc(note)}</span>' if note else ""
                cells.append(
                    f'<td{_clinic_label(report, i)}><span class="user">{esc(total.texts[i])}'
                    f"</span>{note_html}</td>"
                )
            out.append(f'<tr><th scope="row">{esc(total.label)}</th>{"".join(cells)}</tr>')
        out += ["</tbody>", "</table>"]
    out.append("</section>")
    return out


def _information(report: ComparisonReport) -> list[str]:
    out = [
        '<section class="information">',
        "<h2>What the sources say</h2>",
        "<p>General information from the articles this checklist is built on, to discuss with "
        "the clinic and with your own doctor.</p>",
    ]
    for block in report.information:
        out += ['<div class="keep">', f"<h3>{esc(block.title)}</h3>"]
        if block.note:
            out.append(f"<p>{esc(block.note)}</p>")
        out.append("<ul>")
        out += [f"<li>{esc(item)}</li>" for item in block.items]
        out.append("</ul>")
        if block.citation:
            out.append(f"<p><em>Source: {esc(block.citation)}</em></p>")
        out.append("</div>")
    if report.sources:
        out += ["<h3>Sources</h3>", "<ul>"]
        for source in report.sources:
            note = f" — {esc(source.note)}" if source.note else ""
            out.append(f"<li>{esc(source.citation)}{note}</li>")
        out.append("</ul>")
    if report.catalogue_disclaimer:
        out.append(f"<p>{esc(report.catalogue_disclaimer)}</p>")
    out += [f'<p class="notice">{esc(report.disclaimer)}</p>', "</section>"]
    return out
