"""Reading a comparison file's tree: its version, migration to this one, and every field checked.

``read_comparison`` takes the file's bytes; ``comparison_from_document`` a tree already parsed by
``safe_yaml``. Every problem raises one FileFormatError listing what and where; one clinic's
fields are read by core/clinic_reader.py, older versions upgraded by core/migrations.py.
"""

from __future__ import annotations

from typing import Any

from ketachecklist.core.catalogue import Catalogue, Question, read_question
from ketachecklist.core.clinic_reader import read_clinic, read_date
from ketachecklist.core.comparison_format import (
    COMPARISON_FORMAT,
    CUSTOM_QUESTION_REFUSED,
    CUSTOM_QUESTION_WORDING,
    DECISION_SUPPORT_KEYS,
    SCHEMA_VERSION,
    check_complete,
)
from ketachecklist.core.document import Comparison, Decision, WeightProfile
from ketachecklist.core.errors import FileFormatError, Problem
from ketachecklist.core.fields import FieldReader, line_of, top_reader, type_name
from ketachecklist.core.fingerprint import Fingerprint
from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.core.limits import (
    MAX_CLINICS,
    MAX_CUSTOM_QUESTIONS,
    MAX_PROFILE_NAME,
    MAX_SET_WEIGHTS,
    MAX_TEXT,
    MAX_TITLE,
    MAX_WEIGHT,
    MAX_WEIGHT_PROFILES,
)
from ketachecklist.core.migrations import MIGRATIONS, OLDEST_SCHEMA_VERSION
from ketachecklist.core.safe_yaml import load_yaml_bytes
from ketachecklist.text import tr


class LoadedComparison(FrozenRecord):
    """A comparison as read from a file, with what the UI needs to keep it safe."""

    comparison: Comparison
    schema_version: int  # the version found in the file, before any migration
    fingerprint: Fingerprint | None = None  # of the bytes read; None when not read from a file

    @property
    def migrated(self) -> bool:
        """True if the file was in an older format and was upgraded in memory.

        The next save writes the current format; the original bytes are then kept as
        ``<name>.v<schema_version>.bak`` (see core/backups.py). The UI should mention both.
        """
        return self.schema_version < SCHEMA_VERSION


def read_schema_version(document: Any, source: str) -> int:
    """The file's schema_version; refuses other formats and versions newer than this app's."""
    top = top_reader(document, tr("the comparison file"), source)
    problems = top.problems
    file_format = top.text("format")
    if file_format and file_format != COMPARISON_FORMAT:
        top.problem(
            "format",
            tr(
                "this is not a ketachecklist comparison ('format' is '{found}', "
                "expected '{expected}')"
            ).format(found=file_format, expected=COMPARISON_FORMAT),
        )
    version = top.number(
        "schema_version", minimum=OLDEST_SCHEMA_VERSION, maximum=1_000_000, whole=True
    )
    if version is None and not problems:
        top.problem("schema_version", tr("the comparison file has no schema_version"))
    if problems:
        raise FileFormatError(source, problems)
    assert version is not None
    if version > SCHEMA_VERSION:
        raise FileFormatError.single(
            source,
            tr(
                "this file uses format version {version}, written by a newer ketachecklist; "
                "this app reads format version {known} and older. Update ketachecklist to "
                "open it. The file was not changed."
            ).format(version=int(version), known=SCHEMA_VERSION),
            line_of(document, "schema_version"),
        )
    return int(version)


def read_comparison(data: bytes, source: str, catalogue: Catalogue) -> LoadedComparison:
    """Parse file bytes, migrating older versions in memory (the bytes are never changed)."""
    check_complete(data, source)
    return comparison_from_document(load_yaml_bytes(data, source), source, catalogue)


def comparison_from_document(document: Any, source: str, catalogue: Catalogue) -> LoadedComparison:
    """``read_comparison`` for a tree already parsed by ``safe_yaml`` (parse once, not twice)."""
    found = read_schema_version(document, source)
    version = found
    while version < SCHEMA_VERSION:
        document = MIGRATIONS[version](document)
        version += 1
    return LoadedComparison(_read_comparison(document, source, catalogue), found)


