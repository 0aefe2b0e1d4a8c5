"""Test-wide setup: headless Qt, a private home for the app's files, and a guard that fails any
test which opens a network socket."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The app's data, settings and state folders point into one temporary folder for the whole run,
# set before anything is imported so every lookup and every subprocess sees them: no test writes
# into the real home (the command line keeps a catalogue cache there). A test may set its own.
TEST_HOME = Path(tempfile.mkdtemp(prefix="ketachecklist-test-home-"))
XDG_FOLDERS = {
    "XDG_DATA_HOME": TEST_HOME / "share",
    "XDG_CONFIG_HOME": TEST_HOME / "config",
    "XDG_STATE_HOME": TEST_HOME / "state",
}
for _variable, _folder in XDG_FOLDERS.items():
    _folder.mkdir(mode=0o700)
    os.environ[_variable] = str(_folder)

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"

_ALLOWED_FAMILIES = {getattr(socket, "AF_UNIX", None)}
_real_socket = socket.socket


class _NoNetworkSocket(_real_socket):
    """Local (AF_UNIX) sockets are fine — Qt and multiprocessing use them; IP sockets are not."""

    def __init__(self, family: Any = -1, *args: Any, **kwargs: Any) -> None:
        if family not in _ALLOWED_FAMILIES and family != -1:
            raise AssertionError(f"the app tried to open a network socket (family {family})")
        super().__init__(family, *args, **kwargs)


def _refuse(*_args: Any, **_kwargs: Any) -> Any:
    raise AssertionError("the app tried to make a network connection")


@pytest.fixture(autouse=True, scope="session")
def _no_network() -> Iterator[None]:
    saved = (socket.socket, socket.create_connection, socket.getaddrinfo)
    socket.socket = _NoNetworkSocket  # type: ignore[misc]
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse
    try:
        yield
    finally:
        socket.socket, socket.create_connection, socket.getaddrinfo = saved  # type: ignore[misc]


@pytest.fixture(autouse=True, scope="session")
def _private_test_home() -> Iterator[Path]:
    yield TEST_HOME
    shutil.rmtree(TEST_HOME, ignore_errors=True)
