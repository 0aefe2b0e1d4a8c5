"""Autosave: a few seconds after the last edit, a recovery snapshot of the open document.

The snapshot goes to the private recovery folder through the core's ``AutosaveSlot`` — never
over the patient's file. The timer restarts on every edit (``document.edited``), so typing is
never interrupted and a snapshot is at most ``AUTOSAVE_DELAY_SECONDS`` behind when the app dies.
A document with nothing unsaved has no snapshot: saving, undoing back to the saved state,
closing or replacing it removes the snapshot.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ketachecklist.core.recovery import AUTOSAVE_DELAY_SECONDS, RecoveryStore
from ketachecklist.ui.open_document import OpenDocument


class Autosaver(QObject):
    written = Signal(object)  # RecoveryInfo of the snapshot just written
    message = Signal(str)  # a quiet note for the status bar (autosave failed)

    def __init__(
        self,
        document: OpenDocument,
        store: RecoveryStore,
        delay_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.store = store
        self._slot = store.new_slot(None)
        self._active = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(
            delay_ms if delay_ms is not None else round(AUTOSAVE_DELAY_SECONDS * 1000)
        )
        self._timer.timeout.connect(self.write_now)
        document.edited.connect(self._edited)

    @property
    def snapshot_path(self) -> Path:
        return self._slot.path

    @property
    def pending(self) -> bool:
        """An edit is waiting for its snapshot."""
        return self._timer.isActive()

    def write_now(self) -> bool:
        """Bring the snapshot up to date now; True if one was written."""
        self._timer.stop()
        if not self._active:
            return False
        comparison = self.document.comparison
        if not self.document.is_modified():
            self._slot.discard()  # back at the saved state: nothing to recover
            return False
        if not self._slot.needs_write(comparison):
            return False
        try:
            info = self._slot.write(comparison)
        except Exception as error:  # autosave must never interrupt the patient
            detail = getattr(error, "strerror", None) or str(error) or type(error).__name__
            self.message.emit(
                self.tr(
                    "Autosave failed ({problem}). Your changes are still here; please save them."
                ).format(problem=detail)
            )
            return False
        self.written.emit(info)
        return True

    def follow(self, document_path: Path | None) -> None:
        """Another document (New, Open, restore) is shown: drop the old snapshot, start over."""
        self._timer.stop()
        self._slot.discard()
        self._slot.document_path = document_path
        self._active = True

    def saved(self, document_path: Path) -> None:
        """The document was saved (maybe under a new name): its snapshot is no longer needed."""
        self._timer.stop()
        self._slot.discard()
        self._slot.document_path = document_path

    def suspend(self) -> None:
        """Write no more, and keep the snapshot on disk (the app is ending without saving)."""
        self._timer.stop()
        self._active = False

    def stop(self) -> None:
        """The document is closing: remove its snapshot and write no more."""
        self._timer.stop()
        self._slot.discard()
        self._active = False

    def _edited(self) -> None:
        if self._active:
            self._timer.start()  # restart: write once the patient pauses
