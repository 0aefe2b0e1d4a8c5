"""The question catalogue's contents: question sets, questions, information sections, sources.

Plain frozen data; reading and checking a catalogue file is core/catalogue.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from functools import cached_property

from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.core.treatments import Treatment, treatments_apply


class AnswerKind(str, Enum):
    """The structured value a question asks for, beside its 1–5 rating and notes."""

    RATING = "rating"
    YES_NO = "yes_no"
    MONEY = "money"
    COUNT = "count"
    TEXT = "text"
    COST = "cost"


class QuestionRole(str, Enum):
    """Marks the questions whose structured answers feed the course-cost estimate."""

    COST_DETAILS = "cost_details"
    SESSIONS_RECOMMENDED = "sessions_recommended"
    COURSE_PRICE = "course_price"


# The answer kind each role's question must have (the cost estimate reads its value).
ROLE_KINDS = {
    QuestionRole.COST_DETAILS: AnswerKind.COST,
    QuestionRole.SESSIONS_RECOMMENDED: AnswerKind.COUNT,
    QuestionRole.COURSE_PRICE: AnswerKind.MONEY,
}


class RedFlagRule(FrozenRecord):
    """A yes/no answer that the sources treat as a warning sign, e.g. 'no vital-sign monitoring'."""

    when: bool
    label: str


class Source(FrozenRecord):
    id: str
    title: str
    publisher: str = ""
    note: str = ""
    short: str = ""  # how an information item names it, e.g. "Verywell Mind"

    @property
    def citation(self) -> str:
        return f"{self.title} ({self.publisher})" if self.publisher else self.title


class QuestionSet(FrozenRecord):
    id: str
    title: str
    description: str = ""


class Question(FrozenRecord):
    id: str
    set_id: str
    text: str
    kind: AnswerKind = AnswerKind.RATING
    why: str = ""
    reassuring: str = ""
    concerning: str = ""
    source: str = ""
    beyond_article: bool = False
    red_flag: RedFlagRule | None = None
    unit: str = ""
    role: QuestionRole | None = None
    custom: bool = False
    applies_to: tuple[Treatment, ...] = ()  # empty: every treatment

    def applies(self, offered: tuple[Treatment, ...]) -> bool:
        """Whether this question fits a clinic offering ``offered`` (see ``treatments``)."""
        return treatments_apply(self.applies_to, offered)


class InfoSection(FrozenRecord):
    """A short fact sheet. ``items`` are display strings (an item with a source of its own ends
    with its short attribution); ``item_sources`` holds each item's source id, in step, and
    ``own_source`` whether the item named it (False: it rests on the section's source)."""

    id: str
    title: str
    items: tuple[str, ...]
    source: str = ""
    note: str = ""
    item_sources: tuple[str, ...] = ()
    own_source: tuple[bool, ...] = ()

    @property
    def shared_source(self) -> str:
        """The section's source when an item rests on it, to cite under the section; "" when
        every item names its own (a section-wide citation would credit one source with all)."""
        if self.own_source and all(self.own_source):
            return ""
        return self.source


class PriceRange(FrozenRecord):
    """A price range a source quotes (shown beside the clinics' costs for context, never as a
    judgement of a clinic's price). ``year`` None: the source gives no date."""

    low: float
    high: float
    per: str  # what one price buys: "infusion"
    source: str  # a source id
    year: int | None = None
    about: bool = False  # the source says "about"


class Catalogue(FrozenRecord):
    id: str
    version: str
    title: str
    sets: tuple[QuestionSet, ...]
    questions: tuple[Question, ...]
    sources: tuple[Source, ...] = ()
    information: tuple[InfoSection, ...] = ()
    disclaimer: str = ""
    price_ranges: tuple[PriceRange, ...] = ()

    # Lookups made from ``questions`` on first use (not fields: never compared, shown or
    # passed in, so a copy makes its own): scoring asks on every edit.
    @cached_property
    def _by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @cached_property
    def _by_set(self) -> dict[str, tuple[Question, ...]]:
        return {s.id: tuple(q for q in self.questions if q.set_id == s.id) for s in self.sets}

    def question(self, question_id: str) -> Question:
        return self._by_id[question_id]

    def has_question(self, question_id: str) -> bool:
        return question_id in self._by_id

    def question_set(self, set_id: str) -> QuestionSet:
        for question_set in self.sets:
            if question_set.id == set_id:
                return question_set
        raise KeyError(set_id)

    def questions_in(self, set_id: str) -> Iterator[Question]:
        found = self._by_set.get(set_id)
        if found is None:  # not one of the catalogue's sets
            return (q for q in self.questions if q.set_id == set_id)
        return iter(found)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)
