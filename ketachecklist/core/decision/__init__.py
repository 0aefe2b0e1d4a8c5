"""Decision support (issue 13): what the scores mean for choosing, computed once, Qt-free.

Everything here reads scoring's facts (core/scoring.py) and returns numbers, ids, enums and
dataclasses; wording belongs to the presentation layer. ``analysis.analyse`` runs it all.
See docs/decision-support.md for each computation and its rule.
"""
