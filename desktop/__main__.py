"""`cooperation-records [--library DIR]` or `python -m desktop [LIBRARY_FOLDER]`: start the app.
With a command (`init`, `import`, `export`, `search`, `attach`, `check`, `summary`, `--help`), run
it on the command line instead (db/cli.py), with the desktop's own commands added."""
from __future__ import annotations

import sys
from pathlib import Path

from db import cli


def extra_commands() -> list[cli.ExtraCommand]:
    """Commands that need the desktop package (Qt is imported only when one runs)."""
    from desktop.sheet import cli as sheet_cli

    return [cli.ExtraCommand("summary", "write the summary sheet of an event as a PDF",
                             sheet_cli.add_arguments, sheet_cli.run)]


def _gui_library(argv: list[str]) -> tuple[bool, Path | None]:
    """(start the GUI?, library folder) — the GUI takes only `--library DIR`, `--lang X` and an
    optional folder; anything else is a command."""
    rest, library, i = [], None, 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("--library", "--lang") and i + 1 < len(argv):
            if arg == "--library":
                library = Path(argv[i + 1])
            i += 2
            continue
        if arg.startswith(("--library=", "--lang=")):
            if arg.startswith("--library="):
                library = Path(arg.split("=", 1)[1])
            i += 1
            continue
        rest.append(arg)
        i += 1
    if not rest:
        return True, library
    if len(rest) == 1 and not rest[0].startswith("-") and rest[0] not in cli.COMMANDS \
            and rest[0] != "summary" and library is None:
        return True, Path(rest[0])
    return False, None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    gui, library = _gui_library(argv)
    if not gui:
        return cli.main(argv, extra=extra_commands())
    from desktop.app import main as run_app  # imported late: the command line never needs Qt

    return run_app(library)


if __name__ == "__main__":
    sys.exit(main())
