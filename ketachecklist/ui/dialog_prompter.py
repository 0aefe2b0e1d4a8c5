"""The real dialogs behind the ``Prompter`` interface.

Message boxes are built by hand with ``Qt.PlainText``: the static QMessageBox helpers guess
whether text is rich text, and a file called ``<b>x</b>.yaml`` must show literally.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ketachecklist import QT_TRANSLATE_NOOP
from ketachecklist.ui.prompter import ChangedOnDiskChoice, RestoreChoice, SaveChoice

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
        name, _ = QFileDialog.getOpenFileName(
            self._parent,
            QCoreApplication.translate("DialogPrompter", "Open a comparison"),
            str(folder),
            QCoreApplication.translate("DialogPrompter", FILE_FILTER),
        )
        return Path(name) if name else None

    def choose_file_to_save(self, suggestion: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
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
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("DialogPrompter", "Save your changes?"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            QCoreApplication.translate(
                "DialogPrompter",
                "“{name}” has changes that are not saved yet.\n\nSave them first?",
            ).format(name=document_name)
        )
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return SaveChoice.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return SaveChoice.DISCARD
        return SaveChoice.CANCEL

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
        box = self._box(icon, title, message)
        chosen = box.addButton(action, role)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(chosen if default_is_action else cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is chosen

    def ask_changed_on_disk(self, message: str) -> ChangedOnDiskChoice:
        box = self._box(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("DialogPrompter", "The file changed on the disk"),
            message,
        )
        save_as = box.addButton(
            QCoreApplication.translate("DialogPrompter", "Save as a new file…"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        overwrite = box.addButton(
            QCoreApplication.translate("DialogPrompter", "Replace it"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)  # the choice that loses nothing
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save_as:
            return ChangedOnDiskChoice.SAVE_AS
        if clicked is overwrite:
            return ChangedOnDiskChoice.OVERWRITE
        return ChangedOnDiskChoice.CANCEL

    def ask_restore(self, description: str, saved_at: str) -> RestoreChoice:
        box = self._box(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("DialogPrompter", "Restore unsaved work?"),
            # The description names when it was autosaved: the time is said once.
            QCoreApplication.translate(
                "DialogPrompter",
                "ketachecklist was closed before this work was saved:\n\n{description}\n\n"
                "Restore it now?",
            ).format(description=description),
        )
        restore = box.addButton(
            QCoreApplication.translate("DialogPrompter", "Restore"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        later = box.addButton(
            QCoreApplication.translate("DialogPrompter", "Not now (ask next time)"),
            QMessageBox.ButtonRole.RejectRole,
        )
        delete = box.addButton(
            QCoreApplication.translate("DialogPrompter", "Delete it"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.setDefaultButton(restore)
        box.setEscapeButton(later)  # closing the box must never delete someone's notes
        box.exec()
        clicked = box.clickedButton()
        if clicked is restore:
            return RestoreChoice.RESTORE
        if clicked is delete:
            return RestoreChoice.DELETE
        return RestoreChoice.LATER

    def _tell(self, icon: QMessageBox.Icon, title: str, message: str) -> None:
        box = self._box(icon, title, message)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    def _box(self, icon: QMessageBox.Icon, title: str, message: str) -> QMessageBox:
        box = QMessageBox(self._parent)
        box.setIcon(icon)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(message)  # plain text: never setInformativeText, which guesses the format
        return box
