"""The records a comparison is made of: a clinic, an answer and its value, the decision, a
weight profile. Frozen values; the document that holds and edits them is core/document.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from ketachecklist.core.catalogue import AnswerKind
from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.core.treatments import Treatment


class Coverage(str, Enum):
    UNKNOWN = "unknown"
    NONE = "none"
    PARTIAL = "partial"
    FULL = "full"


class CostDetails(FrozenRecord):
    """What a clinic said about price: enough to estimate the cost of a whole course."""

    price_per_session: float | None = None
    sessions_recommended: int | None = None
    other_fees: float | None = None
    insurance: Coverage = Coverage.UNKNOWN
    insurance_percent: float | None = None  # share insurance pays, when partly covered

    @property
    def is_empty(self) -> bool:
        return self == NO_COST_DETAILS


NO_COST_DETAILS = CostDetails()  # nothing said about price (made once: blank checks ask often)
AnswerValue = bool | float | int | str | CostDetails | None


@dataclass(frozen=True)
class Answer:
    """One clinic's answer to one question. ``rating=None`` means "not asked yet", never a zero.

    ``doesnt_apply`` is the patient's "Doesn't apply to this clinic": a state of its own, not a
    rating. The rating, words and value stay recorded beside it (so unmarking brings them back)
    but scoring leaves the whole answer out while it is set.
    """

    rating: int | None = None
    said: str = ""
    value: AnswerValue = None
    doesnt_apply: bool = False

    @property
    def is_blank(self) -> bool:
        return (
            self.rating is None
            and not self.said
            and self.value in (None, NO_COST_DETAILS)
            and not self.doesnt_apply
        )


BLANK = Answer()


class Clinic(FrozenRecord):
    id: str
    name: str
    location: str = ""
    phone: str = ""
    website: str = ""
    contact: str = ""
    consultation_date: dt.date | None = None
    treatments: tuple[Treatment, ...] = ()
    treatment_other: str = ""
    notes: str = ""


class Decision(FrozenRecord):
    clinic_id: str | None = None
    reason: str = ""
    decided_on: dt.date | None = None


class WeightProfile(FrozenRecord):
    """One person's view of what matters: a name ("Me", "Mum") and set weights.

    The active profile's weights are the document's ``set_weights`` (one source of truth, so
    every weight edit changes the profile in force); its entry here keeps none. The other
    profiles keep theirs here until they are made active.
    """

    name: str
    set_weights: dict[str, float] = field(default_factory=dict)


def value_matches_kind(kind: AnswerKind, value: AnswerValue) -> bool:
    """True when ``value`` is the structured value a question of ``kind`` takes (or empty)."""
    if value is None:
        return True
    expected: dict[AnswerKind, tuple[type, ...]] = {
        AnswerKind.RATING: (),
        AnswerKind.YES_NO: (bool,),
        AnswerKind.MONEY: (int, float),
        AnswerKind.COUNT: (int,),
        AnswerKind.TEXT: (str,),
        AnswerKind.COST: (CostDetails,),
    }
    types = expected[kind]
    if kind in (AnswerKind.MONEY, AnswerKind.COUNT) and isinstance(value, bool):
        return False
    return isinstance(value, types)
