"""Every user-visible string can be translated: an AST scan that fails on a new plain one.

In ``ketachecklist/ui`` a string literal with words in it, handed to a setter or constructor that
puts it on screen (``setText``, ``setToolTip``, ``QLabel(…)``, ``addAction``, a status message,
a dialog text, …), must come through ``self.tr``, ``QCoreApplication.translate`` or the
presentation layer's ``tr``. A module constant shown that way must be marked ``QT_TRANSLATE_NOOP``
/ ``QT_TR_NOOP`` and translated where it is shown. In the Qt-free layers (``core/``, ``present/``,
``report/``, the commands) ``tr`` must be given the text itself (or a ``QT_TR_NOOP`` constant) so
that ``pyside6-lupdate`` finds it. There, and in the command line, any phrase outside ``tr``
fails, markup aside: a message handed to an exception, ``print``, a stream or argparse, a noun
handed in as ``what``, a sentence returned, a renderer's heading (the few phrases that are no
message, a file's own comment line or a font's name, are listed in ``NOT_MESSAGES``). The
files listed as pending are the ones still to do; a listed file that has become clean fails the
test, so the list only shrinks.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "ketachecklist"
UI = PACKAGE / "ui"
QT_FREE_LAYERS = (PACKAGE / "present", PACKAGE / "report", PACKAGE / "core", PACKAGE / "commands")
# The Qt-free layers, the command line and the renderers: every phrase in them goes through tr.
MESSAGE_LAYERS = tuple(PACKAGE / layer for layer in ("core", "commands", "present", "report", "qt"))
MESSAGE_MODULES = tuple(
    PACKAGE / name
    for name in ("cli.py", "__main__.py", "text.py", "desktop_integration.py", "paths.py")
)
# tr() of a field every constructor call fills with a QT_TR_NOOP text, where that is
READ_WHERE_MADE = {
    ("commands/desktop.py", "file.label"),  # DesktopFile(QT_TR_NOOP("menu entry"), …)
    ("core/errors.py", "words.why"),  # FailureWords(errors, QT_TR_NOOP(why), QT_TR_NOOP(…))
    ("core/errors.py", "words.advice"),
}

# Files still to do: none. A module that cannot be done at once goes here, and the list only
# shrinks (a listed file that has become clean fails the test).
PENDING_UI: frozenset[str] = frozenset()
PENDING_QT_FREE: frozenset[str] = frozenset()
PENDING_MESSAGES: frozenset[str] = frozenset({})

# Phrases in the message layers that are not messages: the file's own comment lines (a file
# reads the same whichever language wrote it), names and notes for the programmer.
NOT_MESSAGES: dict[str, tuple[str, ...]] = {
    # the comparison file's header comment and its complete ending, part of the format
    "core/comparison_format.py": ("# A complete file ends with", "# end of ketachecklist"),
    "core/comparison_writer.py": ("# ketachecklist comparison:",),
    # ChangeKind's values name the change for code; _expect's notes go to ChangeMismatchError,
    # a programming error
    "core/changes.py": ("",),
    # a copy's name becomes the patient's data (and the suffix is recognised to number copies)
    "core/copy_names.py": (" (copy", r" \(copy"),
    # ValueErrors that report a programming error (other ValueErrors refuse an edit)
    "core/errors.py": ("FileFormatError needs at least one problem",),
    "core/document_file.py": ("an untitled document needs save_as",),
    # the host and user a lock file records: data, compared between processes
    "core/processes.py": ("this computer", "user ", "unknown user"),
    # a snapshot's file name, as a pattern
    "core/recovery.py": ("^(?P<session>",),
    # StaleAnalysisError: a programming error
    # the HTML's Content-Security-Policy, a class name, its style sheet and the fonts asked for
    "report/html.py": ("default-src", "rating not-asked"),
    "report/html_style.py": ('"DejaVu Sans"', "\n:root {"),
    "report/text_stack.py": (
        "DejaVu Sans",
        "Noto Sans",
        "Liberation Sans",
        "Segoe UI",
        "Helvetica",
    ),
    "core/decision/analysis.py": ("tallies of revision", "analysis of revision"),
}
# Exceptions that report a programming error, never shown to the patient.
PROGRAMMER_ERRORS = frozenset(
    {
        "AssertionError",
        "AttributeError",
        "FrozenInstanceError",
        "IndexError",
        "KeyError",
        "NotImplementedError",
        "RuntimeError",
        "TypeError",
        "_UnusableCacheError",
    }
)

# Setters, adders and helpers whose string arguments reach the screen or a screen reader.
SHOWING_METHODS = frozenset(
    {
        "setText",
        "setToolTip",
        "setStatusTip",
        "setWhatsThis",
        "setAccessibleName",
        "setAccessibleDescription",
        "setPlaceholderText",
        "setWindowTitle",
        "setWindowIconText",
        "setTitle",
        "setIconText",
        "setLabelText",
        "setInformativeText",
        "setDetailedText",
        "setTabText",
        "setTabToolTip",
        "setItemText",
        "setPrefix",
        "setSuffix",
        "setSpecialValueText",
        "setHeaderLabels",
        "setHorizontalHeaderLabels",
        "setVerticalHeaderLabels",
        "addTab",
        "insertTab",
        "addMenu",
        "addAction",
        "addButton",
        "addItem",
        "addItems",
        "insertItem",
        "addRow",
        "insertRow",
        "insertText",
        "showMessage",
        "show_message",
        "show_problem",
        "show_error",
        "show_info",
        "getOpenFileName",
        "getSaveFileName",
        "getExistingDirectory",
        "choose_file_to_open",  # ui/file_dialogs.py, called as file_dialogs.choose_…
        "choose_file_to_save",
        "information",
        "warning",
        "question",
        "critical",
    }
)
SHOWING_FUNCTIONS = frozenset(
    {
        "QLabel",
        "QPushButton",
        "QCheckBox",
        "QRadioButton",
        "QAction",
        "QGroupBox",
        "QToolButton",
        "QMenu",
        "QCommandLinkButton",
        "QUndoCommand",
        "QMessageBox",
        "QFileDialog",
        # the app's own widgets that take an accessible name or a label
        "NotesEdit",
        "ScreenFitMessageBox",
        "choose_file_to_open",
        "choose_file_to_save",
        "NumberField",
        "YesNoPicker",
        "KeyboardSplitter",
        "show_text",
        "announce",
    }
)
MARKERS = frozenset({"QT_TR_NOOP", "QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"})


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    problem: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.problem}"


def _callee(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _is_translation(call: ast.Call) -> bool:
    """tr(…), self.tr(…), QCoreApplication.translate(…), or a marker (QT_TR_NOOP(…))."""
    return _callee(call) in {"tr", "translate"} | MARKERS


def _source_text(call: ast.Call) -> ast.expr | None:
    """The argument lupdate reads as the source text."""
    index = 1 if _callee(call) in {"translate", "QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"} else 0
    return call.args[index] if len(call.args) > index else None


def _has_words(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _reads_as_prose(text: str) -> bool:
    """A capitalised phrase ("Move clinic up") or a label with a mnemonic ("&Open…"): shown to
    someone, wherever it is passed."""
    words = text.lstrip("&").strip()
    return (words[:1].isupper() and " " in words) or re.search(r"&\w", text) is not None


def _outside_translations(node: ast.AST) -> list[ast.AST]:
    """The nodes under ``node`` that no translation call encloses."""
    if isinstance(node, ast.Call) and _is_translation(node):
        return []
    found: list[ast.AST] = [node]
    for child in ast.iter_child_nodes(node):
        found.extend(_outside_translations(child))
    return found


def _plain_words(node: ast.AST) -> list[ast.Constant]:
    return [
        n
        for n in _outside_translations(node)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and _has_words(n.value)
    ]


@dataclass
class Constants:
    """Module and class constants: which hold plain words, which hold marked ones."""

    plain: set[str] = field(default_factory=set)
    marked: set[str] = field(default_factory=set)


def _constants(tree: ast.Module) -> Constants:
    constants = Constants()
    bodies = [tree.body] + [n.body for n in tree.body if isinstance(n, ast.ClassDef)]
    for body in bodies:
        for statement in body:
            if isinstance(statement, ast.Assign):
                targets, value = statement.targets, statement.value
            elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
                targets, value = [statement.target], statement.value
            else:
                continue
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if isinstance(value, ast.Dict):  # a table: its keys ("phone") are never shown
                value = ast.List(elts=list(value.values))
            if _plain_words(value):
                constants.plain.update(names)
            elif any(isinstance(n, ast.Call) and _callee(n) in MARKERS for n in ast.walk(value)):
                constants.marked.update(names)
    return constants


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package_constants() -> dict[str, Constants]:
    return {
        _module_name(path): _constants(ast.parse(path.read_text(encoding="utf-8")))
        for path in PACKAGE.rglob("*.py")
    }


def _known_constants(tree: ast.Module, own: Constants, package: dict[str, Constants]) -> Constants:
    """This module's constants and the ones it imports from the package, by the local name."""
    known = Constants(set(own.plain), set(own.marked))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in package and node.level == 0:
            source = package[node.module]
            for alias in node.names:
                local = alias.asname or alias.name
                if alias.name in source.plain:
                    known.plain.add(local)
                elif alias.name in source.marked:
                    known.marked.add(local)
    return known


