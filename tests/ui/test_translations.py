"""A translator can start: lupdate finds the app's strings, the English plural forms are complete
and built, and a compiled translation reaches the widgets, Qt's own buttons and the
presentation layer when the app installs it."""

from __future__ import annotations

import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ketachecklist import cli
from ketachecklist.core.catalogue import Catalogue
from ketachecklist.core.document import Clinic, Comparison
from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.limits import LimitError
from ketachecklist.core.safe_yaml import load_yaml_bytes
from ketachecklist.present.text import tr
from ketachecklist.ui.clinic_chooser import ClinicChooser
from ketachecklist.ui.clinic_panel import ClinicPanel
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.print_preview import PrintPreview
from ketachecklist.ui.resources import HELP_PATH, help_page_html, help_page_path
from ketachecklist.ui.translations import ENGLISH_PLURALS, TRANSLATIONS, install_translators

PACKAGE = Path(__file__).resolve().parents[2] / "ketachecklist"
EXAMPLE = PACKAGE.parent / "examples" / "three-clinics.yaml"
TOOLS = Path(sys.executable).parent
ENGLISH_TS = TRANSLATIONS / "ketachecklist_en.ts"

# A few strings of the modules wrapped in this issue, each in the context Qt looks it up in.
SAMPLE = {
    ("ClinicPanel", "Add clinic"),
    (
        "ClinicPanel",
        "Remove “{name}” and the answers you recorded for it?\n\nEdit ▸ Undo brings them back.",
    ),
    ("DocumentController", "Could not save"),
    ("DialogPrompter", "Save your changes?"),
    ("DialogPrompter", "ketachecklist comparisons (*.yaml *.yml);;All files (*)"),
    ("ChangeCommand", "Edit clinic name"),
    ("RatingPicker", "Not as&ked yet"),
    ("HelpWindow", "How to use ketachecklist"),
    ("NumberParsing", "“{typed}” is below zero. Type a number such as {example}."),
    ("ComparisonPage", "&Sort clinics by"),
    ("DocumentRecovery", "{name}, {clinics}, autosaved {day} at {time}"),
    # the core's messages and the command line's, under the Qt-free tr's empty context
    ("", "{what} cannot be empty"),
    ("", "The disk is full, so {name} could not be saved."),
    ("", "{file}: valid comparison: {clinics}, {answers}, {questions}"),
    ("", "page {page} of {count}"),
    ("WelcomeBanner", "&Got it"),
    (
        "",
        "This is not medical advice. ketachecklist organises the answers you recorded; it "
        "does not say whether any clinic or treatment is safe or right for you. Talk to your own "
        "doctor.",
    ),
}
PLURALS = {
    ("ClinicChooser", "Co&mpare: {shown} of %n clinics"),
    ("DocumentController", "%n more autosaved copies are kept; they will be offered next time."),
    ("DocumentRecovery", "%n clinics"),
}
UI_STRINGS_AT_LEAST = 200  # 234 when this was written; wrapping the pending files adds more


def _tool(name: str) -> str:
    path = TOOLS / name
    return str(path) if path.exists() else name


def _run(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True, text=True, timeout=120)


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def _lupdate(sources: Path, ts: Path, *options: str) -> None:
    _run(_tool("pyside6-lupdate"), "-extensions", "py", *options, str(sources), "-ts", str(ts))


@pytest.fixture(scope="module")
def ui_catalogue(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], ET.Element]:
    ts = tmp_path_factory.mktemp("lupdate") / "ui.ts"
    _lupdate(PACKAGE, ts, "-locations", "none")
    return _messages(ts)


def test_lupdate_finds_the_wrapped_strings(
    ui_catalogue: dict[tuple[str, str], ET.Element],
) -> None:
    assert ui_catalogue.keys() >= SAMPLE, SAMPLE - ui_catalogue.keys()
    for key in PLURALS:
        assert ui_catalogue[key].get("numerus") == "yes", key
    # The widgets' strings have a context (their class, or a module's name); the presentation
    # layer's have none.
    assert sum(1 for context, _ in ui_catalogue if context) >= UI_STRINGS_AT_LEAST


def test_no_source_text_is_left_half_built(
    ui_catalogue: dict[tuple[str, str], ET.Element],
) -> None:
    # lupdate reads only literal text: a call given an f-string or a name shows up empty.
    assert all(source.strip() for _, source in ui_catalogue)


