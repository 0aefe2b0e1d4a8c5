"""Plain words: every question, its "why it matters" and every information item reads at grade 8.

Formula: the Flesch-Kincaid grade level (textstat's ``flesch_kincaid_grade``), per text,
at most 8.0. It is the most widely used U.S. grade formula (health-literacy guides and the
readability checks of word processors use it), and it gives a school grade directly, which is
how the target is stated. It scores sentence length and syllables per word.

Allowance: the formula counts syllables, so a word a patient will hear at the clinic and must
be able to recognise ("treatment-resistant depression", "intracranial pressure") would make
any sentence that names it fail. Each word in ``NAMED_TERMS`` is counted as one short word.
Where such a term is jargon, its plain-words explanation stands beside it (e.g. "dissociation"
next to "feeling cut off from yourself") and is scored in full. The list is short on
purpose; a new term needs a reason to be here.

The short attribution the loader adds to an information item, e.g. "(Spravato label)", is a
source's name, not prose, and is left out of the score.

Short list items: the formula is built for sentences. On a fragment of a few words it only
measures syllables per word, so "Drowsiness" alone scores grade 20 and "Memory loss" grade 9.
An information item under ``SHORT_ITEM_WORDS`` words is therefore scored with the other short
items of its list, read as one text (each item a sentence); longer items are scored alone.

textstat is pinned below 0.7.9 in pyproject.toml: later releases fetch the CMU pronouncing
dictionary over the network on first use, and the test run opens no socket.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import textstat  # type: ignore[import-untyped]

from ketachecklist.core.catalogue import load_catalogue

CATALOGUE_PATH = Path(__file__).resolve().parents[2] / "data" / "questions.yaml"
MAX_GRADE = 8.0
SHORT_ITEM_WORDS = 6

# The smallest list with which the catalogue passes; each word is one the reader will meet at
# the clinic, so it stays, and where it is jargon its explanation is beside it.
NAMED_TERMS = (
    # the treatment and the illness, named in almost every text
    "ketamine",
    "depression",
    "treatment-resistant",
    "infusions",
    # words of the Verywell questions and the people they name, kept recognisable
    "physician",
    "psychiatrist",
    "computerized",
    "psychologically",
    "psychotherapy",
    "medication",
    # medical terms, each shown beside its plain-words explanation
    "dissociation",
    "intracranial",
    "hemorrhage",
    "malformation",
    "anxiety",
    "placebo",
    "authorization",
)
_TERM = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in NAMED_TERMS) + r")\b", re.IGNORECASE)


def grade(text: str) -> float:
    """Flesch-Kincaid grade of ``text``, each named term counted as a one-syllable word."""
    plain = _TERM.sub("term", " ".join(text.split()))
    return float(textstat.flesch_kincaid_grade(plain))


def _texts() -> list[tuple[str, str]]:
    catalogue = load_catalogue(CATALOGUE_PATH)
    texts = []
    for question in catalogue.questions:
        texts.append((f"{question.id} text", question.text))
        texts.append((f"{question.id} why", question.why))
    for section in catalogue.information:
        texts.append((f"{section.id} title", section.title))
        items = []
        for item, source_id in zip(section.items, section.item_sources, strict=True):
            source = catalogue.source(source_id)
            attribution = f" ({source.short})" if source is not None and source.short else ""
            items.append(item.removesuffix(attribution) if attribution else item)
        short = [item for item in items if len(item.split()) < SHORT_ITEM_WORDS]
        if short:
            texts.append((f"{section.id} short items", ". ".join(short) + "."))
        texts += [
            (f"{section.id} item {n}", item)
            for n, item in enumerate(items, 1)
            if len(item.split()) >= SHORT_ITEM_WORDS
        ]
    return texts


TEXTS = _texts()


@pytest.mark.parametrize(("where", "text"), TEXTS, ids=[where for where, _ in TEXTS])
def test_text_reads_at_grade_8(where: str, text: str) -> None:
    assert grade(text) <= MAX_GRADE, f"{where}: grade {grade(text):.1f}: {text}"


def test_the_check_can_fail() -> None:
    """The formula and the allowance still catch hard prose (and don't flag plain prose)."""
    hard = (
        "Comprehensive multidisciplinary evaluation necessitates consideration of "
        "contraindications, concomitant pharmacotherapy and cardiovascular comorbidities."
    )
    assert grade(hard) > 12
    assert grade("Ask who will be with you. Write down what they say.") < 4
    # a named term is one short word, but the words around it still count
    assert grade("Esketamine is a nasal spray.") < grade("Esketamine necessitates consideration.")


def test_every_named_term_is_used() -> None:
    """No allowance is kept for a word the catalogue no longer uses."""
    words = " ".join(text for _where, text in TEXTS).lower()
    unused = [t for t in NAMED_TERMS if not re.search(rf"\b{re.escape(t)}\b", words)]
    assert unused == []
