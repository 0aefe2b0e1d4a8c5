"""The words of every fact: Qt-free, built from the scores once per revision of a comparison.

Scoring (ketachecklist/core/scoring.py) decides every fact once; this package decides how each
is said, once: ratings, scores (one rounding rule, half up), money, percentages, coverage, cost
details, unrated and not-applying answers, plurals, ranks and the verdict. The grid, the clinic
list, the question list, the Decision page and every report read a ``Presentation``; none words
a fact itself, so a screen and a printed page can never say different things about it. Every
string goes through ``text.tr`` so a translation can follow.
"""

from ketachecklist.present.presentation import ClinicText, Presentation, SetText

__all__ = ["ClinicText", "Presentation", "SetText"]
