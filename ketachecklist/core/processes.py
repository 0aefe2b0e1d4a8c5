"""Who this process is, and whether another process is still running (for locks and recovery).

A pid alone is not an identity: after a reboot or a long uptime the number is reused. Where the
OS tells us a process's start time (Linux /proc), ``process_token`` combines it with the boot id
so that a stale lock or recovery file from a dead process is recognised even when its pid now
belongs to someone else.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path


def this_host() -> str:
    # platform.node(): on POSIX that is os.uname().nodename, read here without importing
    # platform at start-up; elsewhere platform.node() itself, so locks written by earlier
    # versions keep naming the same host. The package never imports socket itself.
    if hasattr(os, "uname"):
        name = os.uname().nodename
    else:  # pragma: no cover - Windows
        import platform  # noqa: PLC0415

        name = platform.node()
    return name or "this computer"


def this_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no USER variable
        return f"user {os.getuid()}" if hasattr(os, "getuid") else "unknown user"


def process_token(pid: int) -> str | None:
    """Boot id + start time of ``pid`` where the OS exposes them, else None."""
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        boot_id = Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return None
    # The command name (field 2) may contain spaces and ')'; fields after the last ')' are
    # fixed: state is field 3, start time field 22.
    fields = stat_line[stat_line.rfind(")") + 2 :].split()
    if len(fields) < 20:
        return None
    return f"{boot_id}:{fields[19]}"


def _is_zombie(pid: int) -> bool:
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    fields = stat_line[stat_line.rfind(")") + 2 :].split()
    return bool(fields) and fields[0] in {"Z", "X"}


def pid_running(pid: int) -> bool:
    """True if a process with this pid exists on this computer (a zombie counts as dead)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - os.kill(pid, 0) would terminate it on Windows
        return True  # assume alive: a lock or recovery is then kept, never wrongly taken
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    except OSError:
        return True
    return not _is_zombie(pid)


def process_running(pid: int, token: str | None) -> bool:
    """True if the process that recorded (``pid``, ``token``) on this host is still running."""
    if not pid_running(pid):
        return False
    if token is None:
        return True
    current = process_token(pid)
    return current is None or current == token
