"""The forms of ketamine treatment a clinic may offer, and which questions fit which form.

A question in the catalogue may say which treatments it applies to (``applies_to``); a clinic
records which treatments it offers. ``question_applies`` is the one rule that joins them, used by
scoring, the screens and every report alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum


class Treatment(str, Enum):
    IV_INFUSION = "iv_infusion"
    SPRAVATO = "spravato"
    INTRAMUSCULAR = "intramuscular"
    ORAL = "oral"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _TREATMENT_LABELS[self]


_TREATMENT_LABELS = {
    Treatment.IV_INFUSION: "IV infusion",
    Treatment.SPRAVATO: "Spravato nasal spray",
    Treatment.INTRAMUSCULAR: "Intramuscular injection",
    Treatment.ORAL: "Oral or at-home",
    Treatment.OTHER: "Other",
}


def treatments_apply(applies_to: Iterable[Treatment], offered: Iterable[Treatment]) -> bool:
    """Whether a question for ``applies_to`` (empty: every treatment) fits a clinic offering
    ``offered``.

    It fits when the question is for every treatment, when the clinic's treatments are not
    recorded yet, when the clinic offers "Other" (we cannot tell what that involves), or when
    the two share a treatment. So a question is only ever set aside on what the patient
    recorded, never on a guess.
    """
    wanted = set(applies_to)
    given = set(offered)
    if not wanted or not given or Treatment.OTHER in given:
        return True
    return bool(wanted & given)
