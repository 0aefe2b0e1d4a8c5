"""`ketachecklist desktop install|uninstall|status`: the menu entry, icon and file type.

Headless and Qt-free (see ketachecklist/desktop_integration.py). Writes only under the user's
``$XDG_DATA_HOME`` (``~/.local/share``). Exit 0 on success, 2 on a platform without
freedesktop.org menus or a file that could not be written or removed (one line on stderr).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ketachecklist.commands.registration import add_command
from ketachecklist.text import tr

NAME = "desktop"
EXIT_OK = 0
EXIT_FAILED = 2
ACTIONS = ("install", "uninstall", "status")


def register(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        NAME,
        run,
        help=tr("add the app to (or remove it from) your applications menu, with its file type"),
        description=tr(
            "Add ketachecklist to your desktop's applications menu, with its icon and "
            "the comparison file type (so a double-click on a comparison opens it), or remove "
            "them again. Only files in your own data folder ($XDG_DATA_HOME, usually "
            "~/.local/share) are written."
        ),
    )
    parser.add_argument("action", choices=ACTIONS, help=tr("install, uninstall or status"))


def run(args: argparse.Namespace) -> int:
    # Imported here: every command is registered at each start, and the others never need it.
    from ketachecklist import desktop_integration as integration  # noqa: PLC0415

    if not integration.is_supported_platform():
        message = tr(
            "ketachecklist desktop: this system has no freedesktop.org menus "
            "(it is for Linux and BSD desktops)"
        )
        sys.stderr.write(message + "\n")
        return EXIT_FAILED
    action: str = args.action
    if action == "status":
        return _report_status()
    try:
        result = integration.install() if action == "install" else integration.uninstall()
    except OSError as error:
        detail = error.strerror or str(error)
        if error.filename:
            message = tr("ketachecklist desktop {action}: could not change {file}: {reason}")
        else:
            message = tr("ketachecklist desktop {action}: could not change: {reason}")
        shown = message.format(action=action, file=error.filename, reason=detail)
        sys.stderr.write(shown + "\n")
        return EXIT_FAILED
    done = tr("Installed {path}") if action == "install" else tr("Removed {path}")
    if not result.files:
        print(
            tr("Nothing to remove: ketachecklist was not in {folder}").format(
                folder=result.data_home
            )
        )
    for path in result.files:
        print(done.format(path=path))
    for tool in result.tools_run:
        print(tr("Ran {tool}").format(tool=tool))
    for problem in result.tool_problems:
        sys.stderr.write(tr("ketachecklist desktop: {problem}").format(problem=problem) + "\n")
    return EXIT_OK


def _report_status() -> int:
    from ketachecklist import desktop_integration as integration  # noqa: PLC0415

    current = integration.status()
    for file in integration.FILES:
        if file in current.present:
            line = tr("{file}: installed ({path})")
        else:
            line = tr("{file}: missing ({path})")
        print(line.format(file=tr(file.label), path=current.path(file)))
    if current.installed:
        summary = tr("ketachecklist is installed in {folder}")
    else:
        summary = tr("ketachecklist is not installed in {folder}")
    print(summary.format(folder=current.data_home))
    return EXIT_OK
