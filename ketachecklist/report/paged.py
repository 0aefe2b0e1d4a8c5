"""A small page-layout engine for the PDF report, the consultation sheet and the print preview.

Layout happens once, in device-independent *layout units* (1/720 inch, a tenth of a point), and
produces a list of pages of drawing operations; painting then replays them on any
``QPagedPaintDevice`` (``QPdfWriter`` or ``QPrinter``) scaled to its resolution. Because the
page count is known before anything is painted, every footer can say "page x of y".

Text is always plain: each paragraph is a ``QTextLayout`` over the raw string, so markup in a
clinic's name is drawn as the characters typed. Lines break only at spaces — never inside
"scored", "(tied)" or "</b>" — and a word wider than its whole column (the renderers widen
columns for every word of a heading or cell, so only a pasted address in a note can be one)
breaks where Qt allows, or anywhere. Text is never truncated: a table row that does not fit
moves to the next page with the table header repeated, and only a row taller than a whole page
is split — between two lines of text, continuing on the next page.

The engine is four modules: report/text_stack.py (units, styles, fonts, wrapped text),
report/page_ops.py (drawing operations), report/table_flow.py (the Flow down pages, tables) and
this one (page sizes, footers, painting), which re-exports the others' public names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.present.text import isolated, tr
from ketachecklist.report.common import NOT_MEDICAL_ADVICE
from ketachecklist.report.model import PageSize, format_date
from ketachecklist.report.page_ops import LineOp, Op, Page, RectOp, TextOp
from ketachecklist.report.table_flow import (
    HEADER_FILL,
    SUBTOTAL_FILL,
    Flow,
    Row,
    Table,
    widen_to_fit,
)
from ketachecklist.report.text_stack import (
    BLACK,
    LU_PER_INCH,
    Align,
    Fonts,
    Para,
    Style,
    TextStack,
    mm,
    pt,
)

__all__ = [
    "BLACK",
    "FOOTER_HEIGHT",
    "FOOTER_LINES",
    "FOOTER_STYLE",
    "HEADER_FILL",
    "LU_PER_INCH",
    "MARGINS_MM",
    "SUBTOTAL_FILL",
    "Align",
    "Flow",
    "Fonts",
    "LineOp",
    "Op",
    "Page",
    "PagedDocument",
    "PaintError",
    "Para",
    "RectOp",
    "Row",
    "Style",
    "Table",
    "TextOp",
    "TextStack",
    "body_height",
    "content_area",
    "footer_stack",
    "mm",
    "page_layout",
    "paint_document",
    "paint_pages",
    "pt",
    "running_footer",
    "shorten",
    "widen_to_fit",
]

MARGINS_MM = QMarginsF(12.0, 12.0, 12.0, 10.0)
FOOTER_STYLE = Style(9, align=Align.CENTER)
FOOTER_LINES = 2


def page_layout(size: PageSize, orientation: QPageLayout.Orientation) -> QPageLayout:
    page_size = QPageSize(
        QPageSize.PageSizeId.A4 if size is PageSize.A4 else QPageSize.PageSizeId.Letter
    )
    return QPageLayout(page_size, orientation, MARGINS_MM, QPageLayout.Unit.Millimeter)


def content_area(layout: QPageLayout) -> tuple[float, float]:
    """Width and height, in layout units, of the part of a page that text may use."""
    rect = layout.paintRect(QPageLayout.Unit.Point)
    return pt(rect.width()), pt(rect.height())


_FOOTER_GAP = pt(8)  # between the content and the footer, with a rule in it
FOOTER_HEIGHT = pt(FOOTER_STYLE.size) * 1.25 * FOOTER_LINES + _FOOTER_GAP


class PaintError(RuntimeError):
    """The paint device could not be drawn on (QPainter.begin failed)."""


def footer_stack(fonts: Fonts, lines: Sequence[str], width: float) -> TextStack:
    """The footer's lines, each kept to one line (shortened in the middle if it must be)."""
    fitted = [fonts.elided(line, FOOTER_STYLE, width - pt(1)) for line in lines[:FOOTER_LINES]]
    return TextStack(fonts, [Para("\n".join(fitted), FOOTER_STYLE)], width)


