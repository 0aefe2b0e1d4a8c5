"""The app icon, desktop entry and help page shipped in ketachecklist/resources/ (inside the wheel
and the bundle too)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtGui import QIcon

from ketachecklist import CRISIS_HELP, DISCLAIMER
from ketachecklist.present.text import tr

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ICON_PATH = RESOURCES / "ketachecklist.svg"
HELP_PATH = RESOURCES / "help.html"


def app_icon() -> QIcon:
    return QIcon(str(ICON_PATH))


def help_page_path(locale: QLocale | None = None, folder: Path = RESOURCES) -> Path:
    """``help_<language>.html`` in the user's language when there is one (none yet, the page
    is translated as a whole), else ``help.html``."""
    name = (QLocale() if locale is None else locale).name()  # "de_DE"
    for variant in (name, name.split("_", maxsplit=1)[0]):
        translated = folder / f"{HELP_PATH.stem}_{variant}{HELP_PATH.suffix}"
        if translated.is_file():
            return translated
    return folder / HELP_PATH.name


def help_page_html(path: Path | None = None) -> str:
    """The help page, with the crisis help and the disclaimer shared with every other screen."""
    text = (help_page_path() if path is None else path).read_text(encoding="utf-8")
    return text.replace("{{CRISIS_HELP}}", html.escape(tr(CRISIS_HELP))).replace(
        "{{DISCLAIMER}}", html.escape(tr(DISCLAIMER))
    )
