"""The app's words in the user's language: Qt's translators, installed once at start.

Three catalogues, each only if its .qm file is there (nothing is ever fetched):
- ``translations/ketachecklist_en.qm`` (shipped): the English singular and plural of every
  ``%n`` text, which Qt takes from a translation, never from the source text;
- ``translations/ketachecklist_<language>.qm``: the app in the user's language (none yet);
- with it, Qt's own ``qtbase_<language>.qm`` (shipped with PySide6) for the standard buttons
  and dialogs (not without it: one window, one language).
Qt asks the last one installed first. The Qt-free layers' ``tr`` (``ketachecklist.text``) is
routed through the same translators, so what core/, present/ and report/ word is translated as
the widgets are.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ketachecklist import text

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
CATALOGUE = "ketachecklist"
ENGLISH_PLURALS = TRANSLATIONS / f"{CATALOGUE}_en.qm"
# lupdate files a free tr() call (the Qt-free layers') under the empty context.
PRESENTATION_CONTEXT = ""


def install_translators(
    app: QCoreApplication, locale: QLocale | None = None, folder: Path = TRANSLATIONS
) -> list[QTranslator]:
    """Install the catalogues there are for ``locale`` (the user's by default), kept by ``app``,
    and route the Qt-free layers' ``tr`` through them. Returns the ones installed."""
    locale = QLocale() if locale is None else locale
    catalogues = [_loaded(lambda t: t.load(str(folder / ENGLISH_PLURALS.name)))]
    if locale.language() != QLocale.Language.English:
        own = _loaded(lambda t: t.load(locale, CATALOGUE, "_", str(folder)))
        if own is not None:  # Qt's buttons in the user's language only when the app is too
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            catalogues += [_loaded(lambda t: t.load(locale, "qtbase", "_", qt_folder)), own]
    installed = []
    for translator in catalogues:
        if translator is not None and app.installTranslator(translator):
            translator.setParent(app)
            installed.append(translator)
    text.set_translator(_translate_presentation)
    return installed


def _loaded(load: Callable[[QTranslator], bool]) -> QTranslator | None:
    translator = QTranslator()
    return translator if load(translator) else None


def _translate_presentation(source: str, disambiguation: str | None, n: int) -> str:
    return QCoreApplication.translate(PRESENTATION_CONTEXT, source, disambiguation, n)
