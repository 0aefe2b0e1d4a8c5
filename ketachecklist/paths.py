"""The one module for QStandardPaths lookups: where the app keeps its private files.

QtCore only (no widgets, no QApplication needed). Everything lives in one per-user folder, the
platform's local app-data location, so removing that folder removes every trace of the app:

- Linux: ``$XDG_DATA_HOME/ketachecklist`` (usually ``~/.local/share/ketachecklist``)
- macOS: ``~/Library/Application Support/ketachecklist``
- Windows: ``%LOCALAPPDATA%/ketachecklist``

It is GenericDataLocation + "ketachecklist" — what AppLocalDataLocation gives for an app named
ketachecklist, but not dependent on QCoreApplication's name being set first (without a name,
AppLocalDataLocation is the shared data folder itself).

Folders are created 0700 and files 0600. Documents and their backups are not here: they live
wherever the patient saves them.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from ketachecklist.core.atomic import PRIVATE_FILE_MODE, ensure_private_dir
from ketachecklist.core.safe_yaml import NotARegularFileError, open_regular_file
from ketachecklist.text import tr

APP_DIR_NAME = "ketachecklist"
SETTINGS_FILE_NAME = "settings.ini"
CATALOGUE_CACHE_FILE_NAME = "catalogue-cache.json"


def app_data_dir() -> Path:
    """The app's private folder (created 0700 on first use)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    if not base:
        base = str(Path.home() / ".local" / "share")
    return ensure_private_dir(Path(base) / APP_DIR_NAME)


def recovery_dir() -> Path:
    """Where autosave snapshots go (pass to ``RecoveryStore.open``); created 0700."""
    return ensure_private_dir(app_data_dir() / "recovery")


def catalogue_cache_path() -> Path:
    """The bundled catalogue, already parsed, for a quicker start (``core.yaml_cache``)."""
    return app_data_dir() / CATALOGUE_CACHE_FILE_NAME


def settings_path() -> Path:
    """The settings file, created empty with mode 0600 if missing.

    Never followed through a link: a ``settings.ini`` that is a link (or a FIFO, a socket) is
    removed — only the link, never what it points to — and a fresh private file made, so no
    file elsewhere is overwritten or has its mode changed. A folder in its place raises.
    """
    path = app_data_dir() / SETTINGS_FILE_NAME
    for _ in range(3):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
            os.close(fd)
        except FileExistsError:
            pass
        try:
            fd = open_regular_file(path, follow_links=False)
        except NotARegularFileError:
            if stat.S_ISDIR(path.lstat().st_mode):
                raise
            path.unlink()
            continue
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, PRIVATE_FILE_MODE)
        finally:
            os.close(fd)
        return path
    message = tr("{path} keeps being replaced by a link").format(path=path)
    raise NotARegularFileError(errno.EEXIST, message)


def open_settings() -> QSettings:
    """The app's QSettings, an INI file in the private folder.

    QSettings rewrites the file through QSaveFile, which keeps the 0600 of the file created here.
    """
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)
