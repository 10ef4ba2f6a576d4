"""`python -m desktop [LIBRARY_FOLDER]`: start the application."""
from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["summary"]:  # the summary sheet as a PDF, no screen needed
        from desktop.sheet.cli import main as summary
        return summary(argv[1:])
    from desktop.app import main as run_app
    return run_app(Path(argv[0]) if argv else None)


if __name__ == "__main__":
    sys.exit(main())
