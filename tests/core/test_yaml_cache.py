"""The parsed-catalogue cache: used only for the exact text it was made from, never trusted
blindly (a damaged cache is read as no cache), private, and the reason the app starts without
importing PyYAML."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketachecklist.core import catalogue as catalogue_module
from ketachecklist.core import yaml_cache
from ketachecklist.core.catalogue import bundled_catalogue_path, load_catalogue
from ketachecklist.core.safe_yaml import LineDict, LineList, load_yaml_bytes
from ketachecklist.core.yaml_cache import load_yaml_cached, read_cache, write_cache
from tests.conftest import REPO

CATALOGUE_BYTES = bundled_catalogue_path().read_bytes()
SMALL = b"name: Harbor Light\nwhen: 2026-11-25\nitems:\n  - 1\n  - two\n  - {3: null, x: 1.5}\n"


def _tree(tree: object) -> object:
    return tree


def _write_raw(cache: Path, payload: dict[str, object], **header: object) -> None:
    """A cache file with a correct header for ``payload`` (fields overridden by ``header``)."""
    body = json.dumps(payload).encode()
    cache.write_bytes(json.dumps({**yaml_cache._header(body), **header}).encode() + b"\n" + body)


def _with_lines(value: object) -> object:
    """A tree with every remembered line made visible, for comparing."""
    if isinstance(value, LineDict):
        lines = {key: value.line_of(key) for key in value}
        return ("map", value.line, lines, {k: _with_lines(v) for k, v in value.items()})
    if isinstance(value, LineList):
        return ("list", value.line, value.item_lines, [_with_lines(v) for v in value])
    return value


@pytest.mark.parametrize("data", [CATALOGUE_BYTES, SMALL], ids=["catalogue", "small"])
def test_the_cached_tree_equals_a_fresh_read_with_every_line(data: bytes, tmp_path: Path) -> None:
    cache = tmp_path / "cache.json"
    fresh = _with_lines(load_yaml_bytes(data, "x.yaml"))
    first = load_yaml_cached(data, "x.yaml", cache, _tree)  # writes the cache
    assert cache.is_file()
    second = read_cache(cache, data.decode("utf-8"))
    assert second is not None
    assert _with_lines(first) == fresh
    assert _with_lines(second) == fresh


def test_the_cache_is_private(tmp_path: Path) -> None:
    cache = tmp_path / "cache.json"
    load_yaml_cached(SMALL, "x.yaml", cache, _tree)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600


def test_a_changed_file_is_read_again_and_the_cache_rewritten(tmp_path: Path) -> None:
    cache = tmp_path / "cache.json"
    load_yaml_cached(SMALL, "x.yaml", cache, _tree)
    changed = SMALL.replace(b"Harbor Light", b"Riverside")
    assert read_cache(cache, changed.decode()) is None
    tree = load_yaml_cached(changed, "x.yaml", cache, _tree)
    assert tree["name"] == "Riverside"
    assert read_cache(cache, changed.decode())["name"] == "Riverside"


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe junk",
        b"[]",
        b'{"format": "ketachecklist-yaml-cache", "version": 2}',
        b'{"format": "ketachecklist-yaml-cache", "version": 2}\n{"text": "", "tree": null}',
        b"\n\n\n",
    ],
)
def test_a_damaged_or_foreign_cache_is_no_cache(content: bytes, tmp_path: Path) -> None:
    cache = tmp_path / "cache.json"
    cache.write_bytes(content)
    assert read_cache(cache, SMALL.decode()) is None
    assert load_yaml_cached(SMALL, "x.yaml", cache, _tree)["name"] == "Harbor Light"
    assert read_cache(cache, SMALL.decode()) is not None  # rewritten


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(["m", "l", "e", "d", "t", "x"]), inner, max_size=3)
    ),
    max_leaves=20,
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(tree=json_values)
def test_an_edited_tree_gives_no_cache_or_a_tree_never_an_exception(
    tree: object, tmp_path: Path
) -> None:
    cache = tmp_path / "cache.json"
    text = SMALL.decode()
    _write_raw(cache, {"text": text, "tree": tree})
    read_cache(cache, text)  # None or some tree; the caller's validation checks any tree


def test_the_checksum_app_version_and_format_must_all_match(tmp_path: Path) -> None:
    cache = tmp_path / "cache.json"
    text = SMALL.decode()
    tree = {"m": 1, "e": [["name", 1, "Harbor Light"]]}
    _write_raw(cache, {"text": text, "tree": tree})
    assert read_cache(cache, text) == {"name": "Harbor Light"}
    for header in ({"crc32": 1}, {"app": "0.0.1"}, {"version": 1}, {"format": "other"}):
        _write_raw(cache, {"text": text, "tree": tree}, **header)
        assert read_cache(cache, text) is None, header
    _write_raw(cache, {"text": text, "tree": tree})
    cache.write_bytes(cache.read_bytes().replace(b"Harbor", b"Harbur"))  # damaged on disk
    assert read_cache(cache, text) is None


def test_a_cached_catalogue_that_fails_validation_is_read_again_from_the_yaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edited cache can cost time, never correctness, and never stops the app."""
    cache = tmp_path / "catalogue-cache.json"
    monkeypatch.setattr(catalogue_module, "_BUNDLED", None)
    plain = catalogue_module.load_bundled_catalogue(cache)
    payload = json.loads(cache.read_bytes().partition(b"\n")[2])
    assert payload["tree"]["e"][0][0] == "format"
    payload["tree"]["e"][0][2] = "not-a-catalogue"
    _write_raw(cache, payload)  # a correct checksum: only validation can catch it
    monkeypatch.setattr(catalogue_module, "_BUNDLED", None)
    assert catalogue_module.load_bundled_catalogue(cache) == plain
    rewritten = json.loads(cache.read_bytes().partition(b"\n")[2])
    assert rewritten["tree"]["e"][0][2] == "ketachecklist-catalogue"


