"""Crash-safe file replacement without Qt: temp file beside the target → fsync → rename → fsync dir.

The same steps as QSaveFile, with no direct-write fallback: the target holds either its old bytes
or its new bytes at every instant, whatever fails and whenever the process is killed. A failure
removes the temp file and raises SaveError naming the stage; only a failure of the final folder
fsync comes after the new version is in place.

A process killed mid-save cannot remove its temp file. Temp names carry the writer's pid
(``.<name>.<pid>.<random>.saving``), and ``remove_stale_temp_files`` — called after every
successful save — deletes those whose writer is no longer running.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from pathlib import Path

from ketachecklist.core.errors import SaveError, SaveStage
from ketachecklist.core.processes import pid_running
from ketachecklist.text import isolated, tr

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700
TEMP_SUFFIX = ".saving"
_TEMP_NAME = re.compile(r"^\.(?P<target>.+)\.(?P<pid>\d+)\.[^.]+" + re.escape(TEMP_SUFFIX) + "$")
# Folders that cannot be fsynced on some file systems (or platforms) report these.
_FSYNC_UNSUPPORTED = {errno.EINVAL, errno.EBADF, getattr(errno, "ENOTSUP", errno.EINVAL)}


NAME_MAX = 255  # bytes in one file name on every common file system
# Companion names (backups, lock, temp files) add at most this much around the document's name.
_COMPANION_ROOM = 40


def companion_base(name: str) -> str:
    """``name``, or for a name too long to carry suffixes, a shortened one that stays unique.

    Backups, the lock and temp files are named ``<prefix><base><suffix>``; a document name of
    216–255 bytes leaves no room for those, so its base keeps the name's start and adds a hash
    of the whole name (``Very long … name~3f2a9c1d0b7e``). Shorter names are used as they are.
    """
    raw = os.fsencode(name)
    limit = NAME_MAX - _COMPANION_ROOM
    if len(raw) <= limit:
        return name
    import hashlib  # noqa: PLC0415 - only for unusually long names

    digest = hashlib.sha256(raw).hexdigest()[:12]
    budget = limit - len(digest) - 1
    kept: list[str] = []
    for character in name:  # whole characters only: never cut a multi-byte one in half
        budget -= len(os.fsencode(character))
        if budget < 0:
            break
        kept.append(character)
    return f"{''.join(kept)}~{digest}"


def _temp_stem(name: str) -> str:
    """The target's name in a temp file's name (``.<stem>.<pid>.<random>.saving``): the name
    itself while ``.``, pid, random part and suffix (under 30 bytes) still fit."""
    return name if len(os.fsencode(name)) <= NAME_MAX - 30 else companion_base(name)


def fsync_directory(directory: Path) -> None:
    """Make a rename inside ``directory`` durable.

    Platforms or file systems that cannot open or fsync a folder are skipped; any other failure
    (an I/O error) is raised.
    """
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(directory, flags)
    except OSError:
        return  # Windows cannot open folders; the rename is as durable as the OS makes it
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in _FSYNC_UNSUPPORTED:
            raise
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def resolve_target(path: Path) -> Path:
    """The file a save to ``path`` should replace: a symlink's target, so the link survives."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def ownership_change(path: Path) -> str | None:
    """What replacing ``path`` would change about who owns it, when it cannot be kept.

    A save writes a new file, owned by whoever saves; ``write_temp_file`` gives it the old
    file's owner and group where the process may (root, or a group it belongs to). This says,
    before anything is written, what it cannot keep — None when nothing changes.
    """
    if not hasattr(os, "geteuid"):  # pragma: no cover - Windows keeps no POSIX owner
        return None
    try:
        info = path.stat()
    except OSError:
        return None
    if os.geteuid() == 0 or info.st_uid == os.geteuid():
        return None
    owner = _user_name(info.st_uid)
    return tr(
        "“{file}” belongs to {owner}. Saving replaces it with a file that belongs to you "
        "and that only you can open, so {owner} would no longer be able to open it."
    ).format(file=isolated(path.name), owner=owner)


def _user_name(uid: int) -> str:
    try:
        import pwd  # noqa: PLC0415 - POSIX only, and only for this message

        return f"user {pwd.getpwuid(uid).pw_name}"
    except (ImportError, KeyError):
        return f"user {uid}"


