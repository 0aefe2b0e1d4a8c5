"""The once-only offer to add the app to the desktop's applications menu, with its file type.

A calm note inside the window (never a dialog), shown after the welcome note while the app is
not in the menu yet. Either answer is kept in the settings: once declined it never comes back
(``ketachecklist desktop install`` still does it later). The work itself is Qt-free
(ketachecklist/desktop_integration.py).
"""

from __future__ import annotations

from types import ModuleType

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ketachecklist import QT_TRANSLATE_NOOP
from ketachecklist.ui.settings import AppSettings

OFFER_TEXT = QT_TRANSLATE_NOOP(
    "DesktopOffer",
    "Would you like ketachecklist in your applications menu? You could then start it like any "
    "other app, and double-clicking a saved comparison would open it here. Only files in your "
    "own home folder are added, and you can remove them again.",
)


class DesktopOffer(QFrame):
    """Emits ``message`` with what happened (for the status bar)."""

    message = Signal(str)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setObjectName("desktop-offer")
        self.setAccessibleName(self.tr("Offer to add ketachecklist to the applications menu"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.text = QLabel(self.tr(OFFER_TEXT))
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Add to menu"))
        self.add_button.setAccessibleName(self.tr("Add ketachecklist to the applications menu"))
        self.add_button.clicked.connect(self.accept)
        # No Alt+letter: the note is up on every page, and each letter of "No thanks" is taken
        # on one of them (K by the rating's "Not asked yet"). Tab reaches it after Add.
        self.decline_button = QPushButton(self.tr("No thanks"))
        self.decline_button.setAccessibleName(
            self.tr("No thanks: don't add it and don't ask again")
        )
        self.decline_button.clicked.connect(self.decline)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.decline_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def wanted(self) -> bool:
        """True while the offer makes sense: a freedesktop system, not in the menu, not answered."""
        integration = _integration()
        return (
            integration.is_supported_platform()
            and self._settings.desktop_offer_answer() is None
            and not integration.status().installed
        )

    def offer(self) -> None:
        """Show the offer if it is still wanted (called once the welcome note is out of the way)."""
        self.setVisible(self.wanted())

    def accept(self) -> None:
        try:
            result = _integration().install()
        except OSError as error:
            detail = error.strerror or str(error)
            self.text.setText(
                self.tr(
                    "The menu entry could not be added ({problem}). You can try again, or "
                    "choose No thanks."
                ).format(problem=detail)
            )
            return
        self._settings.set_desktop_offer_answer("accepted")
        self.hide()
        added = self.tr("ketachecklist is now in your applications menu.")
        self.message.emit(" ".join([added, *result.tool_problems]))

    def decline(self) -> None:
        self._settings.set_desktop_offer_answer("declined")
        self.hide()


def _integration() -> ModuleType:
    """The Qt-free desktop integration, imported when the offer is first weighed: a first start
    (welcome note still up) never needs it."""
    from ketachecklist import desktop_integration  # noqa: PLC0415

    return desktop_integration
