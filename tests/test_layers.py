"""The layer rules import-linter cannot state: only ``ketachecklist.ui`` imports QtWidgets.

import-linter (run by ``make lint``, contracts in pyproject.toml) proves that the core imports
no Qt and nothing of the report, the UI or the commands, and that neither the report nor the
commands reach into the UI. It cannot name a part of PySide6, so this test reads every module's
imports, including the ones made inside functions on first use.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "ketachecklist"
WIDGET_MODULES = ("PySide6.QtWidgets", "PySide6.QtPrintSupport")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def outside_ui() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts)


@pytest.mark.parametrize("path", outside_ui(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_ui_imports_widgets(path: Path) -> None:
    widgets = {name for name in imported_modules(path) if name.startswith(WIDGET_MODULES)}
    assert not widgets, f"{path.relative_to(PACKAGE)} imports {sorted(widgets)}"


def test_the_check_sees_widget_imports(tmp_path: Path) -> None:
    module = tmp_path / "sample.py"
    module.write_text(
        "def later():\n    from PySide6.QtWidgets import QLabel\n    return QLabel\n",
        encoding="utf-8",
    )
    assert "PySide6.QtWidgets" in imported_modules(module)
