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

from ketachecklist.present.text import tr
from ketachecklist.report.chart_svg import charts_section
from ketachecklist.report.common import NOT_MEDICAL_ADVICE
from ketachecklist.report.html_family import family_sections, weights_paragraph
from ketachecklist.report.html_style import style_sheet
from ketachecklist.report.model import (
    Cell,
    ComparisonReport,
    SetTable,
    chunk_evenly,
    decided_text,
    printable_text,
)

CLINICS_PER_TABLE = 5


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
    css = style_sheet(report)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(tr("en", "the language code of the HTML export"))}">',
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
        f"{esc(report.footer_base)} · <strong>{esc(tr(NOT_MEDICAL_ADVICE))}</strong> · "
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
        out.append(f"<p>{esc(tr('No clinics in this comparison yet.'))}</p>")
    else:
        rank, overall, by_set = tr("Rank"), tr("Overall"), tr("Scores by question set")
        rated, course, flagged = (
            tr("Questions rated"),
            tr("Whole course (estimate)"),
            tr("Red flags"),
        )
        heads = [rank, tr("Clinic"), overall, by_set, rated, course, flagged]
        out += [
            '<table class="summary">',
            "<thead><tr>"
            + "".join(f'<th scope="col">{esc(head)}</th>' for head in heads)
            + "</tr></thead>",
            "<tbody>",
        ]
        for row in report.summary:
            choice = f"<br><strong>{esc(decided_text())}</strong>" if row.decided else ""
            # One cell, a line per set: the table fits a portrait page and a phone at 10 pt.
            line = tr("{set}: {score}")
            sets = "".join(
                f'<span class="line">{esc(line.format(set=title, score=score))}</span>'
                for title, score in zip(report.set_titles, row.set_score_texts, strict=True)
            )
            flags = row.red_flags_text
            out.append(
                f'<tr><td class="num"{_label(rank)}>{esc(row.rank_text)}</td>'
                f'<th scope="row"><span class="user">{esc(row.name)}</span>{choice}</th>'
                f'<td class="num"{_label(overall)}>'
                f"<strong>{esc(row.overall_text)}</strong></td>"
                f'<td class="sets"{_label(by_set)}>{sets}</td>'
                f"<td{_label(rated)}>{esc(row.completeness_text)}</td>"
                f"<td{_label(course)}>{esc(row.cost_text)}</td>"
                f"<td{_label(flagged)}>{esc(flags)}</td></tr>"
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
    out = ['<section class="clinics">', f"<h2>{esc(tr('About the clinics'))}</h2>"]
    for column, row in zip(report.clinics, report.summary, strict=True):
        out += [
            '<div class="keep">',
            f'<h3><span class="user">{esc(column.rank_text)} · {esc(column.name)}</span></h3>',
            "<dl>",
        ]
        for label, value in column.details:
            out.append(f'<dt>{esc(label)}</dt><dd class="user">{esc(value)}</dd>')
        if column.notes:
            notes = esc(tr("Your notes"))
            out.append(f'<dt>{notes}</dt><dd class="user">{esc(column.notes)}</dd>')
        flags = "; ".join((row.red_flag_coverage_text, *row.red_flags))
        out.append(f"<dt>{esc(tr('Red flags'))}</dt><dd>{esc(flags)}</dd>")
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
    caption = tr("Clinics {first}–{last} of {count} (ranked order)").format(
        first=chunk.start + 1, last=chunk.stop, count=len(report.clinics)
    )
    return f"<caption>{esc(caption)}</caption>"


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
        question = esc(tr("Question"))
        out += [
            f'<table><thead><tr><th scope="col" class="question">{question}</th></tr></thead>'
            "<tbody>",
        ]
        for row in table.rows:
            question = _question(row.number, row.text, row.note)
            out.append(f'<tr><th scope="row" class="question">{question}</th></tr>')
        out += ["</tbody></table>"]
    for chunk in chunks:
        out += _table_start(report, chunk, len(chunks), esc(tr("Question")))
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
    out = ['<section class="totals">', f"<h2>{esc(tr('Scores, cost and red flags'))}</h2>"]
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
        f"<h2>{esc(tr('What the sources say'))}</h2>",
        "<p>"
        + esc(
            tr(
                "General information from the articles this checklist is built on, to discuss "
                "with the clinic and with your own doctor."
            )
        )
        + "</p>",
    ]
    for block in report.information:
        out += ['<div class="keep">', f"<h3>{esc(block.title)}</h3>"]
        if block.note:
            out.append(f"<p>{esc(block.note)}</p>")
        out.append("<ul>")
        out += [f"<li>{esc(item)}</li>" for item in block.items]
        out.append("</ul>")
        if block.citation:
            cited = tr("Source: {citation}").format(citation=block.citation)
            out.append(f"<p><em>{esc(cited)}</em></p>")
        out.append("</div>")
    if report.sources:
        out += [f"<h3>{esc(tr('Sources'))}</h3>", "<ul>"]
        for source in report.sources:
            note = f" — {esc(source.note)}" if source.note else ""
            out.append(f"<li>{esc(source.citation)}{note}</li>")
        out.append("</ul>")
    if report.catalogue_disclaimer:
        out.append(f"<p>{esc(report.catalogue_disclaimer)}</p>")
    out += [f'<p class="notice">{esc(report.disclaimer)}</p>', "</section>"]
    return out