def parse_comparison(data: bytes, source: str, catalogue: Catalogue) -> Comparison:
    return read_comparison(data, source, catalogue).comparison


def _read_comparison(document: Any, source: str, catalogue: Catalogue) -> Comparison:
    problems: list[Problem] = []
    top = FieldReader(document, tr("the comparison file"), problems)
    top.reject_unknown(
        [
            "format",
            "schema_version",
            "catalogue",
            "title",
            "weights",
            "custom_questions",
            "clinics",
            "decision",
            *DECISION_SUPPORT_KEYS,
        ]
    )
    made_with = FieldReader(top.submapping("catalogue"), "catalogue", problems)
    made_with.reject_unknown(["id", "version"])
    catalogue_id = made_with.text("id", required=False)
    if catalogue_id and catalogue_id != catalogue.id:
        made_with.problem(
            "id",
            tr(
                "the file was made with question catalogue '{found}', but this app has '{own}'"
            ).format(found=catalogue_id, own=catalogue.id),
        )
    comparison = Comparison(
        catalogue=catalogue, title=top.text("title", required=False, max_length=MAX_TITLE)
    )

    set_ids = {s.id for s in catalogue.sets}
    _read_custom_questions(top, comparison, set_ids, problems)
    questions = {q.id: q for q in comparison.questions()}

    _read_weights(top.submapping("weights"), comparison, set_ids, set(questions), problems)
    raw_clinics = top.bounded_sequence("clinics", MAX_CLINICS, tr("clinics"))
    clinic_ids: set[str] = set()
    for index, raw in enumerate(raw_clinics):
        read_clinic(raw, index, comparison, questions, clinic_ids, problems)
    _read_decision(top.submapping("decision"), comparison, problems)
    _read_deal_breakers(top, comparison, questions, problems)
    _read_weight_profiles(top, comparison, set_ids, problems)
    if problems:
        raise FileFormatError(source, problems)
    comparison.revision = 0
    return comparison


def _read_custom_questions(
    top: FieldReader, comparison: Comparison, set_ids: set[str], problems: list[Problem]
) -> None:
    raw_custom = top.bounded_sequence(
        "custom_questions", MAX_CUSTOM_QUESTIONS, tr("custom questions")
    )
    seen: set[str] = set()
    for index, raw in enumerate(raw_custom):
        refused = [k for k in CUSTOM_QUESTION_REFUSED if isinstance(raw, dict) and k in raw]
        for key in refused:
            shown = raw.get("id") if isinstance(raw.get("id"), str) else index + 1
            problems.append(
                Problem(
                    tr(
                        "custom question '{id}': '{key}' belongs to the app's own questions; "
                        "a custom question has only id, set, text, kind, {wording}"
                    ).format(id=shown, key=key, wording=", ".join(CUSTOM_QUESTION_WORDING)),
                    line_of(raw, key),
                )
            )
        question = read_question(raw, index, problems, set_ids, set(), custom=True)
        if question is None or refused:
            continue
        if comparison.catalogue.has_question(question.id) or question.id in seen:
            problems.append(
                Problem(
                    tr("custom question '{id}': the id is already used").format(id=question.id),
                    line_of(raw_custom, index),
                )
            )
            continue
        seen.add(question.id)
        comparison.custom_questions.append(question)


def _read_weights(
    raw: dict[Any, Any],
    comparison: Comparison,
    set_ids: set[str],
    question_ids: set[str],
    problems: list[Problem],
) -> None:
    weights = FieldReader(raw, "weights", problems)
    weights.reject_unknown(["sets", "questions"])
    for group, known, target in (
        ("sets", set_ids, comparison.set_weights),
        ("questions", question_ids, comparison.question_weights),
    ):
        reader = FieldReader(weights.submapping(group), f"weights.{group}", problems)
        limit = MAX_SET_WEIGHTS if group == "sets" else len(known)
        if len(reader.mapping) > limit:
            message = tr("{count} weights; at most {limit} here")
            weights.problem(
                group, message.format(count=f"{len(reader.mapping):,}", limit=f"{limit:,}")
            )
            continue
        for key in reader.mapping:
            if key not in known:
                if group == "sets":
                    message = tr("unknown set '{id}'")
                else:
                    message = tr("unknown question id '{id}'")
                reader.problem(key, message.format(id=key))
                continue
            value = reader.number(key, maximum=MAX_WEIGHT)
            if value is not None:
                target[key] = float(value)


