"""The window's tests keep Qt's folders and settings in the test home, never in the real one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication

from tests.conftest import TEST_HOME

LOCATIONS = (
    QStandardPaths.StandardLocation.AppDataLocation,
    QStandardPaths.StandardLocation.AppConfigLocation,
    QStandardPaths.StandardLocation.GenericDataLocation,
    QStandardPaths.StandardLocation.GenericConfigLocation,
    QStandardPaths.StandardLocation.GenericStateLocation,
)


def test_qt_writable_folders_are_in_the_test_home(qapp: QApplication) -> None:
    assert qapp.applicationName() == "ketachecklist"
    for location in LOCATIONS:
        folder = Path(QStandardPaths.writableLocation(location))
        assert TEST_HOME in folder.parents, (location, folder)
        assert ".qttest" not in folder.parts, (location, folder)


def test_default_settings_are_in_the_test_home(qapp: QApplication) -> None:
    settings = QSettings()
    assert TEST_HOME in Path(settings.fileName()).parents, settings.fileName()
