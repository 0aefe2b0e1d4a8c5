"""The one table of choice words: every answer kind, coverage and treatment has its own words,
none is lost to another enum's member of the same value, and they pass through ``tr``."""

from __future__ import annotations

import pytest

from ketachecklist.core.catalogue import AnswerKind
from ketachecklist.core.document import Coverage
from ketachecklist.core.treatments import Treatment
from ketachecklist.present import choices
from ketachecklist.present.choices import CHOICE_WORDS, choice_text

ENUMS = (AnswerKind, Coverage, Treatment)


def test_every_member_of_each_enum_has_an_entry_of_its_own() -> None:
    members = [member for enum in ENUMS for member in enum]
    # str enums hash by value: a member sharing another enum's value would share its entry
    assert len({member.value for member in members}) == len(members)
    assert len(CHOICE_WORDS) == len(members)
    assert all(CHOICE_WORDS[member] for member in members)


@pytest.mark.parametrize(
    ("choice", "words"),
    [
        (AnswerKind.MONEY, "amount of money"),
        (AnswerKind.TEXT, "free text"),
        (Coverage.PARTIAL, "Partly covered"),
        (Coverage.UNKNOWN, "Not known yet"),
        (Treatment.SPRAVATO, "Spravato nasal spray"),
        (Treatment.OTHER, "Other"),
    ],
)
def test_each_choice_says_its_own_words(
    choice: AnswerKind | Coverage | Treatment, words: str
) -> None:
    assert choice_text(choice) == words


def test_the_words_are_translated_where_they_are_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def translate(source: str) -> str:
        asked.append(source)
        return f"<{source}>"

    monkeypatch.setattr(choices, "tr", translate)
    assert choice_text(Treatment.ORAL) == "<Oral or at-home>"
    assert asked == ["Oral or at-home"]
