"""The question catalogue file (data/questions.yaml): loading, caching and checking it.

Every problem is reported with its line and field in one FileFormatError. This module reads the
file and its top level; each question is read by core/catalogue_questions.py, the sources, sets,
information sections and price ranges by core/catalogue_entries.py. The catalogue's contents
(questions, sets, sources) are the frozen data of core/catalogue_model.py, re-exported here
(with ``read_question``) so callers import everything catalogue from this module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ketachecklist.core.catalogue_entries import (
    read_information,
    read_price_ranges,
    read_sets,
    read_sources,
)
from ketachecklist.core.catalogue_model import (
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
from ketachecklist.core.catalogue_questions import check_roles, read_question
from ketachecklist.core.errors import FileFormatError, Problem
from ketachecklist.core.fields import line_of, top_reader
from ketachecklist.core.safe_yaml import load_yaml_bytes
from ketachecklist.core.yaml_cache import load_yaml_cached
from ketachecklist.text import tr

__all__ = [
    "CATALOGUE_FORMAT",
    "CATALOGUE_SCHEMA_VERSION",
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
        message = tr("cannot read the file: {reason}").format(reason=error.strerror)
        raise FileFormatError.single(path.name, message) from None


def parse_catalogue(data: bytes, source: str) -> Catalogue:
    """Validate a whole catalogue, reporting every problem with its line and field."""
    return catalogue_from_tree(load_yaml_bytes(data, source), source)


def catalogue_from_tree(document: Any, source: str) -> Catalogue:
    """Validate the catalogue ``safe_yaml`` read from ``source``."""
    top = top_reader(document, tr("the catalogue"), source)
    problems = top.problems
    file_format = top.text("format")
    if file_format and file_format != CATALOGUE_FORMAT:
        message = tr("'format' must be '{expected}' (got '{found}')")
        top.problem("format", message.format(expected=CATALOGUE_FORMAT, found=file_format))
    schema = top.number("schema_version", whole=True, minimum=1, maximum=10_000)
    if schema is None and top.ok and not top.has("schema_version"):
        top.problem("schema_version", tr("the catalogue has no schema_version"))
    elif schema is not None and schema > CATALOGUE_SCHEMA_VERSION:
        top.problem(
            "schema_version",
            tr("schema_version {version} is newer than this app understands ({known})").format(
                version=int(schema), known=CATALOGUE_SCHEMA_VERSION
            ),
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

    sources = read_sources(top.sequence("sources", required=True), problems)
    source_ids = {s.id for s in sources}
    sets = read_sets(top.sequence("sets", required=True), problems)
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
                    tr("duplicate question id '{id}' (first on line {line})").format(
                        id=question.id, line=seen[question.id]
                    ),
                    line_of(raw_questions, index),
                )
            )
            continue
        seen[question.id] = line_of(raw_questions, index)
        questions.append(question)
    check_roles(questions, raw_questions, problems)
    information = read_information(top.sequence("information"), problems, sources)
    price_ranges = read_price_ranges(top.sequence("price_ranges"), problems, source_ids)

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
