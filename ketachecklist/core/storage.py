"""The comparison file: versioned, human-readable YAML (see docs/file-format.md).

``comparison_to_yaml``/``parse_comparison`` convert; ``save_comparison``/``load_comparison`` add
atomic writing and reading; ``open_comparison`` also reports the file's fingerprint and whether
it was migrated from an older format. Every problem with a file raises FileFormatError naming
what and where; every failed save raises SaveError (see docs/reliability.md).
"""

from __future__ import annotations

import datetime as dt
import errno
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ketachecklist.core.atomic import (
    commit_temp_file,
    discard_temp_file,
    remove_stale_temp_files,
    resolve_target,
    write_temp_file,
)
from ketachecklist.core.backups import BACKUP_GENERATIONS, keep_backups
from ketachecklist.core.catalogue import AnswerKind, Catalogue, Question, read_question
from ketachecklist.core.document import (
    Answer,
    AnswerValue,
    Clinic,
    Comparison,
    CostDetails,
    Coverage,
    Decision,
    WeightProfile,
)
from ketachecklist.core.errors import FileFormatError, Problem, SaveError, SaveStage
from ketachecklist.core.fields import FieldReader, line_of, type_name
from ketachecklist.core.fingerprint import DiskState, Fingerprint, disk_state
from ketachecklist.core.limits import (
    MAX_BYTES,
    MAX_CLINICS,
    MAX_CUSTOM_QUESTIONS,
    MAX_MONEY,
    MAX_NODES,
    MAX_PROFILE_NAME,
    MAX_SET_WEIGHTS,
    MAX_TEXT,
    MAX_TREATMENTS_LISTED,
    MAX_WEIGHT,
    MAX_WEIGHT_PROFILES,
)
from ketachecklist.core.safe_yaml import (
    LineDict,
    LineList,
    TooManyValuesError,
    load_yaml_bytes,
    read_file_bytes,
)
from ketachecklist.core.treatments import Treatment

COMPARISON_FORMAT = "ketachecklist-comparison"
SCHEMA_VERSION = 2  # 2: an answer may be marked "Doesn't apply to this clinic"
# What a custom question may say beyond text, why and kind: harmless wording, round-tripped.
# The rest of a catalogue question's fields would let a file take over the catalogue's
# behaviour (a role feeds the cost estimate, a red flag fires warnings, a source claims
# authority), so a custom question carrying one is refused.
CUSTOM_QUESTION_WORDING = ("why", "reassuring", "concerning", "unit")
CUSTOM_QUESTION_REFUSED = ("role", "red_flag", "source", "beyond_article", "applies_to")

# Upgrades from older schema versions: MIGRATIONS[n] turns a version-n mapping into version n+1.
# A migration only reshapes what it recognises and leaves anything unexpected in place, so the
# version-1 validator then reports it with its line. Defined at the end of this module.
Migration = Callable[[dict[Any, Any]], dict[Any, Any]]
OLDEST_SCHEMA_VERSION = 0


# --- writing ----------------------------------------------------------------------------------
def comparison_to_data(comparison: Comparison) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": COMPARISON_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "catalogue": {"id": comparison.catalogue.id, "version": comparison.catalogue.version},
    }
    if comparison.title:
        data["title"] = comparison.title
    data["weights"] = {
        "sets": dict(comparison.set_weights),
        "questions": dict(comparison.question_weights),
    }
    data["custom_questions"] = [_question_data(q) for q in comparison.custom_questions]
    data["clinics"] = [_clinic_data(comparison, clinic) for clinic in comparison.clinics]
    decision = comparison.decision
    data["decision"] = {
        "clinic": decision.clinic_id,
        "reason": decision.reason,
        "decided_on": decision.decided_on,
    }
    _write_decision_support(comparison, data)
    return data


