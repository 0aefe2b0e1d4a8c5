"""The comparison document: clinics, their answers, weights and the recorded decision.

Its records (Clinic, Answer, CostDetails, ...) are core/records.py and its edits' checks
core/edit_checks.py; both are re-exported here, so callers import them from this module.

A Comparison is plain mutable data plus small edit operations. Each operation checks the limits
(core/limits.py) and the document's rules, then returns a ``Change`` (core/changes.py) that says
what it changed and reverts through ``apply(change.inverse())``; none of them computes scores.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ketachecklist.core.catalogue import AnswerKind, Catalogue, Question, QuestionRole
from ketachecklist.core.changes import (
    Change,
    ChangeKind,
    InsertClinic,
    InsertQuestion,
    InsertWeightProfile,
    PutActiveProfile,
    PutAnswer,
    PutDealBreaker,
    PutDecision,
    PutSetWeights,
    PutWeight,
    RemoveClinic,
    RemoveQuestion,
    RemoveWeightProfile,
    ReplaceClinic,
    ReplaceQuestion,
    ReplaceWeightProfile,
    Step,
)
from ketachecklist.core.copy_names import copy_name
from ketachecklist.core.edit_checks import (
    check_answer,
    check_clinic,
    check_question,
    check_room_for_a_clinic,
    check_room_for_a_profile,
    check_room_for_a_question,
)
from ketachecklist.core.limits import (
    MAX_NAME,
    MAX_PROFILE_NAME,
    MAX_TEXT,
    MAX_WEIGHT,
    check_number,
    check_text,
)
from ketachecklist.core.records import (
    BLANK,
    Answer,
    AnswerValue,
    Clinic,
    CostDetails,
    Coverage,
    Decision,
    WeightProfile,
    value_matches_kind,
)
from ketachecklist.text import tr

__all__ = [
    "BLANK",
    "Answer",
    "AnswerValue",
    "Clinic",
    "Comparison",
    "CostDetails",
    "Coverage",
    "Decision",
    "WeightProfile",
    "value_matches_kind",
]


@dataclass
class Comparison:
    """The patient's document. ``catalogue`` is the catalogue it was made with."""

    catalogue: Catalogue
    clinics: list[Clinic] = field(default_factory=list)
    answers: dict[tuple[str, str], Answer] = field(default_factory=dict)
    custom_questions: list[Question] = field(default_factory=list)
    set_weights: dict[str, float] = field(default_factory=dict)
    question_weights: dict[str, float] = field(default_factory=dict)
    decision: Decision = field(default_factory=Decision)
    title: str = ""
    deal_breakers: set[str] = field(default_factory=set)  # question ids the patient marked
    weight_profiles: list[WeightProfile] = field(default_factory=list)
    active_profile: str | None = None  # whose weights are ``set_weights``; None: unnamed
    revision: int = 0  # bumped by every edit; lets views and autosave notice change cheaply
    # questions() as last built, with what it was built from (scoring and the views ask for it
    # several times per edit); questions are frozen, so the same objects mean the same list
    _questions: tuple[tuple[object, ...], tuple[Question, ...]] | None = field(
        default=None, init=False, compare=False, repr=False
    )

    # --- reading -------------------------------------------------------------------------------
    def questions(self) -> list[Question]:
        """Every question in display order: set by set, catalogue questions then custom ones."""
        key = (self.revision, id(self.catalogue), *map(id, self.custom_questions))
        if self._questions is not None and self._questions[0] == key:
            return list(self._questions[1])
        ordered: list[Question] = []
        for question_set in self.catalogue.sets:
            ordered.extend(self.catalogue.questions_in(question_set.id))
            ordered.extend(q for q in self.custom_questions if q.set_id == question_set.id)
        self._questions = (key, tuple(ordered))
        return ordered

    def questions_in(self, set_id: str) -> list[Question]:
        return [q for q in self.questions() if q.set_id == set_id]

    def question(self, question_id: str) -> Question:
        if self.catalogue.has_question(question_id):
            return self.catalogue.question(question_id)
        for question in self.custom_questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    def question_with_role(self, role: QuestionRole) -> Question | None:
        return next((q for q in self.questions() if q.role is role), None)

    def clinic(self, clinic_id: str) -> Clinic:
        for clinic in self.clinics:
            if clinic.id == clinic_id:
                return clinic
        raise KeyError(clinic_id)

    def clinic_index(self, clinic_id: str) -> int:
        for index, clinic in enumerate(self.clinics):
            if clinic.id == clinic_id:
                return index
        raise KeyError(clinic_id)

    def answer(self, clinic_id: str, question_id: str) -> Answer:
        return self.answers.get((clinic_id, question_id), BLANK)

    def answers_of(self, clinic_id: str) -> Iterator[tuple[str, Answer]]:
        return ((qid, a) for (cid, qid), a in self.answers.items() if cid == clinic_id)

    def set_weight(self, set_id: str) -> float:
        return self.set_weights.get(set_id, 1.0)

    def question_weight(self, question_id: str) -> float:
        return self.question_weights.get(question_id, 1.0)

    def is_deal_breaker(self, question_id: str) -> bool:
        return question_id in self.deal_breakers

    def weight_profile(self, name: str) -> WeightProfile:
        return self.weight_profiles[self._profile_index(name)]

    def profile_set_weights(self, name: str) -> dict[str, float]:
        """A profile's set weights: the document's own for the active profile."""
        if name == self.active_profile:
            return dict(self.set_weights)
        return dict(self.weight_profile(name).set_weights)

    def _profile_index(self, name: str) -> int:
        for index, profile in enumerate(self.weight_profiles):
            if profile.name == name:
                return index
        raise KeyError(name)

    def new_clinic_id(self) -> str:
        used = {c.id for c in self.clinics}
        number = len(self.clinics) + 1
        while f"clinic-{number}" in used:
            number += 1
        return f"clinic-{number}"

    def new_custom_question_id(self) -> str:
        used = {q.id for q in self.custom_questions}
        number = len(self.custom_questions) + 1
        while f"custom-{number}" in used or self.catalogue.has_question(f"custom-{number}"):
            number += 1
        return f"custom-{number}"

    # --- editing: each checks its limits, changes the document and returns the Change ----------
    def apply(self, change: Change) -> None:
        """Apply a change an edit operation returned (redo), or its ``inverse()`` (undo)."""
        change.apply_to(self)
        self.revision += 1

    def _do(self, change: Change) -> Change:
        self.apply(change)
        return change

    def add_clinic(self, clinic: Clinic, index: int | None = None) -> Change:
        if any(c.id == clinic.id for c in self.clinics):
            raise ValueError(tr("clinic id {id} is already used").format(id=repr(clinic.id)))
        check_room_for_a_clinic(self)
        check_clinic(clinic)
        position = len(self.clinics) if index is None else max(0, min(index, len(self.clinics)))
        step = InsertClinic(position, clinic)
        return self._do(Change(ChangeKind.ADD_CLINIC, (step,), clinic_id=clinic.id))

    def remove_clinic(self, clinic_id: str) -> Change:
        """Takes the clinic, its answers and a decision that named it (all back on undo)."""
        index = self.clinic_index(clinic_id)
        steps: list[Step] = [
            PutAnswer(cid, qid, answer, BLANK)
            for (cid, qid), answer in self.answers.items()
            if cid == clinic_id
        ]
        if self.decision.clinic_id == clinic_id:
            steps.append(PutDecision(self.decision, replace(self.decision, clinic_id=None)))
        steps.append(RemoveClinic(index, self.clinics[index]))
        return self._do(Change(ChangeKind.REMOVE_CLINIC, tuple(steps), clinic_id=clinic_id))

    def update_clinic(self, clinic: Clinic) -> Change:
        index = self.clinic_index(clinic.id)
        check_clinic(clinic)
        step = ReplaceClinic(index, self.clinics[index], clinic)
        return self._do(Change(ChangeKind.EDIT_CLINIC, (step,), clinic_id=clinic.id))

    def move_clinic(self, clinic_id: str, new_index: int) -> Change:
        old_index = self.clinic_index(clinic_id)
        clinic = self.clinics[old_index]
        target = max(0, min(new_index, len(self.clinics) - 1))
        steps = (RemoveClinic(old_index, clinic), InsertClinic(target, clinic))
        return self._do(Change(ChangeKind.MOVE_CLINIC, steps, clinic_id=clinic_id))

    def duplicate_clinic(self, clinic_id: str, name: str | None = None) -> Change:
        """Insert a copy (details and answers) right after the original; the change names the
        copy's id."""
        original = self.clinic(clinic_id)
        check_room_for_a_clinic(self)
        taken = {clinic.name for clinic in self.clinics}
        new_name = name or copy_name(original.name, taken, MAX_NAME)
        copy = replace(original, id=self.new_clinic_id(), name=new_name)
        check_clinic(copy)
        steps: list[Step] = [InsertClinic(self.clinic_index(clinic_id) + 1, copy)]
        steps.extend(
            PutAnswer(copy.id, qid, BLANK, answer) for qid, answer in self.answers_of(clinic_id)
        )
        return self._do(Change(ChangeKind.DUPLICATE_CLINIC, tuple(steps), clinic_id=copy.id))

    def set_answer(self, clinic_id: str, question_id: str, answer: Answer) -> Change:
        self.clinic(clinic_id)
        check_answer(self.question(question_id), answer)
        step = PutAnswer(clinic_id, question_id, self.answer(clinic_id, question_id), answer)
        return self._do(
            Change(ChangeKind.SET_ANSWER, (step,), clinic_id=clinic_id, question_id=question_id)
        )

    def add_custom_question(self, question: Question, index: int | None = None) -> Change:
        if self.catalogue.has_question(question.id) or any(
            q.id == question.id for q in self.custom_questions
        ):
            raise ValueError(tr("question id {id} is already used").format(id=repr(question.id)))
        check_room_for_a_question(self)
        self.catalogue.question_set(question.set_id)
        question = replace(question, custom=True)
        check_question(question)
        count = len(self.custom_questions)
        position = count if index is None else max(0, min(index, count))
        step = InsertQuestion(position, question)
        return self._do(Change(ChangeKind.ADD_QUESTION, (step,), question_id=question.id))

    def update_custom_question(self, question: Question) -> Change:
        """New wording for one of the patient's questions; a new kind follows the kind rule."""
        index = self._custom_index(question.id)
        old = self.custom_questions[index]
        new = replace(question, custom=True)
        check_question(new)
        if new.kind is not old.kind:
            return self._change_kind(index, new)
        step = ReplaceQuestion(index, old, new)
        return self._do(Change(ChangeKind.EDIT_QUESTION, (step,), question_id=question.id))

    def change_question_kind(self, question_id: str, kind: AnswerKind) -> Change:
        """Recorded values that no longer fit (a number for a yes/no question) are cleared and
        come back on undo; ratings and notes are always kept."""
        index = self._custom_index(question_id)
        return self._change_kind(index, replace(self.custom_questions[index], kind=kind))

    def _change_kind(self, index: int, new: Question) -> Change:
        steps: list[Step] = [ReplaceQuestion(index, self.custom_questions[index], new)]
        for clinic in self.clinics:
            answer = self.answer(clinic.id, new.id)
            if not value_matches_kind(new.kind, answer.value):
                steps.append(PutAnswer(clinic.id, new.id, answer, replace(answer, value=None)))
        return self._do(Change(ChangeKind.CHANGE_QUESTION_KIND, tuple(steps), question_id=new.id))

    def remove_custom_question(self, question_id: str) -> Change:
        index = self._custom_index(question_id)
        steps: list[Step] = [
            PutAnswer(cid, qid, answer, BLANK)
            for (cid, qid), answer in self.answers.items()
            if qid == question_id
        ]
        if question_id in self.question_weights:
            steps.append(PutWeight(False, question_id, self.question_weights[question_id], None))
        if question_id in self.deal_breakers:
            steps.append(PutDealBreaker(question_id, True, False))
        steps.append(RemoveQuestion(index, self.custom_questions[index]))
        return self._do(Change(ChangeKind.REMOVE_QUESTION, tuple(steps), question_id=question_id))

    def _custom_index(self, question_id: str) -> int:
        for index, question in enumerate(self.custom_questions):
            if question.id == question_id:
                return index
        raise KeyError(question_id)

    def set_set_weight(self, set_id: str, weight: float) -> Change:
        check_number(tr("a weight"), weight, MAX_WEIGHT)
        self.catalogue.question_set(set_id)
        step = PutWeight(True, set_id, self.set_weights.get(set_id), float(weight))
        return self._do(Change(ChangeKind.SET_SET_WEIGHT, (step,), set_id=set_id))

    def set_question_weight(self, question_id: str, weight: float) -> Change:
        check_number(tr("a weight"), weight, MAX_WEIGHT)
        self.question(question_id)
        step = PutWeight(False, question_id, self.question_weights.get(question_id), float(weight))
        return self._do(Change(ChangeKind.SET_QUESTION_WEIGHT, (step,), question_id=question_id))

    def set_decision(self, decision: Decision) -> Change:
        if decision.clinic_id is not None:
            self.clinic(decision.clinic_id)
        check_text(tr("the reason for a decision"), decision.reason, MAX_TEXT)
        step = PutDecision(self.decision, decision)
        return self._do(Change(ChangeKind.SET_DECISION, (step,)))

    # --- deal-breakers and weight profiles (issue 13) -------------------------------------------
    def set_deal_breaker(self, question_id: str, marked: bool) -> Change:
        self.question(question_id)
        step = PutDealBreaker(question_id, question_id in self.deal_breakers, marked)
        return self._do(Change(ChangeKind.SET_DEAL_BREAKER, (step,), question_id=question_id))

    def replace_set_weights(self, weights: dict[str, float]) -> Change:
        """Every set weight at once: a reset, a preset (core/decision/profiles.py)."""
        self._check_set_weights(weights)
        step = PutSetWeights(dict(self.set_weights), {k: float(w) for k, w in weights.items()})
        return self._do(Change(ChangeKind.REPLACE_SET_WEIGHTS, (step,)))

    def add_weight_profile(self, profile: WeightProfile, index: int | None = None) -> Change:
        """A new profile, not in force until ``activate_weight_profile``."""
        self._check_profile_name(profile.name)
        check_room_for_a_profile(self)
        self._check_set_weights(profile.set_weights)
        count = len(self.weight_profiles)
        position = count if index is None else max(0, min(index, count))
        kept = WeightProfile(profile.name, dict(profile.set_weights))
        step = InsertWeightProfile(position, kept)
        return self._do(Change(ChangeKind.ADD_WEIGHT_PROFILE, (step,)))

    def rename_weight_profile(self, name: str, new_name: str) -> Change:
        index = self._profile_index(name)
        if new_name != name:
            self._check_profile_name(new_name)
        entry = self.weight_profiles[index]
        renamed = WeightProfile(new_name, dict(entry.set_weights))
        steps: list[Step] = [ReplaceWeightProfile(index, entry, renamed)]
        if name == self.active_profile:
            steps.append(PutActiveProfile(name, new_name))
        return self._do(Change(ChangeKind.RENAME_WEIGHT_PROFILE, tuple(steps)))

    def _check_profile_name(self, name: str) -> None:
        check_text(tr("a profile's name"), name, MAX_PROFILE_NAME, required=True)
        if any(p.name == name for p in self.weight_profiles):
            raise ValueError(
                tr("a weight profile is already called {name}").format(name=repr(name))
            )

    def remove_weight_profile(self, name: str) -> Change:
        """Removing the profile in force keeps its weights in force, unnamed."""
        index = self._profile_index(name)
        steps: list[Step] = []
        if name == self.active_profile:
            steps.append(PutActiveProfile(name, None))
        steps.append(RemoveWeightProfile(index, self.weight_profiles[index]))
        return self._do(Change(ChangeKind.REMOVE_WEIGHT_PROFILE, tuple(steps)))

    def activate_weight_profile(self, name: str | None) -> Change:
        """Put a profile's weights in force (None: keep the weights, unnamed); the profile that
        was in force keeps the weights it had as its own."""
        target = None if name is None else self._profile_index(name)
        steps: list[Step] = []
        previous = self.active_profile
        if previous != name:
            if previous is not None:
                at = self._profile_index(previous)
                old = self.weight_profiles[at]
                kept = WeightProfile(previous, dict(self.set_weights))
                steps.append(ReplaceWeightProfile(at, old, kept))
            if target is not None:
                entry = self.weight_profiles[target]
                steps.append(PutSetWeights(dict(self.set_weights), dict(entry.set_weights)))
                steps.append(ReplaceWeightProfile(target, entry, WeightProfile(entry.name, {})))
            steps.append(PutActiveProfile(previous, name))
        return self._do(Change(ChangeKind.ACTIVATE_WEIGHT_PROFILE, tuple(steps)))

    def _check_set_weights(self, weights: dict[str, float]) -> None:
        for set_id, weight in weights.items():
            check_number(tr("a weight"), weight, MAX_WEIGHT)
            self.catalogue.question_set(set_id)
