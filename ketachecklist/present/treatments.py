"""The treatments a clinic may offer, in words: 'Spravato nasal spray'."""

from __future__ import annotations

from ketachecklist.core.treatments import Treatment
from ketachecklist.present.text import tr

TREATMENT_LABELS = {
    Treatment.IV_INFUSION: "IV infusion",
    Treatment.SPRAVATO: "Spravato nasal spray",
    Treatment.INTRAMUSCULAR: "Intramuscular injection",
    Treatment.ORAL: "Oral or at-home",
    Treatment.OTHER: "Other",
}


def treatment_label(treatment: Treatment) -> str:
    return tr(TREATMENT_LABELS[treatment])
