"""The open document scores an edit from the previous revision's scores, equal to a full rescore."""

from __future__ import annotations

from ketachecklist.core.catalogue import Catalogue
from ketachecklist.core.document import Answer, Clinic, Comparison
from ketachecklist.core.scoring import score_comparison
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.open_document import OpenDocument


def rated_document(catalogue: Catalogue) -> OpenDocument:
    comparison = Comparison(catalogue=catalogue)
    for number in range(3):
        comparison.add_clinic(Clinic(id=f"c{number}", name=f"Clinic {number}"))
        for index, question in enumerate(comparison.questions()[:8]):
            rating = 1 + (number + index) % 5
            comparison.set_answer(f"c{number}", question.id, Answer(rating=rating))
    return OpenDocument(comparison)


def test_an_answer_edit_keeps_the_other_clinics_scores(catalogue: Catalogue) -> None:
    document = rated_document(catalogue)
    before = document.scores
    question_id = document.comparison.questions()[0].id
    push_edit(document, lambda c: c.set_answer("c1", question_id, Answer(rating=5)), "rating")
    after = document.scores
    assert after.of("c0").ratings is before.of("c0").ratings  # not scored again
    assert after.of("c2").ratings is before.of("c2").ratings
    assert after.of("c1").ratings[question_id] == 5
    assert after == score_comparison(document.comparison)
    document.undo_stack.undo()
    assert document.scores.of("c0").ratings is before.of("c0").ratings
    assert document.scores == before == score_comparison(document.comparison)


def test_two_edits_unseen_in_between_score_everything(catalogue: Catalogue) -> None:
    document = rated_document(catalogue)
    before = document.scores
    questions = document.comparison.questions()
    push_edit(document, lambda c: c.set_answer("c1", questions[0].id, Answer(rating=5)))
    push_edit(document, lambda c: c.set_answer("c2", questions[1].id, Answer(rating=5)))
    after = document.scores  # two revisions on: the previous scores are not reused
    assert after.of("c0").ratings is not before.of("c0").ratings
    assert after == score_comparison(document.comparison)


def test_a_weight_edit_scores_every_clinic(catalogue: Catalogue) -> None:
    document = rated_document(catalogue)
    before = document.scores
    set_id = catalogue.sets[0].id
    push_edit(document, lambda c: c.set_set_weight(set_id, 3))
    after = document.scores
    pairs = zip(after.clinics, before.clinics, strict=True)
    assert all(a.ratings is not b.ratings for a, b in pairs)
    assert after == score_comparison(document.comparison)