def test_every_plural_has_its_english_forms_and_the_qm_is_current(tmp_path: Path) -> None:
    ts = tmp_path / ENGLISH_TS.name
    shutil.copyfile(ENGLISH_TS, ts)
    _lupdate(PACKAGE, ts, "-pluralonly", "-locations", "none", "-target-language", "en")
    messages = _messages(ts)
    assert messages.keys() >= PLURALS
    for key, message in messages.items():
        translation = message.find("translation")
        assert translation is not None, key
        forms = [form.text or "" for form in translation.iter("numerusform")]
        # unfinished: a new %n text (run `make translations` and write its two forms);
        # vanished or obsolete: one that is gone (run `make translations`).
        assert translation.get("type") is None, (key, translation.get("type"))
        assert len(forms) == 2, key
        assert all("%n" in form for form in forms), key
    qm = tmp_path / ENGLISH_PLURALS.name
    _run(_tool("pyside6-lrelease"), str(ENGLISH_TS), "-qm", str(qm))
    assert qm.read_bytes() == ENGLISH_PLURALS.read_bytes(), "run `make translations`"


def _placeholders(text: str) -> set[str]:
    """The {names} a translation must keep (str.format fills them after translating)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("ts", sorted(TRANSLATIONS.glob("*.ts")), ids=lambda p: p.name)
def test_every_translation_keeps_the_placeholders_and_the_count(ts: Path) -> None:
    # A translation that drops or renames {name} would raise KeyError on screen.
    for (context, source), message in _messages(ts).items():
        translation = message.find("translation")
        if translation is None or translation.get("type") is not None:
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for form in forms:
            assert _placeholders(form) == _placeholders(source), (context, source, form)
            assert ("%n" in form) == ("%n" in source), (context, source, form)


def test_the_english_plurals_are_installed_at_start(qapp: QApplication) -> None:
    # conftest configures the session's application as the app does
    kept = "%n more autosaved copies are kept; they will be offered next time."
    one = QCoreApplication.translate("DocumentController", kept, "", 1)
    assert one == "1 more autosaved copy is kept; it will be offered next time."
    chooser = QCoreApplication.translate("ClinicChooser", "Comparing {shown} of %n clinics", "", 3)
    assert chooser == "Comparing {shown} of 3 clinics"
    assert QCoreApplication.translate("DocumentRecovery", "%n clinics", "", 1) == "1 clinic"


GERMAN = {
    ("ClinicPanel", "Add clinic"): "Klinik hinzufügen",
    ("ClinicPanel", "Add"): "Hinzufügen",
    ("", "Kept, not counted"): "Behalten, nicht gezählt",
    # the core's words: an edit refused, a broken file (where, then what)
    ("", "{what} cannot be empty"): "{what} darf nicht leer sein",
    ("", "a clinic's name"): "der Name einer Klinik",
    ("", "{source} line {line}"): "{source} Zeile {line}",
    ("", "duplicate key '{key}' (first given on line {line})"): (
        "doppelter Schlüssel '{key}' (zuerst in Zeile {line})"
    ),
    # the command line's
    ("", "{file}: valid comparison: {clinics}, {answers}, {questions}"): (
        "{file}: gültiger Vergleich: {clinics}, {answers}, {questions}"
    ),
    ("", "%n clinics"): "%n Kliniken",
}
GERMAN_PLURAL = (
    ("ClinicChooser", "Co&mpare: {shown} of %n clinics"),
    ("Ver&gleichen: {shown} von %n Klinik", "Ver&gleichen: {shown} von %n Kliniken"),
)


def _german_ts(path: Path) -> None:
    root = ET.Element("TS", version="2.1", language="de_DE")
    contexts: dict[str, ET.Element] = {}

    def message(context: str, source: str) -> ET.Element:
        if context not in contexts:
            contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(contexts[context], "name").text = context
        element = ET.SubElement(contexts[context], "message")
        ET.SubElement(element, "source").text = source
        return element

    for (context, source), german in GERMAN.items():
        ET.SubElement(message(context, source), "translation").text = german
    (context, source), forms = GERMAN_PLURAL
    plural = message(context, source)
    plural.set("numerus", "yes")
    translation = ET.SubElement(plural, "translation")
    for form in forms:
        ET.SubElement(translation, "numerusform").text = form
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


@pytest.fixture
def german(qapp: QApplication, tmp_path: Path) -> Iterator[list[QTranslator]]:
    """The app's start-up with a German catalogue in its translations folder."""
    ts = tmp_path / "ketachecklist_de.ts"
    _german_ts(ts)
    _run(_tool("pyside6-lrelease"), str(ts), "-qm", str(tmp_path / "ketachecklist_de.qm"))
    shutil.copyfile(ENGLISH_PLURALS, tmp_path / ENGLISH_PLURALS.name)
    installed = install_translators(qapp, QLocale(QLocale.Language.German), tmp_path)
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
        translator.deleteLater()


