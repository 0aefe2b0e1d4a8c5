"""Custom item-data roles shared by the app's models."""

from __future__ import annotations

from PySide6.QtCore import Qt

CLINIC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
QUESTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SET_ID_ROLE = Qt.ItemDataRole.UserRole + 3