# The app's files announce their last line near the top and end with it, so a copy or sync cut
# short is refused instead of loading as a smaller comparison. A file that does not announce it
# (hand-written, or saved by an earlier version) is read as before.
END_ANNOUNCEMENT = "# A complete file ends with the line: # end of ketachecklist comparison"
END_LINE = "# end of ketachecklist comparison"


def comparison_to_yaml(comparison: Comparison) -> str:
    header = (
        "# ketachecklist comparison: your notes on ketamine clinics. Private health "
        "information.\n# Not medical advice. Format documented in docs/file-format.md.\n"
        f"{END_ANNOUNCEMENT}\n"
    )
    from ketachecklist.core.yaml_writer import dump_yaml  # PyYAML, on the first save

    return header + dump_yaml(comparison_to_data(comparison)) + END_LINE + "\n"


def check_complete(data: bytes, source: str) -> None:
    """Refuse an app-written file that lost its end (FileFormatError); others pass untouched.

    The announcement is looked for in the first lines only (a recovery snapshot has one line of
    its own before them); the end line anywhere after it, so lines a person appends by hand
    after the end line do not make a whole file look cut short.
    """
    announcement = END_ANNOUNCEMENT.encode()
    head = data[: 4096 + 65536]  # a snapshot's first line may be long; the header is short
    position = -1
    start = 0
    for _ in range(5):
        end = head.find(b"\n", start)
        line = head[start : len(head) if end < 0 else end].rstrip(b"\r")
        if line == announcement:
            position = start
            break
        if end < 0:
            break
        start = end + 1
    if position < 0:
        return
    end_line = END_LINE.encode()
    at = data.find(b"\n" + end_line, position)
    while at >= 0:  # a whole line: at column 0 (never inside a scalar, which is indented)
        after = data[at + 1 + len(end_line) : at + 3 + len(end_line)]
        if after[:1] in (b"", b"\n") or after == b"\r\n":
            return
        at = data.find(b"\n" + end_line, at + 1)
    raise FileFormatError.single(
        source,
        "the file is incomplete: it was cut short (an interrupted copy, download or sync?) "
        f"and lacks its last line, '{END_LINE}'",
        data.count(b"\n") + 1,
    )


def _question_data(question: Question) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": question.id,
        "set": question.set_id,
        "text": question.text,
        "kind": question.kind.value,
    }
    for key in CUSTOM_QUESTION_WORDING:
        value = getattr(question, key)
        if value:
            data[key] = value
    return data


def _clinic_data(comparison: Comparison, clinic: Clinic) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": clinic.id,
        "name": clinic.name,
        "location": clinic.location,
        "phone": clinic.phone,
        "website": clinic.website,
        "contact": clinic.contact,
        "consultation_date": clinic.consultation_date,
        "treatments": [t.value for t in clinic.treatments],
        "treatment_other": clinic.treatment_other,
        "notes": clinic.notes,
    }
    answers: dict[str, Any] = {}
    for question in comparison.questions():
        answer = comparison.answer(clinic.id, question.id)
        if not answer.is_blank:
            answers[question.id] = _answer_data(answer)
    data["answers"] = answers
    return data


def _answer_data(answer: Answer) -> dict[str, Any]:
    entry: dict[str, Any] = {"rating": answer.rating, "said": answer.said}
    if answer.value is not None:
        entry["value"] = _value_data(answer.value)
    if answer.doesnt_apply:
        entry["doesnt_apply"] = True  # written only when set: older answers read the same
    return entry


def _value_data(value: AnswerValue) -> Any:
    if isinstance(value, CostDetails):
        return {
            "price_per_session": value.price_per_session,
            "sessions_recommended": value.sessions_recommended,
            "other_fees": value.other_fees,
            "insurance": value.insurance.value,
            "insurance_percent": value.insurance_percent,
        }
    return value


