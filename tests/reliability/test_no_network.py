"""Menu row 19: the app opens no network connection. tests/conftest.py makes any IP socket in
the test process fail the test; these prove that guard works and that no module of the package
even imports a networking library."""

from __future__ import annotations

import ast
import socket
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "ketachecklist"
NETWORK_MODULES = {
    "socket",
    "ssl",
    "urllib",
    "http",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "telnetlib",
    "xmlrpc",
    "socketserver",
    "asyncio",
    "requests",
    "httpx",
    "aiohttp",
    "urllib3",
    "webbrowser",
    "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebSockets",
    "PySide6.QtHttpServer",
}


def test_row19_the_socket_guard_fails_any_network_attempt() -> None:
    with pytest.raises(AssertionError, match="network socket"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(AssertionError, match="network socket"):
        socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    with pytest.raises(AssertionError, match="network connection"):
        socket.create_connection(("example.org", 80))
    with pytest.raises(AssertionError, match="network connection"):
        socket.getaddrinfo("example.org", 443)


def test_row19_local_sockets_stay_allowed() -> None:
    """Qt and multiprocessing use AF_UNIX sockets between local processes: not a network."""
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no AF_UNIX here")
    left, right = socket.socketpair(socket.AF_UNIX)
    left.close()
    right.close()


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__":
            found.update(a.value for a in node.args if isinstance(a, ast.Constant))
    return found


def _is_network(module: str) -> bool:
    return any(module == bad or module.startswith(f"{bad}.") for bad in NETWORK_MODULES)


def test_row19_no_module_of_the_package_imports_a_networking_library() -> None:
    sources = sorted(PACKAGE.rglob("*.py"))
    assert len(sources) > 10
    offending = {
        str(path.relative_to(REPO)): sorted(m for m in _imports(path) if _is_network(m))
        for path in sources
    }
    assert {path: mods for path, mods in offending.items() if mods} == {}
    texts = "\n".join(path.read_text(encoding="utf-8") for path in sources)
    assert "QtNetwork" not in texts
    assert 'importlib.import_module("socket' not in texts


def test_the_scan_would_catch_a_network_import(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("import urllib.request\nfrom PySide6 import QtNetwork\nimport http.client\n")
    assert {m for m in _imports(probe) if _is_network(m)} == {
        "urllib.request",
        "PySide6.QtNetwork",
        "http.client",
    }
