"""The `ketachecklist` command: no arguments (or a FILE) opens the app; subcommands work headless.

Each subcommand lives in ketachecklist/commands/ and registers itself through COMMANDS, so the
headless paths never import Qt widgets.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ketachecklist import __version__
from ketachecklist.commands import COMMANDS
from ketachecklist.text import tr

EXIT_OK = 0
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage problems as one clear line and exit 2, no usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        line = tr("{program}: {message} (see '{program} --help')")
        self.exit(EXIT_USAGE, line.format(program=self.prog, message=message) + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ketachecklist",
        description=tr("Compare ketamine clinics side by side. Not medical advice."),
    )
    parser.add_argument("--version", action="version", version=f"ketachecklist {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command_names = {command.NAME for command in COMMANDS}
    if not args or (args[0] not in command_names and not args[0].startswith("-")):
        return _open_app(args)
    parsed = build_parser().parse_args(args)
    result: int = parsed.run(parsed)
    return result


def _open_app(args: list[str]) -> int:
    if len(args) > 1:
        sys.stderr.write(tr("ketachecklist: give at most one file to open") + "\n")
        return EXIT_USAGE
    # Qt is imported only when a window is wanted, so headless commands stay light.
    from ketachecklist.ui.app import run_app  # noqa: PLC0415

    return run_app(args[0] if args else None)