class ChangedOnDiskError(Exception):
    """The file was changed (or removed) by someone else since we loaded or saved it.

    Raised by ``save_comparison(..., expected=...)`` before anything is written; the UI asks
    the patient, then saves again with ``expected=None`` to overwrite, or offers Save As.
    """

    def __init__(self, path: Path, state: DiskState) -> None:
        self.path = path
        self.state = state
        if state is DiskState.MISSING:
            message = (
                f"“{path.name}” has been moved or deleted since you opened it. Saving will "
                "create it again in the same place."
            )
        else:
            message = (
                f"“{path.name}” was changed by another program since you opened or last saved "
                "it. Saving now would replace those changes."
            )
        super().__init__(message)


def encode_comparison(comparison: Comparison, path: Path | None = None) -> bytes:
    """The file's bytes, built entirely in memory and checked to read back.

    Checking the round trip before anything touches the disk means a save can never replace a
    readable file with one the app would refuse (a serializer bug, a document over the size
    limit); any exception here leaves every file untouched.
    """
    data = comparison_to_yaml(comparison).encode("utf-8")
    if len(data) > MAX_BYTES:
        raise SaveError(
            OSError(
                errno.EFBIG,
                f"it would be {len(data) / 1_048_576:.1f} MB, over the "
                f"{MAX_BYTES // 1_048_576} MB a comparison file may hold",
            ),
            path or Path("comparison.yaml"),
            SaveStage.CHECK,
        )
    try:
        parse_comparison(data, "the file being saved", comparison.catalogue)
    except TooManyValuesError:
        raise SaveError(
            OSError(errno.EFBIG, f"it would hold more than {MAX_NODES:,} values"),
            path or Path("comparison.yaml"),
            SaveStage.CHECK,
        ) from None
    return data


def save_comparison(
    comparison: Comparison,
    path: Path,
    *,
    backups: int = BACKUP_GENERATIONS,
    expected: Fingerprint | None = None,
) -> Fingerprint:
    """Save safely; returns the fingerprint of the file now on disk.

    1. Serialise fully in memory and check it reads back (``encode_comparison``).
    2. If ``expected`` is given and the file on disk no longer matches it, raise
       ChangedOnDiskError (nothing written).
    3. Keep the previous version as ``<name>.bak1`` (rotating up to ``backups`` generations),
       and, if it is in an older format, its original bytes as ``<name>.v<N>.bak``.
    4. Write a temp file beside it, fsync, rename over ``path``, fsync the folder (0600).
    5. Remove temp files left by earlier saves that were killed.

    Any OSError is raised as SaveError; before step 4's rename completes the file on disk is
    byte-identical to what it was. A symlink is followed, so the link itself survives.
    """
    data = encode_comparison(comparison, path)
    try:
        target = resolve_target(path)
        if expected is not None:
            state = disk_state(target, expected)
            if state is not DiskState.UNCHANGED:
                raise ChangedOnDiskError(path, state)
        _write_keeping_backups(target, data, backups)
    except SaveError as error:
        if error.path != path:  # report the document the patient chose, not the backup name
            raise SaveError(error.cause, path, error.stage) from error
        raise
    except OSError as error:  # e.g. the folder cannot even be looked into
        raise SaveError(error, path, SaveStage.CREATE) from error
    remove_stale_temp_files(target)
    try:
        info = target.stat()
    except OSError as error:
        raise SaveError(error, path, SaveStage.SYNC_FOLDER) from error
    return Fingerprint.of(data, info)


def _write_keeping_backups(target: Path, data: bytes, backups: int) -> None:
    """The new version's temp file first, then the backups, then the rename.

    Every write that needs disk space happens before the first rename, so a disk that fills up
    at any point leaves the document and every backup as they were.
    """
    temp = write_temp_file(target, data)
    try:
        keep_backups(target, SCHEMA_VERSION, backups)
    except BaseException:
        discard_temp_file(temp)
        raise
    commit_temp_file(temp, target)


# --- reading ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class LoadedComparison:
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


