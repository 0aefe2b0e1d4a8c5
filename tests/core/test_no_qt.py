"""The core must run without Qt: importing every core module pulls in no PySide6."""

import subprocess
import sys

CHECK = """
import importlib, pkgutil, sys
import ketachecklist.core as core
for module in pkgutil.iter_modules(core.__path__):
    importlib.import_module(f"ketachecklist.core.{module.name}")
import ketachecklist.commands.validate
qt = sorted(name for name in sys.modules if name.startswith(("PySide6", "shiboken6")))
print(",".join(qt))
"""


def test_core_and_validate_command_import_no_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"Qt modules imported by the core: {result.stdout}"
