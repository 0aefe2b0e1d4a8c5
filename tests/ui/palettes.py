"""The light and the tester's dark palette, as a fixture for pixel tests of the real style."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

R = QPalette.ColorRole
DARK = {  # the tester's dark palette
    R.Window: "#2b2b2b",
    R.WindowText: "#e6e6e6",
    R.Base: "#1e1e1e",
    R.AlternateBase: "#333333",
    R.Text: "#e6e6e6",
    R.Button: "#3a3a3a",
    R.ButtonText: "#e6e6e6",
    R.Highlight: "#3d6fb4",
    R.HighlightedText: "#ffffff",
    R.PlaceholderText: "#a0a0a0",
}


@pytest.fixture(params=["light", "dark"])
def palette(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    original = qapp.palette()
    if request.param == "dark":
        dark = QPalette(original)
        for role, colour in DARK.items():
            dark.setColor(role, QColor(colour))
        qapp.setPalette(dark)
    else:
        qapp.setPalette(qapp.style().standardPalette())
    yield request.param
    qapp.setPalette(original)


def scaled_text(qapp: QApplication, scale: float) -> Iterator[float]:
    """The application's font ``scale`` times larger (at least 9 pt first), then put back."""
    original = qapp.font()
    font = QFont(original)
    font.setPointSizeF(max(original.pointSizeF(), 9.0) * scale)
    qapp.setFont(font)
    yield scale
    qapp.setFont(original)