def paint_pages(
    device: QPagedPaintDevice,
    fonts: Fonts,
    pages: Sequence[Page],
    footer: Callable[[int, int], Sequence[str]],
) -> None:
    """Paint laid-out pages on ``device``, with the lines ``footer(page, count)`` at the foot
    of each (at most ``FOOTER_LINES``)."""
    width, height = content_area(device.pageLayout())
    painter = QPainter()
    if not painter.begin(device):
        raise PaintError(tr("could not start drawing the pages"))
    try:
        scale_x = device.logicalDpiX() / LU_PER_INCH
        scale_y = device.logicalDpiY() / LU_PER_INCH
        count = len(pages)
        for number, page in enumerate(pages, start=1):
            if number > 1 and not device.newPage():
                raise PaintError(tr("could not start a new page"))
            painter.save()
            painter.scale(scale_x, scale_y)
            painter.setPen(BLACK)
            for op in page:
                op.draw(painter)
                if not isinstance(op, TextOp):  # text leaves the pen as it found it
                    painter.setPen(BLACK)
            top = height - FOOTER_HEIGHT + _FOOTER_GAP
            LineOp(0.0, top - pt(3), width, top - pt(3), pt(0.4)).draw(painter)
            painter.setPen(BLACK)
            stack = footer_stack(fonts, footer(number, count), width)
            stack.draw(painter, 0.0, top, 0.0, stack.height)
            painter.restore()
    finally:
        painter.end()


def paint_document(
    device: QPagedPaintDevice,
    fonts: Fonts,
    layout: Callable[[Fonts, float, float], list[Page]],
    footer: Callable[[int, int], Sequence[str]],
) -> int:
    """Lay a document out for ``device``'s page layout (``layout(fonts, width, height)``
    gives its pages, the footer's room left out) and paint it; returns the page count. The
    report and the consultation sheet, on a PDF writer or a printer, all go through here."""
    page_layout = device.pageLayout()
    pages = layout(fonts, content_area(page_layout)[0], body_height(page_layout))
    paint_pages(device, fonts, pages, footer)
    return len(pages)


class PagedDocument(FrozenRecord):
    """A printable document as the engine needs it, whichever it is (the report, the
    consultation sheet): its PDF page layout and title, ``layout(fonts, width, height)`` giving
    its pages and ``footer(page, count)`` the lines at the foot of each."""

    page_layout: QPageLayout
    title: str
    layout: Callable[[Fonts, float, float], list[Page]]
    footer: Callable[[int, int], Sequence[str]]

    def paint(self, device: QPagedPaintDevice, fonts: Fonts | None = None) -> int:
        """Lay out and paint on ``device`` with its current page layout; returns pages."""
        return paint_document(device, fonts or Fonts(), self.layout, self.footer)

    def pdf(self) -> bytes:
        """The whole PDF, in memory (write it with ``output.write_output``)."""
        return pdf_bytes(self.page_layout, self.title, self.paint)


def body_height(layout: QPageLayout) -> float:
    """Height left for content once the footer has its room."""
    return content_area(layout)[1] - FOOTER_HEIGHT


def running_footer(
    generated: dt.date, parts: Sequence[str], crisis_pointer: str, page: int, count: int
) -> list[str]:
    """The two footer lines of every printed page: the date, ``parts`` (the file's name…)
    and "page x of y"; then the notice and where to call in a crisis."""
    page_of = tr("page {page} of {count}").format(page=page, count=count)
    first = " · ".join([format_date(generated), *map(isolated, parts), page_of])
    return [first, f"{tr(NOT_MEDICAL_ADVICE)} · {crisis_pointer}"]


def shorten(text: str, limit: int) -> str:
    """Shorten ``text`` in the middle (for a running footer only; never for content)."""
    if len(text) <= limit:
        return text
    keep = (limit - 1) // 2
    return f"{text[:keep]}…{text[-keep:]}"


def pdf_bytes(page_layout: QPageLayout, title: str, paint: Callable[[QPdfWriter], int]) -> bytes:
    """A whole PDF in memory: ``paint`` lays out and draws the pages on the writer."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout)
    writer.setTitle(title)
    writer.setCreator("ketachecklist")
    paint(writer)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(data.data())