def _read_decision(raw: dict[Any, Any], comparison: Comparison, problems: list[Problem]) -> None:
    reader = FieldReader(raw, "decision", problems)
    reader.reject_unknown(["clinic", "reason", "decided_on"])
    clinic_id = reader.text("clinic", required=False) or None
    if clinic_id is not None and clinic_id not in {c.id for c in comparison.clinics}:
        reader.problem(
            "clinic",
            tr("the decision names clinic id '{id}', which is not in the file").format(
                id=clinic_id
            ),
        )
        clinic_id = None
    comparison.decision = Decision(
        clinic_id,
        reader.text("reason", required=False, max_length=MAX_TEXT),
        read_date(reader, "decided_on"),
    )


def _read_deal_breakers(
    top: FieldReader,
    comparison: Comparison,
    questions: dict[str, Question],
    problems: list[Problem],
) -> None:
    """``deal_breakers: [question-id, ...]``: ids of this file's questions, each once."""
    raw = top.bounded_sequence("deal_breakers", len(questions), tr("deal-breakers"))
    for index, item in enumerate(raw):
        line = line_of(raw, index)
        if not isinstance(item, str) or item not in questions:
            shown = item if isinstance(item, str) else type_name(item)
            message = tr("deal_breakers: unknown question id '{id}'").format(id=shown)
            problems.append(Problem(message, line))
        elif item in comparison.deal_breakers:
            message = tr("deal_breakers: '{id}' is listed twice").format(id=item)
            problems.append(Problem(message, line))
        else:
            comparison.deal_breakers.add(item)


def _read_weight_profiles(
    top: FieldReader, comparison: Comparison, set_ids: set[str], problems: list[Problem]
) -> None:
    """``weight_profiles``: named set weights; the one marked ``active`` is ``weights.sets``."""
    raw = top.bounded_sequence("weight_profiles", MAX_WEIGHT_PROFILES, tr("weight profiles"))
    for index, item in enumerate(raw):
        what = tr("weight profile {number}").format(number=index + 1)
        reader = FieldReader(item, what, problems)
        if not reader.ok:
            continue
        reader.reject_unknown(["name", "active", "sets"])
        name = reader.text("name", max_length=MAX_PROFILE_NAME)
        if name:
            reader.what = tr("weight profile '{name}'").format(name=name)
        active = reader.boolean("active")
        weights: dict[str, float] = {}
        if active and reader.has("sets"):
            reader.problem("sets", tr("the active profile's weights are weights.sets, not here"))
        else:
            weights = _read_profile_sets(reader, set_ids)
        if not name:
            continue
        if any(p.name == name for p in comparison.weight_profiles):
            reader.problem("name", tr("two weight profiles are called '{name}'").format(name=name))
            continue
        if active and comparison.active_profile is not None:
            reader.problem("active", tr("only one weight profile can be active"))
            active = False
        comparison.weight_profiles.append(WeightProfile(name, weights))
        if active:
            comparison.active_profile = name


def _read_profile_sets(reader: FieldReader, set_ids: set[str]) -> dict[str, float]:
    what = tr("{what} sets").format(what=reader.what)
    sets = FieldReader(reader.submapping("sets"), what, reader.problems)
    if len(sets.mapping) > MAX_SET_WEIGHTS:
        message = tr("{count} weights; at most {limit} here")
        count = f"{len(sets.mapping):,}"
        reader.problem("sets", message.format(count=count, limit=MAX_SET_WEIGHTS))
        return {}
    weights: dict[str, float] = {}
    for key in sets.mapping:
        if key not in set_ids:
            sets.problem(key, tr("unknown set '{id}'").format(id=key))
            continue
        value = sets.number(key, maximum=MAX_WEIGHT)
        if value is not None:
            weights[key] = float(value)
    return weights
