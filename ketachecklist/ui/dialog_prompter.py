"""The real dialogs behind the ``Prompter`` interface.

Message boxes are built by hand with ``Qt.PlainText``: the static QMessageBox helpers guess
whether text is rich text, and a file called ``<b>x</b>.yaml`` must show literally.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ketachecklist import QT_TRANSLATE_NOOP
from ketachecklist.core.fingerprint import DiskState
from ketachecklist.text import isolated
from ketachecklist.ui import file_dialogs
from ketachecklist.ui.message_box import Choice, ask, tell
from ketachecklist.ui.prompter import ChangedOnDiskChoice, RestoreChoice, SaveChoice
from ketachecklist.ui.removal_question import confirm_removal

FILE_FILTER = QT_TRANSLATE_NOOP(
    "DialogPrompter", "ketachecklist comparisons (*.yaml *.yml);;All files (*)"
)
SUFFIX = ".yaml"


class DialogPrompter:
    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent

    def set_parent(self, parent: QWidget) -> None:
        """The window the dialogs belong to (made after the prompter)."""
        self._parent = parent

    def choose_file_to_open(self, folder: Path) -> Path | None:
        name = file_dialogs.choose_file_to_open(
            self._parent,
            QCoreApplication.translate("DialogPrompter", "Open a comparison"),
            str(folder),
            QCoreApplication.translate("DialogPrompter", FILE_FILTER),
        )
        return Path(name) if name else None

    def choose_file_to_save(self, suggestion: Path) -> Path | None:
        name = file_dialogs.choose_file_to_save(
            self._parent,
            QCoreApplication.translate("DialogPrompter", "Save the comparison as"),
            str(suggestion),
            QCoreApplication.translate("DialogPrompter", FILE_FILTER),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(SUFFIX)

    def ask_save_changes(self, document_name: str) -> SaveChoice:
        return ask(
            self._parent,
            QMessageBox.Icon.Question,
            QCoreApplication.translate("DialogPrompter", "Save your changes?"),
            QCoreApplication.translate(
                "DialogPrompter",
                "“{name}” has changes that are not saved yet.\n\nSave them first?",
            ).format(name=isolated(document_name)),
            (
                Choice(SaveChoice.SAVE, QMessageBox.StandardButton.Save),
                Choice(SaveChoice.DISCARD, QMessageBox.StandardButton.Discard),
                Choice(SaveChoice.CANCEL, QMessageBox.StandardButton.Cancel),
            ),
            default=SaveChoice.SAVE,
            escape=SaveChoice.CANCEL,
        )

    def show_error(self, title: str, message: str) -> None:
        self._tell(QMessageBox.Icon.Warning, title, message)

    def show_info(self, title: str, message: str) -> None:
        self._tell(QMessageBox.Icon.Information, title, message)

    def ask_open_read_only(self, message: str) -> bool:
        return self._confirm(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("DialogPrompter", "The file is open elsewhere"),
            message,
            QCoreApplication.translate("DialogPrompter", "Open read-only"),
        )

    def ask_open_backup(self, message: str) -> bool:
        return self._confirm(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("DialogPrompter", "The file is damaged"),
            message,
            QCoreApplication.translate("DialogPrompter", "Open the backup"),
        )

    def ask_replace_shared(self, message: str) -> bool:
        # Keeping their access is the default: Enter and Escape both cancel.
        return self._confirm(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("DialogPrompter", "Someone else's file"),
            message,
            QCoreApplication.translate("DialogPrompter", "Save anyway"),
            role=QMessageBox.ButtonRole.DestructiveRole,
            default_is_action=False,
        )

    def _confirm(
        self,
        icon: QMessageBox.Icon,
        title: str,
        message: str,
        action: str,
        *,
        role: QMessageBox.ButtonRole = QMessageBox.ButtonRole.AcceptRole,
        default_is_action: bool = True,
    ) -> bool:
        """One question with one action and Cancel (Escape); True when the action was chosen."""
        return ask(
            self._parent,
            icon,
            title,
            message,
            (Choice(True, action, role), Choice(False, QMessageBox.StandardButton.Cancel)),
            default=default_is_action,
            escape=False,
        )

    def ask_changed_on_disk(
        self, message: str, state: DiskState = DiskState.CHANGED
    ) -> ChangedOnDiskChoice:
        save_as = Choice(
            ChangedOnDiskChoice.SAVE_AS,
            QCoreApplication.translate("DialogPrompter", "Save as a new file…"),
        )
        cancel = Choice(ChangedOnDiskChoice.CANCEL, QMessageBox.StandardButton.Cancel)
        choices: tuple[Choice[ChangedOnDiskChoice], ...]
        if state is DiskState.NOT_A_FILE:  # nothing to save over: a folder has its name
            choices = (save_as, cancel)
        else:
            over = (
                QCoreApplication.translate("DialogPrompter", "Save it there again")
                if state is DiskState.MISSING  # the message says saving creates it again
                else QCoreApplication.translate("DialogPrompter", "Replace it")
            )
            role = QMessageBox.ButtonRole.DestructiveRole
            choices = (save_as, Choice(ChangedOnDiskChoice.OVERWRITE, over, role), cancel)
        return ask(
            self._parent,
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("DialogPrompter", "The file changed on the disk"),
            message,
            choices,
            default=ChangedOnDiskChoice.SAVE_AS,  # the choice that loses nothing
            escape=ChangedOnDiskChoice.CANCEL,
        )

    def ask_restore(self, description: str, saved_at: str) -> RestoreChoice:
        return ask(
            self._parent,
            QMessageBox.Icon.Question,
            QCoreApplication.translate("DialogPrompter", "Restore unsaved work?"),
            # The description names when it was autosaved: the time is said once.
            QCoreApplication.translate(
                "DialogPrompter",
                "ketachecklist was closed before this work was saved:\n\n{description}\n\n"
                "Restore it now?",
            ).format(description=description),
            (
                Choice(
                    RestoreChoice.RESTORE, QCoreApplication.translate("DialogPrompter", "Restore")
                ),
                Choice(
                    RestoreChoice.LATER,
                    QCoreApplication.translate("DialogPrompter", "Not now (ask next time)"),
                    QMessageBox.ButtonRole.RejectRole,
                ),
                Choice(
                    RestoreChoice.DELETE,
                    QCoreApplication.translate("DialogPrompter", "Delete it"),
                    QMessageBox.ButtonRole.DestructiveRole,
                ),
            ),
            default=RestoreChoice.RESTORE,
            escape=RestoreChoice.LATER,  # closing the box must never delete someone's notes
        )

    def confirm_delete_work(self, description: str) -> bool:
        # One button beside "Restore" must not throw away someone's notes by a slip.
        return confirm_removal(
            self._parent,
            QCoreApplication.translate("DialogPrompter", "Delete unsaved work?"),
            QCoreApplication.translate(
                "DialogPrompter",
                "Delete this work for good?\n\n{description}\n\nThese changes were never "
                "saved, so they cannot be brought back afterwards.",
            ).format(description=description),
            QCoreApplication.translate("DialogPrompter", "Delete it for good"),
            QMessageBox.Icon.Warning,
        )

    def _tell(self, icon: QMessageBox.Icon, title: str, message: str) -> None:
        tell(self._parent, icon, title, message)
