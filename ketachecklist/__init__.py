"""ketachecklist: questions to put to ketamine clinics, your answers, a side-by-side comparison.

The app organises what the patient records. It is not medical advice and never calls a clinic safe.
"""

__version__ = "0.1.0"

DISCLAIMER = (
    "This is not medical advice. ketachecklist organises the answers you recorded; "
    "it does not say whether any clinic or treatment is safe or right for you. "
    "Talk to your own doctor."
)