def open_comparison(path: Path, catalogue: Catalogue) -> LoadedComparison:
    """Read, migrate and validate ``path``; raises FileFormatError naming what and where."""
    data = read_file_bytes(path, path.name)
    try:
        info = path.stat()
    except OSError as error:
        raise FileFormatError.single(path.name, f"cannot read the file: {error.strerror}") from None
    loaded = read_comparison(data, path.name, catalogue)
    return LoadedComparison(loaded.comparison, loaded.schema_version, Fingerprint.of(data, info))


def load_comparison(path: Path, catalogue: Catalogue) -> Comparison:
    return open_comparison(path, catalogue).comparison


def read_schema_version(document: Any, source: str) -> int:
    """The file's schema_version; refuses other formats and versions newer than this app's."""
    problems: list[Problem] = []
    top = FieldReader(document, "the comparison file", problems)
    if not top.ok:
        raise FileFormatError(source, problems)
    file_format = top.text("format")
    if file_format and file_format != COMPARISON_FORMAT:
        top.problem(
            "format",
            f"this is not a ketachecklist comparison ('format' is "
            f"'{file_format}', expected '{COMPARISON_FORMAT}')",
        )
    version = top.number(
        "schema_version", minimum=OLDEST_SCHEMA_VERSION, maximum=1_000_000, whole=True
    )
    if version is None and not problems:
        top.problem("schema_version", "the comparison file has no schema_version")
    if problems:
        raise FileFormatError(source, problems)
    assert version is not None
    if version > SCHEMA_VERSION:
        raise FileFormatError.single(
            source,
            f"this file uses format version {int(version)}, written by a newer "
            f"ketachecklist; this app reads format version {SCHEMA_VERSION} and older. "
            "Update ketachecklist to open it. The file was not changed.",
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
    top = FieldReader(document, "the comparison file", problems)
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
            f"the file was made with question catalogue '{catalogue_id}', "
            f"but this app has '{catalogue.id}'",
        )
    comparison = Comparison(
        catalogue=catalogue, title=top.text("title", required=False, max_length=500)
    )

    set_ids = {s.id for s in catalogue.sets}
    _read_custom_questions(top, comparison, set_ids, problems)
    questions = {q.id: q for q in comparison.questions()}

    _read_weights(top.submapping("weights"), comparison, set_ids, set(questions), problems)
    raw_clinics = _bounded(top, "clinics", MAX_CLINICS, "clinics")
    clinic_ids: set[str] = set()
    for index, raw in enumerate(raw_clinics):
        _read_clinic(raw, index, comparison, questions, clinic_ids, problems)
    _read_decision(top.submapping("decision"), comparison, problems)
    _read_deal_breakers(top, comparison, questions, problems)
    _read_weight_profiles(top, comparison, set_ids, problems)
    if problems:
        raise FileFormatError(source, problems)
    comparison.revision = 0
    return comparison


def _bounded(reader: FieldReader, key: str, limit: int, noun: str) -> list[Any]:
    """The list at ``key``, or an empty one (and a problem) when it holds over ``limit`` items:
    checked before any item is read, so a huge list costs nothing."""
    items = reader.sequence(key)
    if len(items) > limit:
        reader.problem(key, f"{len(items):,} {noun}; a comparison holds at most {limit:,}")
        return LineList()
    return items


