"""The QGuiApplication that fonts need, for renderers run without the app's window.

``ensure_gui_application`` gives the PDF renderers the running QGuiApplication, or a new one.
On Linux and other X11/Wayland systems a new one is always on the offscreen platform unless the
user chose one in QT_QPA_PLATFORM: the headless commands never need a display, and a DISPLAY
with no usable X server (SSH, a container, missing xcb libraries) would otherwise abort the
process inside Qt's xcb plugin.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from ketachecklist.qt.none_refcount import guard_none_refcount

_application: QGuiApplication | None = None


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new one (offscreen unless QT_QPA_PLATFORM says)."""
    global _application  # noqa: PLW0603 - the one application object of the process
    guard_none_refcount()
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise RuntimeError("a non-GUI QCoreApplication is already running")
    # Windows and macOS always have their native platform, with the system's fonts; elsewhere
    # a DISPLAY may point at no usable X server, and xcb would abort the process.
    if not os.environ.get("QT_QPA_PLATFORM") and sys.platform not in ("win32", "darwin"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _application = QGuiApplication([sys.argv[0] if sys.argv else "ketachecklist"])
    return _application
