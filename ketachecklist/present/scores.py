"""Scores, questions rated, ranks and red-flag counts in words, by the one rounding rule."""

from __future__ import annotations

from ketachecklist.core.scoring import RED_FLAG_MARK, ClinicScore, SetResult
from ketachecklist.present.numbers import ordinal, percent_text, plural, whole_text
from ketachecklist.present.text import QT_TR_NOOP, tr

NO_SCORE = QT_TR_NOOP("No score yet")
NOT_SCORED = QT_TR_NOOP("Not scored yet")
NO_RED_FLAGS = QT_TR_NOOP("None recorded")


def score_number_text(score: float | None) -> str:
    """'63' (62.5 rounds up), or 'No score yet': for a column headed 'of 100'."""
    return tr(NO_SCORE) if score is None else whole_text(score)


def score_text(score: float | None) -> str:
    """'63/100', or 'No score yet'."""
    if score is None:
        return tr(NO_SCORE)
    return tr("{score}/100").format(score=whole_text(score))


def progress_text(rated: int, total: int) -> str:
    """'8 of 28'."""
    return tr("{rated} of {total}").format(rated=f"{rated:,}", total=f"{total:,}")


def set_score_text(result: SetResult) -> str:
    """'63/100 · 3 of 6 rated'."""
    return tr("{score} · {progress} rated").format(
        score=score_text(result.score), progress=progress_text(result.rated, result.total)
    )


def not_applying_count_text(count: int) -> str:
    """'2 don't apply', '1 doesn't apply'; '' when every question counts."""
    if not count:
        return ""
    return plural(count, tr("%n doesn't apply"), tr("%n don't apply"))


def completeness_text(score: ClinicScore) -> str:
    """'8 of 28 (29%)', with '; 2 don't apply' when questions were left out."""
    text = f"{progress_text(score.answered, score.total)} ({percent_text(score.completeness)})"
    aside = not_applying_count_text(len(score.not_applying))
    return f"{text}; {aside}" if aside else text


def rank_text(rank: int | None, clinic_count: int, *, tied: bool) -> str:
    """'2nd of 5', '1st of 5 (tied)', 'Not scored yet'."""
    if rank is None:
        return tr(NOT_SCORED)
    place = ordinal(rank)
    count = f"{clinic_count:,}"
    if tied:
        return tr("{place} of {count} (tied)").format(place=place, count=count)
    return tr("{place} of {count}").format(place=place, count=count)


def red_flag_count_text(count: int) -> str:
    """'⚠ 2 red flags', or 'None recorded'."""
    if not count:
        return tr(NO_RED_FLAGS)
    return f"{RED_FLAG_MARK} {plural(count, tr('%n red flag'), tr('%n red flags'))}"
