"""The comparison document: clinics, their answers, weights and the recorded decision.

A Comparison is plain mutable data plus small edit operations. Each operation returns what it
replaced so a caller (the Qt undo stack) can put it back; none of them computes scores.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import Enum

from ketachecklist.core.catalogue import AnswerKind, Catalogue, Question, QuestionRole
from ketachecklist.core.treatments import Treatment

RATING_LABELS = {
    1: "Concerning",
    2: "Weak",
    3: "Acceptable",
    4: "Good",
    5: "Reassuring",
}
NOT_ASKED = "Not asked yet"
MAX_WEIGHT = 100.0


def rating_label(rating: int | None) -> str:
    return NOT_ASKED if rating is None else RATING_LABELS[rating]


class Coverage(str, Enum):
    UNKNOWN = "unknown"
    NONE = "none"
    PARTIAL = "partial"
    FULL = "full"

    @property
    def label(self) -> str:
        return _COVERAGE_LABELS[self]


_COVERAGE_LABELS = {
    Coverage.UNKNOWN: "Not known yet",
    Coverage.NONE: "Not covered",
    Coverage.PARTIAL: "Partly covered",
    Coverage.FULL: "Fully covered",
}


@dataclass(frozen=True)
class CostDetails:
    """What a clinic said about price: enough to estimate the cost of a whole course."""

    price_per_session: float | None = None
    sessions_recommended: int | None = None
    other_fees: float | None = None
    insurance: Coverage = Coverage.UNKNOWN
    insurance_percent: float | None = None  # share insurance pays, when partly covered

    @property
    def is_empty(self) -> bool:
        return self == CostDetails()


AnswerValue = bool | float | int | str | CostDetails | None


@dataclass(frozen=True)
class Answer:
    """One clinic's answer to one question. ``rating=None`` means "not asked yet", never a zero."""

    rating: int | None = None
    said: str = ""
    value: AnswerValue = None

    @property
    def is_blank(self) -> bool:
        return self.rating is None and not self.said and self.value in (None, CostDetails())


BLANK = Answer()


@dataclass(frozen=True)
class Clinic:
    id: str
    name: str
    location: str = ""
    phone: str = ""
    website: str = ""
    contact: str = ""
    consultation_date: dt.date | None = None
    treatments: tuple[Treatment, ...] = ()
    treatment_other: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Decision:
    clinic_id: str | None = None
    reason: str = ""
    decided_on: dt.date | None = None


@dataclass(frozen=True)
class RemovedClinic:
    """Everything `remove_clinic` took out, so `restore_clinic` can put it back exactly."""

    clinic: Clinic
    index: int
    answers: dict[str, Answer]
    decision: Decision


@dataclass(frozen=True)
class RemovedQuestion:
    question: Question
    index: int
    answers: dict[str, Answer]
    weight: float | None


@dataclass(frozen=True)
class WeightProfile:
    """One person's view of what matters: a name ("Me", "Mum") and set weights.

    The active profile's weights are the document's ``set_weights`` (one source of truth, so
    every existing weight edit changes the profile in force); its entry here keeps none. The
    other profiles keep theirs here until they are made active.
    """

    name: str
    set_weights: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class RemovedWeightProfile:
    profile: WeightProfile  # with its weights, the document's if it was active
    index: int
    was_active: bool


