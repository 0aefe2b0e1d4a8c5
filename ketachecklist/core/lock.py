"""One writer per file: a lock file beside the document, naming who holds it.

``lock_document(path)`` creates ``.~<name>.lock`` next to the document (0600) holding JSON with
the holder's pid, host, user and start time. A second process gets DocumentLockedError naming
that holder, so the UI can offer to open the file read-only. ``ProcessLock`` is the same
machinery for any lock file (the recovery store uses it to mark its session as alive).

How a holder is known to be alive:
- The lock file is created complete (written to a temp file, then hard-linked into place, which
  fails if the lock exists: an O_EXCL create that never shows a half-written lock). File systems
  without hard links (FAT/exFAT USB sticks) fall back to ``O_CREAT | O_EXCL``.
- The holder keeps an exclusive ``flock`` on the lock file for as long as it holds it; the kernel
  drops that flock when the process exits or is killed. So on the same host a lock file nobody
  has flocked is stale, even if its pid has since been reused by another program.
- Where flock is unavailable, the pid (plus its start time on Linux) decides.
- A lock from another host is never treated as stale: we cannot see its processes.

A stale lock is moved aside and deleted only if it is still the file we judged stale, so two
processes clearing the same stale lock cannot delete each other's fresh lock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from ketachecklist.core.atomic import PRIVATE_FILE_MODE, companion_base
from ketachecklist.core.processes import (
    process_running,
    process_token,
    this_host,
    this_user,
)
from ketachecklist.core.safe_yaml import NotARegularFileError, open_regular_file
from ketachecklist.text import isolated, tr

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_FORMAT = "ketachecklist-lock"
_MAX_LOCK_BYTES = 64 * 1024
_ATTEMPTS = 20


@dataclass(frozen=True)
class LockHolder:
    """Who holds a lock, as recorded in the lock file."""

    pid: int
    host: str
    user: str
    since: dt.datetime  # aware, UTC
    token: str | None = None  # process identity beyond the pid (see core/processes.py)

    def describe(self) -> str:
        """E.g. "alex (process 4242 on laptop), since 30 November 2026 at 14:02": the day as
        every other screen writes it, in local time."""
        local = self.since.astimezone()
        since = tr("{day} at {time}").format(
            day=f"{local.day} {local:%B %Y}", time=f"{local:%H:%M}"
        )
        if self.host == this_host():
            text = tr("{user} (process {pid}), since {since}")
        else:
            text = tr("{user} (process {pid} on {host}), since {since}")
        return text.format(user=self.user, pid=self.pid, host=self.host, since=since)

    @property
    def is_this_process(self) -> bool:
        """The document is already open in another window of this very app."""
        return self.pid == os.getpid() and self.host == this_host()

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": LOCK_FORMAT,
                "pid": self.pid,
                "host": self.host,
                "user": self.user,
                "since": self.since.isoformat(),
                "token": self.token,
            }
        )

    @classmethod
    def from_json(cls, data: bytes) -> LockHolder | None:
        """The holder recorded in a lock file, or None if the file is not one of ours."""
        try:
            raw: Any = json.loads(data.decode("utf-8"))
            since = dt.datetime.fromisoformat(raw["since"])
            since = since if since.tzinfo else since.replace(tzinfo=dt.timezone.utc)
            since.astimezone()  # a date the local time zone cannot show (year 1 or 9999)
            pid = int(raw["pid"])
            if not 0 < pid < 2**31:
                return None
            holder = cls(
                pid=pid,
                host=str(raw["host"])[:255],
                user=str(raw["user"])[:255],
                since=since,
                token=None if raw.get("token") is None else str(raw["token"])[:200],
            )
        except (
            ValueError,
            TypeError,
            KeyError,
            AttributeError,
            OverflowError,
            OSError,
            RecursionError,  # nested 60,000 deep
        ):
            return None
        return holder

    @classmethod
    def me(cls) -> LockHolder:
        pid = os.getpid()
        return cls(
            pid, this_host(), this_user(), dt.datetime.now(dt.timezone.utc), process_token(pid)
        )


class LockedError(Exception):
    """``path`` is held by a live process; ``holder`` says who (None if it cannot be read)."""

    def __init__(self, lock_path: Path, holder: LockHolder | None) -> None:
        self.lock_path = lock_path
        self.holder = holder
        who = holder.describe() if holder else tr("another program")
        super().__init__(tr("{file} is held by {who}").format(file=lock_path.name, who=who))


class DocumentLockedError(LockedError):
    """The document is open for editing in another copy of ketachecklist."""

    def __init__(self, document: Path, lock_path: Path, holder: LockHolder | None) -> None:
        super().__init__(lock_path, holder)
        self.document = document

    def user_message(self) -> str:
        if self.holder:
            who = tr("by {holder}").format(holder=self.holder.describe())
        else:
            who = tr("by another program or copy of ketachecklist")
        return tr(
            "“{file}” is already open for editing {who}. To keep your notes "
            "safe only one window may change a file at a time. You can open it read-only, "
            "or close it in the other window first."
        ).format(file=isolated(self.document.name), who=who)


def document_lock_path(document: Path) -> Path:
    """The lock beside the file itself: a path through a symbolic link is followed first, so
    the file opened as the link and as its real name is one file with one lock."""
    real = Path(os.path.realpath(document))
    return real.with_name(f".~{companion_base(real.name)}.lock")


class ProcessLock:
    """A held lock file. Release it (or use ``with``) when done; a crash releases it too.

    Dropping the object without ``release`` keeps the lock until the process exits (never
    releasing it early behind the caller's back).
    """

    def __init__(self, path: Path, fd: int, holder: LockHolder) -> None:
        self.path = path
        self.holder = holder
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, path: Path) -> ProcessLock:
        """Take the lock at ``path``, clearing a stale one; raise LockedError if it is held."""
        holder = LockHolder.me()
        for _ in range(_ATTEMPTS):
            with contextlib.suppress(FileExistsError):
                return cls(path, _create_lock_file(path, holder), holder)
            live, found = _inspect(path)
            if live:
                raise LockedError(path, found)
        # Another process keeps creating and clearing the lock faster than we can look.
        raise LockedError(path, probe_lock(path))

    def release(self) -> None:
        """Delete the lock file (if it is still ours) and drop the flock."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            mine = os.fstat(fd)
            with contextlib.suppress(OSError):
                now = self.path.stat()
                if (now.st_dev, now.st_ino) == (mine.st_dev, mine.st_ino):
                    # Unlink while still holding the flock, so nobody sees it unheld.
                    self.path.unlink()
        finally:
            os.close(fd)

    def __enter__(self) -> ProcessLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


def lock_document(document: Path) -> ProcessLock:
    """Lock ``document`` for editing by this process.

    Raises DocumentLockedError (naming the holder) if another live process has it, and OSError
    if the folder cannot hold a lock file (a read-only medium, for instance).
    """
    lock_path = document_lock_path(document)
    try:
        return ProcessLock.acquire(lock_path)
    except DocumentLockedError:
        raise
    except LockedError as error:
        raise DocumentLockedError(document, lock_path, error.holder) from None


def document_lock_holder(document: Path) -> LockHolder | None:
    """Who holds ``document`` right now (None if nobody alive does)."""
    return probe_lock(document_lock_path(document))


def probe_lock(path: Path) -> LockHolder | None:
    """The live holder of the lock at ``path``, or None if it is free or stale (nothing changes)."""
    live, holder = _inspect(path, clear_stale=False)
    return holder if live else None


def lock_is_live(path: Path) -> bool:
    return _inspect(path, clear_stale=False)[0]


# --- internals --------------------------------------------------------------------------------
def _flock(fd: int, *, blocking: bool = False) -> bool | None:
    """Try an exclusive flock: True got it, False someone else holds it, None unsupported."""
    if fcntl is None:
        return None
    flags = fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB)
    try:
        fcntl.flock(fd, flags)
    except BlockingIOError:
        return False
    except OSError:  # ENOLCK, EOPNOTSUPP: the file system has no locks
        return None
    return True


