"""The narrow interface between file logic and dialogs (as in Mu), so both can be tested apart.

``DocumentController`` asks its questions only through a ``Prompter``; the app passes a
``DialogPrompter`` (real dialogs) and tests pass a scripted one.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Protocol


class SaveChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Prompter(Protocol):
    def choose_file_to_open(self, folder: Path) -> Path | None:
        """The comparison file to open, or None when the patient cancels."""

    def choose_file_to_save(self, suggestion: Path) -> Path | None:
        """Where to save, or None when the patient cancels."""

    def ask_save_changes(self, document_name: str) -> SaveChoice:
        """Unsaved changes would be lost: save them, discard them, or cancel?"""

    def show_error(self, title: str, message: str) -> None:
        """Tell the patient what went wrong (``message`` is plain text, one line per problem)."""
