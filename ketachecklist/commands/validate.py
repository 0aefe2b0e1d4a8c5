"""`ketachecklist validate FILE`: check a catalogue or a comparison file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ketachecklist.commands.registration import add_command
from ketachecklist.core.catalogue import CATALOGUE_FORMAT, load_bundled_catalogue, parse_catalogue
from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.safe_yaml import load_yaml_bytes, read_file_bytes
from ketachecklist.core.storage import check_complete, comparison_from_document
from ketachecklist.present.numbers import plural
from ketachecklist.text import tr

NAME = "validate"


def register(subparsers: Any) -> None:
    parser = add_command(
        subparsers, NAME, run, help=tr("check a question catalogue or a comparison file")
    )
    parser.add_argument("file", type=Path, help=tr("a questions.yaml or a comparison .yaml file"))


def run(args: argparse.Namespace) -> int:
    path: Path = args.file
    try:
        print(validate_file(path))
    except FileFormatError as error:
        sys.stderr.write(f"{error}{backup_line(path)}\n")
        return 2
    return 0


def backup_line(path: Path) -> str:
    """A second line naming the newest backup of a damaged ``path`` that loads (or nothing)."""
    # Only a damaged file needs the backups' module: the exports import it here, not at start.
    from ketachecklist.core.document_file import (  # noqa: PLC0415
        describe_backup,
        newest_readable_backup,
    )

    found = newest_readable_backup(path, load_bundled_catalogue())
    if found is None:
        return ""
    return "\n" + tr(
        "ketachecklist: the newest backup that loads is {backup}: open it "
        "in the app (File → Open offers it), or copy it over “{file}”."
    ).format(backup=describe_backup(found[0]), file=path.name)


def validate_file(path: Path) -> str:
    """Return a one-line summary of a valid file; raise FileFormatError otherwise.

    The file is read with a size limit and never blocks (a pipe or device is refused), so any
    file, however hostile, gives one answer quickly.
    """
    data = read_file_bytes(path, str(path) if not path.is_file() else path.name)
    check_complete(data, path.name)  # before parsing: a cut may also break the YAML
    document = load_yaml_bytes(data, path.name)
    if isinstance(document, dict) and document.get("format") == CATALOGUE_FORMAT:
        catalogue = parse_catalogue(data, path.name)
        return tr(
            "{file}: valid question catalogue '{id}' version {version}: {sets}, {questions}, "
            "{sections}"
        ).format(
            file=path.name,
            id=catalogue.id,
            version=catalogue.version,
            sets=plural(len(catalogue.sets), tr("%n set"), tr("%n sets")),
            questions=plural(len(catalogue.questions), tr("%n question"), tr("%n questions")),
            sections=plural(
                len(catalogue.information),
                tr("%n information section"),
                tr("%n information sections"),
            ),
        )
    loaded = comparison_from_document(document, path.name, load_bundled_catalogue())
    comparison = loaded.comparison
    answered = sum(1 for a in comparison.answers.values() if a.rating is not None)
    if loaded.migrated:
        valid = tr(
            "{file}: valid comparison (older format version {version}: the app upgrades it "
            "when saving): {clinics}, {answers}, {questions}"
        )
    else:
        valid = tr("{file}: valid comparison: {clinics}, {answers}, {questions}")
    custom = len(comparison.custom_questions)
    return valid.format(
        file=path.name,
        version=loaded.schema_version,
        clinics=plural(len(comparison.clinics), tr("%n clinic"), tr("%n clinics")),
        answers=plural(answered, tr("%n rated answer"), tr("%n rated answers")),
        questions=plural(custom, tr("%n custom question"), tr("%n custom questions")),
    )
