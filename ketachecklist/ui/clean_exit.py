"""Ending cleanly on SIGTERM, SIGHUP, Ctrl+C (SIGINT) and at the end of the desktop session.

A Python signal handler only runs when the interpreter gets control, and while Qt's event loop
waits in C it does not: Ctrl+C was ignored and SIGTERM killed the app with its lock left behind.
The standard remedy (qutebrowser's crashsignal does the same): ``signal.set_wakeup_fd`` makes
the C-level handler write the signal's number to a pipe that a ``QSocketNotifier`` watches, so
the event loop wakes, Python runs, and the slot ends the session: unsaved work is written to
the recovery store (offered at the next start), the document's lock is removed, the app quits.

At logout Qt emits ``commitDataRequest``: the unsaved work is written to the recovery store
then; the session manager ends the app afterwards (usually with SIGTERM, handled as above).
"""

from __future__ import annotations

import contextlib
import os
import signal
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtGui import QGuiApplication, QSessionManager

from ketachecklist.ui.main_window import MainWindow

ENDING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)


class CleanExit(QObject):
    def __init__(self, app: QGuiApplication, window: MainWindow) -> None:
        super().__init__(app)
        self._app = app
        self._window = window
        self._read_fd, self._write_fd = os.pipe()
        for fd in (self._read_fd, self._write_fd):
            os.set_blocking(fd, False)
        self._previous_fd = signal.set_wakeup_fd(self._write_fd, warn_on_full_buffer=False)
        self._previous = {number: signal.signal(number, self._noted) for number in ENDING_SIGNALS}
        self._notifier: QSocketNotifier | None = QSocketNotifier(
            self._read_fd, QSocketNotifier.Type.Read, self
        )
        self._notifier.activated.connect(self._signalled)
        app.commitDataRequest.connect(self.commit_data)
        app.aboutToQuit.connect(self.uninstall)

    def _noted(self, number: int, frame: FrameType | None) -> None:
        """The Python-level handler: the wakeup byte already told the event loop."""

    def _signalled(self) -> None:
        with contextlib.suppress(BlockingIOError):
            received = os.read(self._read_fd, 512)
            if any(number in received for number in ENDING_SIGNALS):
                self.end()

    def commit_data(self, manager: QSessionManager | None = None) -> None:
        """The desktop session is ending: keep unsaved work where the next start finds it."""
        self._window.controller.keep_unsaved_work()

    def end(self) -> None:
        """Unsaved work to the recovery store, the lock removed, the window closed, quit."""
        self._window.controller.end_session()
        self._window.close()
        self._app.quit()

    def uninstall(self) -> None:
        if self._notifier is None:
            return
        self._notifier.setEnabled(False)
        self._notifier = None
        for number, previous in self._previous.items():
            signal.signal(number, previous)
        signal.set_wakeup_fd(self._previous_fd)
        os.close(self._read_fd)
        os.close(self._write_fd)
