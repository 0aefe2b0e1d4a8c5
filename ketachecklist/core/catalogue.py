"""The question catalogue file (data/questions.yaml): loading, caching and checking it.

Every problem is reported with its line and field in one FileFormatError. The catalogue's
contents (questions, sets, sources) are the frozen data of core/catalogue_model.py, re-exported
here so callers import everything catalogue from this module.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ketachecklist.core.catalogue_model import (
    ROLE_KINDS,
    AnswerKind,
    Catalogue,
    InfoSection,
    PriceRange,
    Question,
    QuestionRole,
    QuestionSet,
    RedFlagRule,
    Source,
)
from ketachecklist.core.errors import FileFormatError, Problem
from ketachecklist.core.fields import FieldReader, line_of, top_reader, type_name
from ketachecklist.core.safe_yaml import load_yaml_bytes
from ketachecklist.core.treatments import read_treatments
from ketachecklist.core.yaml_cache import load_yaml_cached

__all__ = [
    "CATALOGUE_FORMAT",
    "CATALOGUE_SCHEMA_VERSION",
    "QUESTION_FIELDS",
    "AnswerKind",
    "Catalogue",
    "InfoSection",
    "PriceRange",
    "Question",
    "QuestionRole",
    "QuestionSet",
    "RedFlagRule",
    "Source",
    "bundled_catalogue_path",
    "catalogue_from_tree",
    "load_bundled_catalogue",
    "load_catalogue",
    "parse_catalogue",
    "read_question",
]

CATALOGUE_FORMAT = "ketachecklist-catalogue"
CATALOGUE_SCHEMA_VERSION = 2  # 2: questions may say which treatments they apply to


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
    top = top_reader(document, "the catalogue", source)
    problems = top.problems
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


def _entries(
    raw_entries: list[Any], noun: str, fields: list[str], problems: list[Problem]
) -> Iterator[tuple[str, FieldReader]]:
    """Each mapping of a list with an id (a source, set, section) and its reader, named by its
    id; an entry that is not a mapping is a problem, and so is a field not in ``fields``."""
    for index, raw in enumerate(raw_entries):
        reader = FieldReader(raw, f"{noun} {index + 1}", problems)
        if not reader.ok:
            continue
        entry_id = reader.identifier("id")
        reader.what = f"{noun} '{entry_id}'"
        reader.reject_unknown(fields)
        yield entry_id, reader


def _read_sources(raw_sources: list[Any], problems: list[Problem]) -> list[Source]:
    sources = []
    fields = ["id", "title", "publisher", "note", "short"]
    for source_id, reader in _entries(raw_sources, "source", fields, problems):
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
    for set_id, reader in _entries(raw_sets, "set", ["id", "title", "description"], problems):
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
    if role is not None and kind_text and ROLE_KINDS[role] is not kind:
        reader.problem("role", f"role '{role.value}' needs kind '{ROLE_KINDS[role].value}'")
    red_flag = _read_red_flag(reader, kind if kind_text else None)
    # applies_to: [iv_infusion, intramuscular]; missing or empty means every treatment.
    applies_to = read_treatments(
        reader.sequence("applies_to"), reader.what, problems, " in applies_to"
    )
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
    fields = ["id", "title", "source", "note", "items"]
    for section_id, reader in _entries(raw_sections, "information section", fields, problems):
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