@dataclass(frozen=True)
class ProfileActivation:
    """What ``activate_weight_profile`` replaced: the profile in force and its weights."""

    previous: str | None
    set_weights: dict[str, float]


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

    # --- reading -------------------------------------------------------------------------------
    def questions(self) -> list[Question]:
        """Every question in display order: set by set, catalogue questions then custom ones."""
        ordered: list[Question] = []
        for question_set in self.catalogue.sets:
            ordered.extend(self.catalogue.questions_in(question_set.id))
            ordered.extend(q for q in self.custom_questions if q.set_id == question_set.id)
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
        return next(i for i, c in enumerate(self.clinics) if c.id == clinic_id)

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
        for profile in self.weight_profiles:
            if profile.name == name:
                return profile
        raise KeyError(name)

    def profile_set_weights(self, name: str) -> dict[str, float]:
        """A profile's set weights: the document's own for the active profile."""
        if name == self.active_profile:
            return dict(self.set_weights)
        return dict(self.weight_profile(name).set_weights)

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

    # --- editing: each returns what it replaced -----------------------------------------------
    def _touch(self) -> None:
        self.revision += 1

    def add_clinic(self, clinic: Clinic, index: int | None = None) -> int:
        if any(c.id == clinic.id for c in self.clinics):
            raise ValueError(f"clinic id {clinic.id!r} is already used")
        position = len(self.clinics) if index is None else max(0, min(index, len(self.clinics)))
        self.clinics.insert(position, clinic)
        self._touch()
        return position

    def remove_clinic(self, clinic_id: str) -> RemovedClinic:
        index = self.clinic_index(clinic_id)
        clinic = self.clinics.pop(index)
        answers = {
            qid: self.answers.pop((cid, qid))
            for (cid, qid) in list(self.answers)
            if cid == clinic_id
        }
        old_decision = self.decision
        if self.decision.clinic_id == clinic_id:
            self.decision = replace(self.decision, clinic_id=None)
        self._touch()
        return RemovedClinic(clinic, index, answers, old_decision)

    def restore_clinic(self, removed: RemovedClinic) -> None:
        self.clinics.insert(removed.index, removed.clinic)
        for question_id, answer in removed.answers.items():
            self.answers[(removed.clinic.id, question_id)] = answer
        self.decision = removed.decision
        self._touch()

    def update_clinic(self, clinic: Clinic) -> Clinic:
        index = self.clinic_index(clinic.id)
        old = self.clinics[index]
        self.clinics[index] = clinic
        self._touch()
        return old

    def move_clinic(self, clinic_id: str, new_index: int) -> int:
        old_index = self.clinic_index(clinic_id)
        clinic = self.clinics.pop(old_index)
        self.clinics.insert(max(0, min(new_index, len(self.clinics))), clinic)
        self._touch()
        return old_index

    def duplicate_clinic(self, clinic_id: str, name: str | None = None) -> Clinic:
        """Insert a copy (details and answers) right after the original; returns the copy."""
        original = self.clinic(clinic_id)
        copy = replace(original, id=self.new_clinic_id(), name=name or f"{original.name} (copy)")
        self.add_clinic(copy, self.clinic_index(clinic_id) + 1)
        for question_id, answer in list(self.answers_of(clinic_id)):
            self.answers[(copy.id, question_id)] = answer
        return copy

    def set_answer(self, clinic_id: str, question_id: str, answer: Answer) -> Answer:
        self.clinic(clinic_id)
        self.question(question_id)
        old = self.answer(clinic_id, question_id)
        if answer.is_blank:
            self.answers.pop((clinic_id, question_id), None)
        else:
            self.answers[(clinic_id, question_id)] = answer
        self._touch()
        return old

    def add_custom_question(self, question: Question, index: int | None = None) -> None:
        if self.catalogue.has_question(question.id) or any(
            q.id == question.id for q in self.custom_questions
        ):
            raise ValueError(f"question id {question.id!r} is already used")
        self.catalogue.question_set(question.set_id)
        question = replace(question, custom=True)
        self.deal_breakers.discard(question.id)  # a mark left by a removed question of that id
        position = len(self.custom_questions) if index is None else index
        self.custom_questions.insert(position, question)
        self._touch()

    def update_custom_question(self, question: Question) -> Question:
        index = next(i for i, q in enumerate(self.custom_questions) if q.id == question.id)
        old = self.custom_questions[index]
        self.custom_questions[index] = replace(question, custom=True)
        self._touch()
        return old

    def remove_custom_question(self, question_id: str) -> RemovedQuestion:
        index = next(i for i, q in enumerate(self.custom_questions) if q.id == question_id)
        question = self.custom_questions.pop(index)
        answers = {
            cid: self.answers.pop((cid, qid))
            for (cid, qid) in list(self.answers)
            if qid == question_id
        }
        weight = self.question_weights.pop(question_id, None)
        self._touch()
        return RemovedQuestion(question, index, answers, weight)

    def restore_custom_question(self, removed: RemovedQuestion) -> None:
        self.custom_questions.insert(removed.index, removed.question)
        for clinic_id, answer in removed.answers.items():
            self.answers[(clinic_id, removed.question.id)] = answer
        if removed.weight is not None:
            self.question_weights[removed.question.id] = removed.weight
        self._touch()

    def set_set_weight(self, set_id: str, weight: float) -> float:
        _check_weight(weight)
        self.catalogue.question_set(set_id)
        old = self.set_weight(set_id)
        self.set_weights[set_id] = weight
        self._touch()
        return old

    def set_question_weight(self, question_id: str, weight: float) -> float:
        _check_weight(weight)
        self.question(question_id)
        old = self.question_weight(question_id)
        self.question_weights[question_id] = weight
        self._touch()
        return old

    def set_decision(self, decision: Decision) -> Decision:
        if decision.clinic_id is not None:
            self.clinic(decision.clinic_id)
        old = self.decision
        self.decision = decision
        self._touch()
        return old

    # --- deal-breakers and weight profiles: each returns what it replaced ------------------------
    def set_deal_breaker(self, question_id: str, marked: bool) -> bool:
        """Mark or unmark a question as a deal-breaker; returns whether it was marked."""
        self.question(question_id)
        old = question_id in self.deal_breakers
        if marked:
            self.deal_breakers.add(question_id)
        else:
            self.deal_breakers.discard(question_id)
        self._touch()
        return old

    def replace_set_weights(self, weights: dict[str, float]) -> dict[str, float]:
        """Every set weight at once (a reset, a preset); returns the weights it replaced."""
        for set_id, weight in weights.items():
            _check_weight(weight)
            self.catalogue.question_set(set_id)
        old = dict(self.set_weights)
        self.set_weights = dict(weights)
        self._touch()
        return old

    def add_weight_profile(self, profile: WeightProfile, index: int | None = None) -> int:
        """Add an inactive profile; returns its position."""
        _check_profile_name(profile.name)
        if any(p.name == profile.name for p in self.weight_profiles):
            raise ValueError(f"a weight profile is already called {profile.name!r}")
        if len(self.weight_profiles) >= MAX_WEIGHT_PROFILES:
            raise ValueError(f"a comparison holds at most {MAX_WEIGHT_PROFILES} weight profiles")
        for set_id, weight in profile.set_weights.items():
            _check_weight(weight)
            self.catalogue.question_set(set_id)
        count = len(self.weight_profiles)
        position = count if index is None else max(0, min(index, count))
        self.weight_profiles.insert(
            position, WeightProfile(profile.name, dict(profile.set_weights))
        )
        self._touch()
        return position

    def remove_weight_profile(self, name: str) -> RemovedWeightProfile:
        """Removing the active profile keeps its weights in force, unnamed."""
        profile = self.weight_profile(name)
        index = self.weight_profiles.index(profile)
        was_active = name == self.active_profile
        self.weight_profiles.pop(index)
        if was_active:
            self.active_profile = None
        self._touch()
        weights = dict(self.set_weights) if was_active else dict(profile.set_weights)
        return RemovedWeightProfile(WeightProfile(name, weights), index, was_active)

    def restore_weight_profile(self, removed: RemovedWeightProfile) -> None:
        kept = {} if removed.was_active else dict(removed.profile.set_weights)
        self.weight_profiles.insert(removed.index, WeightProfile(removed.profile.name, kept))
        if removed.was_active:
            self.active_profile = removed.profile.name
        self._touch()

    def activate_weight_profile(self, name: str | None) -> ProfileActivation:
        """Put a profile's weights in force (None: keep the weights, unnamed).

        The profile that was in force keeps the document's weights as its own.
        """
        target = None if name is None else self.weight_profile(name)
        activation = ProfileActivation(self.active_profile, dict(self.set_weights))
        if self.active_profile is not None and self.active_profile != name:
            self._store_profile(WeightProfile(self.active_profile, dict(self.set_weights)))
        if target is not None and name != self.active_profile:
            self.set_weights = dict(target.set_weights)
            self._store_profile(WeightProfile(target.name, {}))
        self.active_profile = name
        self._touch()
        return activation

    def restore_activation(self, activation: ProfileActivation) -> None:
        self.activate_weight_profile(activation.previous)
        self.set_weights = dict(activation.set_weights)

    def _store_profile(self, profile: WeightProfile) -> None:
        index = next(i for i, p in enumerate(self.weight_profiles) if p.name == profile.name)
        self.weight_profiles[index] = profile


MAX_WEIGHT_PROFILES = 20
MAX_PROFILE_NAME = 100


def _check_profile_name(name: str) -> None:
    if not name.strip():
        raise ValueError("a weight profile needs a name")
    if len(name) > MAX_PROFILE_NAME:
        raise ValueError(f"a weight profile's name has at most {MAX_PROFILE_NAME} characters")


def _check_weight(weight: float) -> None:
    if not 0.0 <= weight <= MAX_WEIGHT:
        raise ValueError(f"a weight must be between 0 and {MAX_WEIGHT:g}")


def value_matches_kind(kind: AnswerKind, value: AnswerValue) -> bool:
    """True when ``value`` is the structured value a question of ``kind`` takes (or empty)."""
    if value is None:
        return True
    expected: dict[AnswerKind, tuple[type, ...]] = {
        AnswerKind.RATING: (),
        AnswerKind.YES_NO: (bool,),
        AnswerKind.MONEY: (int, float),
        AnswerKind.COUNT: (int,),
        AnswerKind.TEXT: (str,),
        AnswerKind.COST: (CostDetails,),
    }
    types = expected[kind]
    if kind in (AnswerKind.MONEY, AnswerKind.COUNT) and isinstance(value, bool):
        return False
    return isinstance(value, types)
