"""A guard against a PySide6 6.12 bug on Python 3.11 and older.

Every call of a Qt method that returns nothing hands Python ``None`` without counting the
reference, so each call lowers None's reference count by one, and after a few thousand calls (a
single PDF makes tens of thousands) the interpreter aborts with "Fatal Python error:
none_dealloc". Python 3.12 made None immortal, which hides the bug. ``guard_none_refcount``
detects the leak and, only then, raises None's count far beyond reach. It is idempotent and
cheap; importing this module runs it once.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QPointF

_GUARD_HEADROOM = 1 << 40
_guarded = False


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


guard_none_refcount()
