"""The name a duplicated clinic gets: "Harbor Light (copy)", then "(copy 2)", "(copy 3)" …, so
copies of one clinic never look alike in the clinic list or the grid's headers."""

from __future__ import annotations

import re
from collections.abc import Collection
from itertools import count

_COPY_SUFFIX = re.compile(r" \(copy(?: \d+)?\)$")


def copy_name(original: str, taken: Collection[str], longest: int) -> str:
    """The first free "<name> (copy N)", numbered from the name without any copy suffix and cut
    so that it stays within ``longest`` characters."""
    base = _COPY_SUFFIX.sub("", original)
    for number in count(1):
        suffix = " (copy)" if number == 1 else f" (copy {number})"
        candidate = f"{base[: longest - len(suffix)]}{suffix}"
        if candidate not in taken:
            return candidate
    raise AssertionError("unreachable")  # count() never ends