def _create_lock_file(path: Path, holder: LockHolder) -> int:
    """Create the lock file complete and flocked; raise FileExistsError if it exists."""
    data = holder.to_json().encode("utf-8")
    directory = path.parent if str(path.parent) else Path()
    fd, temp_name = tempfile.mkstemp(prefix=f"{path.name}.", suffix=".locking", dir=directory)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, PRIVATE_FILE_MODE)
        os.write(fd, data)
        os.fsync(fd)
        _flock(fd)  # a fresh inode: nobody else can hold it
        try:
            os.link(temp_name, path)
        except FileExistsError:
            raise
        except OSError:  # no hard links here (FAT, some network shares): plain O_EXCL
            os.close(fd)
            fd = -1
            return _create_lock_file_exclusive(path, data)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        raise
    finally:
        with contextlib.suppress(OSError):
            Path(temp_name).unlink()
    return fd


def _create_lock_file_exclusive(path: Path, data: bytes) -> int:
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    try:
        _flock(fd)  # before writing, so the short empty moment reads as "held, unknown holder"
        os.write(fd, data)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            path.unlink()
        raise
    return fd


def _inspect(path: Path, *, clear_stale: bool = True) -> tuple[bool, LockHolder | None]:
    """(live, holder) for the lock at ``path``; with ``clear_stale``, delete it if stale.

    Opened without blocking and without following links: a FIFO, folder, socket or link (even
    a dangling one) where the lock should be is no lock anybody holds, so it is stale.
    """
    try:
        fd = open_regular_file(path, follow_links=False)
    except FileNotFoundError:
        return False, None
    except NotARegularFileError:
        if clear_stale:
            _remove_odd_entry(path)
        return False, None
    except OSError:
        return True, None  # exists but unreadable: assume someone holds it
    try:
        holder = LockHolder.from_json(os.read(fd, _MAX_LOCK_BYTES))
        if holder is not None and holder.host != this_host():
            return True, holder
        got = _flock(fd)
        if got is False:
            return True, holder
        # No flock on this file system: fall back to the recorded process.
        if got is None and (holder is None or process_running(holder.pid, holder.token)):
            return True, holder
        if clear_stale:
            _remove_if_same(path, fd)
        return False, holder
    finally:
        os.close(fd)  # also drops any flock we took


