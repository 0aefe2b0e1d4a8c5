"""Scores, questions rated, ranks and red-flag counts in words, by the one rounding rule."""

from __future__ import annotations

from ketachecklist.core.scoring import RED_FLAG_MARK, ClinicScore, SetResult
from ketachecklist.present.numbers import ordinal, percent_text, plural, whole_text
from ketachecklist.present.text import tr

NO_SCORE = "No score yet"
NOT_SCORED = "Not scored yet"
NO_RED_FLAGS = "None recorded"


def score_number_text(score: float | None) -> str:
    """'63' (62.5 rounds up), or 'No score yet': for a column headed 'of 100'."""
    return tr(NO_SCORE) if score is None else whole_text(score)


def score_text(score: float | None) -> str:
    """'63/100', or 'No score yet'."""
    return tr(NO_SCORE) if score is None else f"{whole_text(score)}/100"


def progress_text(rated: int, total: int) -> str:
    """'8 of 28'."""
    return f"{rated:,} {tr('of')} {total:,}"


def set_score_text(result: SetResult) -> str:
    """'63/100 · 3 of 6 rated'."""
    return f"{score_text(result.score)} · {progress_text(result.rated, result.total)} {tr('rated')}"


def not_applying_count_text(count: int) -> str:
    """'2 don't apply', '1 doesn't apply'; '' when every question counts."""
    if not count:
        return ""
    words = "doesn't apply" if count == 1 else "don't apply"
    return f"{count:,} {tr(words)}"


def completeness_text(score: ClinicScore) -> str:
    """'8 of 28 (29%)', with '; 2 don't apply' when questions were left out."""
    text = f"{progress_text(score.answered, score.total)} ({percent_text(score.completeness)})"
    aside = not_applying_count_text(len(score.not_applying))
    return f"{text}; {aside}" if aside else text


def rank_text(rank: int | None, clinic_count: int, *, tied: bool) -> str:
    """'2nd of 5', '1st of 5 (tied)', 'Not scored yet'."""
    if rank is None:
        return tr(NOT_SCORED)
    text = f"{ordinal(rank)} {tr('of')} {clinic_count:,}"
    return f"{text} ({tr('tied')})" if tied else text


def red_flag_count_text(count: int) -> str:
    """'⚠ 2 red flags', or 'None recorded'."""
    return f"{RED_FLAG_MARK} {plural(count, 'red flag')}" if count else tr(NO_RED_FLAGS)