def _shows_text(call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id in SHOWING_FUNCTIONS
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr == "emit":  # a message signal: the status bar shows it
        signal = func.value
        return isinstance(signal, ast.Attribute) and "message" in signal.attr
    return func.attr in SHOWING_METHODS or func.attr in SHOWING_FUNCTIONS


def _shown_arguments(call: ast.Call) -> list[ast.expr]:
    """The arguments of a showing call that carry text (an item's data is not shown)."""
    method = _callee(call)
    if method == "addItem":
        return call.args[:1]
    if method == "insertItem":
        return call.args[1:2]
    return [*call.args, *(k.value for k in call.keywords)]


def _model_answers(tree: ast.Module) -> list[ast.expr]:
    """What item models' data() and headerData() (and their helpers) return: cell text."""
    answers = []
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef) and (
            "data" in function.name.lower() or "header" in function.name.lower()
        ):
            answers += [
                node.value
                for node in ast.walk(function)
                if isinstance(node, ast.Return) and node.value is not None
            ]
    return answers


def _widget_superclass_arguments(tree: ast.Module) -> list[ast.expr]:
    """``super().__init__(text, …)`` in a subclass of QLabel, QAction, QUndoCommand, …"""
    found = []
    for cls in ast.walk(tree):
        bases = {b.id for b in getattr(cls, "bases", []) if isinstance(b, ast.Name)}
        if not isinstance(cls, ast.ClassDef) or not bases & SHOWING_FUNCTIONS:
            continue
        for call in ast.walk(cls):
            if (
                isinstance(call, ast.Call)
                and _callee(call) == "__init__"
                and isinstance(call.func, ast.Attribute)
                and isinstance(call.func.value, ast.Call)
                and _callee(call.func.value) == "super"
            ):
                found += [*call.args, *(k.value for k in call.keywords)]
    return found


