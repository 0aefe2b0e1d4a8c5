"""Crash recovery at start-up: the work autosaved by sessions that ended without closing cleanly,
offered back newest first, and restored unsaved under the name of the file it belongs to.

The Qt-free core keeps the snapshots (``RecoveryStore``); this asks the patient, through the
``Prompter``, and hands a restored comparison to the ``DocumentController`` to show.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QObject, QTime

from ketachecklist.core.document_file import DocumentFile, last_saved, restorable_document_path
from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.recovery import RecoveryInfo, describe_unreadable
from ketachecklist.text import isolated
from ketachecklist.ui.prompter import RestoreChoice

if TYPE_CHECKING:
    from ketachecklist.ui.autosave import Autosaver
    from ketachecklist.ui.document_controller import DocumentController


class DocumentRecovery(QObject):
    def __init__(self, controller: DocumentController, autosaver: Autosaver) -> None:
        super().__init__(controller)
        self._controller = controller
        self._autosaver = autosaver

    def offer(self) -> int | None:
        """Each leftover snapshot, newest first, until one is restored: then how many others
        are kept (offered next time); None when none was restored."""
        store = self._autosaver.store
        leftovers = store.leftovers()
        for index, info in enumerate(leftovers):
            saved_at = self.tr("on {day} at {time}").format(**_day_and_time(info.saved_at))
            prompter = self._controller.prompter
            description = self._describe(info)
            choice = prompter.ask_restore(description + self._restore_note(info), saved_at)
            while choice is RestoreChoice.DELETE and not prompter.confirm_delete_work(description):
                choice = prompter.ask_restore(description + self._restore_note(info), saved_at)
            if choice is RestoreChoice.DELETE:
                store.discard(info)
            elif choice is RestoreChoice.RESTORE and self.restore(info):
                return len(leftovers) - index - 1
        return None

    def restore(self, info: RecoveryInfo) -> bool:
        """Show an autosaved copy, unsaved, under the name of the file it belongs to."""
        controller = self._controller
        store = self._autosaver.store
        try:
            comparison = store.load(info, controller.catalogue)
        except FileFormatError as error:
            controller.prompter.show_error(self.tr("Could not restore"), describe_unreadable(error))
            return False  # the snapshot is kept: a later version may read it
        if not controller.confirm_discard():
            return False
        path = info.document_path
        if path is not None and not restorable_document_path(path, controller.catalogue):
            path = None  # the snapshot named something that is not a comparison file
        file = DocumentFile() if path is None else DocumentFile.for_restored(path, info.saved_at)
        controller.show_document(comparison, file)
        controller.document.mark_modified()
        # Our own snapshot first, then the old one may go: at every moment one copy exists.
        if self._autosaver.write_now():
            store.discard(info)
        controller.message.emit(
            self.tr("Restored {name}. Save it to keep it.").format(name=controller.display_name)
        )
        return True

    def _describe(self, info: RecoveryInfo) -> str:
        """One line for the restore prompt: "“mine.yaml”, 3 clinics, autosaved 1 December
        2026 at 14:05"."""
        if info.document_path is not None:
            name = self.tr("“{file}”").format(file=isolated(info.document_path.name))
        else:
            name = self.tr("An unsaved comparison")
        if info.title:
            name = self.tr("{name} ({title})").format(name=name, title=isolated(info.title))
        return self.tr("{name}, {clinics}, autosaved {day} at {time}").format(
            name=name,
            clinics=self.tr("%n clinics", "", info.clinic_count),
            **_day_and_time(info.saved_at),
        )

    def _restore_note(self, info: RecoveryInfo) -> str:
        """What the restore prompt adds: the whole path, and when that file was last saved."""
        path = info.document_path
        if path is None:
            return ""
        if not restorable_document_path(path, self._controller.catalogue):
            note = self.tr(
                "The copy names “{path}”, which is not a comparison file, so it will be "
                "restored as a new, untitled comparison (Save asks where to put it)."
            ).format(path=isolated(str(path)))
            return f"\n\n{note}"
        saved = last_saved(path)
        if saved is None:
            note = self.tr("It belongs to “{path}”, which is no longer there.").format(
                path=isolated(str(path))
            )
        elif saved > info.saved_at:
            note = self.tr(
                "It belongs to “{path}”, which was saved {day} at {time}, after this copy was "
                "made. Restoring shows this older copy; saving it will ask before replacing the "
                "newer file."
            ).format(path=isolated(str(path)), **_day_and_time(saved))
        else:
            note = self.tr("It belongs to “{path}”, last saved {day} at {time}.").format(
                path=isolated(str(path)), **_day_and_time(saved)
            )
        return f"\n\n{note}"


# A day as the date boxes show one (clinic details, the decision): "1 December 2026"
DAY_FORMAT = "d MMMM yyyy"


def _day_and_time(moment: dt.datetime) -> dict[str, str]:
    """A moment in the local time zone, in the user's words: its day ("1 December 2026", the
    month in the user's language) and its time as their locale writes it ("14:05")."""
    local = moment.astimezone()
    locale = QLocale()
    day = locale.toString(QDate(local.year, local.month, local.day), DAY_FORMAT)
    time = QTime(local.hour, local.minute, local.second)
    return {"day": day, "time": locale.toString(time, QLocale.FormatType.ShortFormat)}
