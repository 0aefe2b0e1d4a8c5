"""Autosave snapshots and crash recovery, in a private folder the caller chooses.

The UI opens one RecoveryStore per app run on ``paths.recovery_dir()`` and one AutosaveSlot per
open document. A few seconds after each edit it calls ``slot.write(comparison)``; that writes a
snapshot atomically (0600), never touching the real file. After a successful save, or when the
patient closes a document without keeping changes, it calls ``slot.discard()``. A clean exit
therefore leaves no snapshot behind.

A snapshot is an ordinary comparison file with one extra first line, a YAML comment carrying
JSON metadata: the document's path (or none for an untitled comparison), when it was saved, and
the writing process. So ``load`` validates it like any file, and a patient could even open one by
hand.

Each store holds a session lock (``<session>.session.lock``, see core/lock.py) while it runs.
At start-up ``leftovers()`` lists the snapshots whose session is no longer alive — the app
crashed, was killed or the computer lost power — so the UI can offer to restore them. Snapshots
of another copy of the app that is still running are ignored.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ketachecklist.core.atomic import (
    atomic_write_bytes,
    ensure_private_dir,
    remove_stale_temp_files,
)
from ketachecklist.core.catalogue import Catalogue
from ketachecklist.core.document import Comparison
from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.lock import ProcessLock, lock_is_live, probe_lock
from ketachecklist.core.processes import this_host
from ketachecklist.core.safe_yaml import open_regular_file, read_file_bytes
from ketachecklist.core.storage import comparison_to_yaml, parse_comparison
from ketachecklist.text import tr

RECOVERY_FORMAT = "ketachecklist-recovery"
RECOVERY_SUFFIX = ".recovery.yaml"
SESSION_LOCK_SUFFIX = ".session.lock"
HEADER_PREFIX = b"# " + RECOVERY_FORMAT.encode() + b" "
# The UI's autosave timer: restart it on every edit and write when it fires, so a snapshot is
# at most this old when the app dies. Restore gives back every edit older than this.
AUTOSAVE_DELAY_SECONDS = 2.0
_MAX_HEADER = 64 * 1024
_SNAPSHOT_NAME = re.compile(r"^(?P<session>[0-9]+-[0-9a-f]+)-(?P<slot>[0-9]+)\.recovery\.yaml$")


@dataclass(frozen=True)
class RecoveryInfo:
    """One snapshot on disk, described without loading the comparison: the facts the restore
    prompt words (``ui/document_recovery.py``, in the user's language and date format)."""

    path: Path  # the snapshot file
    document_path: Path | None  # the file it belongs to; None for an untitled comparison
    saved_at: dt.datetime  # aware UTC; show with .astimezone()
    session: str
    pid: int
    host: str
    title: str = ""
    clinic_count: int = 0


def _header(info: dict[str, Any]) -> bytes:
    # ensure_ascii keeps the whole header on one line whatever the path or title contains.
    return HEADER_PREFIX + json.dumps(info, ensure_ascii=True).encode("ascii") + b"\n"


def read_recovery_info(path: Path) -> RecoveryInfo | None:
    """The metadata of the snapshot at ``path``, or None if it is not a readable snapshot."""
    # Never blocking, never through a link, at most _MAX_HEADER bytes: a FIFO, a folder or an
    # endless file named like a snapshot is skipped (and kept), never a hang at start.
    try:
        fd = open_regular_file(path, follow_links=False)
    except OSError:
        return None
    try:
        head = os.read(fd, _MAX_HEADER)
    except OSError:
        return None
    finally:
        os.close(fd)
    first_line = head.split(b"\n", 1)[0]
    if not first_line.startswith(HEADER_PREFIX):
        return None
    try:
        raw: Any = json.loads(first_line[len(HEADER_PREFIX) :].decode("ascii"))
        saved_at = dt.datetime.fromisoformat(raw["saved_at"])
        saved_at = saved_at if saved_at.tzinfo else saved_at.replace(tzinfo=dt.timezone.utc)
        saved_at.astimezone()  # a date the local time zone cannot show (year 1 or 9999)
        document = raw.get("document_path")
        clinics = int(raw.get("clinics", 0))
        pid = int(raw["pid"])
        if not 0 < pid < 2**31:
            return None
        return RecoveryInfo(
            path=path,
            document_path=None if document is None else Path(str(document)),
            saved_at=saved_at,
            session=str(raw["session"])[:100],
            pid=pid,
            host=str(raw["host"])[:255],
            title=str(raw.get("title", ""))[:200],
            clinic_count=clinics if 0 <= clinics <= 10_000 else 0,
        )
    except (
        ValueError,
        TypeError,
        KeyError,
        AttributeError,
        UnicodeDecodeError,
        OverflowError,
        OSError,
        RecursionError,  # nested 60,000 deep
    ):
        return None


def session_lock_path(folder: Path, session: str) -> Path:
    return folder / f"{session}{SESSION_LOCK_SUFFIX}"


def list_recoveries(folder: Path, *, include_live: bool = False) -> list[RecoveryInfo]:
    """Snapshots in ``folder``, newest first; by default only those of sessions that ended.

    Changes nothing on disk. Files that are not readable snapshots are skipped (and kept).
    """
    found: list[RecoveryInfo] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return found
    live: dict[str, bool] = {}
    for entry in entries:
        if not entry.name.endswith(RECOVERY_SUFFIX):
            continue
        info = read_recovery_info(Path(entry.path))
        if info is None:
            continue
        if not include_live:
            if info.session not in live:
                live[info.session] = lock_is_live(session_lock_path(folder, info.session))
            if live[info.session]:
                continue
        found.append(info)
    found.sort(key=lambda i: i.saved_at, reverse=True)
    return found


def load_recovery(info: RecoveryInfo | Path, catalogue: Catalogue) -> Comparison:
    """The comparison in a snapshot; raises FileFormatError if it cannot be read."""
    path = info.path if isinstance(info, RecoveryInfo) else info
    meta = info if isinstance(info, RecoveryInfo) else read_recovery_info(path)
    if meta and meta.document_path:
        source = tr("autosaved copy of {file}").format(file=meta.document_path.name)
    else:
        source = tr("autosaved copy of unsaved comparison")
    data = read_file_bytes(path, source, follow_links=False)
    return parse_comparison(data, source, catalogue)


def discard_recovery(info: RecoveryInfo | Path) -> None:
    """Delete a snapshot (after it was restored and saved, or the patient declined it)."""
    path = info.path if isinstance(info, RecoveryInfo) else info
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    _remove_ended_sessions(path.parent)


def _remove_ended_sessions(folder: Path) -> None:
    """Delete the lock files of ended sessions that have no snapshot left."""
    try:
        names = [entry.name for entry in os.scandir(folder)]
    except OSError:
        return
    with_snapshots = {m["session"] for m in map(_SNAPSHOT_NAME.match, names) if m is not None}
    for name in names:
        if not name.endswith(SESSION_LOCK_SUFFIX):
            continue
        session = name[: -len(SESSION_LOCK_SUFFIX)]
        if session in with_snapshots:
            continue
        lock_path = folder / name
        if probe_lock(lock_path) is None:
            # Taking the lock clears it only if it is really stale; then drop it at once.
            with contextlib.suppress(Exception):
                ProcessLock.acquire(lock_path).release()


class AutosaveSlot:
    """The recovery snapshot of one open document (untitled or not) in this session."""

    def __init__(self, store: RecoveryStore, path: Path, document_path: Path | None) -> None:
        self.store = store
        self.path = path
        self.document_path = document_path  # update after Save As
        self.written_revision: int | None = None  # revision of the last snapshot

    def needs_write(self, comparison: Comparison) -> bool:
        return self.written_revision != comparison.revision

    def write(self, comparison: Comparison) -> RecoveryInfo:
        """Write a snapshot of ``comparison`` now (atomic, 0600); raises SaveError if it fails.

        The caller should report a failure quietly (a status-bar note), not interrupt typing.
        """
        saved_at = dt.datetime.now(dt.timezone.utc)
        document = None if self.document_path is None else str(self.document_path.absolute())
        meta = {
            "format": RECOVERY_FORMAT,
            "document_path": document,
            "saved_at": saved_at.isoformat(),
            "session": self.store.session,
            "pid": os.getpid(),
            "host": this_host(),
            "title": comparison.title[:200],
            "clinics": len(comparison.clinics),
        }
        data = _header(meta) + comparison_to_yaml(comparison).encode("utf-8")
        atomic_write_bytes(self.path, data)
        remove_stale_temp_files(self.path)
        self.written_revision = comparison.revision
        return RecoveryInfo(
            path=self.path,
            document_path=self.document_path,
            saved_at=saved_at,
            session=self.store.session,
            pid=os.getpid(),
            host=this_host(),
            title=comparison.title[:200],
            clinic_count=len(comparison.clinics),
        )

    def discard(self) -> None:
        """Remove the snapshot: the document was saved, or closed without keeping changes."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self.written_revision = None


class RecoveryStore:
    """This app run's recovery folder: autosave slots for open documents, leftovers of crashes."""

    def __init__(self, folder: Path, session: str, lock: ProcessLock) -> None:
        self.folder = folder
        self.session = session
        self._lock = lock
        self._slots = itertools.count(1)

    @classmethod
    def open(cls, folder: Path) -> RecoveryStore:
        """Create ``folder`` (0700) if needed and start a session in it."""
        ensure_private_dir(folder)
        session = f"{os.getpid()}-{os.urandom(6).hex()}"
        lock = ProcessLock.acquire(session_lock_path(folder, session))
        remove_stale_temp_files(folder / "x", whole_folder=True)
        _remove_ended_sessions(folder)
        return cls(folder, session, lock)

    def new_slot(self, document_path: Path | None) -> AutosaveSlot:
        name = f"{self.session}-{next(self._slots)}{RECOVERY_SUFFIX}"
        return AutosaveSlot(self, self.folder / name, document_path)

    def leftovers(self) -> list[RecoveryInfo]:
        """Snapshots left by sessions that ended without cleaning up (crash, kill, power cut)."""
        return [i for i in list_recoveries(self.folder) if i.session != self.session]

    def load(self, info: RecoveryInfo, catalogue: Catalogue) -> Comparison:
        return load_recovery(info, catalogue)

    def discard(self, info: RecoveryInfo) -> None:
        discard_recovery(info)

    def close(self) -> None:
        """End the session. Snapshots not discarded stay, to be offered at the next start."""
        self._lock.release()


def describe_unreadable(error: FileFormatError) -> str:
    """Plain words when a snapshot cannot be restored (it is kept, not deleted)."""
    return tr(
        "An autosaved copy could not be restored: {problem}. It has been kept in the recovery "
        "folder."
    ).format(problem=error.problems[0].render(error.source))
