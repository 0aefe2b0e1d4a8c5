"""Issue 9: custom questions round-trip every accepted field and take no catalogue role."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketachecklist.core.catalogue import AnswerKind, QuestionRole
from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.storage import (
    CUSTOM_QUESTION_REFUSED,
    load_comparison,
    parse_comparison,
    save_comparison,
)
from ketachecklist.core.yaml_writer import dump_yaml
from tests.reliability.helpers import CATALOGUE
from tests.strategies import name_text, user_text

HEADER = "format: ketachecklist-comparison\nschema_version: 1\n"
accepted_question = st.fixed_dictionaries(
    {
        "id": st.from_regex(r"custom-[a-z0-9]{1,8}", fullmatch=True),
        "set": st.sampled_from([s.id for s in CATALOGUE.sets]),
        "text": name_text,
        "kind": st.sampled_from([k.value for k in AnswerKind]),
    },
    optional={
        "why": user_text,
        "reassuring": user_text,
        "concerning": user_text,
        "unit": user_text,
    },
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=accepted_question)
def test_every_accepted_field_survives_load_save_reload(
    tmp_path: Path, raw: dict[str, str]
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(HEADER + dump_yaml({"custom_questions": [raw]}), encoding="utf-8")
    first = load_comparison(path, CATALOGUE)
    save_comparison(first, path)
    again = load_comparison(path, CATALOGUE)
    (question,) = again.custom_questions
    assert again.custom_questions == first.custom_questions
    for key, value in raw.items():
        attribute = {"set": "set_id"}.get(key, key)
        got = getattr(question, attribute)
        assert (got.value if key == "kind" else got) == value
    assert question.role is None
    assert question.red_flag is None
    assert question.custom


REFUSED_VALUES = {
    "role": "course_price",
    "red_flag": "{when: yes, label: Looks bad}",
    "source": "verywell",
    "beyond_article": "true",
    "applies_to": "[spravato]",
}


@pytest.mark.parametrize("field", CUSTOM_QUESTION_REFUSED)
def test_a_field_that_would_take_over_catalogue_behaviour_is_refused(field: str) -> None:
    text = (
        HEADER + "custom_questions:\n  - id: custom-1\n    set: cost\n    text: Whole course?\n"
        f"    kind: {'yes_no' if field == 'red_flag' else 'money'}\n"
        f"    {field}: {REFUSED_VALUES[field]}\n"
    )
    with pytest.raises(FileFormatError) as caught:
        parse_comparison(text.encode(), "mine.yaml", CATALOGUE)
    assert str(caught.value).startswith(
        f"mine.yaml line 8: custom question 'custom-1': '{field}' belongs to the app's own "
        "questions"
    )


def test_a_custom_question_never_replaces_the_cost_estimate() -> None:
    """The issue's case: a custom course_price replaced the real estimate. Now it cannot load."""
    text = (
        HEADER + "custom_questions:\n  - id: custom-1\n    set: cost\n    text: Price?\n"
        "    kind: money\n    role: course_price\n"
    )
    with pytest.raises(FileFormatError):
        parse_comparison(text.encode(), "mine.yaml", CATALOGUE)
    plain = text.replace("    role: course_price\n", "")
    comparison = parse_comparison(plain.encode(), "mine.yaml", CATALOGUE)
    catalogue_price = next(q for q in CATALOGUE.questions if q.role is QuestionRole.COURSE_PRICE)
    assert comparison.question_with_role(QuestionRole.COURSE_PRICE) is catalogue_price
