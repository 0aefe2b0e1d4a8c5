"""Qt workarounds and the Qt set-up the app's layers share, in one place.

Like qutebrowser's ``qutebrowser/qt/``: whatever works around a Qt or PySide6 quirk, or sets Qt
up for a headless caller, lives here and nowhere else, so it can be found, tested and removed
when the quirk is fixed. It uses QtCore and QtGui only (the report and headless commands use
it, and they have no widgets), imports nothing else of the app, and the core and the
presentation layer never import it (import-linter contracts in pyproject.toml).

- ``none_refcount``: PySide6 6.12 on Python 3.11 and older miscounts references to None.
- ``gui_application``: a QGuiApplication for the PDF renderers, offscreen unless told.
"""
