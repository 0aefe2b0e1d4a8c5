"""Forms that keep working with a large font or a narrow window: a long row puts its field
under its label instead of pushing the window wider; a label's mnemonic focuses its field."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget


def wrapping_form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def add_row(
    form: QFormLayout, label_text: str, field: QWidget, buddy: QWidget | None = None
) -> QLabel:
    """A row of ``label_text`` (translated, with its ``&`` mnemonic) and ``field``; the mnemonic
    focuses ``buddy`` (the editor inside a composite field), or the field itself."""
    label = QLabel(label_text)
    label.setBuddy(field if buddy is None else buddy)
    form.addRow(label, field)
    return label
