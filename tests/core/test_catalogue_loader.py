"""Loading and validating catalogues: every problem is reported with file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ketachecklist.core.catalogue import (
    AnswerKind,
    QuestionRole,
    bundled_catalogue_path,
    load_bundled_catalogue,
    load_catalogue,
    parse_catalogue,
)
from ketachecklist.core.errors import FileFormatError

MINIMAL = """\
format: ketachecklist-catalogue
schema_version: 1
id: tiny
version: "1"
title: Tiny
sources:
  - id: verywell
    title: An article
sets:
  - id: evaluation
    title: Evaluation
questions:
  - id: eval-1
    set: evaluation
    text: Who evaluates me?
    why: Because.
    reassuring: A psychiatrist.
    concerning: Nobody.
    kind: rating
    source: verywell
  - id: eval-2
    set: evaluation
    text: Do you monitor vital signs?
    why: Because.
    reassuring: Yes.
    concerning: No.
    kind: yes_no
    source: verywell
    red_flag:
      when: "no"
      label: No vital-sign monitoring
"""


def errors_of(text: str) -> list[str]:
    with pytest.raises(FileFormatError) as caught:
        parse_catalogue(text.encode(), "questions.yaml")
    return str(caught.value).splitlines()


def test_minimal_catalogue_loads() -> None:
    catalogue = parse_catalogue(MINIMAL.encode(), "questions.yaml")
    assert [q.id for q in catalogue.questions] == ["eval-1", "eval-2"]
    flag = catalogue.question("eval-2").red_flag
    assert flag is not None
    assert flag.when is False
    assert flag.label == "No vital-sign monitoring"


def test_missing_text_names_line_and_field() -> None:
    text = MINIMAL.replace("    text: Who evaluates me?\n", "")
    assert errors_of(text) == ["questions.yaml line 13: question 'eval-1' has no text"]


def test_unknown_set_and_kind_and_duplicate_id_all_reported() -> None:
    text = (
        MINIMAL.replace("set: evaluation\n    text: Who", "set: evalution\n    text: Who")
        .replace("kind: yes_no", "kind: stars")
        .replace("id: eval-2", "id: eval-1")
    )
    errors = errors_of(text)
    assert (
        "questions.yaml line 14: question 'eval-1': unknown set 'evalution' (known: "
        "evaluation)" in errors
    )
    assert any(
        "line 27" in e and "'kind' must be one of rating, yes_no" in e and "(got 'stars')" in e
        for e in errors
    )
    assert any(
        "line 21" in e and "duplicate question id 'eval-1' (first on line 13)" in e for e in errors
    )


def test_wrong_type_names_line() -> None:
    text = MINIMAL.replace("text: Who evaluates me?", "text: [a, b]")
    assert errors_of(text) == [
        "questions.yaml line 15: question 'eval-1': 'text' must be text, not a list"
    ]


def test_red_flag_on_wrong_kind_is_refused() -> None:
    text = MINIMAL.replace("kind: yes_no", "kind: rating")
    assert errors_of(text) == [
        "questions.yaml line 29: question 'eval-2': a red_flag needs kind 'yes_no', not 'rating'"
    ]


def test_unknown_source_and_unknown_field() -> None:
    text = MINIMAL.replace(
        "    source: verywell\n    red_flag", "    source: nowhere\n    colour: red\n    red_flag"
    )
    errors = errors_of(text)
    assert "questions.yaml line 28: question 'eval-2': unknown source 'nowhere'" in errors
    assert "questions.yaml line 29: question 'eval-2': unknown field 'colour'" in errors


def test_newer_schema_refused() -> None:
    errors = errors_of(MINIMAL.replace("schema_version: 1", "schema_version: 7"))
    assert errors == [
        "questions.yaml line 2: the catalogue: schema_version 7 is newer than this "
        "app understands (2)"
    ]


def test_not_yaml_names_line() -> None:
    errors = errors_of(MINIMAL + "  - id: [unclosed\n")
    assert len(errors) == 1
    assert errors[0].startswith("questions.yaml line ")
    assert "not valid YAML" in errors[0]


def test_bundled_catalogue_is_valid_and_complete() -> None:
    catalogue = load_bundled_catalogue()
    assert [s.id for s in catalogue.sets] == ["evaluation", "experience", "administration", "cost"]
    assert len(catalogue.questions) >= 25
    assert all(catalogue.source(q.source) is not None for q in catalogue.questions)
    roles = {q.role: q.kind for q in catalogue.questions if q.role is not None}
    assert roles == {
        QuestionRole.COST_DETAILS: AnswerKind.COST,
        QuestionRole.SESSIONS_RECOMMENDED: AnswerKind.COUNT,
        QuestionRole.COURSE_PRICE: AnswerKind.MONEY,
    }


def test_bundled_path_is_the_repo_file_in_a_checkout() -> None:
    repo_file = Path(__file__).resolve().parents[2] / "data" / "questions.yaml"
    assert bundled_catalogue_path().read_bytes() == repo_file.read_bytes()


def test_unreadable_catalogue_is_a_file_format_error(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match=r"questions\.yaml: cannot read the file"):
        load_catalogue(tmp_path / "questions.yaml")


# --------------------------------------------------------------- information item sources

WITH_INFORMATION = (
    MINIMAL.replace(
        "    title: An article\n",
        "    title: An article\n    short: The Article\n"
        "  - id: label\n    title: A drug label\n    short: Label\n"
        "  - id: plain\n    title: A source with no short name\n",
    )
    + """information:
  - id: facts
    title: Facts
    source: verywell
    items:
      - A plain item from the section's source.
      - text: A fact from the label.
        source: label
      - text: The Label already says where this is from.
        source: label
      - text: A fact from a source without a short name.
        source: plain
