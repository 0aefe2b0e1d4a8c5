"""The Edit menu's words for a change: a field of a clinic's details or of an answer with words of
its own names them; any other field (and a decision's "notes", which is not a clinic's) takes
the words of its kind of change, as does an answer's part such as "cost.price"."""

from __future__ import annotations

import pytest

from ketachecklist.core.changes import ChangeKind
from ketachecklist.ui.commands import command_text


@pytest.mark.parametrize(
    ("kind", "field", "words"),
    [
        (ChangeKind.EDIT_CLINIC, "name", "Edit clinic name"),
        (ChangeKind.EDIT_CLINIC, "consultation_date", "Edit consultation date"),
        (ChangeKind.EDIT_CLINIC, "notes", "Edit clinic notes"),
        (ChangeKind.EDIT_CLINIC, "", "Edit clinic details"),
        (ChangeKind.EDIT_CLINIC, "rating", "Edit clinic details"),
        (ChangeKind.SET_ANSWER, "rating", "Edit rating"),
        (ChangeKind.SET_ANSWER, "said", "Edit what the clinic said"),
        (ChangeKind.SET_ANSWER, "doesnt_apply", "Edit “doesn't apply”"),
        (ChangeKind.SET_ANSWER, "value", "Edit answer"),
        (ChangeKind.SET_ANSWER, "cost.price", "Edit answer"),
        (ChangeKind.SET_ANSWER, "name", "Edit answer"),
        (ChangeKind.SET_DECISION, "notes", "Edit decision"),
        (ChangeKind.ADD_CLINIC, "name", "Add clinic"),
    ],
)
def test_a_field_names_its_own_words_and_any_other_takes_its_kinds(
    kind: ChangeKind, field: str, words: str
) -> None:
    assert command_text(kind, field) == words
