"""The report as a spreadsheet (CSV): one row per question, three columns per clinic.

Columns: Set, Question (with the marks the grid shows after it: "your own question",
"counts ×2", "deal-breaker for me"), Question id, then for each clinic (in ranked order) its rating
(1–5, a number; empty when the answer does not apply), its answer (a number for money and
counts, otherwise words; "Doesn't apply to this clinic" or "Not for …" first when it does not
apply) and what the clinic said. After the questions come rows for each set's score, the overall
score, the rank (a clinic ruled out by a deal-breaker says "ruled out by your own criteria"
there, with no number, and beside its overall score), the lowest and highest score once the
open questions are answered, the share of questions rated, the course-cost estimates (a
missing one in the words every output uses), what you would pay per point of the overall score,
the red flags found and how many of their questions were checked, and a closing note. Scores
and shares are whole numbers, rounded half up like every other output (62.5 is 63).

Spreadsheet safety: any text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return (also after leading spaces or line breaks) gets a single quote (``'``) in
front, so Excel, LibreOffice and Google Sheets show it as text and never run it as a formula.
Real numbers (ratings, scores, costs, counts) are written as plain numbers and stay numbers.
The file is UTF-8 with a byte-order mark so Excel shows accents and other scripts correctly.
"""

from __future__ import annotations

import csv
import io
import math
import re

from ketachecklist.present.numbers import round_half_up
from ketachecklist.present.text import tr
from ketachecklist.report.model import Cell, ComparisonReport

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Value = str | int | float | None
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def neutralise(text: str) -> str:
    """Text that no spreadsheet will read as a formula (prefixed with ' when needed).

    Leading spaces and line breaks are looked through too (`` =1+1``), to be safe with
    spreadsheets that trim them on import.
    """
    if text.startswith(FORMULA_STARTS) or text.lstrip(" \n").startswith(FORMULA_STARTS):
        return f"'{text}"
    return text


def cell(value: Value) -> str | int | float:
    """A CSV cell: numbers stay numbers; text is neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        value = round(value, 2)
        return int(value) if value.is_integer() else value
    return neutralise(_text(value))


def _text(value: str) -> str:
    """User text for a cell, as typed: only control characters other than tab and line breaks
    are dropped (the CSV module quotes cells with line breaks)."""
    return _CONTROL.sub("", value)


def _answer_value(answer: Cell) -> Value:
    """The answer column: a number for money and counts that count, otherwise words.

    An answer that does not apply says so first, then what was recorded (kept, not counted),
    so the rating column holds only ratings that count and the number columns stay numeric.
    """
    if not answer.applies:
        return " – ".join(t for t in (answer.rating_text, answer.value_text) if t)
    value: Value = answer.value_number if answer.value_number is not None else answer.value_text
    if answer.red_flag:
        flag = answer.red_flag_sentence
        value = f"{value} – {flag}" if value not in (None, "") else flag
    return value


def report_rows(report: ComparisonReport) -> list[list[Value]]:
    clinics = report.clinics
    header: list[Value] = [tr("Set"), tr("Question"), tr("Question id")]
    heads = (
        tr("{clinic} – rating (1–5)"),
        tr("{clinic} – answer"),
        tr("{clinic} – what they said"),
    )
    for column in clinics:
        header += [head.format(clinic=column.name) for head in heads]
    rows: list[list[Value]] = [header]
    for table in report.sets:
        for question in table.rows:
            row: list[Value] = [table.title, question.marked_text, question.id]
            for answer in question.cells:
                row += [answer.rating, _answer_value(answer), answer.said]
            rows.append(row)
    for table in report.sets:
        row = [tr("Set score"), tr("{set} score (out of 100)").format(set=table.title), ""]
        for score in table.scores:
            number = None if score.score is None else round_half_up(score.score)
            row += [number, score.rated_text, ""]
        rows.append(row)
    summary_rows: list[tuple[str, str, list[tuple[Value, Value]]]] = [
        (
            tr("Overall score"),
            tr("Overall score (out of 100, by your scores)"),
            [(_whole(s.overall), s.rank_text if s.ruled_out else "") for s in report.summary],
        ),
        (
            tr("Rank"),
            tr("Rank by your scores (or ruled out by your own criteria)"),
            [(None if s.ruled_out else s.rank, s.rank_text) for s in report.summary],
        ),
        (
            tr("Score range"),
            tr("Lowest score once the open questions are answered"),
            [(_whole(s.lowest), s.range_text) for s in report.summary],
        ),
        (
            tr("Score range"),
            tr("Highest score once the open questions are answered"),
            [(_whole(s.highest), "") for s in report.summary],
        ),
        (
            tr("Questions rated"),
            tr("Questions rated (percent)"),
            [
                (
                    round_half_up(s.completeness * 100),
                    "; ".join(t for t in (s.progress_text, s.not_applying_text) if t),
                )
                for s in report.summary
            ],
        ),
    ]
    for total in (t for t in report.totals if t.key in ("course_cost", "out_of_pocket")):
        notes = total.note_texts or ("",) * len(clinics)
        if total.key == "course_cost":  # no number: the one wording of a missing cost beside it
            notes = tuple(
                note if number is not None else text
                for number, note, text in zip(total.numbers, notes, total.texts, strict=True)
            )
        summary_rows.append(
            (
                tr("Course cost"),
                total.label,
                [(n, note) for n, note in zip(total.numbers, notes, strict=True)],
            )
        )
    # A number a spreadsheet can add up, and the words that say what it is of
    per_point = {c.clinic_id: (c.per_point, c.per_point_text) for c in report.family.costs}
    summary_rows.append(
        (
            tr("Course cost"),
            report.family.cost_columns[-1],
            [per_point.get(column.id, (None, "")) for column in clinics],
        )
    )
    summary_rows.append(
        (
            tr("Red flags"),
            tr("Number of red flags"),
            # No number where none was checked: a spreadsheet would take 0 for "none found".
            [
                (len(s.red_flags) if s.red_flags_checked else None, "; ".join(s.red_flags))
                for s in report.summary
            ],
        )
    )
    summary_rows.append(
        (
            tr("Red flags"),
            tr("Red-flag questions checked"),
            [(None, s.red_flag_coverage_text) for s in report.summary],
        )
    )
    for kind, label, values in summary_rows:
        row = [kind, label, ""]
        for amount, note in values:
            row += [amount, note, ""]
        rows.append(row)
    rows.append([])
    decision = report.decision.text
    if report.decision.reason_text:
        decision += f" {report.decision.reason_text}"
    rows.append([tr("Decision"), decision])
    rows.append([tr("Note"), report.disclaimer])
    rows.append([tr("Crisis help"), report.crisis_help])  # as on every printed page
    return rows


def _whole(score: float | None) -> int | None:
    return None if score is None else round_half_up(score)


def render_csv(report: ComparisonReport) -> bytes:
    """The whole spreadsheet as UTF-8 bytes with a byte-order mark, CRLF line ends."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in report_rows(report):
        writer.writerow([cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig", errors="replace")
