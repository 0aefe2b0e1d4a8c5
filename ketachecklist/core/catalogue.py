"""The question catalogue: question sets, questions, information sections and their sources."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from ketachecklist.core.errors import FileFormatError, Problem
from ketachecklist.core.fields import FieldReader, line_of, type_name
from ketachecklist.core.safe_yaml import load_yaml_bytes
from ketachecklist.core.treatments import Treatment, treatments_apply
from ketachecklist.core.yaml_cache import load_yaml_cached

CATALOGUE_FORMAT = "ketachecklist-catalogue"
CATALOGUE_SCHEMA_VERSION = 2  # 2: questions may say which treatments they apply to


class AnswerKind(str, Enum):
    """The structured value a question asks for, beside its 1–5 rating and notes."""

    RATING = "rating"
    YES_NO = "yes_no"
    MONEY = "money"
    COUNT = "count"
    TEXT = "text"
    COST = "cost"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    AnswerKind.RATING: "rating only",
    AnswerKind.YES_NO: "yes or no",
    AnswerKind.MONEY: "amount of money",
    AnswerKind.COUNT: "number",
    AnswerKind.TEXT: "free text",
    AnswerKind.COST: "cost details",
}


class QuestionRole(str, Enum):
    """Marks the questions whose structured answers feed the course-cost estimate."""

    COST_DETAILS = "cost_details"
    SESSIONS_RECOMMENDED = "sessions_recommended"
    COURSE_PRICE = "course_price"


_ROLE_KINDS = {
    QuestionRole.COST_DETAILS: AnswerKind.COST,
    QuestionRole.SESSIONS_RECOMMENDED: AnswerKind.COUNT,
    QuestionRole.COURSE_PRICE: AnswerKind.MONEY,
}


@dataclass(frozen=True)
class RedFlagRule:
    """A yes/no answer that the sources treat as a warning sign, e.g. 'no vital-sign monitoring'."""

    when: bool
    label: str


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str = ""
    note: str = ""
    short: str = ""  # how an information item names it, e.g. "Verywell Mind"

    @property
    def citation(self) -> str:
        return f"{self.title} ({self.publisher})" if self.publisher else self.title


@dataclass(frozen=True)
class QuestionSet:
    id: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Question:
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


@dataclass(frozen=True)
class InfoSection:
    """A short fact sheet. ``items`` are display strings (an item with a source of its own ends
    with its short attribution); ``item_sources`` holds each item's source id, in step."""

    id: str
    title: str
    items: tuple[str, ...]
    source: str = ""
    note: str = ""
    item_sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class PriceRange:
    """A price range a source quotes (shown beside the clinics' costs for context, never as a
    judgement of a clinic's price). ``year`` None: the source gives no date."""

    low: float
    high: float
    per: str  # what one price buys: "infusion"
    source: str  # a source id
    year: int | None = None
    about: bool = False  # the source says "about"


@dataclass(frozen=True)
class Catalogue:
    id: str
    version: str
    title: str
    sets: tuple[QuestionSet, ...]
    questions: tuple[Question, ...]
    sources: tuple[Source, ...] = ()
    information: tuple[InfoSection, ...] = ()
    disclaimer: str = ""
    price_ranges: tuple[PriceRange, ...] = ()
    _by_id: dict[str, Question] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update((q.id, q) for q in self.questions)

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
        return (q for q in self.questions if q.set_id == set_id)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def information_section(self, section_id: str) -> InfoSection:
        return next(s for s in self.information if s.id == section_id)


def bundled_catalogue_path() -> Path:
    """data/questions.yaml: inside the installed package, or at the root of a source checkout."""
    package_dir = Path(__file__).resolve().parent.parent
    installed = package_dir / "data" / "questions.yaml"
    if installed.is_file():
        return installed
    return package_dir.parent / "data" / "questions.yaml"


_BUNDLED: Catalogue | None = None


