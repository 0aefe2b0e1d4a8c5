"""A combo box that lists names the patient typed (clinics, weight profiles)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QSizePolicy

SHOWN_CHARACTERS = 16  # what the box is sized for; a longer name is cut in the closed box


def name_chooser(accessible_name: str) -> QComboBox:
    """A long name must not make the window wider than the screen: the box asks for the width of
    a short name, takes the room its row has beyond that (a long name is cut only when the window
    is narrow), and the open list shows each name whole."""
    box = QComboBox()
    box.setAccessibleName(accessible_name)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(SHOWN_CHARACTERS)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, box.sizePolicy().verticalPolicy())
    return box
