"""Money answers, cost details, insurance and the estimated course cost, in words."""

from __future__ import annotations

from ketachecklist.core.catalogue import AnswerKind, Question
from ketachecklist.core.document import AnswerValue, CostDetails, Coverage
from ketachecklist.core.scoring import CostBasis, CostEstimate
from ketachecklist.present.choices import choice_text
from ketachecklist.present.numbers import money_text, number_text, plural
from ketachecklist.present.text import QT_TR_NOOP, tr

# A course cost that cannot be estimated yet, in the one wording every output shows (the grid,
# the Decision tab, the family page, the PDF, HTML, CSV and the charts read it through here).
NO_COURSE_COST = QT_TR_NOOP("no course cost yet")
SHARE_NOT_KNOWN = QT_TR_NOOP("Not known yet")


COST_BASES = {
    CostBasis.COURSE_PRICE_QUOTED: QT_TR_NOOP("whole-course price quoted by the clinic"),
    CostBasis.PER_SESSION: QT_TR_NOOP("price per session × sessions recommended + other fees"),
    CostBasis.NOT_ENOUGH: QT_TR_NOOP("not enough recorded to estimate"),
}


def coverage_text(coverage: Coverage, percent: float | None) -> str:
    """'partly covered (60%)', 'not known yet'."""
    label = choice_text(coverage).lower()
    if coverage is Coverage.PARTIAL and percent is not None:
        return f"{label} ({number_text(percent)}%)"
    return label


def cost_details_text(details: CostDetails) -> str:
    """'$400 per session; 6 sessions recommended; other fees $200; insurance: not covered'."""
    parts = []
    if details.price_per_session is not None:
        price = money_text(details.price_per_session)
        parts.append(tr("{price} per session").format(price=price))
    if details.sessions_recommended is not None:
        parts.append(
            plural(
                details.sessions_recommended,
                tr("%n session recommended"),
                tr("%n sessions recommended"),
            )
        )
    if details.other_fees is not None:
        parts.append(tr("other fees {amount}").format(amount=money_text(details.other_fees)))
    if details.insurance is not Coverage.UNKNOWN or details.insurance_percent is not None:
        insurance = coverage_text(details.insurance, details.insurance_percent)
        parts.append(tr("insurance: {coverage}").format(coverage=insurance))
    return "; ".join(parts)


def value_text(question: Question, value: AnswerValue) -> str:
    """The structured part of an answer: 'Yes', '$2,600', '60 minutes', cost details; '' if
    nothing was recorded."""
    if value is None:
        return ""
    if isinstance(value, CostDetails):
        return cost_details_text(value)
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    if isinstance(value, int | float):
        number = money_text(value) if question.kind is AnswerKind.MONEY else f"{value:,}"
        return f"{number} {question.unit}" if question.unit else number
    return value


def numeric_value(question: Question, value: AnswerValue) -> float | int | None:
    """A money or count answer as a number (for spreadsheets); None for anything else."""
    if question.kind not in (AnswerKind.MONEY, AnswerKind.COUNT):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def no_course_cost_text() -> str:
    """'no course cost yet': the one wording of a course cost not recorded well enough to
    estimate, wherever a course cost, what the family would pay or a cost per point would stand."""
    return tr(NO_COURSE_COST)


def course_total_text(cost: CostEstimate) -> str:
    return no_course_cost_text() if cost.course_total is None else money_text(cost.course_total)


def out_of_pocket_text(cost: CostEstimate) -> str:
    """What the family would pay: '$2,400'; 'no course cost yet' with no course to pay for;
    'Not known yet' when the share insurance pays is not recorded."""
    if cost.course_total is None:
        return no_course_cost_text()
    return tr(SHARE_NOT_KNOWN) if cost.out_of_pocket is None else money_text(cost.out_of_pocket)


def course_cost_text(cost: CostEstimate) -> str:
    """'$6,000', with what the patient would pay when insurance changes it."""
    if cost.course_total is None:
        return no_course_cost_text()
    text = money_text(cost.course_total)
    if cost.out_of_pocket == 0:
        return tr("{total} (insurance covers it all)").format(total=text)
    if cost.out_of_pocket is None:
        return tr("{total} (your share: not known yet)").format(total=text)
    if money_text(cost.out_of_pocket) != text:
        return tr("{total} (you pay about {share})").format(
            total=text, share=money_text(cost.out_of_pocket)
        )
    return text


def cost_basis_text(cost: CostEstimate) -> str:
    """'whole-course price quoted by the clinic', or how else the estimate was made."""
    return tr(COST_BASES[cost.basis])
