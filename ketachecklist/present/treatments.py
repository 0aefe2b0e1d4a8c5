"""The treatments a clinic may offer, in words: 'Spravato nasal spray'."""

from __future__ import annotations

from ketachecklist.core.treatments import Treatment
from ketachecklist.present.text import QT_TR_NOOP, tr

TREATMENT_LABELS = {
    Treatment.IV_INFUSION: QT_TR_NOOP("IV infusion"),
    Treatment.SPRAVATO: QT_TR_NOOP("Spravato nasal spray"),
    Treatment.INTRAMUSCULAR: QT_TR_NOOP("Intramuscular injection"),
    Treatment.ORAL: QT_TR_NOOP("Oral or at-home"),
    Treatment.OTHER: QT_TR_NOOP("Other"),
}


def treatment_label(treatment: Treatment) -> str:
    return tr(TREATMENT_LABELS[treatment])
