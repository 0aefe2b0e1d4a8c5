"""The words of every fact: Qt-free, built from the scores once per revision of a comparison.

Scoring (ketachecklist/core/scoring.py) decides every fact once; this package decides how each
is said, once: ratings, scores (one rounding rule, half up), money, percentages, coverage, cost
details, unrated and not-applying answers, plurals, ranks and the verdict. The grid, the clinic
list, the question list, the Decision page and every report read a ``Presentation``; none words
a fact itself, so a screen and a printed page can never say different things about it. Every
string goes through ``text.tr`` so a translation can follow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ketachecklist.present.presentation import ClinicText, Presentation, SetText

__all__ = ["ClinicText", "Presentation", "SetText"]


def __getattr__(name: str) -> Any:
    # Loaded on first use: importing a light module of the package (``present.text`` for
    # ``tr``, as the first screen does) must not build the presentation and the decision
    # analysis behind it (~40 ms of a cold start).
    if name in __all__:
        from ketachecklist.present import presentation  # noqa: PLC0415

        value = getattr(presentation, name)
        globals()[name] = value  # later lookups (a hot path asks on every edit) skip this
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
