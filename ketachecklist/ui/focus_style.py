"""The application's small style sheet, redone whenever the palette or the font changes:

- keyboard focus that can be seen on every control, in a colour with at least 3:1 contrast
  against the page (Fusion marks focus by a faint tint or a 1-pixel outline): a 2-pixel border
  on one-line boxes, spin boxes and drop-downs; an outline round a check box or rating circle
  and its words (the box kept clear of it, or the two would merge); and a ``FocusRing``
  (ui/focus_ring_style.py) just outside every other control: buttons, the current tab,
  dividers, and lists, tables and text areas (a style sheet border there is partly covered by
  their contents, and a wider frame would change how their items wrap);
- rating circles and check boxes drawn in the text colour, so they stay visible in a dark
  palette (Fusion draws them dark on dark); a chosen circle is filled, a ticked box is filled
  and carries a tick (a dash when partly ticked) in black or white, whichever stands out more
  from the fill (``check_mark_colour``).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QRadioButton,
    QTabBar,
    QWidget,
)
from shiboken6 import isValid

from ketachecklist.ui.contrast import contrast_ratio, focus_colour
from ketachecklist.ui.focus_ring_style import FocusRing
from ketachecklist.ui.resources import RESOURCES

_WATCHED = "ketachecklist-focus-style-watched"  # the signals are connected once per application

_SHEET = """
QLineEdit:focus, QAbstractSpinBox:focus, QComboBox:focus {{ border: 2px solid {focus}; }}
QCheckBox:focus, QRadioButton:focus {{ outline: 2px solid {focus}; }}
QRadioButton::indicator, QCheckBox::indicator {{
    width: {size}px; height: {size}px; border: 2px solid {text}; background: {base};
    margin-left: 3px;
}}
QRadioButton::indicator {{ border-radius: {radius}px; }}
QCheckBox::indicator {{ border-radius: 2px; }}
QRadioButton::indicator:checked {{
    background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5, fx: 0.5, fy: 0.5,
        stop: 0 {text}, stop: 0.55 {text}, stop: 0.6 {base}, stop: 1 {base});
}}
QCheckBox::indicator:checked {{ background: {text}; image: url("{tick}"); }}
QCheckBox::indicator:indeterminate {{ background: {text}; image: url("{dash}"); }}
QRadioButton::indicator:disabled, QCheckBox::indicator:disabled {{ border-color: {muted}; }}
"""


def indicator_colour(palette: QPalette) -> str:
    """The rating circles' and check boxes' outline: the text colour of the page."""
    return palette.color(QPalette.ColorRole.WindowText).name()


def check_mark_colour(palette: QPalette) -> str:
    """The tick on a ticked box (filled in the text colour): black or white, whichever
    contrasts more with the fill (at least 4.58:1 whatever the fill is)."""
    fill = QColor(indicator_colour(palette))
    black, white = QColor("black"), QColor("white")
    return "black" if contrast_ratio(black, fill) >= contrast_ratio(white, fill) else "white"


def _mark(name: str, colour: str) -> str:
    return (RESOURCES / f"{name}-{colour}.svg").as_posix()


def focus_style_sheet(app: QApplication) -> str:
    palette = app.palette()
    size = max(12, round(QFontMetrics(app.font()).height() * 0.75))
    mark = check_mark_colour(palette)
    return _SHEET.format(
        focus=focus_colour(palette).name(),
        text=indicator_colour(palette),
        tick=_mark("check-mark", mark),
        dash=_mark("partial-mark", mark),
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
        app.focusChanged.connect(lambda _old, new: _ring_around(new))


# Controls the style sheet frames itself (a border, or an outline round a box's words).
_SHEET_FRAMED = (
    QLineEdit,
    QAbstractSpinBox,
    QComboBox,
    QCheckBox,
    QRadioButton,
)


_ring: list[FocusRing] = []  # one for the application, made at the first focus change


def _ring_around(widget: QWidget | None) -> None:
    if not _ring or not isValid(_ring[0]):  # it went with the window it was last shown in
        _ring[:] = [FocusRing()]
    ring = _ring[0]
    wanted = widget is not None and not isinstance(widget, _SHEET_FRAMED)
    # Round the control whose focus proxy it is (a notes box round its editor): that is the
    # control the patient sees. Not a tab widget round its tab bar: the ring is the current
    # tab's, and round the whole page it would say nothing about which tab has the keys.
    while (
        widget is not None
        and not isinstance(widget, QTabBar)
        and (parent := widget.parentWidget()) is not None
    ):
        if parent.focusProxy() is not widget:
            break
        widget = parent
    ring.frame(widget if wanted else None)
