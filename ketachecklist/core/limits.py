"""Every bound a comparison keeps to, in one place.

The file reader refuses what exceeds them, the edit operations refuse to make it, and the widgets
stop the patient at the same numbers, so the app can never build a document it cannot save or
read back. Raising a bound here raises it everywhere at once.
"""

from __future__ import annotations

# --- how much a document holds ---------------------------------------------------------------
MAX_CLINICS = 500
MAX_CUSTOM_QUESTIONS = 200
MAX_TREATMENTS_LISTED = 20  # entries in one clinic's treatments list (there are 5 kinds)
MAX_SET_WEIGHTS = 20
MAX_WEIGHT_PROFILES = 20  # named set weights ("Me", "Mum"), see core/decision/profiles.py

# --- text, in characters ---------------------------------------------------------------------
MAX_TEXT = 100_000  # notes, what a clinic said, the decision's reason, a question's wording
MAX_NAME = 1000  # a clinic's name and phone number (one-line boxes)
MAX_SHORT_TEXT = 1000  # the box for an answer "in a few words" (the file may hold MAX_TEXT)
MAX_CLINIC_ID = 200
MAX_TITLE = 500
MAX_PROFILE_NAME = 100  # a weight profile's name

# --- numbers ---------------------------------------------------------------------------------
MIN_RATING = 1
MAX_RATING = 5
MAX_MONEY = 1e9  # dollars: a price, a fee
MAX_COUNT = 1_000_000_000  # the number a clinic gave in answer to a question
MAX_SESSIONS = 10_000  # sessions recommended for a course
MAX_PERCENT = 100.0  # the share insurance pays
MAX_WEIGHT = 100.0  # a set's or question's weight (0 leaves it out)

# --- files -----------------------------------------------------------------------------------
MAX_BYTES = 5 * 1024 * 1024  # a comparison or catalogue file
MAX_DEPTH = 40  # nesting of mappings and lists in a YAML file
# Values in one file, counted while composing, before any value is built: 5 MB of tiny items
# would otherwise cost tens of seconds and a gigabyte. 40,000 values hold about 6,000 answers
# with a rating and notes (200 clinics × 30 questions, all answered);
# benchmarks/bench_validate_limits.py keeps the worst file at the size limit under 2 s.
MAX_NODES = 40_000
MAX_RECENT_FILES = 8


class LimitError(ValueError):
    """An edit would go past one of the bounds above; the message names it in plain words."""


def check_text(what: str, text: str, limit: int, *, required: bool = False) -> None:
    if required and not text.strip():
        raise LimitError(f"{what} cannot be empty")
    if len(text) > limit:
        raise LimitError(f"{what} can be at most {limit:,} characters (this is {len(text):,})")


def check_number(
    what: str, value: float | None, maximum: float, *, minimum: float = 0.0, whole: bool = False
) -> None:
    """None passes (nothing recorded); otherwise a finite number within the bounds."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise LimitError(f"{what} must be a number")
    if whole and not isinstance(value, int):
        raise LimitError(f"{what} must be a whole number")
    if not minimum <= value <= maximum:  # also refuses NaN
        raise LimitError(f"{what} must be between {_figure(minimum)} and {_figure(maximum)}")


def _figure(number: float) -> str:
    return f"{int(number):,}" if number == int(number) else f"{number:,}"
