"""What one edit of a comparison changed, precisely enough to apply it again or take it back.

Every edit operation on ``Comparison`` returns a ``Change``: what kind of edit it was, which
clinic, question or set it touched, and the steps it took. A step records the old and the new
state of one place in the document, so ``change.inverse()`` is the edit that reverts it and
``comparison.apply(change)`` redoes it. The UI's undo stack needs nothing else; a command line
tool can use the same operations and the same rules.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Protocol

from ketachecklist.core.frozen_record import FrozenRecord

if TYPE_CHECKING:
    from ketachecklist.core.catalogue import Question
    from ketachecklist.core.document import Answer, Clinic, Comparison, Decision, WeightProfile


class ChangeKind(Enum):
    ADD_CLINIC = "add clinic"
    REMOVE_CLINIC = "remove clinic"
    DUPLICATE_CLINIC = "duplicate clinic"
    MOVE_CLINIC = "move clinic"
    EDIT_CLINIC = "edit clinic"
    SET_ANSWER = "set answer"
    ADD_QUESTION = "add question"
    REMOVE_QUESTION = "remove question"
    EDIT_QUESTION = "edit question"
    CHANGE_QUESTION_KIND = "change question kind"
    SET_SET_WEIGHT = "set set weight"
    SET_QUESTION_WEIGHT = "set question weight"
    SET_DECISION = "set decision"
    SET_DEAL_BREAKER = "set deal-breaker"
    REPLACE_SET_WEIGHTS = "replace set weights"
    ADD_WEIGHT_PROFILE = "add weight profile"
    REMOVE_WEIGHT_PROFILE = "remove weight profile"
    RENAME_WEIGHT_PROFILE = "rename weight profile"
    ACTIVATE_WEIGHT_PROFILE = "activate weight profile"


class ChangeMismatchError(RuntimeError):
    """A step was applied to a comparison that is not in the state it was recorded from."""


class Step(Protocol):
    def apply(self, comparison: Comparison) -> None: ...
    def inverse(self) -> Step: ...


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise ChangeMismatchError(f"the comparison does not hold what this change expects: {what}")


# --- steps ------------------------------------------------------------------------------------
class InsertClinic(FrozenRecord):
    index: int
    clinic: Clinic

    def apply(self, comparison: Comparison) -> None:
        _expect(0 <= self.index <= len(comparison.clinics), "a clinic position")
        comparison.clinics.insert(self.index, self.clinic)

    def inverse(self) -> Step:
        return RemoveClinic(self.index, self.clinic)


class RemoveClinic(FrozenRecord):
    index: int
    clinic: Clinic

    def apply(self, comparison: Comparison) -> None:
        clinics = comparison.clinics
        _expect(0 <= self.index < len(clinics) and clinics[self.index] == self.clinic, "a clinic")
        del clinics[self.index]

    def inverse(self) -> Step:
        return InsertClinic(self.index, self.clinic)


class ReplaceClinic(FrozenRecord):
    index: int
    old: Clinic
    new: Clinic

    def apply(self, comparison: Comparison) -> None:
        clinics = comparison.clinics
        _expect(0 <= self.index < len(clinics) and clinics[self.index] == self.old, "a clinic")
        clinics[self.index] = self.new

    def inverse(self) -> Step:
        return ReplaceClinic(self.index, self.new, self.old)


class PutAnswer(FrozenRecord):
    """One clinic's answer to one question; a blank answer is stored as no answer at all."""

    clinic_id: str
    question_id: str
    old: Answer
    new: Answer

    def apply(self, comparison: Comparison) -> None:
        key = (self.clinic_id, self.question_id)
        _expect(comparison.answer(*key) == self.old, "an answer")
        if self.new.is_blank:
            comparison.answers.pop(key, None)
        else:
            comparison.answers[key] = self.new

    def inverse(self) -> Step:
        return PutAnswer(self.clinic_id, self.question_id, self.new, self.old)


class InsertQuestion(FrozenRecord):
    index: int
    question: Question

    def apply(self, comparison: Comparison) -> None:
        _expect(0 <= self.index <= len(comparison.custom_questions), "a question position")
        comparison.custom_questions.insert(self.index, self.question)

    def inverse(self) -> Step:
        return RemoveQuestion(self.index, self.question)


class RemoveQuestion(FrozenRecord):
    index: int
    question: Question

    def apply(self, comparison: Comparison) -> None:
        questions = comparison.custom_questions
        _expect(
            0 <= self.index < len(questions) and questions[self.index] == self.question,
            "a question",
        )
        del questions[self.index]

    def inverse(self) -> Step:
        return InsertQuestion(self.index, self.question)


class ReplaceQuestion(FrozenRecord):
    index: int
    old: Question
    new: Question

    def apply(self, comparison: Comparison) -> None:
        questions = comparison.custom_questions
        _expect(
            0 <= self.index < len(questions) and questions[self.index] == self.old, "a question"
        )
        questions[self.index] = self.new

    def inverse(self) -> Step:
        return ReplaceQuestion(self.index, self.new, self.old)


class PutWeight(FrozenRecord):
    """A set's (``of_set``) or a question's weight; None means "not set" (it counts as 1)."""

    of_set: bool
    key: str
    old: float | None
    new: float | None

    def apply(self, comparison: Comparison) -> None:
        weights = comparison.set_weights if self.of_set else comparison.question_weights
        _expect(weights.get(self.key) == self.old, "a weight")
        if self.new is None:
            weights.pop(self.key, None)
        else:
            weights[self.key] = self.new

    def inverse(self) -> Step:
        return PutWeight(self.of_set, self.key, self.new, self.old)


