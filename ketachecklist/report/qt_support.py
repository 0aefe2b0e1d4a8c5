"""Qt for headless rendering: a QGuiApplication when none exists, and a PySide6 workaround.

``ensure_gui_application`` gives the PDF renderers the QGuiApplication that fonts need. On Linux
and other X11/Wayland systems it is always on the offscreen platform unless the user chose one
in QT_QPA_PLATFORM: the headless commands never need a display, and a DISPLAY with no usable X
server (SSH, a container, missing xcb libraries) would otherwise abort the process inside Qt's
xcb plugin.

``guard_none_refcount`` works around a PySide6 6.12 bug on Python 3.11 and older: every call of
a Qt method that returns nothing hands Python ``None`` without counting the reference, so each
call lowers None's reference count by one, and after a few thousand calls (a single PDF makes
tens of thousands) the interpreter aborts with "Fatal Python error: none_dealloc". Python 3.12
made None immortal, which hides the bug. The guard detects the leak and, only then, raises
None's count far beyond reach. It is idempotent and cheap.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtGui import QGuiApplication

_GUARD_HEADROOM = 1 << 40
_guarded = False
_application: QGuiApplication | None = None


def none_refcount_leaks() -> bool:
    """True when calling a Qt method that returns nothing lowers None's reference count."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    point = QPointF()
    before = sys.getrefcount(None)
    for _ in range(16):
        point.setX(1.0)
    return sys.getrefcount(None) < before


def guard_none_refcount() -> bool:
    """Protect this process from PySide6's None leak; returns True if a guard was needed."""
    global _guarded  # noqa: PLW0603 - once per process
    if _guarded:
        return True
    if not none_refcount_leaks():
        return False
    # ob_refcnt is the first field of every CPython object (a Py_ssize_t). ctypes only here:
    # PySide6 releases without the leak never need it, and the app's start skips its import.
    import ctypes  # noqa: PLC0415

    ctypes.c_ssize_t.from_address(id(None)).value += _GUARD_HEADROOM
    _guarded = True
    return True


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


guard_none_refcount()
