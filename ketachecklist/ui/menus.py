"""The main window's menu bar: File (with Open recent), Edit, Clinic, View and Help.

Every action is also added to the window, so its shortcut works wherever the focus is. The
export actions go into the File menu before ``export_anchor`` (a separator after Save As), e.g.
``menus.file_menu.insertActions(menus.export_anchor, actions)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ketachecklist.ui.menus_help import HelpMenu
from ketachecklist.ui.tooltips import plain_tooltip

if TYPE_CHECKING:
    from ketachecklist.ui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey


class WindowMenus(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._build_file_menu()
        self._build_edit_menu()
        self._build_clinic_menu()
        self._build_view_menu()
        self.help = HelpMenu(window, window.menuBar().addMenu(self.tr("&Help")), self.add)

    def add(
        self, menu: QMenu, text: str, slot: Callable[[], object], shortcut: Shortcut | None = None
    ) -> QAction:
        """An action in ``menu`` that calls ``slot`` (with no arguments) and is the window's."""
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(shortcut)
        self._window.addAction(action)
        return action

    def _build_file_menu(self) -> None:
        window = self._window
        controller = window.controller
        self.file_menu = menu = window.menuBar().addMenu(self.tr("&File"))
        self.new_action = self.add(
            menu,
            self.tr("&New comparison"),
            controller.new_comparison,
            QKeySequence.StandardKey.New,
        )
        self.open_action = self.add(
            menu, self.tr("&Open…"), controller.open, QKeySequence.StandardKey.Open
        )
        self.recent_menu = menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        menu.addSeparator()
        self.save_action = self.add(
            menu, self.tr("&Save"), controller.save, QKeySequence.StandardKey.Save
        )
        self.save_as_action = self.add(
            menu, self.tr("Save &as…"), controller.save_as, QKeySequence.StandardKey.SaveAs
        )
        if self.save_as_action.shortcut().isEmpty():
            self.save_as_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        # Export, Print… and Print consultation sheet… go here (before this separator).
        self.export_anchor = menu.addSeparator()
        self.quit_action = self.add(
            menu, self.tr("&Quit"), window.close, QKeySequence.StandardKey.Quit
        )
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))

    def _build_edit_menu(self) -> None:
        window = self._window
        menu = window.menuBar().addMenu(self.tr("&Edit"))
        stack = window.document.undo_stack
        self.undo_action = stack.createUndoAction(window, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(window, self.tr("&Redo"))
        # The platform's Redo (Ctrl+Shift+Z here) and Ctrl+Y, which people used to Windows press.
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        ctrl_y = QKeySequence("Ctrl+Y")
        self.redo_action.setShortcuts([*redo_keys, *([] if ctrl_y in redo_keys else [ctrl_y])])
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)

    def _build_clinic_menu(self) -> None:
        window = self._window
        clinics = window.clinics
        menu = window.menuBar().addMenu(self.tr("&Clinic"))
        # The panel's own actions, with the menu's Alt letters (its buttons show short words).
        for action, text in (
            (clinics.add_action, self.tr("&Add clinic")),
            (clinics.duplicate_action, self.tr("&Duplicate clinic")),
            (clinics.move_up_action, self.tr("Move clinic &up")),
            (clinics.move_down_action, self.tr("Move clinic do&wn")),
            (clinics.remove_action, self.tr("&Remove clinic")),
        ):
            action.setText(text)
            menu.addAction(action)
            window.addAction(action)

    def _build_view_menu(self) -> None:
        window = self._window
        menu = window.menuBar().addMenu(self.tr("&View"))
        self.page_actions: list[QAction] = []
        # The menu's own words for the pages: an Alt letter in a tab's name would be the
        # window's, and clash with the page's controls.
        items = (
            self.tr("Clinic &details"),
            self.tr("&Answers"),
            self.tr("&Comparison"),
            self.tr("&Weights"),
            self.tr("&Before your consultation"),
            self.tr("D&ecision"),
        )
        for number, ((page, title), item) in enumerate(zip(window.pages, items, strict=True), 1):
            action = self.add(
                menu, item, partial(window.focus_page, page), QKeySequence(f"Ctrl+{number}")
            )
            self.page_actions.append(action)
            window.tabs.setTabToolTip(number - 1, f"{title} ({action.shortcut().toString()})")
        menu.addSeparator()
        self.notes_action = menu.addAction(self.tr("&Show what each clinic said in the comparison"))
        self.notes_action.setCheckable(True)  # tied to the page's check box when it is built

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        settings = self._window.settings
        files = settings.recent_files()
        if not files:
            empty = menu.addAction(self.tr("No recent files"))
            empty.setEnabled(False)
            return
        for number, (path, shown) in enumerate(zip(files, recent_labels(files), strict=True), 1):
            label = shown.replace("&", "&&")
            action = menu.addAction(f"&{number} {label}" if number < 10 else label)
            action.setToolTip(plain_tooltip(str(path)))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self._open_recent(p))
        menu.addSeparator()
        clear = menu.addAction(self.tr("&Clear this list"))
        clear.triggered.connect(settings.clear_recent_files)

    def _open_recent(self, path: Path) -> bool:
        return self._window.controller.open_path(path)


def recent_labels(files: Sequence[Path]) -> list[str]:
    """Each file's name, and where two share a name, the folders that tell them apart:
    "mine.yaml — mum/comparisons" beside "mine.yaml — me/comparisons"."""
    labels = []
    for path in files:
        twins = [other for other in files if other.name == path.name and other != path]
        depth = 0
        while twins and depth < len(path.parent.parts):
            depth += 1
            where = path.parent.parts[-depth:]
            twins = [other for other in twins if other.parent.parts[-depth:] == where]
        labels.append(f"{path.name} — {Path(*path.parent.parts[-depth:])}" if depth else path.name)
    return labels
