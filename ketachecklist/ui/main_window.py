"""The main window: the notes at the top, the clinic list beside six pages, and the title.

The pages not on screen at the start (all but Clinic details) are built, and their modules
imported, when first shown or asked for (``DeferredPage``). The menu bar is ``ui/menus.py``
(its actions are reached through the window too, e.g. ``window.undo_action``), the remembered
size and dividers ``ui/window_layout.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ketachecklist.text import isolated
from ketachecklist.ui.clinic_details_form import ClinicDetailsForm
from ketachecklist.ui.clinic_panel import ClinicPanel
from ketachecklist.ui.deferred_page import DeferredPage, PageT
from ketachecklist.ui.desktop_offer import DesktopOffer
from ketachecklist.ui.disclaimer_note import DisclaimerNote
from ketachecklist.ui.document_controller import DocumentController
from ketachecklist.ui.export_actions import ExportActions
from ketachecklist.ui.inner_widget_names import name_inner_widgets
from ketachecklist.ui.keyboard_splitter import KeyboardSplitter
from ketachecklist.ui.menus import WindowMenus
from ketachecklist.ui.page_scroll import PageScroll
from ketachecklist.ui.page_tab_bar import PageTabBar
from ketachecklist.ui.resources import app_icon
from ketachecklist.ui.settings import AppSettings
from ketachecklist.ui.undo_reveal import UndoReveal
from ketachecklist.ui.welcome_banner import WelcomeBanner
from ketachecklist.ui.window_layout import restore_layout, restore_splitter, save_layout

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
        self.tabs.setTabBar(PageTabBar(self.tabs))  # long names on two lines in large text
        self.tabs.setAccessibleName(self.tr("Pages"))
        self.tabs.setDocumentMode(True)
        # At a large font the long names go onto two lines; where even that is too wide (2×
        # text in a 1024-pixel window) the bar scrolls, its arrows beside the tabs, and the
        # tab in front is always scrolled into view: a name is never shortened ("Decis…").
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
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

        self.menus = WindowMenus(self)
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
            lambda path: self.show_message(
                self.tr("Saved to {path}").format(path=isolated(str(path)))
            )
        )
        UndoReveal(self)  # Undo and Redo show what they changed
        self._update_title()
        restore_layout(self, settings, self._splitters())
        # Until the patient moves it (or a remembered one is restored), the divider gives the
        # clinic list room for a name and its Rated column in this font (_fit_divider).
        self._divider_kept = settings.layout_state(MAIN_SPLITTER) is not None
        self.splitter.splitterMoved.connect(self._keep_divider)
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
        restore_splitter(self.settings, ANSWERS_SPLITTER, page.splitter)
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
        """Bring ``page`` to the front and put the keyboard focus where the next keystroke is
        meant for: the grid on Comparison, the question weights on Weights (not the sort or
        whose-weights box above them, where an arrow key would change it unseen), elsewhere
        the page's first control."""
        self.show_page(page)
        holder = self.tabs.currentWidget()
        table = self._page_table(holder)
        if table is not None:
            _focus_current_cell(*table)
            return
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

    def _page_table(self, holder: QWidget | None) -> tuple[QAbstractItemView, int] | None:
        """The table a page's shortcut focuses, and the column of its first cell to change."""
        if holder is self.comparison_tab:
            return self.comparison.table, 1  # the first clinic's answer (0 names the row)
        if holder is self.weights_tab:
            from ketachecklist.ui.weights_model import WEIGHT_COLUMN

            return self.weights.table, WEIGHT_COLUMN
        return None

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

    # --- the menu bar's actions, reached through the window ------------------------------------
    @property
    def file_menu(self) -> QMenu:
        return self.menus.file_menu

    @property
    def export_anchor(self) -> QAction:
        return self.menus.export_anchor

    @property
    def recent_menu(self) -> QMenu:
        return self.menus.recent_menu

    @property
    def new_action(self) -> QAction:
        return self.menus.new_action

    @property
    def open_action(self) -> QAction:
        return self.menus.open_action

    @property
    def save_action(self) -> QAction:
        return self.menus.save_action

    @property
    def save_as_action(self) -> QAction:
        return self.menus.save_as_action

    @property
    def quit_action(self) -> QAction:
        return self.menus.quit_action

    @property
    def undo_action(self) -> QAction:
        return self.menus.undo_action

    @property
    def redo_action(self) -> QAction:
        return self.menus.redo_action

    @property
    def page_actions(self) -> list[QAction]:
        return self.menus.page_actions

    @property
    def notes_action(self) -> QAction:
        return self.menus.notes_action

    @property
    def help_action(self) -> QAction:
        return self.menus.help.help_action

    @property
    def crisis_action(self) -> QAction:
        return self.menus.help.crisis_action

    @property
    def help_window(self) -> HelpWindow | None:
        return self.menus.help.help_window

    @property
    def help_box(self) -> QMessageBox | None:
        return self.menus.help.help_box

    def show_help(self) -> None:
        self.menus.help.show_help()

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

    def save_layout(self) -> None:
        save_layout(self, self.settings, self._splitters())

    def _splitters(self) -> dict[str, QSplitter]:
        """The splitters whose layout is remembered; a page never built keeps what was saved."""
        splitters: dict[str, QSplitter] = {MAIN_SPLITTER: self.splitter}
        if self.answers_tab.is_built:
            splitters[ANSWERS_SPLITTER] = self.answers.splitter
        return splitters

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.welcome.fit_height(self.height())
        self._fit_divider()

    def _keep_divider(self, *_args: object) -> None:
        self._divider_kept = True

    def _fit_divider(self) -> None:
        """The clinic list gets room for about 34 characters (a name and "17 of 38 ⚠4"),
        between a fifth and a quarter of the window (the splitter keeps the proportion)."""
        total = self.width()
        if self._divider_kept or total <= 0:
            return
        wanted = self.fontMetrics().horizontalAdvance("x" * 34)
        left = min(total // 4, max(total // 5, wanted))
        self.splitter.setSizes([left, total - left])

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.controller.close():
            event.ignore()
            return
        self.save_layout()
        event.accept()


def _focus_current_cell(table: QAbstractItemView, first_column: int) -> None:
    """Focus ``table`` on its current cell, scrolled into view; on the first row's cell in
    ``first_column`` when there is none yet."""
    model = table.model()
    if not table.currentIndex().isValid() and model.rowCount():
        table.setCurrentIndex(model.index(0, min(first_column, model.columnCount() - 1)))
    table.setFocus(Qt.FocusReason.ShortcutFocusReason)
    if table.currentIndex().isValid():
        table.scrollTo(table.currentIndex())
