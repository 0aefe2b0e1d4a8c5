"""What the comparison report and the consultation sheet share: paper sizes, dates, the notices
every page carries, the clinic's details, and making user text safe to lay out (no Qt)."""

from __future__ import annotations

import datetime as dt
import locale
import os
import re
from enum import Enum

from ketachecklist.core.document import Clinic, Comparison
from ketachecklist.present.choices import choice_text
from ketachecklist.present.text import QT_TR_NOOP, tr

NOT_MEDICAL_ADVICE = QT_TR_NOOP("This is not medical advice")
CHOICE_MARK = "✔"
# The short form of CRISIS_HELP for page footers, so every printed page carries it.
CRISIS_POINTER = QT_TR_NOOP("In a crisis: call or text 988 (US) · in immediate danger, call 911")
_MONTHS = (
    QT_TR_NOOP("January"),
    QT_TR_NOOP("February"),
    QT_TR_NOOP("March"),
    QT_TR_NOOP("April"),
    QT_TR_NOOP("May"),
    QT_TR_NOOP("June"),
    QT_TR_NOOP("July"),
    QT_TR_NOOP("August"),
    QT_TR_NOOP("September"),
    QT_TR_NOOP("October"),
    QT_TR_NOOP("November"),
    QT_TR_NOOP("December"),
)
# Territories that use US Letter paper; everywhere else uses A4.
_LETTER_TERRITORIES = {"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PA", "SV", "DO", "PR"}


def decided_text() -> str:
    """'✔ your recorded decision': the one wording every output (the PDF, the HTML, the
    Decision tab's family section) puts beside the clinic the patient recorded as their choice."""
    return f"{CHOICE_MARK} {tr('your recorded decision')}"


class PageSize(str, Enum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def label(self) -> str:
        return "A4" if self is PageSize.A4 else tr("US Letter")


def default_page_size() -> PageSize:
    """Letter where the locale's territory uses it (US, Canada, Mexico, ...), A4 elsewhere."""
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return _page_size_of_locale(value)
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    return _page_size_of_locale(name)


def _page_size_of_locale(name: str) -> PageSize:
    match = re.match(r"^[A-Za-z]{2,3}[_-]([A-Za-z]{2})", name)
    if match and match.group(1).upper() in _LETTER_TERRITORIES:
        return PageSize.LETTER
    return PageSize.A4


def format_date(date: dt.date) -> str:
    return tr("{day} {month} {year}").format(
        day=date.day, month=tr(_MONTHS[date.month - 1]), year=date.year
    )


def citation(comparison: Comparison, source_id: str) -> str:
    source = comparison.catalogue.source(source_id) if source_id else None
    return source.citation if source is not None else source_id


def clinic_details(clinic: Clinic) -> tuple[tuple[str, str], ...]:
    treatments = [choice_text(t) for t in clinic.treatments]
    if clinic.treatment_other:
        treatments.append(clinic.treatment_other)
    details = [
        (tr("Location"), clinic.location),
        (tr("Phone"), clinic.phone),
        (tr("Website"), clinic.website),
        (tr("Contact"), clinic.contact),
        (
            tr("Consultation"),
            format_date(clinic.consultation_date) if clinic.consultation_date else "",
        ),
        (tr("Treatments offered"), ", ".join(treatments)),
    ]
    return tuple((label, value) for label, value in details if value)


def find_clinic(comparison: Comparison, name: str) -> Clinic | None:
    """The clinic called ``name`` (ignoring case and surrounding spaces), or with that id."""
    wanted = " ".join(name.split()).casefold()
    for clinic in comparison.clinics:
        if " ".join(clinic.name.split()).casefold() == wanted:
            return clinic
    return next((c for c in comparison.clinics if c.id == name.strip()), None)


def chunk_evenly(count: int, max_per_chunk: int) -> list[range]:
    """Split ``count`` columns into the fewest chunks of at most ``max_per_chunk``, evenly.

    12 clinics, 5 per page → 4 + 4 + 4 rather than 5 + 5 + 2.
    """
    if count <= 0:
        return []
    per = max(1, max_per_chunk)
    chunks = -(-count // per)
    base, extra = divmod(count, chunks)
    ranges = []
    start = 0
    for index in range(chunks):
        size = base + (1 if index < extra else 0)
        ranges.append(range(start, start + size))
        start += size
    return ranges


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def printable_text(text: str) -> str:
    """User text ready to lay out: line breaks unified to \\n, tabs as spaces, no controls."""
    text = text.replace("\r\n", "\n").replace("\t", "    ")
    for mark in ("\r", "\x85", "\u2028", "\u2029"):
        text = text.replace(mark, "\n")
    return _CONTROL.sub("", text)
