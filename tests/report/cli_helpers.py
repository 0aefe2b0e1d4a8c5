"""Running `ketachecklist` in a real process, optionally as an unprivileged user.

Root ignores folder permissions, so a "read-only folder" test run as root starts the command
as the user nobody (with a scratch folder nobody can read).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import REPO

NOBODY = 65534


def run_cli(
    *args: str, env: dict[str, str] | None = None, as_nobody: bool = False
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **(env or {})}
    environment.pop("QT_QPA_PLATFORM", None)  # the commands must choose offscreen themselves
    extra: dict[str, object] = {}
    if as_nobody:
        extra = {"user": NOBODY, "group": NOBODY, "extra_groups": []}
        environment["HOME"] = "/nonexistent"
    return subprocess.run(
        [sys.executable, "-m", "ketachecklist", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=REPO,
        env=environment,
        **extra,  # type: ignore[call-overload]
    )


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@contextmanager
def shared_scratch() -> Iterator[Path]:
    """A scratch folder any user can read (pytest's tmp_path is private to its owner)."""
    folder = Path(tempfile.mkdtemp(prefix="ketachecklist-cli-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in sorted(folder.rglob("*"), reverse=True):
            if path.is_dir():
                path.chmod(stat.S_IRWXU)
        for path in sorted(folder.rglob("*"), reverse=True):
            path.rmdir() if path.is_dir() else path.unlink()
        folder.rmdir()


def assert_one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("ketachecklist")
    return result.stderr


def run_main_as_nobody(*args: str) -> subprocess.CompletedProcess[str]:
    """`ketachecklist ARGS` in a forked child that has dropped root, so folder permissions
    apply (root's own interpreter lives under /root, which nobody may not execute). Only for
    the commands that need no Qt: a fork must not inherit a running Qt application."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        code = 70
        try:
            os.close(read_end)
            sys.stderr = os.fdopen(write_end, "w", encoding="utf-8")  # not pytest's capture
            sys.stdout = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115
            _preload()  # nobody cannot read the standard library under /root
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            from ketachecklist.cli import main

            code = main(list(args))
        except BaseException:
            import traceback

            traceback.print_exc()
        finally:
            sys.stderr.flush()
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as stream:
        stderr = stream.read().decode("utf-8", "replace")
    _, status = os.waitpid(pid, 0)
    return subprocess.CompletedProcess(list(args), os.waitstatus_to_exitcode(status), "", stderr)


def _preload() -> None:
    import getpass  # noqa: F401
    import locale  # noqa: F401

    import ketachecklist.cli
    import ketachecklist.report.csv_export
    import ketachecklist.report.html  # noqa: F401
    from ketachecklist.core.catalogue import load_bundled_catalogue

    load_bundled_catalogue()
    "".encode("utf-8-sig")  # codecs load lazily too
