"""The app's menu entry, icon and file type on a freedesktop.org desktop (Linux, BSD): install,
remove and check them in the user's own data folder.

Qt-free, so the headless ``ketachecklist desktop`` command and the window's first-start offer
share it. Everything goes under ``$XDG_DATA_HOME`` (``~/.local/share`` when unset), never outside
the user's home:

- ``applications/ketachecklist.desktop``: the menu entry; Exec names this installation's
  launcher by its absolute path, so it works whether or not that folder is on PATH
- ``icons/hicolor/scalable/apps/ketachecklist.svg``: the icon the entry and the file type use
- ``mime/packages/ketachecklist.xml``: the comparison file type, recognised by its
  ``format: ketachecklist-comparison`` line (plain ``*.yaml`` files are not claimed)

Nothing here is private (no health data), so the files are 0644; folders that did not exist
yet are made 0700, as the XDG base directory spec asks. ``update-mime-database`` and
``update-desktop-database`` refresh the caches when they are installed; they are never needed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ketachecklist.core.atomic import atomic_write_bytes
from ketachecklist.text import QT_TR_NOOP, tr

APP_ID = "ketachecklist"
MIME_TYPE = "application/x-ketachecklist-comparison"
RESOURCES = Path(__file__).resolve().parent / "resources"
DESKTOP_TEMPLATE = RESOURCES / "ketachecklist.desktop"
ICON_SOURCE = RESOURCES / "ketachecklist.svg"
MIME_SOURCE = RESOURCES / "ketachecklist-mime.xml"
PUBLIC_FILE_MODE = 0o644
NEW_FOLDER_MODE = 0o700
TOOL_TIMEOUT_S = 30
FREEDESKTOP_PLATFORMS = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly")

# Characters that make the Desktop Entry spec ask for a quoted Exec argument, and those that
# must be backslash-escaped inside the quotes.
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_EXEC_ESCAPED = set('"`$\\')

Runner = Callable[[Sequence[str]], None]


@dataclass(frozen=True)
class DesktopFile:
    """One file the integration installs: what it is, and where under the data folder."""

    label: str
    relative_path: Path


# The labels are translated where shown (commands/desktop.py).
DESKTOP_ENTRY = DesktopFile(QT_TR_NOOP("menu entry"), Path("applications") / f"{APP_ID}.desktop")
ICON = DesktopFile(QT_TR_NOOP("icon"), Path("icons/hicolor/scalable/apps") / f"{APP_ID}.svg")
MIME_DEFINITION = DesktopFile(QT_TR_NOOP("file type"), Path("mime/packages") / f"{APP_ID}.xml")
FILES = (DESKTOP_ENTRY, ICON, MIME_DEFINITION)


@dataclass(frozen=True)
class IntegrationStatus:
    data_home: Path
    present: tuple[DesktopFile, ...]

    @property
    def installed(self) -> bool:
        return len(self.present) == len(FILES)

    def path(self, file: DesktopFile) -> Path:
        return self.data_home / file.relative_path


@dataclass(frozen=True)
class IntegrationResult:
    """What install or uninstall did: the files touched and the cache tools that ran."""

    data_home: Path
    files: tuple[Path, ...]
    tools_run: tuple[str, ...]
    tool_problems: tuple[str, ...]


def is_supported_platform(platform: str | None = None) -> bool:
    """True where menus and file types follow freedesktop.org (not macOS or Windows)."""
    return (platform or sys.platform).startswith(FREEDESKTOP_PLATFORMS)


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME`` if set to an absolute path (the spec ignores a relative one), else
    ``~/.local/share``."""
    env = os.environ if environ is None else environ
    configured = env.get("XDG_DATA_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured)
    home = env.get("HOME") or str(Path.home())
    return Path(home) / ".local" / "share"


def launcher_command() -> list[str]:
    """How the menu entry starts this installation of the app.

    The standalone bundle is its own executable; a pip or pipx install has the ``ketachecklist``
    script beside its Python (not resolved: a venv's python is a symlink to the system one).
    """
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).absolute())]
    beside_python = Path(sys.executable).absolute().parent / APP_ID
    if beside_python.is_file() and os.access(beside_python, os.X_OK):
        return [str(beside_python)]
    on_path = shutil.which(APP_ID)
    if on_path:
        return [str(Path(on_path).absolute())]
    return [str(Path(sys.executable).absolute()), "-m", APP_ID]


