"""ketachecklist: questions to put to ketamine clinics, your answers, a side-by-side comparison.

The app organises what the patient records. It is not medical advice and never calls a clinic safe.
"""

__version__ = "0.1.0"


# Marks for pyside6-lupdate (which knows them by name), typed, unlike PySide6's (``object``). A
# text made at import is marked where it is made and translated where it is shown: in the Qt-free
# layers with ``present.text.tr`` (context ""), in ui/ with ``QCoreApplication.translate`` or
# ``self.tr`` of the same context (docs/architecture.md, Translations).
def QT_TR_NOOP(text: str) -> str:
    return text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


DISCLAIMER = QT_TR_NOOP(
    "This is not medical advice. ketachecklist organises the answers you recorded; "
    "it does not say whether any clinic or treatment is safe or right for you. "
    "Talk to your own doctor."
)

# Calm, plain crisis help: on the first-start note, "Before your consultation", the Help menu,
# the report's first page and the consultation sheet. Source: SAMHSA, 988 Suicide & Crisis
# Lifeline (988lifeline.org); 911 is the US emergency number. No link is opened: text only.
CRISIS_HELP = QT_TR_NOOP(
    "If you are thinking about suicide or feel you might harm yourself, help is there now. "
    "In the US, call or text 988 (Suicide & Crisis Lifeline). "
    "If you are in immediate danger, call 911. "
    "Elsewhere, call your local emergency number."
)
