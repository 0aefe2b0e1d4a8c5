"""The app icon and desktop entry shipped in ketachecklist/resources/ (inside the wheel too)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ICON_PATH = RESOURCES / "ketachecklist.svg"
DESKTOP_FILE_PATH = RESOURCES / "ketachecklist.desktop"


def app_icon() -> QIcon:
    return QIcon(str(ICON_PATH))