def quote_exec_argument(argument: str) -> str:
    """One Exec argument, quoted and escaped as the Desktop Entry spec asks (before the
    general string escaping of the file, which ``exec_value`` adds)."""
    text = argument.replace("%", "%%")
    if not any(char in _EXEC_RESERVED for char in text):
        return text
    escaped = "".join(f"\\{char}" if char in _EXEC_ESCAPED else char for char in text)
    return f'"{escaped}"'


def exec_value(command: Sequence[str]) -> str:
    """The Exec= value: the command, then %f (one file, the way the app takes it)."""
    quoted = " ".join(quote_exec_argument(argument) for argument in command)
    return escape_string_value(quoted) + " %f"


def escape_string_value(text: str) -> str:
    """A desktop file's general escaping of string values (the Exec quoting comes first)."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def desktop_entry_text(command: Sequence[str]) -> str:
    """The shipped desktop file with Exec (and TryExec) naming ``command``."""
    lines = []
    for line in DESKTOP_TEMPLATE.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            lines.append(f"Exec={exec_value(command)}")
            lines.append(f"TryExec={escape_string_value(command[0])}")
        elif not line.startswith("TryExec="):
            lines.append(line)
    return "\n".join(lines) + "\n"


def status(home: Path | None = None) -> IntegrationStatus:
    base = data_home() if home is None else home
    present = tuple(file for file in FILES if (base / file.relative_path).is_file())
    return IntegrationStatus(base, present)


def install(
    home: Path | None = None,
    command: Sequence[str] | None = None,
    run_tool: Runner | None = None,
) -> IntegrationResult:
    """Write the menu entry, icon and file type under ``home``; refresh the caches if possible.

    Each file is replaced atomically, so a second install updates the entry in place (e.g. after
    the app moved). Raises OSError (a SaveError names the file) if a file cannot be written.
    """
    base = data_home() if home is None else home
    contents = {
        DESKTOP_ENTRY: desktop_entry_text(command or launcher_command()).encode("utf-8"),
        ICON: ICON_SOURCE.read_bytes(),
        MIME_DEFINITION: MIME_SOURCE.read_bytes(),
    }
    written = []
    for file, data in contents.items():
        target = base / file.relative_path
        _make_folders(target.parent)
        atomic_write_bytes(target, data, PUBLIC_FILE_MODE)
        written.append(target)
    _touch_icon_theme(base)
    tools, problems = _refresh_caches(base, run_tool)
    return IntegrationResult(base, tuple(written), tools, problems)


def uninstall(home: Path | None = None, run_tool: Runner | None = None) -> IntegrationResult:
    """Remove what ``install`` wrote (folders stay: other apps use them too)."""
    base = data_home() if home is None else home
    removed = []
    for file in FILES:
        target = base / file.relative_path
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
            removed.append(target)
    _touch_icon_theme(base)
    tools, problems = _refresh_caches(base, run_tool)
    return IntegrationResult(base, tuple(removed), tools, problems)


def _make_folders(folder: Path) -> None:
    """Create ``folder`` and its missing parents 0700; existing folders are left as they are."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=NEW_FOLDER_MODE)


def _touch_icon_theme(base: Path) -> None:
    # Icon caches are checked against the theme folder's time; a changed time makes them reread.
    theme = base / "icons" / "hicolor"
    with contextlib.suppress(OSError):
        os.utime(theme)


def _run_quietly(argv: Sequence[str]) -> None:
    subprocess.run(
        list(argv),
        check=True,
        capture_output=True,
        timeout=TOOL_TIMEOUT_S,
        stdin=subprocess.DEVNULL,
    )


def _refresh_caches(base: Path, run_tool: Runner | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Run the cache tools that are installed; a missing or failing tool is reported, not fatal
    (desktops then read the new files on their next scan)."""
    runner = run_tool or _run_quietly
    jobs = [
        ("update-mime-database", base / "mime"),
        ("update-desktop-database", base / "applications"),
    ]
    ran: list[str] = []
    problems: list[str] = []
    for tool, folder in jobs:
        executable = shutil.which(tool)
        if executable is None or not folder.is_dir():
            continue
        try:
            runner([executable, str(folder)])
        except (OSError, subprocess.SubprocessError) as error:
            problems.append(
                tr("{tool} failed ({reason}); the desktop will notice the change later").format(
                    tool=tool, reason=error
                )
            )
        else:
            ran.append(tool)
    return tuple(ran), tuple(problems)
