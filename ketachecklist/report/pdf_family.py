"""The family page of the printed report: the verdict, the weights in force, a block per
clinic (kept whole: two abreast on a portrait page, three on a landscape one), what could still
change the ranking, how firm the lead is, who leads under each person's weights, and the costs
side by side."""

from __future__ import annotations

from ketachecklist.present.decision_words import name_in_line
from ketachecklist.present.text import tr
from ketachecklist.report.family_page import FamilyClinic, FamilyPage
from ketachecklist.report.model import ComparisonReport, decided_text
from ketachecklist.report.paged import Flow, Para, Row, Table, pt, widen_to_fit
from ketachecklist.report.pdf_styles import (
    BLOCK_WIDTH,
    BODY,
    BODY_BOLD,
    BULLET_INDENT,
    CELL,
    CELL_BOLD,
    CELL_ITALIC,
    H1,
    H2,
    HEAD,
    HINT_ITALIC,
    NOTE,
    PADDING,
    SLACK,
)

BLOCK_PADDING = pt(5)


def family_head(flow: Flow, report: ComparisonReport) -> None:
    """The heading, the verdict and the weights in force (the ranked table follows)."""
    page = report.family
    flow.text([Para(page.heading, H1)], keep_with=pt(80))  # "…, ranked by your scores"
    flow.space(pt(3))
    flow.text([Para(page.verdict, BODY_BOLD)])
    flow.space(pt(4))
    label = page.weights_label
    flow.text([Para(f"{label}: {page.weights_text}", BODY, len(label) + 1)])


def family_details(flow: Flow, report: ComparisonReport) -> None:
    """A block per clinic, what could change, how firm, everyone's view, the costs."""
    page = report.family
    if page.clinics:
        flow.space(pt(14))
        rows = _block_rows(flow, page)
        intro = [Para(page.intro, NOTE)]
        # The heading stays with its note and the first row of blocks as they are laid out
        # (three narrow boxes across are far taller than one block at the page's width).
        with_first = flow.stack(intro).height + flow.table_height(rows[0]) + pt(7)
        flow.text([Para(page.blocks_heading, H2)], keep_with=with_first)
        flow.space(pt(3))
        flow.text(intro)
        flow.space(pt(4))
        for table in rows:  # a row of blocks never splits across pages
            flow.keep_together(flow.table_height(table))
            flow.table(table)
    if page.has_leader:
        _section(flow, page.change_heading, list(page.change_lines))
        if page.deciding_questions:
            flow.space(pt(2))
            flow.bullets(page.deciding_questions, BODY, BULLET_INDENT)
        _section(flow, page.firmness_heading, list(page.firmness_lines))
    if page.clinics:
        _views(flow, page)
        _costs(flow, page)


def block_paras(clinic: FamilyClinic) -> list[Para]:
    """The name in bold with its standing ('… · 2nd of 5', '… · ruled out by your own
    criteria'), then a line per fact."""
    name = name_in_line(clinic.name)
    paras = [Para(f"{name} · {clinic.standing_text}", BODY, len(name))]
    if clinic.decided:
        paras.append(Para(decided_text(), CELL_ITALIC))
    paras += [Para(f"{label}: {text}", CELL, len(label) + 1) for label, text in clinic.lines]
    return paras


def _block_rows(flow: Flow, page: FamilyPage) -> list[Table]:
    """One block per clinic, each in its own box, up to three across: a table per row (a
    single block taller than a page is the only one that splits)."""
    blocks = [block_paras(c) for c in page.clinics]
    # Up to three across; fewer clinics share the width (one clinic: one wide, short box).
    across = max(1, min(3, int(flow.width // BLOCK_WIDTH), len(blocks)))
    width = flow.width / across
    return [
        Table([width] * len(cells), None, [Row(cells)], padding=BLOCK_PADDING)
        for cells in (blocks[start : start + across] for start in range(0, len(blocks), across))
    ]


def _section(flow: Flow, heading: str, lines: list[str]) -> None:
    if not lines:
        return
    flow.space(pt(12))
    paras = [Para(line, BODY) for line in lines]
    body = flow.stack(paras)  # placed whole when it fits a page: keep the heading with all of it
    flow.text([Para(heading, H2)], keep_with=min(body.height, flow.height / 2) + pt(3))
    flow.space(pt(3))
    flow.text(paras)


def _views(flow: Flow, page: FamilyPage) -> None:
    flow.space(pt(12))
    flow.text([Para(page.views_heading, H2)], keep_with=pt(40))
    flow.space(pt(3))
    flow.bullets(page.profile_lines, BODY, BULLET_INDENT)
    flow.text([Para(page.agreement_text, BODY)])
    flow.space(pt(4))
    flow.text([Para(f"{page.presets_label}:", BODY)], keep_with=pt(30))
    flow.bullets(page.preset_lines, BODY, BULLET_INDENT)


def _costs(flow: Flow, page: FamilyPage) -> None:
    header = [[Para(text, HEAD)] for text in page.cost_columns]
    rows = [
        Row(
            [
                [Para(cost.name, CELL_BOLD), Para(cost.standing_text, CELL_ITALIC)],
                *[[Para(text, CELL)] for text in cost.cells],
            ]
        )
        for cost in page.costs
    ]
    count = len(page.cost_columns)
    widths = [flow.width * 0.28] + [flow.width * 0.72 / (count - 1)] * (count - 1)
    needs = [
        flow.fonts.widest_word([*header[i], *(p for r in rows for p in r.cells[i])])
        + 2 * PADDING
        + SLACK
        for i in range(count)
    ]
    footnote = [Para(page.price_context_text, NOTE)] if page.price_context_text else []
    table = Table(
        widen_to_fit(widths, needs),
        header,
        rows,
        continued=[
            Para(tr("{heading} (continued)").format(heading=page.costs_heading), HINT_ITALIC)
        ],
        padding=PADDING,
        footnote=footnote,
    )
    flow.space(pt(12))
    flow.text(
        [Para(page.costs_heading, H2)],
        keep_with=flow.table_height(table, first_row_only=True) + pt(4),
    )
    flow.space(pt(4))
    flow.table(table)