def _prose_passed_anywhere(tree: ast.Module) -> list[ast.Constant]:
    """Capitalised phrases passed to any call (the app's own widgets take names and labels
    too); exception messages are for the log."""
    raised = {id(n) for r in ast.walk(tree) if isinstance(r, ast.Raise) for n in ast.walk(r)}
    found = []
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call) or id(call) in raised:
            continue
        if not _is_translation(call) and not _shows_text(call):
            for argument in [*call.args, *(k.value for k in call.keywords)]:
                found += [n for n in _plain_words(argument) if _reads_as_prose(n.value)]
    return found


def ui_findings(path: Path, source: str, package: dict[str, Constants]) -> list[Finding]:
    tree = ast.parse(source)
    own = _constants(tree)
    known = _known_constants(tree, own, package)
    name = path.name
    findings: list[Finding] = [
        Finding(name, literal.lineno, f"untranslated text {literal.value[:40]!r}")
        for literal in _prose_passed_anywhere(tree)
    ]
    shown: list[ast.expr] = _model_answers(tree) + _widget_superclass_arguments(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if _is_translation(node):
            text = _source_text(node)
            if isinstance(text, ast.JoinedStr | ast.BinOp | ast.Call | ast.IfExp):
                findings.append(
                    Finding(name, node.lineno, "translated text must be written out, not built")
                )
            elif isinstance(text, ast.Name) and text.id in own.plain:
                # this module's own text, unmarked: lupdate never sees it
                findings.append(Finding(name, node.lineno, f"{text.id} is translated unmarked"))
            elif (
                _callee(node) == "translate"
                and isinstance(text, ast.Constant)
                and "%n" in str(text.value)
            ):  # lupdate marks only tr() calls as plurals
                findings.append(Finding(name, node.lineno, "a %n text needs self.tr"))
        elif _shows_text(node):
            shown += _shown_arguments(node)
    for argument in shown:
        findings += [
            Finding(name, literal.lineno, f"untranslated text {literal.value[:40]!r}")
            for literal in _plain_words(argument)
        ]
        for used in _outside_translations(argument):
            if isinstance(used, ast.Name) and used.id in known.plain:
                findings.append(Finding(name, used.lineno, f"{used.id} holds untranslated text"))
            elif isinstance(used, ast.Name) and used.id in known.marked:
                findings.append(
                    Finding(name, used.lineno, f"{used.id} is marked but shown untranslated")
                )
    return sorted(findings, key=lambda f: f.line)


def _marked_loop_values(tree: ast.Module, known: Constants) -> set[str]:
    """The names bound by ``for key, what in MARKED.items()`` and ``for what in MARKED``: each
    one of the marked table."""
    found = set()
    for loop in ast.walk(tree):
        if not isinstance(loop, ast.For | ast.comprehension):
            continue
        call, target = loop.iter, loop.target
        if isinstance(call, ast.Name) and call.id in known.marked and isinstance(target, ast.Name):
            found.add(target.id)  # for label in MARKED_LABELS
        elif (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and isinstance(call.func.value, ast.Name)
            and call.func.value.id in known.marked
            and isinstance(target, ast.Tuple)
            and call.func.attr == "items"
            and isinstance(target.elts[-1], ast.Name)
        ):
            found.add(target.elts[-1].id)
    return found


def qt_free_findings(path: Path, source: str, package: dict[str, Constants]) -> list[Finding]:
    tree = ast.parse(source)
    known = _known_constants(tree, _constants(tree), package)
    known.marked |= _marked_loop_values(tree, known)
    name = str(path.relative_to(PACKAGE))
    findings = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        callee = _callee(node)
        if callee in {"QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"}:
            findings.append(Finding(name, node.lineno, "tr() has no context: use QT_TR_NOOP"))
        if callee not in {"tr", "QT_TR_NOOP"}:
            continue
        text = _source_text(node)
        # one of a marked table, {kind: QT_TR_NOOP("…")}[kind], reads as the table
        read = text.value if isinstance(text, ast.Subscript) else text
        readable = (
            (isinstance(read, ast.Constant) and isinstance(read.value, str))
            or (isinstance(read, ast.Name) and read.id in known.marked)
            or (text is not None and (name, ast.unparse(text)) in READ_WHERE_MADE)
        )
        if not readable:
            shown = ast.unparse(text)[:40] if text is not None else "nothing"
            findings.append(Finding(name, node.lineno, f"lupdate cannot read tr({shown})"))
    return sorted(findings, key=lambda f: f.line)


def _is_phrase(text: str) -> bool:
    """Words with a space between, markup aside: a message or a piece of one (a key like
    'schema_version', a date format like '%Y-%m-%d %H:%M' or a tag like '<td class="num">' is
    not)."""
    words = re.sub(r"<[^>]*>|&\w+;", " ", text)
    return re.search(r"[^\W\d_]{2}", words) is not None and " " in words.strip()


def _not_for_the_patient(tree: ast.Module) -> set[int]:
    """Nodes that are no message: docstrings, translated texts, programming errors' words."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            skipped.add(id(node.value))
        elif (isinstance(node, ast.Call) and _is_translation(node)) or (
            isinstance(node, ast.Raise)
            and isinstance(node.exc, ast.Call)
            and _callee(node.exc) in PROGRAMMER_ERRORS
        ):
            skipped.update(id(n) for n in ast.walk(node))
    return skipped


def message_findings(name: str, source: str) -> list[Finding]:
    """Every phrase of the core or the command line that does not go through ``tr``."""
    tree = ast.parse(source)
    skipped = _not_for_the_patient(tree)
    allowed = NOT_MESSAGES.get(name, ())
    findings = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.JoinedStr):  # an f-string: its words, whatever goes in
            skipped.update(id(part) for part in node.values)
            text = "".join(p.value for p in node.values if isinstance(p, ast.Constant))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if _is_phrase(text) and not any(text.startswith(prefix) for prefix in allowed):
            findings.append(Finding(name, node.lineno, f"untranslated message {text[:40]!r}"))
    return sorted(findings, key=lambda f: f.line)


def _message_modules() -> list[Path]:
    found = [p for layer in MESSAGE_LAYERS for p in layer.rglob("*.py")]
    return sorted([*found, *MESSAGE_MODULES])


def _ui_modules() -> list[Path]:
    return sorted(UI.glob("*.py"))


def _qt_free_modules() -> list[Path]:
    found = [p for layer in QT_FREE_LAYERS for p in layer.rglob("*.py")]
    return sorted([*found, *MESSAGE_MODULES])


@pytest.fixture(scope="module")
def package() -> dict[str, Constants]:
    return _package_constants()


@pytest.mark.parametrize("path", _ui_modules(), ids=lambda p: p.name)
def test_ui_strings_are_translatable(path: Path, package: dict[str, Constants]) -> None:
    findings = ui_findings(path, path.read_text(encoding="utf-8"), package)
    if path.name in PENDING_UI:
        assert findings, f"{path.name} is clean now: take it off PENDING_UI"
        return
    assert not findings, "\n".join(map(str, findings))


@pytest.mark.parametrize("path", _qt_free_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_qt_free_strings_reach_lupdate(path: Path, package: dict[str, Constants]) -> None:
    findings = qt_free_findings(path, path.read_text(encoding="utf-8"), package)
    if str(path.relative_to(PACKAGE)) in PENDING_QT_FREE:
        assert findings, f"{path.relative_to(PACKAGE)} is clean now: take it off PENDING_QT_FREE"
        return
    assert not findings, "\n".join(map(str, findings))


@pytest.mark.parametrize("path", _message_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_and_command_line_messages_are_translatable(path: Path) -> None:
    name = str(path.relative_to(PACKAGE))
    findings = message_findings(name, path.read_text(encoding="utf-8"))
    if name in PENDING_MESSAGES:
        assert findings, f"{name} is clean now: take it off PENDING_MESSAGES"
        return
    assert not findings, "\n".join(map(str, findings))


def test_the_pending_lists_name_real_files() -> None:
    assert {p.name for p in _ui_modules()} >= PENDING_UI
    assert {str(p.relative_to(PACKAGE)) for p in _qt_free_modules()} >= PENDING_QT_FREE
    messages = {str(p.relative_to(PACKAGE)) for p in _message_modules()}
    assert messages >= PENDING_MESSAGES
    assert messages >= NOT_MESSAGES.keys()


SAMPLE_UI = """
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget
from ketachecklist import DISCLAIMER, QT_TRANSLATE_NOOP

TITLE = "A plain title"
MARKED = QT_TRANSLATE_NOOP("Page", "A marked title")

class Note(QLabel):
    def __init__(self):
        super().__init__(DISCLAIMER)


class Page(QWidget):
    def __init__(self, count):
        super().__init__()
        QLabel("Plain label", self)
        QLabel(self.tr("Translated label"), self)
        self.setToolTip(f"{count} plain clinics")
        self.setToolTip(self.tr("{count} clinics").format(count=count))
        self.setWindowTitle(TITLE)
        self.setWindowTitle(MARKED)
        self.setWindowTitle(self.tr(MARKED))
        self.setAccessibleName(DISCLAIMER)
        self.message.emit("Saved plainly")
        self.setAccessibleName(self.tr(f"{count} built"))
        self.setObjectName("object-name")
        self.setText("")
        self.setText(f"{count} · {count}")
        QCoreApplication.translate("Page", "Fine")
        self.setText(self.tr(TITLE))
        self.setText(self.tr("Yes" if count else "No"))
        self._add(self.menu, "&Open…", "Move clinic up", "shortcut-key")
        QCoreApplication.translate("Page", "%n clinics", "", count)
"""
SAMPLE_QT_FREE = """
from ketachecklist.core.document import NOT_ASKED
from ketachecklist.present.text import QT_TR_NOOP, tr

MARKED = QT_TR_NOOP("Marked")
TABLE = {"one": QT_TR_NOOP("One"), "two": QT_TR_NOOP("Two")}
PLAIN_TABLE = {1: "One", 2: "Two"}

def words(count):
    return [tr("Fine"), tr(MARKED), tr(NOT_ASKED), tr(f"{count} built"), tr("%n fine", None, 2)]

def table_words(count):
    return [tr(TABLE[count]), tr(PLAIN_TABLE[count])]

def every_word():
    return [tr(w) for _, w in TABLE.items()] + [tr(plain) for _, plain in PLAIN_TABLE.items()]
"""


def test_the_scan_finds_every_kind_of_plain_text(package: dict[str, Constants]) -> None:
    findings = [f.problem for f in ui_findings(UI / "sample.py", SAMPLE_UI, package)]
    assert findings == [
        "DISCLAIMER is marked but shown untranslated",
        "untranslated text 'Plain label'",
        "untranslated text ' plain clinics'",
        "TITLE holds untranslated text",
        "MARKED is marked but shown untranslated",
        "DISCLAIMER is marked but shown untranslated",
        "untranslated text 'Saved plainly'",
        "translated text must be written out, not built",
        "TITLE is translated unmarked",
        "translated text must be written out, not built",
        "untranslated text '&Open…'",
        "untranslated text 'Move clinic up'",
        "a %n text needs self.tr",
    ]


def test_the_scan_finds_what_lupdate_cannot_read(package: dict[str, Constants]) -> None:
    sample = PACKAGE / "present" / "sample.py"
    findings = [f.problem for f in qt_free_findings(sample, SAMPLE_QT_FREE, package)]
    assert findings == [
        "lupdate cannot read tr(NOT_ASKED)",
        "lupdate cannot read tr(f'{count} built')",
        "lupdate cannot read tr(PLAIN_TABLE[count])",
        "lupdate cannot read tr(plain)",
    ]


SAMPLE_MESSAGES = """
\"\"\"A docstring is no message.\"\"\"
from ketachecklist.text import tr

def check(value, key):
    \"\"\"Neither is a function's.\"\"\"
    if value is None:
        raise LimitError(f"{key} cannot be empty")
    if value < 0:
        raise TypeError(f"{key} takes a number, for the programmer")
    reader.problem(key, "must be text")
    reader.problem(key, tr("'{key}' must be text").format(key=key))
    read(key, "the comparison file", "schema_version", "%Y-%m-%d %H:%M", '<td class="num">')
    page.append("<p>No clinics yet.</p>")
    print(tr("Wrote {path}").format(path=key))
    return f"{key}: valid comparison"
"""


def test_the_message_scan_finds_every_phrase_outside_tr() -> None:
    findings = [f.problem for f in message_findings("core/sample.py", SAMPLE_MESSAGES)]
    assert findings == [
        "untranslated message ' cannot be empty'",
        "untranslated message 'must be text'",
        "untranslated message 'the comparison file'",
        "untranslated message '<p>No clinics yet.</p>'",
        "untranslated message ': valid comparison'",
    ]