def load_bundled_catalogue(cache: Path | None = None) -> Catalogue:
    """The catalogue shipped with the app (read once, then cached: it never changes at run time).

    With ``cache`` (the app passes a file in its private folder) the parsed YAML is kept there,
    so later starts need no PyYAML (see ``yaml_cache``); the validation is the same.
    """
    global _BUNDLED  # noqa: PLW0603 - a process-wide cache of immutable data
    if _BUNDLED is None:
        path = bundled_catalogue_path()
        if cache is None:
            _BUNDLED = load_catalogue(path)
        else:
            _BUNDLED = load_yaml_cached(
                _read(path), path.name, cache, lambda tree: catalogue_from_tree(tree, path.name)
            )
    return _BUNDLED


def load_catalogue(path: Path) -> Catalogue:
    return parse_catalogue(_read(path), path.name)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise FileFormatError.single(path.name, f"cannot read the file: {error.strerror}") from None


def parse_catalogue(data: bytes, source: str) -> Catalogue:
    """Validate a whole catalogue, reporting every problem with its line and field."""
    return catalogue_from_tree(load_yaml_bytes(data, source), source)


def catalogue_from_tree(document: Any, source: str) -> Catalogue:
    """Validate the catalogue ``safe_yaml`` read from ``source``."""
    problems: list[Problem] = []
    top = FieldReader(document, "the catalogue", problems)
    if not top.ok:
        raise FileFormatError(source, problems)
    file_format = top.text("format")
    if file_format and file_format != CATALOGUE_FORMAT:
        top.problem("format", f"'format' must be '{CATALOGUE_FORMAT}' (got '{file_format}')")
    schema = top.number("schema_version", whole=True, minimum=1, maximum=10_000)
    if schema is None and top.ok and not top.has("schema_version"):
        top.problem("schema_version", "the catalogue has no schema_version")
    elif schema is not None and schema > CATALOGUE_SCHEMA_VERSION:
        top.problem(
            "schema_version",
            f"schema_version {int(schema)} is newer than this app "
            f"understands ({CATALOGUE_SCHEMA_VERSION})",
        )
    top.reject_unknown(
        [
            "format",
            "schema_version",
            "id",
            "version",
            "title",
            "disclaimer",
            "sources",
            "sets",
            "questions",
            "information",
            "price_ranges",
        ]
    )

    sources = _read_sources(top.sequence("sources", required=True), problems)
    source_ids = {s.id for s in sources}
    sets = _read_sets(top.sequence("sets", required=True), problems)
    set_ids = {s.id for s in sets}
    raw_questions = top.sequence("questions", required=True)
    questions = []
    seen: dict[str, int | None] = {}
    for index, raw in enumerate(raw_questions):
        question = read_question(raw, index, problems, set_ids, source_ids, custom=False)
        if question is None:
            continue
        if question.id in seen:
            problems.append(
                Problem(
                    f"duplicate question id '{question.id}' (first on line {seen[question.id]})",
                    line_of(raw_questions, index),
                )
            )
            continue
        seen[question.id] = line_of(raw_questions, index)
        questions.append(question)
    _check_roles(questions, raw_questions, problems)
    information = _read_information(top.sequence("information"), problems, sources)
    price_ranges = _read_price_ranges(top.sequence("price_ranges"), problems, source_ids)

    catalogue_id = top.identifier("id")
    version = top.text("version")
    title = top.text("title")
    if problems:
        raise FileFormatError(source, problems)
    return Catalogue(
        id=catalogue_id,
        version=version,
        title=title,
        disclaimer=top.text("disclaimer", required=False),
        sets=tuple(sets),
        questions=tuple(questions),
        sources=tuple(sources),
        information=tuple(information),
        price_ranges=tuple(price_ranges),
    )


def _read_sources(raw_sources: list[Any], problems: list[Problem]) -> list[Source]:
    sources = []
    for index, raw in enumerate(raw_sources):
        reader = FieldReader(raw, f"source {index + 1}", problems)
        if not reader.ok:
            continue
        source_id = reader.identifier("id")
        reader.what = f"source '{source_id}'"
        reader.reject_unknown(["id", "title", "publisher", "note", "short"])
        sources.append(
            Source(
                id=source_id,
                title=reader.text("title"),
                publisher=reader.text("publisher", required=False),
                note=reader.text("note", required=False),
                short=reader.text("short", required=False),
            )
        )
    return sources


