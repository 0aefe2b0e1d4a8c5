"""The app icon, desktop entry and help page shipped in ketachecklist/resources/ (inside the wheel
and the bundle too)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtGui import QIcon

from ketachecklist import CRISIS_HELP, DISCLAIMER
from ketachecklist.present.text import tr

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ICON_PATH = RESOURCES / "ketachecklist.svg"
DESKTOP_FILE_PATH = RESOURCES / "ketachecklist.desktop"
HELP_PATH = RESOURCES / "help.html"


def app_icon() -> QIcon:
    return QIcon(str(ICON_PATH))


def help_page_html() -> str:
    """The help page, with the crisis help and the disclaimer shared with every other screen."""
    text = HELP_PATH.read_text(encoding="utf-8")
    return text.replace("{{CRISIS_HELP}}", html.escape(tr(CRISIS_HELP))).replace(
        "{{DISCLAIMER}}", html.escape(tr(DISCLAIMER))
    )
