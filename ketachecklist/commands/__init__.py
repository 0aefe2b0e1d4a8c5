"""Headless subcommands. Each module has NAME and register(subparsers), setting `run`."""

from __future__ import annotations

from types import ModuleType

from ketachecklist.commands import desktop, export, sheet, validate

COMMANDS: list[ModuleType] = [validate, export, sheet, desktop]
