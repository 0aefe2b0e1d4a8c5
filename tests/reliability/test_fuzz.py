"""Menu row 14: fuzzing the loader. Random bytes, and valid files damaged in the ways files get
damaged (flipped bytes, truncation, shuffled, lost or repeated lines, stray YAML syntax), only
ever produce a Comparison or FileFormatError — never another exception, a hang or a crash."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.recovery import load_recovery
from ketachecklist.core.storage import read_comparison
from tests.conftest import EXAMPLES
from tests.reliability.helpers import CATALOGUE, FIXTURES

VALID_FILES = [
    (EXAMPLES / "three-clinics.yaml").read_bytes(),
    (FIXTURES / "legacy-v0.yaml").read_bytes(),
]
YAML_NOISE = [
    b"&a ",
    b"*a",
    b"!!python/object:os.system ",
    b"!!binary ",
    b"<<: ",
    b"? ",
    b"- ",
    b": ",
    b"[",
    b"]",
    b"{",
    b"}",
    b"'",
    b'"',
    b"|",
    b">",
    b"#",
    b"%YAML 1.1\n",
    b"---\n",
    b"...\n",
    b"\t",
    b"\r",
    b"\x00",
    b"\xff",
    b"\xe2\x80\xa8",
    b"0x",
    b"9" * 30,
    b"2026-02-30",
    b"~",
    b"null",
    b".nan",
    b"-.inf",
    b"yes",
    b"\\",
    b"@",
    b"`",
    b"%",
]

# KETACHECKLIST_FUZZ_EXAMPLES=20000 make pytest fuzzes much longer (the suite uses 300).
FUZZ_SETTINGS = settings(
    max_examples=int(os.environ.get("KETACHECKLIST_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def only_the_documented_error(data: bytes) -> None:
    """Any exception but FileFormatError fails the test (hypothesis then shrinks the input)."""
    problems: list[str] = []
    try:
        read_comparison(data, "fuzz.yaml", CATALOGUE)
    except FileFormatError as error:
        problems = str(error).splitlines()
        count = len(error.problems)
    else:
        count = 0
    assert len(problems) == count, "one line per problem"
    assert all(line.startswith("fuzz.yaml") for line in problems)


@FUZZ_SETTINGS
@given(st.binary(max_size=4000))
def test_row14_random_bytes_give_only_file_format_errors(data: bytes) -> None:
    only_the_documented_error(data)


@st.composite
def damaged_files(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(VALID_FILES)))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "truncate", "shuffle", "drop", "repeat", "insert"]))
        if kind == "flip" and data:
            position = draw(st.integers(0, len(data) - 1))
            data[position] ^= 1 << draw(st.integers(0, 7))
        elif kind == "truncate":
            del data[draw(st.integers(0, len(data))) :]
        elif kind in {"shuffle", "drop", "repeat"}:
            lines = bytes(data).split(b"\n")
            if kind == "shuffle":
                lines = draw(st.permutations(lines))
            elif kind == "drop" and lines:
                del lines[draw(st.integers(0, len(lines) - 1))]
            elif lines:
                index = draw(st.integers(0, len(lines) - 1))
                lines.insert(index, lines[draw(st.integers(0, len(lines) - 1))])
            data = bytearray(b"\n".join(lines))
        else:
            position = draw(st.integers(0, len(data)))
            data[position:position] = draw(st.sampled_from(YAML_NOISE))
    return bytes(data)


@FUZZ_SETTINGS
@given(damaged_files())
def test_row14_damaged_valid_files_give_only_file_format_errors(data: bytes) -> None:
    only_the_documented_error(data)


@FUZZ_SETTINGS
@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats()
        | st.text(max_size=20)
        | st.dates().map(str),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(st.text(max_size=12) | st.integers(), inner, max_size=4)
        ),
        max_leaves=30,
    ),
    st.sampled_from(
        [
            "clinics",
            "weights",
            "decision",
            "custom_questions",
            "catalogue",
            "title",
            "set_weights",
            "chosen_clinic",
            "answers",
        ]
    ),
    st.sampled_from([0, 1]),
)
def test_row14_wrong_shapes_in_every_field_give_only_file_format_errors(
    value: object, field: str, version: int
) -> None:
    """Well-formed YAML with any value in any field, in both schema versions (so the migration
    is fuzzed too)."""
    document = {"format": "ketachecklist-comparison", "schema_version": version, field: value}
    if field == "answers":
        document = {**document, "clinics": [{"id": "c", "name": "N", "answers": value}]}
        del document["answers"]
    only_the_documented_error(yaml.safe_dump(document, allow_unicode=True).encode())


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=2000))
def test_row14_recovery_loader_gives_only_file_format_errors(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "1-ab-1.recovery.yaml"
        path.write_bytes(b'# ketachecklist-recovery {"saved_at": "x"}\n' + data)
        with contextlib.suppress(FileFormatError):
            load_recovery(path, CATALOGUE)