def _read_sets(raw_sets: list[Any], problems: list[Problem]) -> list[QuestionSet]:
    sets: list[QuestionSet] = []
    for index, raw in enumerate(raw_sets):
        reader = FieldReader(raw, f"set {index + 1}", problems)
        if not reader.ok:
            continue
        set_id = reader.identifier("id")
        reader.what = f"set '{set_id}'"
        reader.reject_unknown(["id", "title", "description"])
        if any(s.id == set_id for s in sets):
            reader.problem("id", f"duplicate set id '{set_id}'")
            continue
        sets.append(
            QuestionSet(
                id=set_id,
                title=reader.text("title"),
                description=reader.text("description", required=False),
            )
        )
    return sets


QUESTION_FIELDS = [
    "id",
    "set",
    "text",
    "why",
    "reassuring",
    "concerning",
    "kind",
    "source",
    "beyond_article",
    "red_flag",
    "unit",
    "role",
    "applies_to",
]


def read_question(
    raw: Any,
    index: int,
    problems: list[Problem],
    set_ids: set[str],
    source_ids: set[str],
    *,
    custom: bool,
) -> Question | None:
    """Read one question mapping; catalogue questions must carry why/answers/source."""
    reader = FieldReader(raw, f"question {index + 1}", problems)
    if not reader.ok:
        return None
    question_id = reader.identifier("id")
    if question_id:
        reader.what = f"question '{question_id}'"
    reader.reject_unknown(QUESTION_FIELDS)
    set_id = reader.text("set")
    if set_id and set_id not in set_ids:
        reader.problem("set", f"unknown set '{set_id}' (known: {', '.join(sorted(set_ids))})")
    kind_text = reader.choice("kind", [k.value for k in AnswerKind])
    kind = AnswerKind(kind_text) if kind_text else AnswerKind.RATING
    source = reader.text("source", required=not custom)
    if source and source_ids and source not in source_ids:
        reader.problem("source", f"unknown source '{source}'")
    role_text = reader.choice("role", [r.value for r in QuestionRole], required=False)
    role = QuestionRole(role_text) if role_text else None
    if role is not None and kind_text and _ROLE_KINDS[role] is not kind:
        reader.problem("role", f"role '{role.value}' needs kind '{_ROLE_KINDS[role].value}'")
    red_flag = _read_red_flag(reader, kind if kind_text else None)
    applies_to = _read_treatments(reader)
    return Question(
        id=question_id,
        set_id=set_id,
        text=reader.text("text"),
        kind=kind,
        why=reader.text("why", required=not custom),
        reassuring=reader.text("reassuring", required=not custom),
        concerning=reader.text("concerning", required=not custom),
        source=source,
        beyond_article=reader.boolean("beyond_article"),
        red_flag=red_flag,
        unit=reader.text("unit", required=False),
        role=role,
        custom=custom,
        applies_to=applies_to,
    )


def _read_treatments(reader: FieldReader) -> tuple[Treatment, ...]:
    """``applies_to: [iv_infusion, intramuscular]``; missing or empty means every treatment."""
    raw = reader.sequence("applies_to")
    known = [t.value for t in Treatment]
    treatments: list[Treatment] = []
    for index, item in enumerate(raw):
        if not isinstance(item, str) or item not in known:
            shown = item if isinstance(item, str) else type_name(item)
            reader.problems.append(
                Problem(
                    f"{reader.what}: unknown treatment '{shown}' in applies_to "
                    f"(known: {', '.join(known)})",
                    line_of(raw, index),
                )
            )
        elif Treatment(item) not in treatments:
            treatments.append(Treatment(item))
    return tuple(treatments)


def _read_red_flag(reader: FieldReader, kind: AnswerKind | None) -> RedFlagRule | None:
    if not reader.has("red_flag"):
        return None
    flag = FieldReader(reader.raw("red_flag"), f"{reader.what} red_flag", reader.problems)
    if not flag.ok:
        return None
    flag.reject_unknown(["when", "label"])
    when = flag.choice("when", ["yes", "no"])
    label = flag.text("label")
    if kind is not None and kind is not AnswerKind.YES_NO:
        reader.problem("red_flag", f"a red_flag needs kind 'yes_no', not '{kind.value}'")
        return None
    return RedFlagRule(when=when == "yes", label=label) if when and label else None


