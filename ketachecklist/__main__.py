"""`python -m ketachecklist` — the same as the `ketachecklist` command."""

import sys

from ketachecklist.cli import main

sys.exit(main())
