"""The menu entry, icon and file type: installed into a temporary XDG data home and removed again,
through the module and through the real `ketachecklist desktop` command."""

from __future__ import annotations

import argparse
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketachecklist import desktop_integration as integration
from ketachecklist.commands import desktop as desktop_command
from tests.conftest import EXAMPLES, REPO

APPLICATIONS = Path("applications/ketachecklist.desktop")
ICON = Path("icons/hicolor/scalable/apps/ketachecklist.svg")
MIME = Path("mime/packages/ketachecklist.xml")


def _needs(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (.ci/run installs it)")
    return path


def _no_tools(_argv: Sequence[str]) -> None:
    """A runner for tests that check files only (the cache tools get their own tests)."""


def _cli(*args: str, data_home: Path, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "XDG_DATA_HOME"}
    env["XDG_DATA_HOME"] = str(data_home)
    if home is not None:
        env["HOME"] = str(home)
        del env["XDG_DATA_HOME"]
    return subprocess.run(
        [sys.executable, "-m", "ketachecklist", "desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )


def _files_under(folder: Path) -> set[Path]:
    return {path.relative_to(folder) for path in folder.rglob("*") if path.is_file()}


def test_install_writes_entry_icon_and_file_type_then_uninstall_removes_them(
    tmp_path: Path,
) -> None:
    home = tmp_path / "data"
    result = integration.install(home, ["/opt/app/bin/ketachecklist"], run_tool=_no_tools)

    assert set(result.files) == {home / APPLICATIONS, home / ICON, home / MIME}
    assert _files_under(home) == {APPLICATIONS, ICON, MIME}
    for path in result.files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
    for folder in (home, home / "applications", home / "icons" / "hicolor", home / "mime"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    entry = (home / APPLICATIONS).read_text(encoding="utf-8")
    assert "\nExec=/opt/app/bin/ketachecklist %f\n" in entry
    assert "\nTryExec=/opt/app/bin/ketachecklist\n" in entry
    assert "\nMimeType=application/x-ketachecklist-comparison;\n" in entry
    assert "yaml" not in entry.lower()
    assert (home / ICON).read_bytes() == integration.ICON_SOURCE.read_bytes()
    assert (home / MIME).read_bytes() == integration.MIME_SOURCE.read_bytes()
    assert integration.status(home).installed

    removed = integration.uninstall(home, run_tool=_no_tools)
    assert set(removed.files) == set(result.files)
    assert _files_under(home) == set()
    assert integration.status(home).present == ()
    assert integration.uninstall(home, run_tool=_no_tools).files == ()


def test_existing_folders_keep_their_modes_and_other_apps_files(tmp_path: Path) -> None:
    home = tmp_path / "data"
    applications = home / "applications"
    applications.mkdir(parents=True, mode=0o755)
    applications.chmod(0o755)
    other = applications / "other-app.desktop"
    other.write_text("[Desktop Entry]\n", encoding="utf-8")

    integration.install(home, ["ketachecklist"], run_tool=_no_tools)
    integration.install(home, ["/moved/ketachecklist"], run_tool=_no_tools)  # updated in place
    assert stat.S_IMODE(applications.stat().st_mode) == 0o755
    assert "Exec=/moved/ketachecklist %f" in (home / APPLICATIONS).read_text(encoding="utf-8")
    assert _files_under(home) == {APPLICATIONS, ICON, MIME, Path("applications/other-app.desktop")}

    integration.uninstall(home, run_tool=_no_tools)
    assert other.read_text(encoding="utf-8") == "[Desktop Entry]\n"
    assert _files_under(home) == {Path("applications/other-app.desktop")}


def test_a_failing_cache_tool_is_reported_not_fatal(tmp_path: Path) -> None:
    _needs("update-mime-database")

    def failing(argv: Sequence[str]) -> None:
        raise subprocess.CalledProcessError(1, list(argv))

    result = integration.install(tmp_path, ["ketachecklist"], run_tool=failing)
    assert integration.status(tmp_path).installed
    assert result.tools_run == ()
    assert any("update-mime-database failed" in problem for problem in result.tool_problems)


def test_missing_cache_tools_are_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(integration.shutil, "which", lambda _name: None)
    ran: list[Sequence[str]] = []
    result = integration.install(tmp_path, ["ketachecklist"], run_tool=ran.append)
    assert ran == []
    assert result.tools_run == ()
    assert result.tool_problems == ()
    assert integration.status(tmp_path).installed


def test_data_home_follows_the_xdg_spec(tmp_path: Path) -> None:
    assert integration.data_home({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path
    fallback = tmp_path / ".local" / "share"
    assert integration.data_home({"HOME": str(tmp_path)}) == fallback
    # A relative XDG_DATA_HOME is invalid and ignored.
    assert integration.data_home({"XDG_DATA_HOME": "rel/share", "HOME": str(tmp_path)}) == fallback


def test_supported_platforms() -> None:
    assert integration.is_supported_platform("linux")
    assert integration.is_supported_platform("freebsd14")
    assert not integration.is_supported_platform("darwin")
    assert not integration.is_supported_platform("win32")


def test_launcher_is_this_installations_script() -> None:
    command = integration.launcher_command()
    assert Path(command[0]).is_absolute()
    assert os.access(command[0], os.X_OK)
    script = Path(sys.executable).absolute().parent / "ketachecklist"
    if script.is_file():
        assert command == [str(script)]


def test_command_installs_reports_and_removes(tmp_path: Path) -> None:
    home = tmp_path / "xdg"
    before = _cli("status", data_home=home)
    assert before.returncode == 0, before.stderr
    assert f"ketachecklist is not installed in {home}" in before.stdout

    installed = _cli("install", data_home=home)
    assert installed.returncode == 0, installed.stderr
    for relative in (APPLICATIONS, ICON, MIME):
        assert f"Installed {home / relative}" in installed.stdout
    assert integration.status(home).installed
    entry = (home / APPLICATIONS).read_text(encoding="utf-8")
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    assert exec_line == f"Exec={integration.exec_value(integration.launcher_command())}"

    after = _cli("status", data_home=home)
    assert "menu entry: installed" in after.stdout
    assert f"ketachecklist is installed in {home}" in after.stdout

    removed = _cli("uninstall", data_home=home)
    assert removed.returncode == 0, removed.stderr
    assert f"Removed {home / APPLICATIONS}" in removed.stdout
    assert not integration.status(home).present
    again = _cli("uninstall", data_home=home)
    assert again.returncode == 0
    assert "Nothing to remove" in again.stdout


def test_command_without_xdg_data_home_writes_only_under_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = _cli("install", data_home=tmp_path / "unused", home=home)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "unused").exists()
    written = {path for path in tmp_path.rglob("*") if path.is_file()}
    assert written
    assert all(path.is_relative_to(home / ".local" / "share") for path in written)


def test_command_refuses_a_platform_without_freedesktop_menus(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert desktop_command.run(_namespace("install")) == 2
    assert "no freedesktop.org menus" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_command_names_a_folder_it_cannot_write(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker / "share"))
    assert desktop_command.run(_namespace("install")) == 2
    error = capsys.readouterr().err
    assert error.startswith("ketachecklist desktop install: could not change")
    assert str(blocker) in error
    assert blocker.read_text(encoding="utf-8") == "x"


def _namespace(action: str) -> argparse.Namespace:
    return argparse.Namespace(action=action)


# --- the desktop file ------------------------------------------------------------------------


def _unquote_exec(value: str) -> list[str]:
    """Split an Exec value the way the Desktop Entry spec says a launcher must."""
    text = value.replace("\\\\", "\x00").replace("\\n", "\n").replace("\\t", "\t")
    text = text.replace("\\r", "\r").replace("\x00", "\\")
    arguments: list[str] = []
    current: list[str] = []
    quoted = False
    index = 0
    while index < len(text):
        char = text[index]
        if quoted and char == "\\":
            index += 1
            current.append(text[index])
        elif char == '"':
            quoted = not quoted
        elif char == " " and not quoted:
            arguments.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    arguments.append("".join(current))
    return [argument.replace("%%", "%") for argument in arguments]


@given(st.lists(st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1), min_size=1))
def test_exec_line_quotes_any_path_so_a_launcher_reads_it_back(command: list[str]) -> None:
    value = integration.exec_value(command)
    assert value.endswith(" %f")
    assert "\n" not in value
    assert _unquote_exec(value.removesuffix(" %f")) == command


def test_shipped_desktop_file_is_clean() -> None:
    validate = _needs("desktop-file-validate")
    result = subprocess.run(
        [validate, str(integration.DESKTOP_TEMPLATE)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout + result.stderr == ""  # no errors, warnings or hints


@pytest.mark.parametrize(
    "launcher",
    ["/usr/bin/ketachecklist", "/home/Ana María/my apps/ketachecklist", '/tmp/odd "$x" 100%/k'],
)
def test_installed_desktop_file_is_clean(tmp_path: Path, launcher: str) -> None:
    validate = _needs("desktop-file-validate")
    integration.install(tmp_path, [launcher], run_tool=_no_tools)
    entry = tmp_path / APPLICATIONS
    result = subprocess.run([validate, str(entry)], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout + result.stderr == ""
    exec_line = next(
        line for line in entry.read_text(encoding="utf-8").splitlines() if line.startswith("Exec=")
    )
    assert _unquote_exec(exec_line.removeprefix("Exec=").removesuffix(" %f")) == [launcher]


# --- the file type ---------------------------------------------------------------------------


def _mime_type_by_qt(path: Path, data_home: Path) -> str:
    """What Qt's MIME database (the shared-mime-info files) says ``path`` is."""
    script = (
        "import sys; from PySide6.QtCore import QMimeDatabase; "
        "print(QMimeDatabase().mimeTypeForFile(sys.argv[1]).name())"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_DATA_HOME": str(data_home)},
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def test_installed_file_type_recognises_comparisons_by_content(tmp_path: Path) -> None:
    _needs("update-mime-database")
    home = tmp_path / "xdg"
    result = integration.install(home, ["ketachecklist"])
    assert "update-mime-database" in result.tools_run
    assert (home / "mime" / "mime.cache").is_file()

    no_suffix = tmp_path / "our comparison"
    shutil.copyfile(EXAMPLES / "three-clinics.yaml", no_suffix)
    other = tmp_path / "notes"
    other.write_text("format: something-else\nclinics: []\n", encoding="utf-8")
    assert _mime_type_by_qt(no_suffix, home) == integration.MIME_TYPE
    assert _mime_type_by_qt(other, home) != integration.MIME_TYPE

    integration.uninstall(home)
    assert _mime_type_by_qt(no_suffix, home) != integration.MIME_TYPE


def test_xdg_mime_recognises_the_example_and_leaves_other_yaml_alone(tmp_path: Path) -> None:
    xdg_mime = _needs("xdg-mime")
    _needs("update-mime-database")
    # xdg-mime outside a desktop session asks File::MimeInfo's `mimetype`, which lets a magic
    # rule of priority 80+ win over the *.yaml name; without it, `file` knows no user types.
    _needs("mimetype")
    home = tmp_path / "xdg"
    integration.install(home, ["ketachecklist"])
    other = tmp_path / "settings.yaml"
    other.write_text("colour: blue\n", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "XDG_CURRENT_DESKTOP"}
    env["XDG_DATA_HOME"] = str(home)

    def filetype(path: Path) -> str:
        return subprocess.run(
            [xdg_mime, "query", "filetype", str(path)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=True,
        ).stdout.strip()

    assert filetype(EXAMPLES / "three-clinics.yaml") == integration.MIME_TYPE
    assert filetype(other) != integration.MIME_TYPE
