"""`python -m db COMMAND`: the library's command line (see db/cli.py)."""
import sys

from db.cli import main

sys.exit(main())
