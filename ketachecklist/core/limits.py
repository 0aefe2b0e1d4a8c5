"""Every bound a comparison keeps to, in one place.

The file reader refuses what exceeds them, the edit operations refuse to make it, and the widgets
stop the patient at the same numbers, so the app can never build a document it cannot save or
read back. Raising a bound here raises it everywhere at once.
"""

from __future__ import annotations

from ketachecklist.text import tr

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

# --- what each field of a record may hold: the reader, the edit checks and the boxes read these
# The longest text of each of a clinic's text fields (the file's key is the field's name).
CLINIC_TEXT_LIMITS = {
    "id": MAX_CLINIC_ID,
    "name": MAX_NAME,
    "phone": MAX_NAME,
    "location": MAX_TEXT,
    "website": MAX_TEXT,
    "contact": MAX_TEXT,
    "treatment_other": MAX_TEXT,
    "notes": MAX_TEXT,
}
# A cost breakdown's numbers: the largest each may be, and whether it must be whole.
COST_NUMBER_LIMITS = {
    "price_per_session": (MAX_MONEY, False),
    "sessions_recommended": (float(MAX_SESSIONS), True),
    "other_fees": (MAX_MONEY, False),
    "insurance_percent": (MAX_PERCENT, False),
}

# --- files -----------------------------------------------------------------------------------
MAX_BYTES = 5 * 1024 * 1024  # a comparison or catalogue file
MAX_DEPTH = 40  # nesting of mappings and lists in a YAML file
MAX_RECENT_FILES = 8

# --- the value budget of one file --------------------------------------------------------------
# The reader counts a file's values (every key, text, number, list and mapping) while composing,
# before any is built, and stops at MAX_NODES: 5 MB of tiny items would otherwise cost minutes
# and a gigabyte. The budget is derived from the bounds above, so the largest comparison the
# edits can make is one the app can save and open again: MAX_CLINICS clinics with every detail,
# each answering ANSWERS_PER_CLINIC questions with a rating, words, a value and "doesn't apply"
# (COST_ANSWERS_PER_CLINIC of them a cost breakdown), every custom question, weight, profile and
# deal-breaker, plus VALUE_MARGIN for hand edits. tests/reliability/test_value_budget.py saves
# and reopens that document and checks the counts below against what the writer writes.
ANSWERS_PER_CLINIC = 60  # the bundled catalogue's 40 questions and 20 of one's own
COST_ANSWERS_PER_CLINIC = 2
CATALOGUE_QUESTIONS = 100  # room for the bundled catalogue (40 questions today)
VALUE_MARGIN = 1.1

VALUES_PER_ANSWER = 10  # its key and mapping; rating, said, value, doesnt_apply: key and value
VALUES_PER_COST_BREAKDOWN = 10  # a cost value's five fields, each key and value
VALUES_PER_CLINIC = 23  # its mapping; nine texts, treatments and answers: key and value
VALUES_PER_CUSTOM_QUESTION = 17  # its mapping; id, set, text, kind and four wordings
VALUES_PER_PROFILE = 7  # its mapping; name and active: key and value; sets: key and mapping
VALUES_AT_THE_TOP = 40  # the root, format, version, catalogue, title, the decision, list keys


def values_in_the_largest_comparison() -> int:
    """The values of the largest comparison the bounds above allow, as the app writes it."""
    questions = CATALOGUE_QUESTIONS + MAX_CUSTOM_QUESTIONS
    clinic = (
        VALUES_PER_CLINIC
        + MAX_TREATMENTS_LISTED
        + ANSWERS_PER_CLINIC * VALUES_PER_ANSWER
        + COST_ANSWERS_PER_CLINIC * VALUES_PER_COST_BREAKDOWN
    )
    weights = 2 * MAX_SET_WEIGHTS + 2 * questions
    profiles = MAX_WEIGHT_PROFILES * (VALUES_PER_PROFILE + 2 * MAX_SET_WEIGHTS)
    deal_breakers = questions
    custom = MAX_CUSTOM_QUESTIONS * VALUES_PER_CUSTOM_QUESTION
    return VALUES_AT_THE_TOP + MAX_CLINICS * clinic + weights + profiles + deal_breakers + custom


MAX_NODES = -(-round(VALUE_MARGIN * values_in_the_largest_comparison()) // 1000) * 1000


class LimitError(ValueError):
    """An edit would go past one of the bounds above; the message names it in plain words."""


def check_text(what: str, text: str, limit: int, *, required: bool = False) -> None:
    if required and not text.strip():
        raise LimitError(tr("{what} cannot be empty").format(what=what))
    if len(text) > limit:
        raise LimitError(
            tr("{what} can be at most {limit} characters (this is {length})").format(
                what=what, limit=f"{limit:,}", length=f"{len(text):,}"
            )
        )


def check_number(
    what: str, value: float | None, maximum: float, *, minimum: float = 0.0, whole: bool = False
) -> None:
    """None passes (nothing recorded); otherwise a finite number within the bounds."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise LimitError(tr("{what} must be a number").format(what=what))
    if whole and not isinstance(value, int):
        raise LimitError(tr("{what} must be a whole number").format(what=what))
    if not minimum <= value <= maximum:  # also refuses NaN
        raise LimitError(
            tr("{what} must be between {minimum} and {maximum}").format(
                what=what, minimum=_figure(minimum), maximum=_figure(maximum)
            )
        )


def _figure(number: float) -> str:
    return f"{int(number):,}" if number == int(number) else f"{number:,}"