def test_writing_the_cache_clears_a_temp_file_left_by_a_killed_writer(tmp_path: Path) -> None:
    cache = tmp_path / "catalogue-cache.json"
    dead_pid = 2**22 + 12345  # above Linux's highest pid: never a running process
    stale = tmp_path / f".{cache.name}.{dead_pid}.abcd1234.saving"
    stale.write_bytes(b"half")
    assert write_cache(cache, "x", load_yaml_bytes(b"a: 1\n", "x.yaml"))
    assert not stale.exists()


def test_an_unwritable_cache_only_costs_a_fresh_read(tmp_path: Path) -> None:
    folder = tmp_path / "is-a-folder.json"
    folder.mkdir()
    assert not write_cache(folder, "x", load_yaml_bytes(b"a: 1\n", "x.yaml"))
    assert load_yaml_cached(SMALL, "x.yaml", folder, _tree)["name"] == "Harbor Light"


def test_the_bundled_catalogue_through_the_cache_is_the_same_catalogue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "catalogue-cache.json"
    plain = load_catalogue(bundled_catalogue_path())
    for _ in range(2):  # once writing the cache, once reading it
        monkeypatch.setattr(catalogue_module, "_BUNDLED", None)
        assert catalogue_module.load_bundled_catalogue(cache) == plain
    assert cache.is_file()


def test_the_app_starts_without_importing_pyyaml(tmp_path: Path) -> None:
    """The second start reads the catalogue from the cache; PyYAML is made unimportable."""
    program = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ketachecklist.ui.app import close_recovery_store, launch\n"
        "app = QApplication(sys.argv)\n"
        "if sys.argv[1] == 'second':\n"
        "    sys.modules['yaml'] = None  # any import of PyYAML now fails\n"
        "window = launch(None)\n"
        "app.processEvents()\n"
        "print(len(window.document.comparison.catalogue.questions))\n"
        "close_recovery_store(window)\n"
    )
    env = dict(os.environ, HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env.pop(name, None)
    expected = str(len(load_catalogue(bundled_catalogue_path()).questions))
    for run in ("first", "second"):
        done = subprocess.run(
            [sys.executable, "-c", program, run],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout.strip() == expected, run