def _read_custom_questions(
    top: FieldReader, comparison: Comparison, set_ids: set[str], problems: list[Problem]
) -> None:
    raw_custom = _bounded(top, "custom_questions", MAX_CUSTOM_QUESTIONS, "custom questions")
    seen: set[str] = set()
    for index, raw in enumerate(raw_custom):
        refused = [k for k in CUSTOM_QUESTION_REFUSED if isinstance(raw, dict) and k in raw]
        for key in refused:
            shown = raw.get("id") if isinstance(raw.get("id"), str) else index + 1
            problems.append(
                Problem(
                    f"custom question '{shown}': '{key}' belongs to the app's own questions; "
                    "a custom question has only id, set, text, kind, "
                    f"{', '.join(CUSTOM_QUESTION_WORDING)}",
                    line_of(raw, key),
                )
            )
        question = read_question(raw, index, problems, set_ids, set(), custom=True)
        if question is None or refused:
            continue
        if comparison.catalogue.has_question(question.id) or question.id in seen:
            problems.append(
                Problem(
                    f"custom question '{question.id}': the id is already used",
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
            weights.problem(group, f"{len(reader.mapping):,} weights; at most {limit:,} here")
            continue
        for key in reader.mapping:
            if key not in known:
                noun = "set" if group == "sets" else "question id"
                reader.problem(key, f"unknown {noun} '{key}'")
                continue
            value = reader.number(key, maximum=MAX_WEIGHT)
            if value is not None:
                target[key] = float(value)


def _read_date(reader: FieldReader, key: str) -> dt.date | None:
    value = reader.raw(key)
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            reader.problem(key, f"'{key}' must be a date like 2026-11-30 (got '{value[:40]}')")
            return None
    reader.problem(key, f"'{key}' must be a date like 2026-11-30 (got {type_name(value)})")
    return None


def _read_clinic(
    raw: Any,
    index: int,
    comparison: Comparison,
    questions: dict[str, Question],
    clinic_ids: set[str],
    problems: list[Problem],
) -> None:
    reader = FieldReader(raw, f"clinic {index + 1}", problems)
    if not reader.ok:
        return
    reader.reject_unknown(
        [
            "id",
            "name",
            "location",
            "phone",
            "website",
            "contact",
            "consultation_date",
            "treatments",
            "treatment_other",
            "notes",
            "answers",
        ]
    )
    clinic_id = reader.text("id", max_length=200)
    name = reader.text("name", max_length=1000)
    if name:
        reader.what = f"clinic '{name}'"
    treatments: list[Treatment] = []
    raw_treatments = _bounded(reader, "treatments", MAX_TREATMENTS_LISTED, "treatments")
    for t_index, item in enumerate(raw_treatments):
        if item not in {t.value for t in Treatment}:
            problems.append(
                Problem(
                    f"{reader.what}: unknown treatment '{item}' (known: "
                    f"{', '.join(t.value for t in Treatment)})",
                    line_of(raw_treatments, t_index),
                )
            )
        elif Treatment(item) not in treatments:
            treatments.append(Treatment(item))
    clinic = Clinic(
        id=clinic_id,
        name=name,
        location=reader.text("location", required=False, max_length=MAX_TEXT),
        phone=reader.text("phone", required=False, max_length=1000),
        website=reader.text("website", required=False, max_length=MAX_TEXT),
        contact=reader.text("contact", required=False, max_length=MAX_TEXT),
        consultation_date=_read_date(reader, "consultation_date"),
        treatments=tuple(treatments),
        treatment_other=reader.text("treatment_other", required=False, max_length=MAX_TEXT),
        notes=reader.text("notes", required=False, max_length=MAX_TEXT),
    )
    if clinic_id and clinic_id in clinic_ids:
        reader.problem("id", f"clinic id '{clinic_id}' is used twice")
        return
    clinic_ids.add(clinic_id)
    if clinic_id and name:
        comparison.clinics.append(clinic)
    answers = reader.submapping("answers")
    if len(answers) > len(questions):
        reader.problem(
            "answers", f"{len(answers):,} answers, but there are only {len(questions)} questions"
        )
        return
    for question_id in answers:
        _read_answer(answers, question_id, clinic, comparison, questions, reader.what, problems)


def _read_answer(
    answers: dict[Any, Any],
    question_id: Any,
    clinic: Clinic,
    comparison: Comparison,
    questions: dict[str, Question],
    clinic_what: str,
    problems: list[Problem],
) -> None:
    question = questions.get(question_id) if isinstance(question_id, str) else None
    if question is None:
        problems.append(
            Problem(
                f"{clinic_what}: answer to unknown question id '{question_id}'",
                line_of(answers, question_id),
            )
        )
        return
    reader = FieldReader(answers[question_id], f"{clinic_what}, answer '{question_id}'", problems)
    if not reader.ok:
        return
    reader.reject_unknown(["rating", "said", "value", "doesnt_apply"])
    rating = reader.number("rating", minimum=1, maximum=5, whole=True)
    said = reader.text("said", required=False, max_length=MAX_TEXT)
    value = _read_value(reader, question)
    doesnt_apply = _read_doesnt_apply(reader)
    if clinic.id:
        answer = Answer(None if rating is None else int(rating), said, value, doesnt_apply)
        if not answer.is_blank:
            comparison.answers[(clinic.id, question.id)] = answer


def _read_doesnt_apply(reader: FieldReader) -> bool:
    """``doesnt_apply: true`` (schema 2); missing means the answer applies."""
    return reader.boolean("doesnt_apply")


def _read_value(reader: FieldReader, question: Question) -> AnswerValue:
    if not reader.has("value"):
        return None
    kind = question.kind
    if kind is AnswerKind.RATING:
        reader.problem("value", "this question takes only a rating, not a value")
        return None
    if kind is AnswerKind.YES_NO:
        return reader.boolean("value")
    if kind is AnswerKind.MONEY:
        return _as_float(reader.number("value", maximum=MAX_MONEY))
    if kind is AnswerKind.COUNT:
        count = reader.number("value", maximum=1e9, whole=True)
        return None if count is None else int(count)
    if kind is AnswerKind.TEXT:
        return reader.text("value", required=False, max_length=MAX_TEXT) or None
    cost = FieldReader(reader.raw("value"), f"{reader.what} cost", reader.problems)
    if not cost.ok:
        return None
    cost.reject_unknown(
        [
            "price_per_session",
            "sessions_recommended",
            "other_fees",
            "insurance",
            "insurance_percent",
        ]
    )
    sessions = cost.number("sessions_recommended", maximum=10_000, whole=True)
    insurance = cost.choice(
        "insurance", [c.value for c in Coverage], required=False, default=Coverage.UNKNOWN.value
    )
    return CostDetails(
        price_per_session=_as_float(cost.number("price_per_session", maximum=MAX_MONEY)),
        sessions_recommended=None if sessions is None else int(sessions),
        other_fees=_as_float(cost.number("other_fees", maximum=MAX_MONEY)),
        insurance=Coverage(insurance),
        insurance_percent=_as_float(cost.number("insurance_percent", maximum=100)),
    )


def _read_decision(raw: dict[Any, Any], comparison: Comparison, problems: list[Problem]) -> None:
    reader = FieldReader(raw, "decision", problems)
    reader.reject_unknown(["clinic", "reason", "decided_on"])
    clinic_id = reader.text("clinic", required=False) or None
    if clinic_id is not None and clinic_id not in {c.id for c in comparison.clinics}:
        reader.problem(
            "clinic", f"the decision names clinic id '{clinic_id}', which is not in the file"
        )
        clinic_id = None
    comparison.decision = Decision(
        clinic_id,
        reader.text("reason", required=False, max_length=MAX_TEXT),
        _read_date(reader, "decided_on"),
    )


# --- deal-breakers and weight profiles (issue 13) ----------------------------------------------
# Both are optional top-level keys, written only when used, so a comparison without them is the
# same file as before. An app that predates them refuses a file that has them (schema 1 by its
# version, an earlier schema-2 app as an "unknown field" naming the line; the file unchanged)
# instead of dropping them on its next save: that loud refusal is why they need no new version.
DECISION_SUPPORT_KEYS = ("deal_breakers", "weight_profiles")


def _write_decision_support(comparison: Comparison, data: dict[str, Any]) -> None:
    marked = [q.id for q in comparison.questions() if comparison.is_deal_breaker(q.id)]
    if marked:
        data["deal_breakers"] = marked
    if comparison.weight_profiles:
        data["weight_profiles"] = [
            _weight_profile_data(comparison, profile) for profile in comparison.weight_profiles
        ]


def _weight_profile_data(comparison: Comparison, profile: WeightProfile) -> dict[str, Any]:
    if profile.name == comparison.active_profile:
        return {"name": profile.name, "active": True}  # its weights are weights.sets
    return {"name": profile.name, "sets": dict(profile.set_weights)}


def _read_deal_breakers(
    top: FieldReader,
    comparison: Comparison,
    questions: dict[str, Question],
    problems: list[Problem],
) -> None:
    """``deal_breakers: [question-id, ...]``: ids of this file's questions, each once."""
    raw = _bounded(top, "deal_breakers", len(questions), "deal-breakers")
    for index, item in enumerate(raw):
        line = line_of(raw, index)
        if not isinstance(item, str) or item not in questions:
            shown = item if isinstance(item, str) else type_name(item)
            problems.append(Problem(f"deal_breakers: unknown question id '{shown}'", line))
        elif item in comparison.deal_breakers:
            problems.append(Problem(f"deal_breakers: '{item}' is listed twice", line))
        else:
            comparison.deal_breakers.add(item)


def _read_weight_profiles(
    top: FieldReader, comparison: Comparison, set_ids: set[str], problems: list[Problem]
) -> None:
    """``weight_profiles``: named set weights; the one marked ``active`` is ``weights.sets``."""
    raw = _bounded(top, "weight_profiles", MAX_WEIGHT_PROFILES, "weight profiles")
    for index, item in enumerate(raw):
        reader = FieldReader(item, f"weight profile {index + 1}", problems)
        if not reader.ok:
            continue
        reader.reject_unknown(["name", "active", "sets"])
        name = reader.text("name", max_length=MAX_PROFILE_NAME)
        if name:
            reader.what = f"weight profile '{name}'"
        active = reader.boolean("active")
        weights: dict[str, float] = {}
        if active and reader.has("sets"):
            reader.problem("sets", "the active profile's weights are weights.sets, not here")
        else:
            weights = _read_profile_sets(reader, set_ids)
        if not name:
            continue
        if any(p.name == name for p in comparison.weight_profiles):
            reader.problem("name", f"two weight profiles are called '{name}'")
            continue
        if active and comparison.active_profile is not None:
            reader.problem("active", "only one weight profile can be active")
            active = False
        comparison.weight_profiles.append(WeightProfile(name, weights))
        if active:
            comparison.active_profile = name


def _read_profile_sets(reader: FieldReader, set_ids: set[str]) -> dict[str, float]:
    sets = FieldReader(reader.submapping("sets"), f"{reader.what} sets", reader.problems)
    if len(sets.mapping) > MAX_SET_WEIGHTS:
        reader.problem("sets", f"{len(sets.mapping):,} weights; at most {MAX_SET_WEIGHTS} here")
        return {}
    weights: dict[str, float] = {}
    for key in sets.mapping:
        if key not in set_ids:
            sets.problem(key, f"unknown set '{key}'")
            continue
        value = sets.number(key, maximum=MAX_WEIGHT)
        if value is not None:
            weights[key] = float(value)
    return weights


def _as_float(number: float | None) -> float | None:
    return None if number is None else float(number)


# --- migrations -------------------------------------------------------------------------------
# Schema version 0 was the preview format (documented in docs/reliability.md, "Older files"):
#   catalogue: <id>                      -> catalogue: {id: <id>}
#   set_weights / question_weights       -> weights: {sets: ..., questions: ...}
#   clinic treatment: <one kind>         -> treatments: [<kind>]
#   answer score (0 = not asked) / notes -> rating (empty = not asked) / said
#   chosen_clinic / decision_reason      -> decision: {clinic: ..., reason: ...}


def _relined(source: Any, items: list[tuple[Any, Any, int | None]]) -> LineDict:
    """A LineDict of (key, value, line) keeping ``source``'s line numbers for error messages."""
    result = LineDict()
    result.line = getattr(source, "line", 0)
    result.key_lines = {}
    for key, value, line in items:
        result[key] = value
        result.key_lines[key] = line if line is not None else result.line
    return result


def _line_list(items: list[Any], line: int | None) -> LineList:
    result = LineList(items)
    result.line = line or 0
    result.item_lines = [result.line] * len(items)
    return result


def _with_renames(mapping: dict[Any, Any], renames: dict[str, str]) -> LineDict:
    items: list[tuple[Any, Any, int | None]] = []
    taken = set(mapping)
    for key, value in mapping.items():
        new_key = renames.get(key, key) if isinstance(key, str) else key
        if new_key != key and new_key in taken:
            new_key = key  # both spellings present: leave the old one for the validator to name
        items.append((new_key, value, line_of(mapping, key)))
    return _relined(mapping, items)


def _migrate_answer_v0(answer: Any) -> Any:
    if not isinstance(answer, dict):
        return answer
    migrated = _with_renames(answer, {"score": "rating", "notes": "said"})
    if migrated.get("rating") == 0 and not isinstance(migrated.get("rating"), bool):
        migrated["rating"] = None  # version 0 stored "not asked yet" as a zero
    return migrated


def _migrate_clinic_v0(clinic: Any) -> Any:
    if not isinstance(clinic, dict):
        return clinic
    migrated = _with_renames(clinic, {"treatment": "treatments"})
    if "treatment" in clinic and "treatments" in migrated and "treatments" not in clinic:
        single = migrated["treatments"]
        line = line_of(clinic, "treatment")
        if single is None or single == "":
            migrated["treatments"] = _line_list([], line)
        elif isinstance(single, str):
            migrated["treatments"] = _line_list([single], line)
    answers = migrated.get("answers")
    if isinstance(answers, dict):
        migrated["answers"] = _relined(
            answers,
            [
                (key, _migrate_answer_v0(value), line_of(answers, key))
                for key, value in answers.items()
            ],
        )
    return migrated


def _migrate_v0_to_v1(document: dict[Any, Any]) -> dict[Any, Any]:
    items: list[tuple[Any, Any, int | None]] = []
    weights: list[tuple[Any, Any, int | None]] = []
    decision: list[tuple[Any, Any, int | None]] = []
    decision_line: int | None = None
    for key, value in document.items():
        line = line_of(document, key)
        if key == "schema_version":
            items.append((key, 1, line))
        elif key == "catalogue" and isinstance(value, str):
            items.append((key, _relined(document, [("id", value, line)]), line))
        elif key in {"set_weights", "question_weights"} and "weights" not in document:
            weights.append(("sets" if key == "set_weights" else "questions", value, line))
        elif key in {"chosen_clinic", "decision_reason"} and "decision" not in document:
            decision.append(("clinic" if key == "chosen_clinic" else "reason", value, line))
            decision_line = line if decision_line is None else decision_line
        elif key == "clinics" and isinstance(value, list):
            migrated = type(value)(_migrate_clinic_v0(clinic) for clinic in value)
            for attribute in ("line", "item_lines"):
                if hasattr(value, attribute):
                    setattr(migrated, attribute, getattr(value, attribute))
            items.append((key, migrated, line))
        else:
            items.append((key, value, line))
    if weights:
        items.append(("weights", _relined(document, weights), weights[0][2]))
    if decision:
        items.append(("decision", _relined(document, decision), decision_line))
    return _relined(document, items)


def _migrate_v1_to_v2(document: dict[Any, Any]) -> dict[Any, Any]:
    """Version 2 only adds ``doesnt_apply`` to answers: every version-1 answer, note and value
    reads as it was (each applies until the patient says otherwise)."""
    return _relined(
        document,
        [
            (key, 2 if key == "schema_version" else value, line_of(document, key))
            for key, value in document.items()
        ],
    )


MIGRATIONS: dict[int, Migration] = {0: _migrate_v0_to_v1, 1: _migrate_v1_to_v2}
