"""The narrow interface between file logic and dialogs (as in Mu), so both can be tested apart.

``DocumentController`` asks its questions only through a ``Prompter``; the app passes a
``DialogPrompter`` (real dialogs) and tests pass a scripted one.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Protocol

from ketachecklist.core.fingerprint import DiskState


class SaveChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class ChangedOnDiskChoice(Enum):
    """The file changed on disk since it was opened: what should Save do?"""

    OVERWRITE = "overwrite"
    SAVE_AS = "save as"
    CANCEL = "cancel"


class RestoreChoice(Enum):
    """An autosaved copy was left by a session that ended without closing cleanly."""

    RESTORE = "restore"
    LATER = "later"  # keep it and ask again at the next start (the safe default)
    DELETE = "delete"


class Prompter(Protocol):
    def choose_file_to_open(self, folder: Path) -> Path | None:
        """The comparison file to open, or None when the patient cancels."""

    def choose_file_to_save(self, suggestion: Path) -> Path | None:
        """Where to save, or None when the patient cancels."""

    def ask_save_changes(self, document_name: str) -> SaveChoice:
        """Unsaved changes would be lost: save them, discard them, or cancel?"""

    def show_error(self, title: str, message: str) -> None:
        """Tell the patient what went wrong (``message`` is plain text, one line per problem)."""

    def show_info(self, title: str, message: str) -> None:
        """Tell the patient something worth knowing that is not a problem (plain text)."""

    def ask_open_read_only(self, message: str) -> bool:
        """The file is being edited elsewhere (``message`` says by whom): open it read-only?"""

    def ask_changed_on_disk(
        self, message: str, state: DiskState = DiskState.CHANGED
    ) -> ChangedOnDiskChoice:
        """The file changed on disk since it was opened (``message`` says how): save over it
        (write it again, if it is gone; never when it is no longer a file), or save as?"""

    def ask_restore(self, description: str, saved_at: str) -> RestoreChoice:
        """Restore unsaved work autosaved at ``saved_at`` (``description`` names the file)?"""

    def confirm_delete_work(self, description: str) -> bool:
        """Delete the autosaved work ``description`` names for good? (Keeping it is the
        default: Enter and Escape keep it.)"""

    def ask_open_backup(self, message: str) -> bool:
        """The file is damaged (``message`` says how, and names its newest backup that loads):
        open that backup's content instead?"""

    def ask_replace_shared(self, message: str) -> bool:
        """Saving would change who owns the file (``message`` says how): save anyway?"""