def _keep_owner(fd: int, like: Path) -> None:
    """Give the new file ``like``'s owner and group where this process may (else keep ours)."""
    if not hasattr(os, "fchown"):  # pragma: no cover - Windows
        return
    try:
        info = like.stat()
    except OSError:
        return  # a new file: ours
    if (info.st_uid, info.st_gid) == (os.geteuid(), os.getegid()):
        return
    for uid in (info.st_uid, -1):  # owner and group; else the group alone
        try:
            os.fchown(fd, uid, info.st_gid)
            return
        except OSError:
            continue


def write_temp_file(
    path: Path, data: bytes, mode: int = PRIVATE_FILE_MODE, *, like: Path | None = None
) -> Path:
    """Write ``data`` to a new temp file beside ``path`` and fsync it; return the temp's path.

    The temp file is created exclusively with mode 0600 (then ``mode``), with the owner and
    group of the file it will replace (or of ``like``) where the process may keep them. On
    failure it is removed and SaveError (stage CREATE, WRITE or FSYNC) is raised. Pair with
    ``commit_temp_file``.
    """
    directory = path.parent if str(path.parent) else Path()
    try:
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{_temp_stem(path.name)}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=directory
        )
    except OSError as error:
        raise SaveError(error, path, SaveStage.CREATE) from error
    stage = SaveStage.WRITE
    try:
        try:
            _keep_owner(fd, like if like is not None else path)
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)  # after chown, which may clear set-id bits
            _write_all(fd, data)
            stage = SaveStage.FSYNC
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException as error:
        discard_temp_file(Path(temp_name))
        if isinstance(error, OSError):
            raise SaveError(error, path, stage) from error
        raise
    return Path(temp_name)


def commit_temp_file(temp: Path, path: Path) -> None:
    """Atomically rename ``temp`` over ``path``, then fsync the folder.

    If the rename fails the temp file is removed and ``path`` is untouched (stage REPLACE).
    """
    try:
        temp.replace(path)
    except BaseException as error:
        discard_temp_file(temp)
        if isinstance(error, OSError):
            raise SaveError(error, path, SaveStage.REPLACE) from error
        raise
    try:
        fsync_directory(path.parent if str(path.parent) else Path())
    except OSError as error:
        raise SaveError(error, path, SaveStage.SYNC_FOLDER) from error


def discard_temp_file(temp: Path) -> None:
    with contextlib.suppress(OSError):
        temp.unlink()


def atomic_write_bytes(path: Path, data: bytes, mode: int = PRIVATE_FILE_MODE) -> None:
    """Replace ``path`` with ``data`` atomically; the file ends up with permissions ``mode``.

    Raises SaveError (an OSError) naming the stage that failed.
    """
    commit_temp_file(write_temp_file(path, data, mode), path)


def _stale_temps(directory: Path, name_prefix: str) -> list[Path]:
    stale: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return stale
    prefixes = (name_prefix, companion_base(name_prefix))
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if match is None or not match["target"].startswith(prefixes):
            continue
        if int(match["pid"]) == os.getpid() or pid_running(int(match["pid"])):
            continue
        stale.append(Path(entry.path))
    return stale


def remove_stale_temp_files(path: Path, *, whole_folder: bool = False) -> int:
    """Delete temp files of ``path`` (or, with ``whole_folder``, of any file in its folder)
    left by killed writers; returns how many were removed."""
    directory = path.parent if str(path.parent) else Path()
    removed = 0
    for temp in _stale_temps(directory, "" if whole_folder else path.name):
        with contextlib.suppress(OSError):
            temp.unlink()
            removed += 1
    return removed


def ensure_private_dir(directory: Path) -> Path:
    """Create ``directory`` (and missing parents) as 0700; tighten it to 0700 if it exists.

    Only for folders the app owns (recovery, settings); existing parents are left alone.
    """
    missing: list[Path] = []
    current = directory
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=PRIVATE_DIR_MODE)
        folder.chmod(PRIVATE_DIR_MODE)  # mkdir's mode is filtered by the umask
    info = directory.lstat()
    if not stat.S_ISDIR(info.st_mode):  # a link: the app's own folder is never followed
        raise NotADirectoryError(
            errno.ENOTDIR, tr("it is a link or a file, not a folder of its own"), str(directory)
        )
    if stat.S_IMODE(info.st_mode) != PRIVATE_DIR_MODE:
        directory.chmod(PRIVATE_DIR_MODE)
    return directory
