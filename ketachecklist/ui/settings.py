"""Every QSettings and QStandardPaths lookup of the app, in one place.

Tests pass their own ``QSettings`` (an INI file under ``tmp_path``) so they never touch the
user's real settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from ketachecklist.core.limits import MAX_RECENT_FILES

ORGANIZATION = "ketachecklist"
APPLICATION = "ketachecklist"

_RECENT = "files/recent"
_LAST_FOLDER = "files/last_folder"
_GEOMETRY = "window/geometry"
_STATE = "window/state"
_WELCOME_SEEN = "welcome/seen"
_DESKTOP_OFFER = "desktop/offer"
DESKTOP_OFFER_ANSWERS = ("accepted", "declined")


class AppSettings:
    """Remembered window layout, recent files and first-start state."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings if settings is not None else QSettings()

    # --- files ---------------------------------------------------------------------------------
    def recent_files(self) -> list[Path]:
        raw = self._settings.value(_RECENT, [])
        if isinstance(raw, str):  # QSettings hands back a lone string for a one-item list
            raw = [raw]
        if not isinstance(raw, list):
            return []
        return [Path(item) for item in raw if isinstance(item, str) and item][:MAX_RECENT_FILES]

    def add_recent_file(self, path: Path) -> None:
        resolved = path.resolve()
        files = [resolved] + [p for p in self.recent_files() if p != resolved]
        self._settings.setValue(_RECENT, [str(p) for p in files[:MAX_RECENT_FILES]])
        self._settings.setValue(_LAST_FOLDER, str(resolved.parent))

    def remove_recent_file(self, path: Path) -> None:
        files = [p for p in self.recent_files() if p != path]
        self._settings.setValue(_RECENT, [str(p) for p in files])

    def clear_recent_files(self) -> None:
        self._settings.setValue(_RECENT, [])

    def last_folder(self) -> Path:
        raw = self._settings.value(_LAST_FOLDER, "")
        if isinstance(raw, str) and raw and Path(raw).is_dir():
            return Path(raw)
        return documents_folder()

    # --- window --------------------------------------------------------------------------------
    def window_geometry(self) -> QByteArray | None:
        return self._bytes(_GEOMETRY)

    def set_window_geometry(self, geometry: QByteArray) -> None:
        self._settings.setValue(_GEOMETRY, geometry)

    def window_state(self) -> QByteArray | None:
        return self._bytes(_STATE)

    def set_window_state(self, state: QByteArray) -> None:
        self._settings.setValue(_STATE, state)

    def layout_state(self, name: str) -> QByteArray | None:
        """A splitter's or header's saved state, by a short name such as 'main-splitter'."""
        return self._bytes(f"layout/{name}")

    def set_layout_state(self, name: str, state: QByteArray) -> None:
        self._settings.setValue(f"layout/{name}", state)

    # --- first start ---------------------------------------------------------------------------
    def welcome_seen(self) -> bool:
        return str(self._settings.value(_WELCOME_SEEN, "false")).lower() == "true"

    def set_welcome_seen(self, seen: bool) -> None:
        self._settings.setValue(_WELCOME_SEEN, "true" if seen else "false")

    def desktop_offer_answer(self) -> str | None:
        """'accepted' or 'declined' once the menu-entry offer was answered, else None."""
        value = str(self._settings.value(_DESKTOP_OFFER, ""))
        return value if value in DESKTOP_OFFER_ANSWERS else None

    def set_desktop_offer_answer(self, answer: str) -> None:
        if answer not in DESKTOP_OFFER_ANSWERS:
            raise ValueError(f"unknown answer to the menu-entry offer: {answer!r}")
        self._settings.setValue(_DESKTOP_OFFER, answer)
        self._settings.sync()

    def sync(self) -> None:
        self._settings.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def documents_folder() -> Path:
    """Where Open and Save As start the first time: the user's Documents folder, or home."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()
