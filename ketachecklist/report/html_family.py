"""The family page in the HTML report: the same content as on paper, every string escaped."""

from __future__ import annotations

import html

from ketachecklist.present.decision_words import name_in_line
from ketachecklist.report.common import decided_text, printable_text
from ketachecklist.report.family_page import FamilyPage


def _esc(text: str) -> str:
    return html.escape(printable_text(text), quote=True)


def weights_paragraph(page: FamilyPage) -> str:
    return (
        f'<p class="weights"><strong>{_esc(page.weights_label)}:</strong> '
        f"{_esc(page.weights_text)}</p>"
    )


def _paragraphs(lines: tuple[str, ...]) -> list[str]:
    return [f"<p>{_esc(line)}</p>" for line in lines]


def _bullets(lines: tuple[str, ...]) -> list[str]:
    if not lines:
        return []
    return ["<ul>", *(f"<li>{_esc(line)}</li>" for line in lines), "</ul>"]


def family_sections(page: FamilyPage) -> list[str]:
    """Each clinic in short, what could still change, how firm, everyone's view, costs."""
    if not page.clinics:
        return []
    out = [
        '<section class="family">',
        f"<h2>{_esc(page.blocks_heading)}</h2>",
        f"<p>{_esc(page.intro)}</p>",
    ]
    for clinic in page.clinics:
        decided = f"<br><strong>{_esc(decided_text())}</strong>" if clinic.decided else ""
        out += [
            f'<div class="keep clinic-block" data-clinic="{_esc(clinic.clinic_id)}">',
            f'<h3><span class="user">{_esc(name_in_line(clinic.name))}</span> · '
            f'<span class="standing">{_esc(clinic.standing_text)}</span>{decided}</h3>',
            "<dl>",
            *(f"<dt>{_esc(label)}</dt><dd>{_esc(text)}</dd>" for label, text in clinic.lines),
            "</dl>",
            "</div>",
        ]
    if page.has_leader:
        out += [f"<h3>{_esc(page.change_heading)}</h3>", *_paragraphs(page.change_lines)]
        out += _bullets(page.deciding_questions)
        out += [f"<h3>{_esc(page.firmness_heading)}</h3>", *_paragraphs(page.firmness_lines)]
    out += [f"<h3>{_esc(page.views_heading)}</h3>", *_bullets(page.profile_lines)]
    out += [f"<p>{_esc(page.agreement_text)}</p>", f"<p>{_esc(page.presets_label)}:</p>"]
    out += _bullets(page.preset_lines)
    out += _costs(page)
    out.append("</section>")
    return out


def _costs(page: FamilyPage) -> list[str]:
    heads = "".join(f'<th scope="col">{_esc(c)}</th>' for c in page.cost_columns)
    out = [
        f"<h3>{_esc(page.costs_heading)}</h3>",
        '<table class="costs">',
        f"<thead><tr>{heads}</tr></thead>",
        "<tbody>",
    ]
    labels = page.cost_columns[1:]
    for cost in page.costs:
        cells = "".join(
            f'<td data-label="{_esc(label)}" class="user">{_esc(text)}</td>'
            for label, text in zip(labels, cost.cells, strict=True)
        )
        out.append(
            f'<tr><th scope="row"><span class="user">{_esc(cost.name)}</span><br>'
            f"<em>{_esc(cost.standing_text)}</em></th>{cells}</tr>"
        )
    out += ["</tbody>", "</table>"]
    if page.price_context_text:
        out.append(f'<p class="basis">{_esc(page.price_context_text)}</p>')
    return out
