"""The forms of ketamine treatment a clinic may offer, and which questions fit which form.

A question in the catalogue may say which treatments it applies to (``applies_to``); a clinic
records which treatments it offers. ``question_applies`` is the one rule that joins them, used by
scoring, the screens and every report alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Any

from ketachecklist.core.errors import Problem
from ketachecklist.core.fields import line_of, type_name
from ketachecklist.text import tr


class Treatment(str, Enum):
    IV_INFUSION = "iv_infusion"
    SPRAVATO = "spravato"
    INTRAMUSCULAR = "intramuscular"
    ORAL = "oral"
    OTHER = "other"


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


def read_treatments(
    items: list[Any], what: str, problems: list[Problem], where: str = ""
) -> tuple[Treatment, ...]:
    """The treatments a file lists (a clinic's, or a question's ``applies_to``), each once, in
    order; anything else is a problem naming its line, ``what`` it belongs to and ``where``."""
    known = [t.value for t in Treatment]
    treatments: list[Treatment] = []
    for index, item in enumerate(items):
        if not isinstance(item, str) or item not in known:
            shown = item if isinstance(item, str) else type_name(item)
            problems.append(
                Problem(
                    tr("{what}: unknown treatment '{name}'{where} (known: {known})").format(
                        what=what, name=shown, where=where, known=", ".join(known)
                    ),
                    line_of(items, index),
                )
            )
        elif Treatment(item) not in treatments:
            treatments.append(Treatment(item))
    return tuple(treatments)
