"""The one error type every file problem is reported with."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, located as precisely as we can."""

    message: str
    line: int | None = None

    def render(self, source: str) -> str:
        where = f"{source} line {self.line}" if self.line is not None else source
        return f"{where}: {self.message}" if where else self.message


class FileFormatError(ValueError):
    """A catalogue or comparison file is unreadable, hostile, invalid or from a newer version.

    `problems` lists every problem found (at least one); `str(error)` gives one line per
    problem in the form ``questions.yaml line 42: question 'eval-3' has no text``.
    """

    def __init__(self, source: str, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("FileFormatError needs at least one problem")
        self.source = source
        # In file order, so the user can work down the file; problems without a line go last.
        self.problems = sorted(problems, key=lambda p: (p.line is None, p.line or 0))
        super().__init__("\n".join(p.render(source) for p in self.problems))

    @classmethod
    def single(cls, source: str, message: str, line: int | None = None) -> FileFormatError:
        return cls(source, [Problem(message, line)])
