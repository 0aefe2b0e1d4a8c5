"""The one door for every string of the Qt-free layers (core/, present/, report/, the CLI): ``tr``.

Without a translator ``tr`` gives the English text back (the CLI and the exporters run so, and
load no Qt). The app installs one at start (``ketachecklist/ui/translations.py``) that asks Qt's
translators, so the core's messages and the presentation layer's words follow the user's
language like the widgets' without importing Qt here. It lives at the package's top so the core,
which may import nothing of present/, report/ or ui/, shares it. ``pyside6-lupdate`` finds these
calls as it finds Qt's (under the empty context), so the text must be written out in the call:
``tr("Not asked yet")``, never ``tr(name)`` or ``tr(f"…")``; a text made at import is marked
``QT_TR_NOOP("…")`` at module level and passed through ``tr`` where it is shown (a table of them
too: ``tr(LABELS[key])``). Values go in by name after translating:
``tr("{name} could not be saved").format(name=name)``. A count is
``numbers.plural(n, tr("%n clinic"), tr("%n clinics"))``: both forms written out, the count
grouped as English groups it (``tr``'s own ``n``, Qt's plural, would print 1000, and the CLI
has no catalogue).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from ketachecklist import QT_TR_NOOP

__all__ = ["QT_TR_NOOP", "Translator", "isolated", "set_translator", "tr"]

# (text, disambiguation, n) → the text in the user's language, with %n replaced by n
Translator = Callable[[str, str | None, int], str]

_translator: Translator | None = None


def set_translator(translator: Translator | None) -> None:
    """Route ``tr`` through ``translator`` from now on (None: English again)."""
    global _translator  # noqa: PLW0603 - one hook, set once at the app's start
    _translator = translator


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the user's language; English (the text itself) without a translator."""
    if _translator is not None:
        return _translator(text, disambiguation, n)
    return text if n < 0 else text.replace("%n", str(n))


# The bidi classes that can turn the text around them: right-to-left letters and digits, and
# the embedding, override and isolate controls (Unicode Standard Annex #9).
_DIRECTIONAL = frozenset(
    {"R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
)
_OPENS_ISOLATE = frozenset("\u2066\u2067\u2068")
_CLOSES_ISOLATE = "\u2069"


def isolated(text: str) -> str:
    """User text (a clinic's or a file's name) set inside one of our sentences, as a bidi isolate.

    A Hebrew name would otherwise turn the whole line right to left, and a stray override
    (U+202E) in a name reverses every word and number after it: "16 points" reads "stniop 61",
    the crisis line's 988 reads 889. The isolate (U+2068 … U+2069) keeps what the user typed as
    it is and ends its directions where it ends; a closing mark in the text without its opener
    is left out (it would end our isolate early), and one the text leaves open is closed. Text
    with nothing directional in it comes back unchanged, so plain names read and search as
    typed.
    """
    if not any(unicodedata.bidirectional(character) in _DIRECTIONAL for character in text):
        return text
    kept: list[str] = []
    depth = 0
    for character in text:
        if character in _OPENS_ISOLATE:
            depth += 1
        elif character == _CLOSES_ISOLATE:
            if depth == 0:
                continue
            depth -= 1
        kept.append(character)
    return "\u2068" + "".join(kept) + _CLOSES_ISOLATE * (depth + 1)