def _remove_odd_entry(path: Path) -> None:
    """Clear a non-file (link, FIFO, socket, empty folder) lying where a lock belongs.

    It is moved aside first, like a stale lock, and a link is removed, never its target. A
    folder with something in it stays aside, renamed, so nothing in it is lost.
    """
    aside = path.with_name(f"{path.name}.{os.getpid()}.{os.urandom(4).hex()}.stale")
    try:
        if not stat.S_ISLNK(path.lstat().st_mode) and path.is_dir():
            path.rename(aside)
            with contextlib.suppress(OSError):
                aside.rmdir()
            return
        path.rename(aside)
        aside.unlink()
    except OSError:
        return  # gone already, or cannot be moved: taking the lock then fails clearly


def _remove_if_same(path: Path, fd: int) -> None:
    """Delete the stale lock at ``path`` only if it is still the file open as ``fd``."""
    aside = path.with_name(f"{path.name}.{os.getpid()}.{os.urandom(4).hex()}.stale")
    try:
        path.rename(aside)
    except OSError:
        return  # already gone (someone else cleared it) or cannot be moved
    stale = os.fstat(fd)
    moved = aside.stat()
    if (moved.st_dev, moved.st_ino) != (stale.st_dev, stale.st_ino):
        # We moved a fresh lock that replaced the stale one meanwhile: put it back.
        with contextlib.suppress(OSError):
            os.link(aside, path)
    with contextlib.suppress(OSError):
        aside.unlink()