def _check_roles(
    questions: list[Question], raw_questions: list[Any], problems: list[Problem]
) -> None:
    seen: set[QuestionRole] = set()
    for index, question in enumerate(questions):
        if question.role is None:
            continue
        if question.role in seen:
            problems.append(
                Problem(
                    f"question '{question.id}': role '{question.role.value}' "
                    "is already given to another question",
                    line_of(raw_questions, index),
                )
            )
        seen.add(question.role)


def _read_information(
    raw_sections: list[Any], problems: list[Problem], sources: list[Source]
) -> list[InfoSection]:
    by_id = {s.id: s for s in sources}
    sections = []
    for index, raw in enumerate(raw_sections):
        reader = FieldReader(raw, f"information section {index + 1}", problems)
        if not reader.ok:
            continue
        section_id = reader.identifier("id")
        reader.what = f"information section '{section_id}'"
        reader.reject_unknown(["id", "title", "source", "note", "items"])
        source = reader.text("source")
        if source and source not in by_id:
            reader.problem("source", f"unknown source '{source}'")
        raw_items = reader.sequence("items", required=True)
        items: list[str] = []
        item_sources: list[str] = []
        for item_index, item in enumerate(raw_items):
            line = line_of(raw_items, item_index)
            read = _read_item(item, item_index, line, reader.what, problems, by_id)
            if read is not None:
                items.append(read[0])
                item_sources.append(read[1] or source)
        sections.append(
            InfoSection(
                id=section_id,
                title=reader.text("title"),
                items=tuple(items),
                source=source,
                note=reader.text("note", required=False),
                item_sources=tuple(item_sources),
            )
        )
    return sections


def _read_price_ranges(
    raw_ranges: list[Any], problems: list[Problem], source_ids: set[str]
) -> list[PriceRange]:
    """``price_ranges``: each a sourced range, ``{low, high, per, source, year?, about?}``."""
    ranges = []
    for index, raw in enumerate(raw_ranges):
        what = f"price range {index + 1}"
        if not isinstance(raw, dict):
            problems.append(
                Problem(
                    f"{what} must be a mapping, not {type_name(raw)}", line_of(raw_ranges, index)
                )
            )
            continue
        reader = FieldReader(raw, what, problems)
        reader.reject_unknown(["low", "high", "per", "source", "year", "about"])
        low = reader.number("low", maximum=1e7)
        high = reader.number("high", maximum=1e7)
        per = reader.text("per")
        source = reader.text("source")
        year = reader.number("year", minimum=1900, maximum=2200, whole=True)
        if source and source not in source_ids:
            reader.problem("source", f"unknown source '{source}'")
        if low is None or high is None:
            reader.problem("low", "a price range needs both 'low' and 'high'")
            continue
        if low > high:
            reader.problem("low", f"'low' ({low:g}) is above 'high' ({high:g})")
            continue
        ranges.append(
            PriceRange(
                low, high, per, source, None if year is None else int(year), reader.boolean("about")
            )
        )
    return ranges


def _read_item(
    raw: Any,
    index: int,
    line: int | None,
    section: str,
    problems: list[Problem],
    sources: dict[str, Source],
) -> tuple[str, str] | None:
    """An item is plain text (the section's source) or ``{text: ..., source: <id>}``.

    Returns the display text and the item's own source id ("" for the section's). An item with
    its own source ends with that source's short name, unless the text already names it.
    """
    if isinstance(raw, str) and raw.strip():
        return raw, ""
    if not isinstance(raw, dict):
        problems.append(
            Problem(
                f"{section}: item {index + 1} must be text or a mapping with text and source, "
                f"not {type_name(raw)}",
                line,
            )
        )
        return None
    reader = FieldReader(raw, f"{section} item {index + 1}", problems)
    reader.reject_unknown(["text", "source"])
    text = reader.text("text")
    source_id = reader.text("source")
    if source_id and source_id not in sources:
        reader.problem("source", f"unknown source '{source_id}'")
        return None
    if not text or not source_id:
        return None
    short = sources[source_id].short
    if short and short not in text:
        text = f"{text} ({short})"
    return text, source_id
