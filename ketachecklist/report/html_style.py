"""The HTML report's one style sheet (pinned by its hash in the page's Content-Security-Policy):
type for older eyes, the narrow-screen blocks, and the printed pages' margins with the notice,
the crisis pointer and "page x of y" in the reader's language."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketachecklist.present.text import tr
from ketachecklist.report.common import NOT_MEDICAL_ADVICE, PageSize

if TYPE_CHECKING:
    from ketachecklist.report.model import ComparisonReport

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
    @bottom-right { content: PAGE_OF_PAGES; font: 9pt FONTS; } }
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


def style_sheet(report: ComparisonReport) -> str:
    """The report's one inline style sheet: screen, narrow screen and print."""
    size = "A4" if report.page_size is PageSize.A4 else "letter"
    orientation = "portrait" if len(report.clinics) <= PORTRAIT_MAX_CLINICS else "landscape"
    notice = css_string(f"{tr(NOT_MEDICAL_ADVICE)} · {report.crisis_pointer}")
    return (
        _CSS_TEMPLATE.replace("FONTS", _FONTS)
        .replace("PAGE_SIZE", f"{size} {orientation}")
        .replace("PAGE_NOTICE", notice)
        .replace("PAGE_OF_PAGES", _page_of_pages())
    )


_COUNTERS = {"{page}": "counter(page)", "{count}": "counter(pages)"}


def _page_of_pages() -> str:
    """'page x of y' as a printed page's CSS content: the words around the two counters."""
    words = re.split(r"(\{page\}|\{count\})", tr("page {page} of {count}"))
    return " ".join(_COUNTERS.get(part) or css_string(part) for part in words if part)


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string: quotes, backslashes, line breaks and "<" escaped (so
    the style sheet can never be closed from inside it)."""
    escaped = "".join(
        f"\\{ord(ch):x} " if ch in '"\\<>\n\r\f' or not ch.isprintable() else ch for ch in text
    )
    return f'"{escaped}"'
