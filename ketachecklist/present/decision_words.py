"""Small pieces of the decision wording: lists, names, questions, ranges, coverage, prices."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from ketachecklist.core.catalogue import Catalogue, PriceRange, Question
from ketachecklist.core.decision.clinic_facts import RedFlagCoverage
from ketachecklist.core.decision.ranges import ScoreRange
from ketachecklist.core.scoring import RED_FLAG_MARK
from ketachecklist.present.numbers import money_text, plural, round_half_up
from ketachecklist.present.text import isolated, tr

_FIRST_SENTENCE = re.compile(r"(.+?[?.])(?:\s|$)")


def and_list(items: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {tr('and')} {items[-1]}"


def reasons_list(reasons: Sequence[str]) -> str:
    """'A', 'A, and B', 'A; B; and C': reasons are clauses that may hold 'and' themselves."""
    if len(reasons) <= 1:
        return "".join(reasons)
    if len(reasons) == 2:
        return f"{reasons[0]}, {tr('and')} {reasons[1]}"
    return f"{'; '.join(reasons[:-1])}; {tr('and')} {reasons[-1]}"


def clinic_name(name: str) -> str:
    """A name on one line: line breaks and runs of spaces typed into it become one space."""
    return " ".join(name.split())


def name_in_line(name: str) -> str:
    """A name the user typed, set inside one of our lines: on one line and isolated
    (``text.isolated``), so its own directions cannot turn our words around it."""
    return isolated(clinic_name(name))


def quoted(text: str) -> str:
    return f"‘{text}’"


def question_label(question: Question) -> str:
    """A question named in a line: its first sentence, whole ('Who is actually evaluating
    me?'); a question of one sentence is itself."""
    text = " ".join(question.text.split())
    match = _FIRST_SENTENCE.match(text)
    return match.group(1) if match else text


def red_flag_coverage_text(coverage: RedFlagCoverage) -> str:
    """Red flags as coverage, in the one wording every output shows (the grid's cell, the
    Decision tab's line, the family block, the PDF, HTML and CSV): 'none of 5 checked so far',
    'none found, 3 of 5 checked', '⚠ 2 found, 3 of 5 checked'; never a bare 0 that could read
    as 'safe'. Lower case, as it reads after a label ('red flags: none found, …') and alone."""
    if coverage.questions == 0:
        return tr("no question with a red flag counts for this clinic")
    if coverage.checked == 0:
        return tr("none of {questions} checked so far").format(questions=coverage.questions)
    checked = tr("{checked} of {questions} checked").format(
        checked=coverage.checked, questions=coverage.questions
    )
    if coverage.found == 0:
        return tr("none found, {checked}").format(checked=checked)
    return tr("{mark} {found} found, {checked}").format(
        mark=RED_FLAG_MARK, found=f"{coverage.found:,}", checked=checked
    )


def range_text(score_range: ScoreRange) -> str:
    """'could end between 40 and 81 once its 20 open questions are answered'."""
    if score_range.highest is None or score_range.lowest is None:
        return tr("no question counts for it yet")
    if score_range.settled:
        return tr("settled: every question that counts is rated")
    low = round_half_up(score_range.lowest)
    high = round_half_up(score_range.highest)
    open_questions = score_range.open_questions
    if low == high:
        return plural(
            open_questions,
            tr("stays at {score} however its %n open question is answered"),
            tr("stays at {score} however its %n open questions are answered"),
        ).format(score=low)
    return plural(
        open_questions,
        tr("could end between {low} and {high} once its %n open question is answered"),
        tr("could end between {low} and {high} once its %n open questions are answered"),
    ).format(low=low, high=high)


def margin_text(margin: float) -> str:
    """'13 points' (12.5 rounds up); 'less than 1 point' for a lead that rounds to 0."""
    points = round_half_up(margin)
    return plural(points, tr("%n point"), tr("%n points")) if points else tr("less than 1 point")


def rounded_multipliers(multiplier: float, more: bool) -> list[float]:
    """``multiplier`` (just past a crossing) in one, two, then three decimals, rounded away
    from 1 so it stays past the crossing (1.72 → 1.8, 1.72; 0.557 → 0.5, 0.55, 0.557), then
    one step of the last decimal further, for a crossing that falls exactly on a round figure.
    Whole numbers from 10 up. The caller keeps the first that really changes first place."""
    shown: list[float] = []
    for digits in (1, 2, 3):
        scale = 10**digits
        if more:
            value = math.ceil(multiplier * scale - 1e-6) / scale
            if value >= 10:
                value = float(math.ceil(multiplier - 1e-6))
        else:
            value = math.floor(multiplier * scale + 1e-6) / scale
        if value > 0 and value not in shown:
            shown.append(value)
    step = 0.001 if more else -0.001
    if shown and shown[-1] + step > 0:
        shown.append(round(shown[-1] + step, 3))
    return shown


def price_range_text(price: PriceRange, catalogue: Catalogue) -> str:
    """'$350 to $1,000 per infusion (Verywell Mind, no date)'."""
    source = catalogue.source(price.source)
    name = (source.short or source.title) if source is not None else price.source
    when = str(price.year) if price.year is not None else tr("no date")
    about = f"{tr('about')} " if price.about else ""
    return tr("{about}{low} to {high} per {per} ({source}, {when})").format(
        about=about,
        low=money_text(price.low),
        high=money_text(price.high),
        per=price.per,  # the catalogue's words (data/questions.yaml), not translated yet
        source=name,
        when=when,
    )
