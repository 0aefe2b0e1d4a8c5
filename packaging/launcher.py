"""Entry point of the standalone bundle (PyInstaller runs this as the `ketachecklist` program)."""

from ketachecklist.cli import main

raise SystemExit(main())
