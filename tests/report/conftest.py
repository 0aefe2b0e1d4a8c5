"""Report tests render PDFs, which need a QGuiApplication (offscreen: see tests/conftest.py)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _gui(qapp: QApplication) -> None:
    """Fonts and QPdfWriter need the application object pytest-qt makes."""
