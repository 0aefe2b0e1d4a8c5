"""The main window: the clinic list beside six pages, the menus, title, and remembered layout.

The pages not on screen at the start (all but Clinic details) are built, and their modules
imported, when first shown or asked for (``DeferredPage``).

File-menu room for the export actions: insert them before ``export_anchor`` (a separator after
Save As), e.g. ``window.file_menu.insertActions(window.export_anchor, actions)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ketachecklist import CRISIS_HELP, DISCLAIMER, __version__
from ketachecklist.present.text import tr
from ketachecklist.ui.clinic_details_form import ClinicDetailsForm
from ketachecklist.ui.clinic_panel import ClinicPanel
from ketachecklist.ui.deferred_page import DeferredPage, PageT
from ketachecklist.ui.desktop_offer import DesktopOffer
from ketachecklist.ui.disclaimer_note import DisclaimerNote
from ketachecklist.ui.document_controller import DocumentController
from ketachecklist.ui.export_actions import ExportActions
from ketachecklist.ui.inner_widget_names import name_inner_widgets
from ketachecklist.ui.keyboard_splitter import KeyboardSplitter
from ketachecklist.ui.page_scroll import PageScroll
from ketachecklist.ui.resources import app_icon
from ketachecklist.ui.settings import AppSettings
from ketachecklist.ui.tooltips import plain_tooltip
from ketachecklist.ui.welcome_banner import WelcomeBanner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from ketachecklist.ui.answers_page import AnswersPage
    from ketachecklist.ui.comparison_page import ComparisonPage
    from ketachecklist.ui.decision_page import DecisionPage
    from ketachecklist.ui.help_window import HelpWindow
    from ketachecklist.ui.information_page import InformationPage
    from ketachecklist.ui.weights_page import WeightsPage

MESSAGE_MS = 8000
MAIN_SPLITTER = "main-splitter"
ANSWERS_SPLITTER = "answers-splitter"


class MainWindow(QMainWindow):
    def __init__(
        self,
        controller: DocumentController,
        settings: AppSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        document = controller.document
        self.document = document
        self.setObjectName("main-window")
        self.setWindowIcon(app_icon())

        # --- pages ------------------------------------------------------------------------------
        self.clinics = ClinicPanel(document)
        self.details = ClinicDetailsForm(document)
        self.answers_tab = DeferredPage(self._build_answers, scrolls=True)
        self.comparison_tab = DeferredPage(self._build_comparison, scrolls=True)
        self.weights_tab = DeferredPage(self._build_weights, scrolls=True)
        self.information_tab = DeferredPage(self._build_information)
        self.decision_tab = DeferredPage(self._build_decision, scrolls=True)
        self.details_tab = PageScroll(self.details)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Pages"))
        self.tabs.setDocumentMode(True)
        self.pages: list[tuple[QWidget, str]] = [
            (self.details_tab, self.tr("Clinic details")),
            (self.answers_tab, self.tr("Answers")),
            (self.comparison_tab, self.tr("Comparison")),
            (self.weights_tab, self.tr("Weights")),
            (self.information_tab, self.tr("Before your consultation")),
            (self.decision_tab, self.tr("Decision")),
        ]
        for page, title in self.pages:
            self.tabs.addTab(page, title)

        self.disclaimer = DisclaimerNote()
        self.welcome = WelcomeBanner()
        self.welcome.setVisible(not settings.welcome_seen())
        self.welcome.dismissed.connect(lambda: settings.set_welcome_seen(True))
        self.desktop_offer = DesktopOffer(settings)  # after the welcome note, never with it
        self.desktop_offer.setVisible(settings.welcome_seen() and self.desktop_offer.wanted())
        self.welcome.dismissed.connect(self.desktop_offer.offer)
        self.splitter = KeyboardSplitter(
            Qt.Orientation.Horizontal, self.tr("Divider between the clinic list and the pages")
        )
        self.splitter.setObjectName(MAIN_SPLITTER)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.clinics)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        panel_width = self.fontMetrics().horizontalAdvance("x" * 48)
        self.splitter.setSizes([panel_width, panel_width * 4])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.disclaimer)
        layout.addWidget(self.welcome)
        layout.addWidget(self.desktop_offer)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self.exports = ExportActions(
            self,
            controller,
            lambda: self.clinics.current_clinic_id,
            None,  # the real dialogs (ui.print_dialogs), made when an export first asks
            self.show_message,
        )
        self.file_menu.insertActions(self.export_anchor, self.exports.actions)
        self.file_menu.insertSeparator(self.exports.actions[0])
        self.statusBar().setSizeGripEnabled(True)
        self.statusBar().setAccessibleName(self.tr("Status"))

        # --- wiring -----------------------------------------------------------------------------
        self.clinics.current_clinic_changed.connect(self.details.set_clinic)
        self.clinics.clinic_added.connect(self._clinic_added)
        self.clinics.message.connect(self.show_message)
        self.desktop_offer.message.connect(self.show_message)
        document.undo_stack.cleanChanged.connect(self._update_title)
        controller.path_changed.connect(self._update_title)
        controller.saved.connect(
            lambda path: self.show_message(self.tr("Saved to {path}").format(path=path))
        )
        self._update_title()
        self._restore_layout()
        name_inner_widgets(self)

    # --- pages ----------------------------------------------------------------------------------
    @property
    def answers(self) -> AnswersPage:
        return self.answers_tab.page()

    @property
    def comparison(self) -> ComparisonPage:
        return self.comparison_tab.page()

    @property
    def weights(self) -> WeightsPage:
        return self.weights_tab.page()

    @property
    def information(self) -> InformationPage:
        return self.information_tab.page()

    @property
    def decision(self) -> DecisionPage:
        return self.decision_tab.page()

    def _build_answers(self, parent: QWidget) -> AnswersPage:
        from ketachecklist.ui.answers_page import AnswersPage

        page = AnswersPage(self.document, parent)
        page.set_clinic(self.clinics.current_clinic_id)
        self.clinics.current_clinic_changed.connect(page.set_clinic)
        page.message.connect(self.show_message)
        saved = self.settings.layout_state(ANSWERS_SPLITTER)
        if saved is not None:
            page.splitter.restoreState(saved)
        return self._finish(page)

    def _build_comparison(self, parent: QWidget) -> ComparisonPage:
        from ketachecklist.ui.comparison_page import ComparisonPage

        page = ComparisonPage(self.document, parent)
        page.answer_requested.connect(self.open_answer)
        page.notes.setChecked(self.notes_action.isChecked())
        self.notes_action.toggled.connect(page.notes.setChecked)
        page.notes.toggled.connect(self.notes_action.setChecked)
        return self._finish(page)

    def _build_weights(self, parent: QWidget) -> WeightsPage:
        from ketachecklist.ui.weights_page import WeightsPage

        page = WeightsPage(self.document, parent)
        page.message.connect(self.show_message)
        return self._finish(page)

    def _build_information(self, parent: QWidget) -> InformationPage:
        from ketachecklist.ui.information_page import InformationPage

        return self._finish(InformationPage(self.document.comparison.catalogue, parent))

    def _build_decision(self, parent: QWidget) -> DecisionPage:
        from ketachecklist.ui.decision_page import DecisionPage

        return self._finish(DecisionPage(self.document, parent))

    @staticmethod
    def _finish(page: PageT) -> PageT:
        name_inner_widgets(page)
        return page

    # --- public ---------------------------------------------------------------------------------
    def show_page(self, page: QWidget) -> None:
        """Bring ``page`` (or the tab holding it) to the front."""
        holder: QWidget | None = page
        while holder is not None and self.tabs.indexOf(holder) < 0:
            holder = holder.parentWidget()
        if holder is not None:
            self.tabs.setCurrentWidget(holder)

    def focus_page(self, page: QWidget) -> None:
        """Bring ``page`` to the front and put the keyboard focus on its first control."""
        self.show_page(page)
        holder = self.tabs.currentWidget()
        widget = holder.nextInFocusChain() if holder is not None else None
        while widget is not None and widget is not holder:  # the chain is a ring
            if (
                holder is not None
                and holder.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
            widget = widget.nextInFocusChain()

    def current_page(self) -> QWidget:
        """The page in front (the page itself, not the tab that holds it)."""
        current = self.tabs.currentWidget()
        if isinstance(current, DeferredPage | PageScroll):
            return current.page()
        return current

    def open_answer(self, clinic_id: str, question_id: str) -> None:
        """Go to one clinic's answer to one question (from the comparison grid)."""
        self.clinics.select_clinic(clinic_id)
        self.show_page(self.answers)
        self.answers.show_question(question_id)
        self.answers.editor.rating.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_message(self, text: str) -> None:
        # QAccessible's many enums cost the start a few ms: loaded with the first message.
        from ketachecklist.ui.accessible_text import announce

        self.statusBar().showMessage(text, MESSAGE_MS)
        announce(self.statusBar(), text)  # heard by a screen reader where the focus is

    def show_welcome(self) -> None:
        self.welcome.show()
        self.welcome.button.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- menus ----------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        controller = self.controller
        menu_bar = self.menuBar()

        self.file_menu = menu_bar.addMenu(self.tr("&File"))
        self.new_action = self._add(
            self.file_menu,
            self.tr("&New comparison"),
            controller.new_comparison,
            QKeySequence.StandardKey.New,
        )
        self.open_action = self._add(
            self.file_menu, self.tr("&Open…"), controller.open, QKeySequence.StandardKey.Open
        )
        self.recent_menu = self.file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addSeparator()
        self.save_action = self._add(
            self.file_menu, self.tr("&Save"), controller.save, QKeySequence.StandardKey.Save
        )
        self.save_as_action = self._add(
            self.file_menu,
            self.tr("Save &as…"),
            controller.save_as,
            QKeySequence.StandardKey.SaveAs,
        )
        if self.save_as_action.shortcut().isEmpty():
            self.save_as_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        # Export, Print… and Print consultation sheet… go here (before this separator).
        self.export_anchor = self.file_menu.addSeparator()
        self.quit_action = self._add(
            self.file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit
        )
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))

        edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        stack = self.document.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

        clinic_menu = menu_bar.addMenu(self.tr("&Clinic"))
        for action in (
            self.clinics.add_action,
            self.clinics.duplicate_action,
            self.clinics.move_up_action,
            self.clinics.move_down_action,
            self.clinics.remove_action,
        ):
            clinic_menu.addAction(action)
            self.addAction(action)

        view_menu = menu_bar.addMenu(self.tr("&View"))
        self.page_actions: list[QAction] = []
        for number, (page, title) in enumerate(self.pages, start=1):
            action = self._add(
                view_menu, title, lambda p=page: self.focus_page(p), QKeySequence(f"Ctrl+{number}")
            )
            self.page_actions.append(action)
            self.tabs.setTabToolTip(number - 1, f"{title} ({action.shortcut().toString()})")
        view_menu.addSeparator()
        self.notes_action = view_menu.addAction(
            self.tr("Show what each clinic said in the comparison")
        )
        self.notes_action.setCheckable(True)  # tied to the page's check box when it is built

        help_menu = menu_bar.addMenu(self.tr("&Help"))
        self.help_action = self._add(
            help_menu,
            self.tr("&How to use ketachecklist"),
            self.show_help,
            QKeySequence.StandardKey.HelpContents,
        )
        if self.help_action.shortcut().isEmpty():
            self.help_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self._add(help_menu, self.tr("What is this app &for?"), self.show_welcome)
        self.crisis_action = self._add(
            help_menu, self.tr("If you need help &now…"), self.show_crisis_help
        )
        help_menu.addSeparator()
        self._add(help_menu, self.tr("&About ketachecklist"), self._about)
        self.help_window: HelpWindow | None = None
        self.help_box: QMessageBox | None = None  # the crisis help or About box, once shown

    def _add(
        self,
        menu: QMenu,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        if shortcut is not None:
            action.setShortcut(shortcut)
        self.addAction(action)
        return action

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        if not files:
            empty = self.recent_menu.addAction(self.tr("No recent files"))
            empty.setEnabled(False)
            return
        for number, path in enumerate(files, start=1):
            label = path.name.replace("&", "&&")
            action = self.recent_menu.addAction(f"&{number} {label}" if number < 10 else label)
            action.setToolTip(plain_tooltip(str(path)))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(self.tr("Clear this list"))
        clear.triggered.connect(self.settings.clear_recent_files)

    def open_recent(self, path: Path) -> bool:
        return self.controller.open_path(path)

    def show_help(self) -> None:
        """Help ▸ How to use ketachecklist (F1): the local help page, beside the window."""
        if self.help_window is None:
            from ketachecklist.ui.help_window import HelpWindow

            self.help_window = HelpWindow(self)
        self.help_window.show_help()

    def show_crisis_help(self) -> None:
        self._show_help_box(self.tr("If you need help now"), tr(CRISIS_HELP), None)

    def _about(self) -> None:
        self._show_help_box(
            self.tr("About ketachecklist"),
            self.tr(
                "ketachecklist {version}\n\n"
                "Questions to put to ketamine clinics, your answers, and a side-by-side "
                "comparison. Your data stays on this computer; the app never uses the network."
                "\n\n{disclaimer}"
            ).format(version=__version__, disclaimer=tr(DISCLAIMER)),
            app_icon(),
        )

    def _show_help_box(self, title: str, text: str, icon: QIcon | None) -> None:
        """A plain-text message box that does not block the window (kept in ``help_box``)."""
        if self.help_box is not None:  # one at a time
            self.help_box.close()
            self.help_box.deleteLater()
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if icon is None:
            box.setIcon(QMessageBox.Icon.Information)
        else:
            box.setIconPixmap(icon.pixmap(64, 64))
        box.setText(text)
        self.help_box = box
        box.open()

    # --- window state ---------------------------------------------------------------------------
    def _update_title(self) -> None:
        # "[*]" is where Qt puts the unsaved marker; one in a file name is doubled to stay text.
        name = self.controller.display_name.replace("[*]", "[*][*]")
        self.setWindowTitle(self.tr("{file}[*] — ketachecklist").format(file=name))

        path = self.controller.path
        self.setWindowFilePath(str(path) if path is not None else "")
        self.setWindowModified(self.document.is_modified())

    def _clinic_added(self, _clinic_id: str) -> None:
        self.show_page(self.details)
        self.details.focus_name()

    def _restore_layout(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            screen = QGuiApplication.primaryScreen()
            if screen is not None:
                available = screen.availableGeometry()
                self.resize(int(available.width() * 0.85), int(available.height() * 0.85))
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        for name, splitter in self._splitters().items():
            saved = self.settings.layout_state(name)
            if saved is not None:
                splitter.restoreState(saved)

    def save_layout(self) -> None:
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        for name, splitter in self._splitters().items():
            self.settings.set_layout_state(name, splitter.saveState())
        self.settings.sync()

    def _splitters(self) -> dict[str, QSplitter]:
        """The splitters whose layout is remembered; a page never built keeps what was saved."""
        splitters: dict[str, QSplitter] = {MAIN_SPLITTER: self.splitter}
        if self.answers_tab.is_built:
            splitters[ANSWERS_SPLITTER] = self.answers.splitter
        return splitters

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.welcome.fit_height(self.height())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.controller.close():
            event.ignore()
            return
        self.save_layout()
        event.accept()
