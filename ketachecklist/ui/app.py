"""Application start-up (the desktop app is built out in the UI modules)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel

from ketachecklist import DISCLAIMER


def run_app(path: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    label = QLabel(f"ketachecklist\n\n{DISCLAIMER}\n\n{path or ''}")
    label.setTextFormat(label.textFormat().PlainText)
    label.show()
    return int(app.exec())
