"""The application's small style sheet, redone whenever the palette or the font changes:

- keyboard focus that can be seen on every control: a 2-pixel frame, in a colour with at least
  3:1 contrast against the page, around lists, tables, text boxes and multi-line notes (Fusion
  marks those only by a faint frame tint);
- rating circles and check boxes drawn in the text colour, so they stay visible in a dark
  palette (Fusion draws them dark on dark); a chosen circle is filled, a ticked box is solid.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication

from ketachecklist.ui.contrast import focus_colour

_WATCHED = "ketachecklist-focus-style-watched"  # the signals are connected once per application

_SHEET = """
QAbstractItemView:focus, QPlainTextEdit:focus, QTextEdit:focus, QLineEdit:focus,
QAbstractSpinBox:focus, QComboBox:focus {{ border: 2px solid {focus}; }}
QRadioButton::indicator, QCheckBox::indicator {{
    width: {size}px; height: {size}px; border: 2px solid {text}; background: {base};
}}
QRadioButton::indicator {{ border-radius: {radius}px; }}
QCheckBox::indicator {{ border-radius: 2px; }}
QRadioButton::indicator:checked {{
    background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5, fx: 0.5, fy: 0.5,
        stop: 0 {text}, stop: 0.55 {text}, stop: 0.6 {base}, stop: 1 {base});
}}
QCheckBox::indicator:checked {{ background: {text}; }}
QRadioButton::indicator:disabled, QCheckBox::indicator:disabled {{ border-color: {muted}; }}
"""


def indicator_colour(palette: QPalette) -> str:
    """The rating circles' and check boxes' outline: the text colour of the page."""
    return palette.color(QPalette.ColorRole.WindowText).name()


def focus_style_sheet(app: QApplication) -> str:
    palette = app.palette()
    size = max(12, round(QFontMetrics(app.font()).height() * 0.75))
    return _SHEET.format(
        focus=focus_colour(palette).name(),
        text=indicator_colour(palette),
        base=palette.color(QPalette.ColorRole.Base).name(),
        muted=palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name(),
        size=size,
        radius=size // 2 + 2,
    )


def _restyle(app: QApplication) -> None:
    sheet = focus_style_sheet(app)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)


def apply_focus_style(app: QApplication) -> None:
    """Set the style sheet now and again whenever the palette or the font changes."""
    app.setStyleSheet(focus_style_sheet(app))
    if not app.property(_WATCHED):
        app.setProperty(_WATCHED, True)
        # Qt 6 would rather have the ApplicationPaletteChange and ApplicationFontChange events
        # handled, but before any window exists only an event filter on the whole application
        # sees them, and that filter would run Python for every event of every widget all
        # session long (a tenth of the start's work). These two signals (kept until Qt 7) say
        # the same, and cost nothing in between.
        app.paletteChanged.connect(lambda _palette: _restyle(app))
        app.fontChanged.connect(lambda _font: _restyle(app))
