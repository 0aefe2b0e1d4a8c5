"""One clinic's answer to one question in words: the cell every grid, page and sheet shows."""

from __future__ import annotations

from dataclasses import dataclass

from ketachecklist.core.catalogue import Question
from ketachecklist.core.document import Answer
from ketachecklist.core.scoring import RED_FLAG_MARK, RedFlag
from ketachecklist.present.cost import numeric_value, value_text
from ketachecklist.present.ratings import BEST_MARK, answer_rating_text, not_applying_headline
from ketachecklist.present.text import QT_TR_NOOP, tr

ASK_MORE = QT_TR_NOOP("The sources give reason to ask more about this.")


def red_flag_sentence(label: str) -> str:
    """'RED FLAG: <label>. The sources give reason to ask more about this.'"""
    if not label:
        return ""
    return tr("RED FLAG: {label}. {ask_more}").format(
        label=label.rstrip(". "), ask_more=tr(ASK_MORE)
    )


def red_flag_text(flag: RedFlag | None) -> str:
    """The sentence with its ⚠ mark, as the screens and pages show it; '' for no flag."""
    return f"{RED_FLAG_MARK} {red_flag_sentence(flag.label)}" if flag is not None else ""


@dataclass(frozen=True)
class Cell:
    """``rating`` is the rating that counts: None when the answer does not apply, whose words
    (``not_applying``) then head the cell, with any rating recorded earlier named as kept."""

    rating: int | None
    rating_text: str
    best: bool
    value_text: str
    value_number: float | int | None
    said: str
    red_flag: str  # the flag's label, or "" when the answer raises none
    not_applying: str = ""  # "Doesn't apply to this clinic", "Not for IV-only clinics: …"

    @property
    def blank(self) -> bool:
        return (
            self.rating is None and not self.value_text and not self.said and not self.not_applying
        )

    @property
    def applies(self) -> bool:
        return not self.not_applying

    @property
    def headline(self) -> str:
        """'★ 5 – Reassuring', '2 – Weak', 'Not rated yet', 'Not asked yet' or why it does
        not apply."""
        return f"{BEST_MARK} {self.rating_text}" if self.best else self.rating_text

    @property
    def red_flag_short(self) -> str:
        """'⚠ RED FLAG: <label>', where room is short (a grid cell, a list)."""
        if not self.red_flag:
            return ""
        return f"{RED_FLAG_MARK} {tr('RED FLAG: {label}').format(label=self.red_flag)}"

    @property
    def red_flag_sentence(self) -> str:
        """'RED FLAG: <label>. The sources give reason to ask more about this.'"""
        return red_flag_sentence(self.red_flag)

    @property
    def red_flag_text(self) -> str:
        """The sentence with its ⚠ mark, as printed."""
        return f"{RED_FLAG_MARK} {self.red_flag_sentence}" if self.red_flag else ""


def make_cell(
    question: Question,
    answer: Answer,
    *,
    best: bool,
    flag: RedFlag | None = None,
    not_applying: str = "",
) -> Cell:
    """A cell from what scoring decided (``best``, ``flag``, ``not_applying``): nothing is
    judged here."""
    return Cell(
        rating=None if not_applying else answer.rating,
        rating_text=not_applying_headline(not_applying, answer.rating)
        if not_applying
        else answer_rating_text(answer),
        best=best,
        value_text=value_text(question, answer.value),
        value_number=None if not_applying else numeric_value(question, answer.value),
        said=answer.said,
        red_flag=flag.label if flag is not None else "",
        not_applying=not_applying,
    )
