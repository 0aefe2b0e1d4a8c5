"""The AppStream metainfo: valid for appstreamcli, and in step with the app and its desktop file."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from ketachecklist import __version__, desktop_integration
from ketachecklist.core.storage import COMPARISON_FORMAT

METAINFO = desktop_integration.RESOURCES / "ketachecklist.metainfo.xml"


def test_metainfo_validates() -> None:
    appstreamcli = shutil.which("appstreamcli")
    if appstreamcli is None:
        pytest.skip("appstreamcli is not installed (.ci/run installs the appstream package)")
    result = subprocess.run(
        [appstreamcli, "validate", "--no-net", "--pedantic", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Only the note that the validator does not know the reserved .invalid domain is left.
    findings = [line for line in result.stdout.splitlines() if line[:2] in {"E:", "W:", "I:", "P:"}]
    assert all("cid-maybe-not-rdns" in line for line in findings), findings


def test_metainfo_matches_the_app() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("launchable") == desktop_integration.DESKTOP_ENTRY.relative_path.name
    assert root.findtext("provides/mediatype") == desktop_integration.MIME_TYPE
    assert root.findtext("provides/binary") == "ketachecklist"
    releases = root.findall("releases/release")
    assert releases[0].get("version") == __version__
    description = " ".join("".join(root.find("description").itertext()).split())  # type: ignore[union-attr]
    assert "This is not medical advice." in description
    assert "988" in description
    assert root.find("content_rating").get("type") == "oars-1.1"  # type: ignore[union-attr]


def test_file_type_matches_the_format_line() -> None:
    root = ET.parse(desktop_integration.MIME_SOURCE).getroot()
    namespace = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    (mime_type,) = root.findall("m:mime-type", namespace)
    assert mime_type.get("type") == desktop_integration.MIME_TYPE
    assert mime_type.findall("m:glob", namespace) == []  # *.yaml files are not claimed
    values = [match.get("value") for match in mime_type.iterfind("m:magic/m:match", namespace)]
    assert f"format: {COMPARISON_FORMAT}" in values
    assert int(mime_type.find("m:magic", namespace).get("priority", "50")) >= 80  # type: ignore[union-attr]