def test_a_translation_reaches_widgets_qt_and_the_presentation_layer(
    qtbot: QtBot, german: list[QTranslator], catalogue: Catalogue
) -> None:
    assert len(german) == 3  # English plurals, Qt's German, the app's German
    document = OpenDocument(Comparison(catalogue=catalogue))
    panel = ClinicPanel(document)
    qtbot.add_widget(panel)
    assert panel.add_action.text() == "Klinik hinzufügen"
    assert panel.add_action.iconText() == "Hinzufügen"
    chooser = ClinicChooser()
    qtbot.add_widget(chooser)
    chooser.set_clinics([("a", "A"), ("b", "B"), ("c", "C")])
    chooser.show_only({"a"})
    assert chooser.text() == "Ver&gleichen: 1 von 3 Kliniken"
    assert tr("Kept, not counted") == "Behalten, nicht gezählt"  # the Qt-free layer's door
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"  # Qt's own


def test_the_print_preview_finds_qts_own_actions_in_the_users_language(
    qtbot: QtBot, german: list[QTranslator]
) -> None:
    printer = QPrinter()
    preview = PrintPreview(printer)
    qtbot.add_widget(preview)
    texts = {action.text() for action in preview.findChildren(QAction)}
    assert "Print" not in texts  # Qt's toolbar speaks German here
    qt_print = QCoreApplication.translate("QPrintPreviewDialog", "Print")
    assert qt_print in texts
    # PySide's self.tr falls back to the base class's context: our button says Qt's word too.
    assert preview.print_button.accessibleName() == qt_print


def test_a_language_without_a_catalogue_stays_english(qapp: QApplication, tmp_path: Path) -> None:
    shutil.copyfile(ENGLISH_PLURALS, tmp_path / ENGLISH_PLURALS.name)
    installed = install_translators(qapp, QLocale(QLocale.Language.French), tmp_path)
    try:
        assert len(installed) == 1  # the English plurals only: no French Qt buttons either
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_the_help_page_follows_the_language_when_it_is_translated(tmp_path: Path) -> None:
    shutil.copyfile(HELP_PATH, tmp_path / HELP_PATH.name)
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert help_page_path(german, tmp_path) == tmp_path / "help.html"
    (tmp_path / "help_de.html").write_text("<p>Hilfe. {{DISCLAIMER}}</p>", encoding="utf-8")
    assert help_page_path(german, tmp_path) == tmp_path / "help_de.html"
    austrian = QLocale(QLocale.Language.German, QLocale.Country.Austria)
    assert help_page_path(austrian, tmp_path) == tmp_path / "help_de.html"
    (tmp_path / "help_de_AT.html").write_text("<p>Hilfe (AT)</p>", encoding="utf-8")
    assert help_page_path(austrian, tmp_path) == tmp_path / "help_de_AT.html"
    french = QLocale(QLocale.Language.French)
    assert help_page_path(french, tmp_path) == tmp_path / "help.html"
    shown = help_page_html(tmp_path / "help_de.html")
    assert shown.startswith("<p>Hilfe. This is not medical advice.")  # filled in, as in English


def test_a_translation_reaches_the_cores_messages_and_the_command_line(
    german: list[QTranslator], catalogue: Catalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    comparison = Comparison(catalogue=catalogue)
    with pytest.raises(LimitError) as refused:
        comparison.add_clinic(Clinic(id="harbor", name=" "))
    assert str(refused.value) == "der Name einer Klinik darf nicht leer sein"
    with pytest.raises(FileFormatError) as broken:
        load_yaml_bytes(b"name: one\nname: two\n", "mine.yaml")
    assert str(broken.value) == "mine.yaml Zeile 2: doppelter Schlüssel 'name' (zuerst in Zeile 1)"
    assert cli.main(["validate", str(EXAMPLE)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("three-clinics.yaml: gültiger Vergleich: 3 Kliniken, ")
