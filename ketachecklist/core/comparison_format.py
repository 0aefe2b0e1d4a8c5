"""What makes a file a comparison file: its format name, schema version and complete ending.

Shared by the writer (core/comparison_writer.py), the reader (core/comparison_reader.py) and
``ketachecklist validate``; the format is documented in docs/file-format.md.
"""

from __future__ import annotations

from ketachecklist.core.errors import FileFormatError
from ketachecklist.text import tr

COMPARISON_FORMAT = "ketachecklist-comparison"

SCHEMA_VERSION = 2  # 2: an answer may be marked "Doesn't apply to this clinic"

# What a custom question may say beyond text, why and kind: harmless wording, round-tripped.
# The rest of a catalogue question's fields would let a file take over the catalogue's
# behaviour (a role feeds the cost estimate, a red flag fires warnings, a source claims
# authority), so a custom question carrying one is refused.
CUSTOM_QUESTION_WORDING = ("why", "reassuring", "concerning", "unit")
CUSTOM_QUESTION_REFUSED = ("role", "red_flag", "source", "beyond_article", "applies_to")

# --- deal-breakers and weight profiles (issue 13) ----------------------------------------------
# Both are optional top-level keys, written only when used, so a comparison without them is the
# same file as before. An app that predates them refuses a file that has them (schema 1 by its
# version, an earlier schema-2 app as an "unknown field" naming the line; the file unchanged)
# instead of dropping them on its next save: that loud refusal is why they need no new version.
DECISION_SUPPORT_KEYS = ("deal_breakers", "weight_profiles")

# The app's files announce their last line near the top and end with it, so a copy or sync cut
# short is refused instead of loading as a smaller comparison. A file that does not announce it
# (hand-written, or saved by an earlier version) is read as before.
END_ANNOUNCEMENT = "# A complete file ends with the line: # end of ketachecklist comparison"
END_LINE = "# end of ketachecklist comparison"


def check_complete(data: bytes, source: str) -> None:
    """Refuse an app-written file that lost its end (FileFormatError); others pass untouched.

    The announcement is looked for in the first lines only (a recovery snapshot has one line of
    its own before them); the end line anywhere after it, so lines a person appends by hand
    after the end line do not make a whole file look cut short.
    """
    announcement = END_ANNOUNCEMENT.encode()
    head = data[: 4096 + 65536]  # a snapshot's first line may be long; the header is short
    position = -1
    start = 0
    for _ in range(5):
        end = head.find(b"\n", start)
        line = head[start : len(head) if end < 0 else end].rstrip(b"\r")
        if line == announcement:
            position = start
            break
        if end < 0:
            break
        start = end + 1
    if position < 0:
        return
    end_line = END_LINE.encode()
    at = data.find(b"\n" + end_line, position)
    while at >= 0:  # a whole line: at column 0 (never inside a scalar, which is indented)
        after = data[at + 1 + len(end_line) : at + 3 + len(end_line)]
        if after[:1] in (b"", b"\n") or after == b"\r\n":
            return
        at = data.find(b"\n" + end_line, at + 1)
    raise FileFormatError.single(
        source,
        tr(
            "the file is incomplete: it was cut short (an interrupted copy, download or sync?) "
            "and lacks its last line, '{line}'"
        ).format(line=END_LINE),
        data.count(b"\n") + 1,
    )
