"""The sheet's records extend the catalogue's: a sheet question is the catalogue question (every
field, custom questions too) plus its number, citation and what was recorded; a sheet set is the
catalogue set plus its number and questions. Hypothesis varies the comparison."""

from __future__ import annotations

from dataclasses import fields

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketachecklist.core.catalogue import Question, QuestionSet, load_bundled_catalogue
from ketachecklist.core.document import Comparison
from ketachecklist.present.answers import ASK_MORE
from ketachecklist.report.model import build_sheet
from tests.strategies import comparisons

CATALOGUE = load_bundled_catalogue()


def _same_fields(extended: object, record: Question | QuestionSet) -> bool:
    return all(getattr(extended, f.name) == getattr(record, f.name) for f in fields(record))


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(comparisons(CATALOGUE), st.data())
def test_each_sheet_record_is_its_catalogue_record_numbered(
    comparison: Comparison, data: st.DataObject
) -> None:
    choices: list[str | None] = [None, *(c.id for c in comparison.clinics)]
    clinic_id = data.draw(st.sampled_from(choices))  # None: a blank sheet
    sheet = build_sheet(comparison, clinic_id)
    assert [s.id for s in sheet.sets] == [s.id for s in comparison.catalogue.sets]
    for number, (sheet_set, question_set) in enumerate(
        zip(sheet.sets, comparison.catalogue.sets, strict=True), start=1
    ):
        assert _same_fields(sheet_set, question_set)
        assert sheet_set.number == number
        asked = list(comparison.questions_in(question_set.id))
        assert [q.id for q in sheet_set.questions] == [q.id for q in asked]
        for position, (sheet_question, question) in enumerate(
            zip(sheet_set.questions, asked, strict=True), start=1
        ):
            assert _same_fields(sheet_question, question)
            assert sheet_question.number == f"{number}.{position}"
            hinted = question.red_flag is not None and not sheet_question.not_applying
            assert (sheet_question.red_flag_hint != "") is hinted
            if question.red_flag is not None and hinted:
                answer = "yes" if question.red_flag.when else "no"
                assert f"RED FLAG if the answer is {answer}" in sheet_question.red_flag_hint
                assert ASK_MORE in sheet_question.red_flag_hint
