"""A value shared by two places in a comparison is written out twice, never as a YAML alias."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from ketachecklist.core import yaml_writer
from ketachecklist.core.catalogue import load_bundled_catalogue
from ketachecklist.core.document import Clinic, Comparison, Decision
from ketachecklist.core.storage import comparison_to_data, comparison_to_yaml, parse_comparison

CATALOGUE = load_bundled_catalogue()


@pytest.mark.parametrize("dumper", yaml_writer.DUMPERS, ids=lambda d: d.__name__)
def test_a_duplicated_clinic_with_a_date_saves_and_reads_back(dumper: type) -> None:
    """The copy shares the original's date object; PyYAML would anchor it and write "*id001"
    the second time, which the reader refuses (found by the random-edits test)."""
    day = dt.date(2026, 12, 3)
    comparison = Comparison(CATALOGUE)
    comparison.add_clinic(Clinic(id="c1", name="Harbor", consultation_date=day))
    comparison.duplicate_clinic("c1")
    comparison.set_decision(Decision("c1", "Close", day))
    text = yaml_writer.dump_yaml(comparison_to_data(comparison), dumper)
    assert "*id" not in text
    assert "&id" not in text
    loaded = parse_comparison(text.encode(), "test", CATALOGUE)
    assert [c.consultation_date for c in loaded.clinics] == [day, day]
    assert loaded.decision.decided_on == day
    assert replace(loaded, revision=0).clinics == comparison.clinics
    assert comparison_to_yaml(comparison).count("2026-12-03") == 3
