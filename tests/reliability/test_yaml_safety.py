"""Menu row 20: YAML is only ever read through a SafeLoader-based loader. The whole package is
scanned (source text and syntax tree) for the unsafe entry points of PyYAML."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml
from yaml.constructor import FullConstructor, SafeConstructor

from ketachecklist.core import safe_yaml, yaml_loaders
from tests.conftest import REPO

CATALOGUE_FILE = REPO / "data" / "questions.yaml"
EXAMPLE_FILE = REPO / "examples" / "three-clinics.yaml"

SCANNED = [REPO / "ketachecklist", REPO / "benchmarks"]
FORBIDDEN_NAMES = {
    "full_load",
    "full_load_all",
    "unsafe_load",
    "unsafe_load_all",
    "FullLoader",
    "UnsafeLoader",
    "CFullLoader",
    "CUnsafeLoader",
    "Loader",
    "CLoader",
    "load_all",
    "UnsafeConstructor",
    "FullConstructor",
    "Constructor",
}
SAFE_LOADERS = {"SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader"}


def _sources() -> list[Path]:
    return sorted(p for folder in SCANNED for p in folder.rglob("*.py"))


def _yaml_problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    problems: list[str] = []
    yaml_names = {"yaml"}  # names the yaml module is bound to
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yaml_names.update(a.asname or a.name for a in node.names if a.name == "yaml")
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("yaml"):
            for alias in node.names:
                if alias.name in FORBIDDEN_NAMES or alias.name == "load":
                    problems.append(f"line {node.lineno}: from {node.module} import {alias.name}")
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in yaml_names
            and node.attr in FORBIDDEN_NAMES
        ):
            problems.append(f"line {node.lineno}: yaml.{node.attr}")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in yaml_names
            and node.func.attr == "load"
        ):
            loader = next((k.value for k in node.keywords if k.arg == "Loader"), None)
            if loader is None and len(node.args) > 1:
                loader = node.args[1]
            name = getattr(loader, "attr", getattr(loader, "id", None))
            if name not in SAFE_LOADERS:
                problems.append(f"line {node.lineno}: yaml.load without a safe Loader")
    return problems


def test_row20_yaml_is_read_only_through_a_safe_loader() -> None:
    found = {str(p.relative_to(REPO)): _yaml_problems(p) for p in _sources()}
    assert {path: problems for path, problems in found.items() if problems} == {}
    pattern = re.compile(r"full_load|unsafe_load|FullLoader|UnsafeLoader|yaml\.load\(")
    text_hits = [
        f"{p.relative_to(REPO)}:{number}"
        for p in _sources()
        for number, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert text_hits == []


def test_row20_the_loader_is_safe_loader_based() -> None:
    assert issubclass(yaml_loaders._StrictLoader, yaml.SafeLoader)
    assert not issubclass(yaml_loaders._StrictLoader, yaml.FullLoader)
    # The libyaml loader has the parts of yaml.CSafeLoader: C parser, safe constructor.
    for loader in yaml_loaders.LOADERS:
        assert issubclass(loader, SafeConstructor)
        assert not issubclass(loader, FullConstructor)
    assert yaml_loaders._LOADER is yaml_loaders.LOADERS[0]


@pytest.mark.parametrize("path", [CATALOGUE_FILE, EXAMPLE_FILE], ids=lambda path: path.name)
def test_both_parsers_read_the_same_values_and_lines(path: Path) -> None:
    """libyaml and the pure Python parser agree on every value and every remembered line."""
    text = path.read_text(encoding="utf-8")
    results = [_with_lines(loader(text).get_single_data()) for loader in yaml_loaders.LOADERS]
    assert all(result == results[0] for result in results)
    assert len(str(results[0])) > 1000


def _with_lines(value: object) -> object:
    if isinstance(value, safe_yaml.LineDict):
        return {key: (value.line_of(key), _with_lines(item)) for key, item in value.items()}
    if isinstance(value, safe_yaml.LineList):
        return [(value.line_of(i), _with_lines(item)) for i, item in enumerate(value)]
    return value


def test_the_scan_catches_each_unsafe_form(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import yaml\nimport yaml as y\nfrom yaml import full_load\n"
        "yaml.load(data)\ny.load(data, Loader=y.FullLoader)\nyaml.unsafe_load(data)\n"
        "yaml.load(data, Loader=yaml.SafeLoader)\nyaml.safe_load(data)\n"
    )
    assert sorted(_yaml_problems(probe)) == [
        "line 3: from yaml import full_load",
        "line 4: yaml.load without a safe Loader",
        "line 5: yaml.FullLoader",
        "line 5: yaml.load without a safe Loader",
        "line 6: yaml.unsafe_load",
    ]
