"""Which clinics the deal-breakers rule out is worked out once per revision, and it is the
decision analysis's answer whether the analysis was made first or not."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ketachecklist.core.document import Comparison
from ketachecklist.present.presentation import Presentation
from tests.core.decision.builders import comparisons, ruled_out_by_the_rule


@settings(max_examples=80, deadline=None)
@given(comparisons(2, 6), st.booleans())
def test_the_ruled_out_clinics_are_the_analysis_s(comparison: Comparison, analysed: bool) -> None:
    presentation = Presentation(comparison)
    if analysed:
        presentation.analysis  # noqa: B018 - then the set is read from it
    expected = {c.id for c in comparison.clinics if ruled_out_by_the_rule(comparison, c.id)}
    assert presentation.ruled_out_ids == expected
    assert presentation.ruled_out_ids == set(Presentation(comparison).analysis.ruled_out_ids)
    for clinic in comparison.clinics:
        assert presentation.is_ruled_out(clinic.id) == (clinic.id in expected)
    assert ("analysis" in presentation.__dict__) == analysed  # none made just for the set
