"""Deal-breakers and weight profiles in the comparison file: round trips, older files, and
every bad value refused naming its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketachecklist.core.catalogue import load_bundled_catalogue
from ketachecklist.core.document import Clinic, Comparison, WeightProfile
from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.storage import (
    comparison_to_yaml,
    load_comparison,
    parse_comparison,
    save_comparison,
)
from tests.strategies import name_text

CATALOGUE = load_bundled_catalogue()
SET_IDS = [s.id for s in CATALOGUE.sets]
QUESTION_IDS = [q.id for q in CATALOGUE.questions]
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "three-clinics.yaml"
SAVED_V1 = Path(__file__).resolve().parent / "fixtures" / "saved-v1.yaml"

set_weights = st.dictionaries(st.sampled_from(SET_IDS), st.floats(0, 100), max_size=4)


@st.composite
def decision_documents(draw: st.DrawFn) -> Comparison:
    comparison = Comparison(catalogue=CATALOGUE)
    comparison.add_clinic(Clinic(id="c1", name="Harbor"))
    for question_id in draw(st.lists(st.sampled_from(QUESTION_IDS), unique=True, max_size=6)):
        comparison.set_deal_breaker(question_id, True)
    names = draw(st.lists(name_text.map(lambda s: s[:100]), unique=True, max_size=5))
    for name in names:
        if not name.strip():
            continue
        comparison.add_weight_profile(WeightProfile(name, draw(set_weights)))
    if comparison.weight_profiles and draw(st.booleans()):
        comparison.activate_weight_profile(draw(st.sampled_from(comparison.weight_profiles)).name)
    comparison.revision = 0
    return comparison


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(decision_documents())
def test_deal_breakers_and_profiles_round_trip(comparison: Comparison) -> None:
    text = comparison_to_yaml(comparison)
    loaded = parse_comparison(text.encode(), "x.yaml", CATALOGUE)
    assert loaded.deal_breakers == comparison.deal_breakers
    assert loaded.active_profile == comparison.active_profile
    assert loaded.set_weights == comparison.set_weights
    assert [p.name for p in loaded.weight_profiles] == [p.name for p in comparison.weight_profiles]
    for profile in comparison.weight_profiles:
        assert loaded.profile_set_weights(profile.name) == comparison.profile_set_weights(
            profile.name
        )


def test_a_saved_file_keeps_them_and_an_older_file_still_opens(tmp_path: Path) -> None:
    older = load_comparison(EXAMPLE, CATALOGUE)  # written before deal-breakers and profiles
    assert older.deal_breakers == set()
    assert older.weight_profiles == []
    assert older.active_profile is None
    assert "deal_breakers" not in comparison_to_yaml(older)  # unused: the same file as before
    assert "weight_profiles" not in comparison_to_yaml(older)
    older.set_deal_breaker("administration-vital-signs", True)
    older.add_weight_profile(WeightProfile("Mum", {"cost": 3.0}))
    older.activate_weight_profile("Mum")
    older.add_weight_profile(WeightProfile("Me", {"evaluation": 2.0}))
    path = tmp_path / "mine.yaml"
    save_comparison(older, path)
    text = path.read_text()
    assert "deal_breakers:\n- administration-vital-signs\n" in text
    assert "- name: Mum\n  active: true\n" in text
    loaded = load_comparison(path, CATALOGUE)
    assert loaded.deal_breakers == {"administration-vital-signs"}
    assert loaded.active_profile == "Mum"
    assert loaded.set_weights == {"cost": 3.0}
    assert loaded.profile_set_weights("Me") == {"evaluation": 2.0}


def test_a_schema_1_file_still_opens_without_marks_or_profiles() -> None:
    older = load_comparison(SAVED_V1, CATALOGUE)
    assert older.clinics
    assert older.deal_breakers == set()
    assert older.weight_profiles == []


BASE = "format: ketachecklist-comparison\nschema_version: 2\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("deal_breakers: [no-such-question]\n", "line 3: deal_breakers: unknown question id"),
        (
            "deal_breakers:\n- cost-rounds\n- cost-rounds\n",
            "line 5: deal_breakers: 'cost-rounds' is listed twice",
        ),
        ("deal_breakers: cost-rounds\n", "'deal_breakers' must be a list"),
        ("weight_profiles:\n- sets: {cost: 1}\n", "weight profile 1 has no name"),
        (
            "weight_profiles:\n- name: Me\n- name: Me\n",
            "line 5: weight profile 'Me': two weight profiles are called 'Me'",
        ),
        (
            "weight_profiles:\n- name: Me\n  active: true\n- name: Mum\n  active: true\n",
            "line 7: weight profile 'Mum': only one weight profile can be active",
        ),
        (
            "weight_profiles:\n- name: Me\n  active: true\n  sets: {cost: 2}\n",
            "the active profile's weights are weights.sets",
        ),
        (
            "weight_profiles:\n- name: Me\n  sets: {costs: 2}\n",
            "line 5: weight profile 'Me' sets: unknown set 'costs'",
        ),
        (
            "weight_profiles:\n- name: Me\n  sets: {cost: 101}\n",
            "'cost' must be between 0 and 100",
        ),
        ("weight_profiles:\n- name: Me\n  colour: red\n", "unknown field 'colour'"),
        ("weight_profiles:\n" + "- name: p\n" * 21, "21 weight profiles; a comparison holds"),
    ],
)
def test_bad_values_are_refused_naming_the_line(body: str, expected: str) -> None:
    data = (BASE + body).replace("- name: p\n" * 21, "".join(f"- name: p{i}\n" for i in range(21)))
    with pytest.raises(FileFormatError) as caught:
        parse_comparison(data.encode(), "x.yaml", CATALOGUE)
    assert expected in str(caught.value)
