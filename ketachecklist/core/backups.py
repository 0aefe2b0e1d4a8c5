"""Backups of previous versions, kept beside the document.

Before a save replaces ``mine.yaml``, its current bytes become ``mine.yaml.bak1``; the older
``.bak1`` moves to ``.bak2`` and so on, up to ``BACKUP_GENERATIONS`` (the oldest drops off).
Backups sit beside the document, visibly, so the patient can find them with any file manager and
open one in the app; each is an ordinary comparison file, written atomically with mode 0600.

Saving the same content twice does not rotate (the previous version is already ``.bak1``), so
pressing Save repeatedly never pushes real older versions out.

When the file on disk is in an older format (schema_version below the app's), its original
bytes are also kept once, as ``mine.yaml.v<N>.bak``, before the first save in the new format.
That copy is never overwritten or rotated.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from ketachecklist.core.atomic import (
    atomic_write_bytes,
    commit_temp_file,
    companion_base,
    discard_temp_file,
    write_temp_file,
)
from ketachecklist.core.errors import SaveError, SaveStage
from ketachecklist.core.frozen_record import FrozenRecord
from ketachecklist.text import tr

BACKUP_GENERATIONS = 3
_SCHEMA_LINE = re.compile(rb"^schema_version:[ \t]*(\d{1,9})[ \t]*(?:#.*)?\r?$", re.MULTILINE)


class Backup(FrozenRecord):
    path: Path
    generation: int | None  # 1 = the version before the last save; None for a v<N> original
    saved_at: dt.datetime  # when that version was written (the backup's mtime), local time
    size: int
    schema_version: int | None = None  # set for the original of an older format

    @property
    def label(self) -> str:
        when = self.saved_at.strftime("%Y-%m-%d %H:%M")
        if self.generation is None:
            return tr("Original in format version {version}, saved {when}").format(
                version=self.schema_version, when=when
            )
        return tr("Previous version {number}, saved {when}").format(
            number=self.generation, when=when
        )


def backup_path(document: Path, generation: int) -> Path:
    return document.with_name(f"{companion_base(document.name)}.bak{generation}")


def original_backup_path(document: Path, schema_version: int) -> Path:
    return document.with_name(f"{companion_base(document.name)}.v{schema_version}.bak")


def schema_version_of(data: bytes) -> int | None:
    """The top-level ``schema_version`` of a comparison file, read without parsing the YAML."""
    match = _SCHEMA_LINE.search(data)
    return int(match.group(1)) if match else None


def list_backups(document: Path) -> list[Backup]:
    """Every backup of ``document``, newest generation first, then the older-format originals."""
    found: list[Backup] = []
    base = re.escape(companion_base(document.name))
    generation = re.compile(base + r"\.bak(\d+)$")
    original = re.compile(base + r"\.v(\d+)\.bak$")
    try:
        entries = list(os.scandir(document.parent if str(document.parent) else Path()))
    except OSError:
        return found
    for entry in entries:
        gen_match = generation.match(entry.name)
        orig_match = original.match(entry.name)
        if gen_match is None and orig_match is None:
            continue
        try:
            info = entry.stat()
        except OSError:
            continue
        found.append(
            Backup(
                path=Path(entry.path),
                generation=int(gen_match.group(1)) if gen_match else None,
                saved_at=dt.datetime.fromtimestamp(info.st_mtime),
                size=info.st_size,
                schema_version=int(orig_match.group(1)) if orig_match else None,
            )
        )
    found.sort(key=lambda b: (b.generation is None, b.generation or 0, b.schema_version or 0))
    return found


def keep_backups(
    document: Path,
    current_version: int,
    generations: int = BACKUP_GENERATIONS,
) -> None:
    """Back up the file now at ``document`` before it is replaced (nothing to do if absent).

    Raises SaveError(stage BACKUP) if the previous version cannot be kept: the save is then
    abandoned, so a save never replaces the only copy of the previous version.
    """
    if not document.is_file():
        return  # nothing to keep (a folder in the way makes the save itself fail clearly)
    try:
        current = document.read_bytes()
        old_version = schema_version_of(current)
        if old_version is not None and old_version < current_version:
            original = original_backup_path(document, old_version)
            if not original.exists():
                atomic_write_bytes(original, current)
        if generations < 1 or _same_bytes(backup_path(document, 1), current):
            return
        # Write the new backup before rotating, so a full disk leaves the old backups as they
        # were; the renames that follow need no space.
        newest = backup_path(document, 1)
        temp = write_temp_file(newest, current, like=document)
        try:
            for generation in range(generations, 1, -1):
                older = backup_path(document, generation - 1)
                if older.exists():
                    older.replace(backup_path(document, generation))
        except BaseException:
            discard_temp_file(temp)
            raise
        commit_temp_file(temp, newest)
    except OSError as error:
        cause = error.cause if isinstance(error, SaveError) else error
        raise SaveError(cause, document, SaveStage.BACKUP) from error


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