"""
)


def test_information_items_carry_their_own_sources() -> None:
    section = parse_catalogue(WITH_INFORMATION.encode(), "questions.yaml").information[0]
    assert section.items == (
        "A plain item from the section's source.",
        "A fact from the label. (Label)",
        "The Label already says where this is from.",
        "A fact from a source without a short name.",
    )
    assert section.item_sources == ("verywell", "label", "label", "plain")
    assert section.source == "verywell"


def test_source_short_name_is_read() -> None:
    catalogue = parse_catalogue(WITH_INFORMATION.encode(), "questions.yaml")
    shorts = {s.id: s.short for s in catalogue.sources}
    assert shorts == {"verywell": "The Article", "label": "Label", "plain": ""}


def test_information_item_with_unknown_source_is_refused() -> None:
    text = WITH_INFORMATION.replace("        source: plain\n", "        source: nowhere\n")
    assert errors_of(text) == [
        "questions.yaml line 49: information section 'facts' item 4: unknown source 'nowhere'"
    ]


def test_information_item_needs_text_and_source_and_no_other_field() -> None:
    text = WITH_INFORMATION.replace(
        "      - text: A fact from the label.\n        source: label\n",
        "      - source: label\n        colour: red\n",
    ).replace("      - A plain item from the section's source.\n", "      - 12\n")
    errors = errors_of(text)
    assert errors == [
        "questions.yaml line 43: information section 'facts': item 1 must be text or a "
        "mapping with text and source, not a number",
        "questions.yaml line 44: information section 'facts' item 2 has no text",
        "questions.yaml line 45: information section 'facts' item 2: unknown field 'colour'",
    ]


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(
        alphabet=st.characters(categories=("L", "N", "P", "Zs"), exclude_characters="\r\n\x85"),
        min_size=1,
        max_size=60,
    ).filter(lambda t: t.strip() == t and t.strip())
)
def test_item_attribution_is_added_once(text: str) -> None:
    """Whatever an item says, it names its source exactly once at the end or already did."""
    quoted = yaml.safe_dump(text, default_style='"', width=1000).strip()
    document = WITH_INFORMATION.replace("A fact from the label.", "").replace(
        "      - text: \n", f"      - text: {quoted}\n"
    )
    item = parse_catalogue(document.encode(), "questions.yaml").information[0].items[1]
    if "Label" in text:
        assert item == text
    else:
        assert item == f"{text} (Label)"
