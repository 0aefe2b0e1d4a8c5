"""The wheel: built from this checkout, installed into a fresh virtual environment, it finds and
loads the catalogue shipped inside it (not the one in the source tree), and installs the menu
entry, icon and file type it ships into a temporary XDG data home."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
import yaml

from ketachecklist import desktop_integration
from tests.conftest import EXAMPLES, REPO

SHIPPED_RESOURCES = [
    "ketachecklist/resources/ketachecklist.desktop",
    "ketachecklist/resources/ketachecklist.svg",
    "ketachecklist/resources/ketachecklist-mime.xml",
    "ketachecklist/resources/ketachecklist.metainfo.xml",
    "ketachecklist/resources/help.html",
    "ketachecklist/resources/check-mark-black.svg",  # the ticks the style sheet draws
    "ketachecklist/resources/check-mark-white.svg",
    "ketachecklist/resources/partial-mark-black.svg",
    "ketachecklist/resources/partial-mark-white.svg",
    "ketachecklist/translations/ketachecklist_en.qm",  # the English plural forms
]

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


@pytest.fixture(scope="module")
def fresh_env(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A new virtual environment with only the wheel, and PyYAML lent on PYTHONPATH."""
    root = tmp_path_factory.mktemp("fresh")
    env_dir = root / "fresh-venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
        check=True,
        timeout=300,
    )
    # PyYAML is the core's only dependency; lend it to the fresh environment without network.
    lent = root / "lent"
    lent.mkdir()
    yaml_package = Path(yaml.__file__).parent
    shutil.copytree(yaml_package, lent / "yaml")
    for extension in yaml_package.parent.glob("_yaml*"):
        target = lent / extension.name
        (shutil.copytree if extension.is_dir() else shutil.copy)(extension, target)
    return env_dir, lent


def test_wheel_ships_desktop_files_help_and_metadata(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for name in SHIPPED_RESOURCES:
            assert name in names, name
            source = REPO / name
            assert archive.read(name) == source.read_bytes(), name
        metadata_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(metadata_name).decode()
    assert "Classifier: Intended Audience :: End Users/Desktop" in metadata
    assert "Keywords: " in metadata
    assert "Project-URL" not in metadata  # none is known: none is made up
    description = metadata.split("\n\n", 1)[1]
    assert "This is not medical advice." in description
    # Pictures and links into the repository would be broken on an index: they became text.
    assert "](docs/" not in description
    assert "*Picture: The app's window with three example clinics" in description
    assert "(`docs/screenshot.png` in the source package)" in description


def test_installed_wheel_loads_its_own_catalogue(
    fresh_env: tuple[Path, Path], tmp_path: Path
) -> None:
    env_dir, lent = fresh_env
    python = env_dir / "bin" / "python"
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


def test_installed_wheel_adds_itself_to_the_menu(
    fresh_env: tuple[Path, Path], tmp_path: Path
) -> None:
    env_dir, lent = fresh_env
    data_home = tmp_path / "xdg"
    env = {
        "PYTHONPATH": str(lent),
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(data_home),
    }
    launcher = env_dir / "bin" / "ketachecklist"

    def run(*args: str) -> str:
        return subprocess.run(
            [str(launcher), *args],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=120,
            check=True,
        ).stdout

    run("desktop", "install")
    entry = (data_home / "applications" / "ketachecklist.desktop").read_text(encoding="utf-8")
    assert f"\nExec={launcher} %f\n" in entry
    installed_icon = data_home / "icons/hicolor/scalable/apps/ketachecklist.svg"
    assert installed_icon.read_bytes() == desktop_integration.ICON_SOURCE.read_bytes()
    assert (data_home / "mime/packages/ketachecklist.xml").is_file()
    if shutil.which("desktop-file-validate"):
        subprocess.run(
            ["desktop-file-validate", str(data_home / "applications/ketachecklist.desktop")],
            check=True,
        )
    if shutil.which("mimetype") and shutil.which("update-mime-database"):
        filetype = subprocess.run(
            ["xdg-mime", "query", "filetype", str(EXAMPLES / "three-clinics.yaml")],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=True,
        ).stdout.strip()
        assert filetype == desktop_integration.MIME_TYPE
    assert "ketachecklist is installed in" in run("desktop", "status")

    run("desktop", "uninstall")
    assert not [path for path in data_home.rglob("ketachecklist*") if path.is_file()]
