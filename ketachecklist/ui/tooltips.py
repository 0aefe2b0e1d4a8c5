"""Qt shows a tooltip as markup when it merely looks like some: escape user text first."""

from __future__ import annotations

import html


def plain_tooltip(text: str) -> str:
    """``text`` made safe for a tooltip, which Qt shows as markup when it merely looks like some.

    Escaped and wrapped as rich text, so "<b>Bold</b>" in a clinic name shows with its angle
    brackets; line breaks are kept and long lines wrap.
    """
    if not text:
        return ""
    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{escaped}</p>"
