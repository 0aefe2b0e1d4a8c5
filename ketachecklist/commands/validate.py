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

NAME = "validate"


def register(subparsers: Any) -> None:
    parser = add_command(
        subparsers, NAME, run, help="check a question catalogue or a comparison file"
    )
    parser.add_argument("file", type=Path, help="a questions.yaml or a comparison .yaml file")


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
    return (
        f"\nketachecklist: the newest backup that loads is {describe_backup(found[0])}: open it "
        f"in the app (File → Open offers it), or copy it over “{path.name}”."
    )


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
        return (
            f"{path.name}: valid question catalogue '{catalogue.id}' version "
            f"{catalogue.version}: {len(catalogue.sets)} sets, "
            f"{len(catalogue.questions)} questions, "
            f"{len(catalogue.information)} information sections"
        )
    loaded = comparison_from_document(document, path.name, load_bundled_catalogue())
    comparison = loaded.comparison
    answered = sum(1 for a in comparison.answers.values() if a.rating is not None)
    older = (
        f" (older format version {loaded.schema_version}: the app upgrades it when saving)"
        if loaded.migrated
        else ""
    )
    return (
        f"{path.name}: valid comparison{older}: {len(comparison.clinics)} clinics, "
        f"{answered} rated answers, {len(comparison.custom_questions)} custom questions"
    )