class PutDecision(FrozenRecord):
    old: Decision
    new: Decision

    def apply(self, comparison: Comparison) -> None:
        _expect(comparison.decision == self.old, "the decision")
        comparison.decision = self.new

    def inverse(self) -> Step:
        return PutDecision(self.new, self.old)


# --- deal-breakers and weight profiles (issue 13) ----------------------------------------------
class PutDealBreaker(FrozenRecord):
    question_id: str
    old: bool
    new: bool

    def apply(self, comparison: Comparison) -> None:
        marks = comparison.deal_breakers
        _expect((self.question_id in marks) == self.old, "a deal-breaker mark")
        if self.new:
            marks.add(self.question_id)
        else:
            marks.discard(self.question_id)

    def inverse(self) -> Step:
        return PutDealBreaker(self.question_id, self.new, self.old)


class PutSetWeights(FrozenRecord):
    """Every set weight at once (a reset, a preset, another profile's weights)."""

    old: dict[str, float]
    new: dict[str, float]

    def apply(self, comparison: Comparison) -> None:
        _expect(comparison.set_weights == self.old, "the set weights")
        comparison.set_weights = dict(self.new)

    def inverse(self) -> Step:
        return PutSetWeights(self.new, self.old)


class InsertWeightProfile(FrozenRecord):
    index: int
    profile: WeightProfile

    def apply(self, comparison: Comparison) -> None:
        _expect(0 <= self.index <= len(comparison.weight_profiles), "a profile position")
        comparison.weight_profiles.insert(self.index, self.profile)

    def inverse(self) -> Step:
        return RemoveWeightProfile(self.index, self.profile)


class RemoveWeightProfile(FrozenRecord):
    index: int
    profile: WeightProfile

    def apply(self, comparison: Comparison) -> None:
        profiles = comparison.weight_profiles
        _expect(
            0 <= self.index < len(profiles) and profiles[self.index] == self.profile, "a profile"
        )
        del profiles[self.index]

    def inverse(self) -> Step:
        return InsertWeightProfile(self.index, self.profile)


class ReplaceWeightProfile(FrozenRecord):
    index: int
    old: WeightProfile
    new: WeightProfile

    def apply(self, comparison: Comparison) -> None:
        profiles = comparison.weight_profiles
        _expect(0 <= self.index < len(profiles) and profiles[self.index] == self.old, "a profile")
        profiles[self.index] = self.new

    def inverse(self) -> Step:
        return ReplaceWeightProfile(self.index, self.new, self.old)


class PutActiveProfile(FrozenRecord):
    old: str | None
    new: str | None

    def apply(self, comparison: Comparison) -> None:
        _expect(comparison.active_profile == self.old, "the active profile")
        comparison.active_profile = self.new

    def inverse(self) -> Step:
        return PutActiveProfile(self.new, self.old)


_Replacement = (
    ReplaceClinic
    | PutAnswer
    | ReplaceQuestion
    | PutWeight
    | PutDecision
    | PutDealBreaker
    | PutSetWeights
    | PutActiveProfile
)


def _same_place(first: Step, later: Step) -> bool:
    if type(first) is not type(later):
        return False
    if isinstance(first, ReplaceClinic) and isinstance(later, ReplaceClinic):
        return first.index == later.index and first.new.id == later.old.id
    if isinstance(first, PutAnswer) and isinstance(later, PutAnswer):
        return (first.clinic_id, first.question_id) == (later.clinic_id, later.question_id)
    if isinstance(first, ReplaceQuestion) and isinstance(later, ReplaceQuestion):
        return first.index == later.index and first.new.id == later.old.id
    if isinstance(first, PutWeight) and isinstance(later, PutWeight):
        return (first.of_set, first.key) == (later.of_set, later.key)
    return isinstance(first, PutDecision)


# --- the change -------------------------------------------------------------------------------
class Change(FrozenRecord):
    kind: ChangeKind
    steps: tuple[Step, ...]
    clinic_id: str | None = None
    question_id: str | None = None
    set_id: str | None = None

    def apply_to(self, comparison: Comparison) -> None:
        """The steps in order (``Comparison.apply`` also counts the revision)."""
        for step in self.steps:
            step.apply(comparison)

    def inverse(self) -> Change:
        """The change that takes this one back: the same kind and subject, steps reversed."""
        return self.replaced(steps=tuple(step.inverse() for step in reversed(self.steps)))

    @property
    def is_empty(self) -> bool:
        """True when applying it leaves the comparison as it was (typing that was taken back)."""
        return all(isinstance(step, _Replacement) and step.old == step.new for step in self.steps)

    def followed_by(self, later: Change) -> Change:
        """One change doing this and then ``later`` (consecutive typing in one box)."""
        if (
            len(self.steps) == 1
            and len(later.steps) == 1
            and _same_place(self.steps[0], later.steps[0])
        ):
            first, last = self.steps[0], later.steps[0]
            assert isinstance(first, _Replacement)
            assert isinstance(last, _Replacement)
            return later.replaced(steps=(first.replaced(new=last.new),))
        return later.replaced(steps=self.steps + later.steps)
