"""The catalogue's entries beside its questions: sources, question sets, information sections
and price ranges, each read and checked from the YAML tree (problems are collected, not raised).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ketachecklist.core.catalogue_model import InfoSection, PriceRange, QuestionSet, Source
from ketachecklist.core.errors import Problem
from ketachecklist.core.fields import FieldReader, line_of, type_name
from ketachecklist.text import tr


def _entries(
    raw_entries: list[Any], names: tuple[str, str], fields: list[str], problems: list[Problem]
) -> Iterator[tuple[str, FieldReader]]:
    """Each mapping of a list with an id (a source, set, section) and its reader, named by its
    number and then its id (``names``: "source {number}", "source '{id}'"); an entry that is
    not a mapping is a problem, and so is a field not in ``fields``."""
    numbered, named = names
    for index, raw in enumerate(raw_entries):
        reader = FieldReader(raw, numbered.format(number=index + 1), problems)
        if not reader.ok:
            continue
        entry_id = reader.identifier("id")
        reader.what = named.format(id=entry_id)
        reader.reject_unknown(fields)
        yield entry_id, reader


def read_sources(raw_sources: list[Any], problems: list[Problem]) -> list[Source]:
    sources = []
    fields = ["id", "title", "publisher", "note", "short"]
    names = (tr("source {number}"), tr("source '{id}'"))
    for source_id, reader in _entries(raw_sources, names, fields, problems):
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


def read_sets(raw_sets: list[Any], problems: list[Problem]) -> list[QuestionSet]:
    sets: list[QuestionSet] = []
    names = (tr("set {number}"), tr("set '{id}'"))
    for set_id, reader in _entries(raw_sets, names, ["id", "title", "description"], problems):
        if any(s.id == set_id for s in sets):
            reader.problem("id", tr("duplicate set id '{id}'").format(id=set_id))
            continue
        sets.append(
            QuestionSet(
                id=set_id,
                title=reader.text("title"),
                description=reader.text("description", required=False),
            )
        )
    return sets


def read_information(
    raw_sections: list[Any], problems: list[Problem], sources: list[Source]
) -> list[InfoSection]:
    by_id = {s.id: s for s in sources}
    sections = []
    fields = ["id", "title", "source", "note", "items"]
    names = (tr("information section {number}"), tr("information section '{id}'"))
    for section_id, reader in _entries(raw_sections, names, fields, problems):
        source = reader.text("source")
        if source and source not in by_id:
            reader.problem("source", tr("unknown source '{id}'").format(id=source))
        raw_items = reader.sequence("items", required=True)
        items: list[str] = []
        item_sources: list[str] = []
        own_source: list[bool] = []
        for item_index, item in enumerate(raw_items):
            line = line_of(raw_items, item_index)
            read = _read_item(item, item_index, line, reader.what, problems, by_id)
            if read is not None:
                items.append(read[0])
                item_sources.append(read[1] or source)
                own_source.append(bool(read[1]))
        sections.append(
            InfoSection(
                id=section_id,
                title=reader.text("title"),
                items=tuple(items),
                source=source,
                note=reader.text("note", required=False),
                item_sources=tuple(item_sources),
                own_source=tuple(own_source),
            )
        )
    return sections


def read_price_ranges(
    raw_ranges: list[Any], problems: list[Problem], source_ids: set[str]
) -> list[PriceRange]:
    """``price_ranges``: each a sourced range, ``{low, high, per, source, year?, about?}``."""
    ranges = []
    for index, raw in enumerate(raw_ranges):
        what = tr("price range {number}").format(number=index + 1)
        if not isinstance(raw, dict):
            message = tr("{what} must be a mapping, not {type}")
            shown = message.format(what=what, type=type_name(raw))
            problems.append(Problem(shown, line_of(raw_ranges, index)))
            continue
        reader = FieldReader(raw, what, problems)
        reader.reject_unknown(["low", "high", "per", "source", "year", "about"])
        low = reader.number("low", maximum=1e7)
        high = reader.number("high", maximum=1e7)
        per = reader.text("per")
        source = reader.text("source")
        year = reader.number("year", minimum=1900, maximum=2200, whole=True)
        if source and source not in source_ids:
            reader.problem("source", tr("unknown source '{id}'").format(id=source))
        if low is None or high is None:
            reader.problem("low", tr("a price range needs both 'low' and 'high'"))
            continue
        if low > high:
            message = tr("'low' ({low}) is above 'high' ({high})")
            reader.problem("low", message.format(low=f"{low:g}", high=f"{high:g}"))
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
                tr(
                    "{section}: item {number} must be text or a mapping with text and source, "
                    "not {type}"
                ).format(section=section, number=index + 1, type=type_name(raw)),
                line,
            )
        )
        return None
    what = tr("{section} item {number}").format(section=section, number=index + 1)
    reader = FieldReader(raw, what, problems)
    reader.reject_unknown(["text", "source"])
    text = reader.text("text")
    source_id = reader.text("source")
    if source_id and source_id not in sources:
        reader.problem("source", tr("unknown source '{id}'").format(id=source_id))
        return None
    if not text or not source_id:
        return None
    short = sources[source_id].short
    if short and short not in text:
        text = f"{text} ({short})"
    return text, source_id
