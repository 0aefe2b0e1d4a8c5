"""The presentation layer's door for its strings: ``ketachecklist.text.tr``, the one function
the core, present/, report/ and the CLI share (see that module for how to call it)."""

from __future__ import annotations

from ketachecklist.text import QT_TR_NOOP, Translator, isolated, set_translator, tr

__all__ = ["QT_TR_NOOP", "Translator", "isolated", "set_translator", "tr"]
