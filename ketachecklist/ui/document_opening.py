"""Reading a comparison file to open it, and what to say when it cannot simply be opened.

- open by another copy of the app (its lock is held): read-only is offered;
- damaged: its newest backup that loads is offered, shown unsaved under the file's name;
- unreadable: one plain-words message, and the current document stays as it is.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from ketachecklist.core.catalogue import Catalogue
from ketachecklist.core.document import Comparison
from ketachecklist.core.document_file import DocumentFile, describe_backup, newest_readable_backup
from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.lock import DocumentLockedError
from ketachecklist.text import isolated
from ketachecklist.ui.prompter import Prompter
from ketachecklist.ui.settings import AppSettings

# The file, its comparison, and a note when a backup's content stands in for it ("" if not).
Opened = tuple[DocumentFile, Comparison, str]


class DocumentOpening(QObject):
    def __init__(
        self,
        catalogue: Catalogue,
        prompter: Prompter,
        settings: AppSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._prompter = prompter
        self._settings = settings

    def read(self, path: Path) -> Opened | None:
        """The file and its comparison, or None once the patient has been told why not."""
        try:
            return (*DocumentFile.open(path, self._catalogue), "")
        except DocumentLockedError as error:
            if error.holder is not None and error.holder.is_this_process:
                self._cannot_open(path, self.tr("It is already open in this window."))
                return None
            if not self._prompter.ask_open_read_only(error.user_message()):
                return None
        except FileFormatError as error:
            return self._offer_backup(path, error)
        except OSError as error:
            self._cannot_open(path, error)
            return None
        try:
            return (*DocumentFile.open(path, self._catalogue, read_only=True), "")
        except (FileFormatError, OSError) as error:
            self._cannot_open(path, error)
            return None

    def _offer_backup(self, path: Path, error: FileFormatError) -> Opened | None:
        """A damaged file: offer its newest backup that loads, shown unsaved under its name."""
        found = newest_readable_backup(path, self._catalogue)
        if found is None:
            self._cannot_open(path, error)
            return None
        backup, comparison = found
        if not self._prompter.ask_open_backup(
            self.tr(
                "“{name}” could not be opened. Nothing was changed.\n\n{problem}\n\n"
                "The newest backup that loads is {backup}. Open it? It opens unsaved; saving "
                "replaces the damaged “{name}” (which is kept as “.bak1”)."
            ).format(name=isolated(path.name), problem=error, backup=describe_backup(backup))
        ):
            return None
        note = self.tr("Opened the backup {backup}. Save to keep it as “{name}”.").format(
            backup=describe_backup(backup), name=isolated(path.name)
        )
        return DocumentFile.for_restored(path), comparison, note

    def _cannot_open(self, path: Path, problem: object) -> None:
        if not path.exists():
            self._settings.remove_recent_file(path)
        self._prompter.show_error(
            self.tr("Could not open the comparison"),
            self.tr("“{name}” could not be opened. Nothing was changed.\n\n{problem}").format(
                name=isolated(path.name), problem=problem
            ),
        )
