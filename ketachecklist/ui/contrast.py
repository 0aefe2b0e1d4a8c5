"""WCAG contrast of the palette's colours, and the colours the app derives from them.

The muted grey of "Not asked yet" and the keyboard-focus frame are picked from the palette in
use (light, dark or high contrast) so that they keep 4.5:1 (text) and 3:1 (focus) against the
background they are drawn on.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

TEXT_CONTRAST = 4.5
FOCUS_CONTRAST = 3.0


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    return (
        0.2126 * _channel(colour.redF())
        + 0.7152 * _channel(colour.greenF())
        + 0.0722 * _channel(colour.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(colour: QColor, background: QColor, share: float) -> QColor:
    """The opaque colour ``share`` of the way from ``background`` to ``colour``."""
    return QColor.fromRgbF(
        background.redF() + (colour.redF() - background.redF()) * share,
        background.greenF() + (colour.greenF() - background.greenF()) * share,
        background.blueF() + (colour.blueF() - background.blueF()) * share,
    )


def over(colour: QColor, background: QColor) -> QColor:
    """The opaque colour ``colour`` paints on ``background`` once its alpha is blended in (Qt 6's
    default PlaceholderText is black at alpha 128: drawn, it is a mid grey)."""
    return mix(colour, background, colour.alphaF())


def readable_blend(foreground: QColor, background: QColor, minimum: float) -> QColor:
    """The colour nearest to ``background`` on the way to ``foreground`` that still reaches
    ``minimum`` contrast against it (``foreground`` itself if even that does not)."""
    best = QColor(foreground)
    for step in range(21):  # from half-way, on towards the full foreground
        share = 0.5 + step * 0.025
        mixed = mix(foreground, background, share)
        if contrast_ratio(mixed, background) >= minimum:
            return mixed
    return best


def muted_text(palette: QPalette) -> QColor:
    """Secondary text on the Base colour ("Not asked yet"): greyer than Text, still 4.5:1 as
    drawn (opaque, any alpha of the palette's colours blended in first)."""
    base = over(palette.color(QPalette.ColorRole.Base), QColor(255, 255, 255))
    placeholder = over(palette.color(QPalette.ColorRole.PlaceholderText), base)
    if contrast_ratio(placeholder, base) >= TEXT_CONTRAST:
        return placeholder
    text = over(palette.color(QPalette.ColorRole.Text), base)
    return readable_blend(text, base, TEXT_CONTRAST)


def focus_colour(palette: QPalette) -> QColor:
    """The focus frame: the Highlight colour when it stands out 3:1 from Base and Window,
    otherwise the text colour (always the most distinct from the background)."""
    highlight = palette.color(QPalette.ColorRole.Highlight)
    backgrounds = (
        palette.color(QPalette.ColorRole.Base),
        palette.color(QPalette.ColorRole.Window),
    )
    if all(contrast_ratio(highlight, b) >= FOCUS_CONTRAST for b in backgrounds):
        return highlight
    return palette.color(QPalette.ColorRole.WindowText)
