"""The wheel: built from this checkout, installed into a fresh virtual environment, it finds and
loads the catalogue shipped inside it (not the one in the source tree)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

CHECK = """
import ketachecklist, ketachecklist.core.catalogue as c
cat = c.load_bundled_catalogue()
print(ketachecklist.__file__)
print(c.bundled_catalogue_path())
print(len(cat.questions), len(cat.sets))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # Copy the tracked sources so a build never writes into the checkout.
    source = out / "src"
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".venv",
            ".git",
            "__pycache__",
            "*.egg-info",
            ".mypy_cache",
            ".pytest_cache",
            ".ruff_cache",
            ".hypothesis",
            "build",
            "dist",
        ),
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-q",
            "-w",
            str(out),
            str(source),
        ],
        check=True,
        timeout=300,
    )
    (built,) = out.glob("ketachecklist-*.whl")
    return built


def test_wheel_ships_catalogue_and_entry_point(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        shipped = archive.read("ketachecklist/data/questions.yaml")
        entry_points = next(n for n in names if n.endswith("entry_points.txt"))
        entry_text = archive.read(entry_points).decode()
    assert shipped == (REPO / "data" / "questions.yaml").read_bytes()
    assert "[gui_scripts]" in entry_text
    assert "ketachecklist = ketachecklist.cli:main" in entry_text


def test_installed_wheel_loads_its_own_catalogue(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "fresh-venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
        check=True,
        timeout=300,
    )
    # PyYAML is the core's only dependency; lend it to the fresh environment without network.
    lent = tmp_path / "lent"
    lent.mkdir()
    yaml_package = Path(yaml.__file__).parent
    shutil.copytree(yaml_package, lent / "yaml")
    for extension in yaml_package.parent.glob("_yaml*"):
        target = lent / extension.name
        (shutil.copytree if extension.is_dir() else shutil.copy)(extension, target)
    result = subprocess.run(
        [str(python), "-c", CHECK],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(lent), "PATH": "/usr/bin:/bin"},
        timeout=120,
        check=True,
    )
    package_file, catalogue_path, counts = result.stdout.splitlines()
    assert Path(package_file).is_relative_to(env_dir)
    assert Path(catalogue_path).is_relative_to(env_dir)
    assert catalogue_path.endswith("ketachecklist/data/questions.yaml")
    questions, sets = map(int, counts.split())
    assert sets == 4
    assert questions >= 25
