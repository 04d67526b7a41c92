"""`python -m dateline ...` runs the command-line tool (same as the `dateline` script)."""

import sys

from .cli import main

sys.exit(main())
