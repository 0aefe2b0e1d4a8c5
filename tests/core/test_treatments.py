"""Which questions fit which clinic: the one rule joining a question's treatments and a clinic's."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketachecklist.core.catalogue import parse_catalogue
from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.treatments import Treatment, treatments_apply

IV, SPRAVATO, IM, ORAL, OTHER = (
    Treatment.IV_INFUSION,
    Treatment.SPRAVATO,
    Treatment.INTRAMUSCULAR,
    Treatment.ORAL,
    Treatment.OTHER,
)


@pytest.mark.parametrize(
    ("applies_to", "offered", "expected"),
    [
        ((), (SPRAVATO,), True),  # a question for every treatment
        ((IV,), (), True),  # the clinic's treatments are not recorded yet
        ((IV,), (OTHER,), True),  # "Other": we cannot tell, so it is asked
        ((IV, IM), (IM,), True),
        ((SPRAVATO,), (IV,), False),  # the REMS question at an IV-only clinic
        ((IV, IM), (SPRAVATO,), False),  # continuous monitoring at a Spravato-only clinic
        ((SPRAVATO,), (IV, SPRAVATO), True),
    ],
)
def test_question_applies_when_it_can(
    applies_to: tuple[Treatment, ...], offered: tuple[Treatment, ...], expected: bool
) -> None:
    assert treatments_apply(applies_to, offered) is expected


@given(st.sets(st.sampled_from(Treatment)), st.sets(st.sampled_from(Treatment)))
def test_set_aside_only_when_the_recorded_treatments_share_nothing(
    applies_to: set[Treatment], offered: set[Treatment]
) -> None:
    fits = treatments_apply(applies_to, offered)
    if not fits:
        assert applies_to
        assert offered
        assert OTHER not in offered
        assert not applies_to & offered


CATALOGUE = """\
format: ketachecklist-catalogue
schema_version: 2
id: test
version: "1"
title: Test
sources:
  - id: s
    title: Source
sets:
  - id: a
    title: A
questions:
  - id: a-rems
    set: a
    text: REMS?
    why: Why.
    reassuring: Yes.
    concerning: No.
    source: s
    kind: yes_no
    applies_to: [spravato]
  - id: a-all
    set: a
    text: Everyone?
    why: Why.
    reassuring: Yes.
    concerning: No.
    source: s
    kind: rating
"""


def test_catalogue_reads_applies_to() -> None:
    catalogue = parse_catalogue(CATALOGUE.encode(), "test.yaml")
    rems = catalogue.question("a-rems")
    assert rems.applies_to == (SPRAVATO,)
    assert not rems.applies((IV,))
    assert rems.applies((SPRAVATO, IV))
    assert catalogue.question("a-all").applies_to == ()


def test_unknown_treatment_is_refused_naming_its_line() -> None:
    broken = CATALOGUE.replace("applies_to: [spravato]", "applies_to: [spravato, snorted]")
    with pytest.raises(FileFormatError) as caught:
        parse_catalogue(broken.encode(), "test.yaml")
    assert "test.yaml line 21: question 'a-rems': unknown treatment 'snorted'" in str(caught.value)
