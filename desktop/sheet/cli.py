"""`cooperation-records summary EVENT_ID --pdf OUT.pdf [--lang zh|en|both] [--paper a4|letter]
[--library DIR]`: the summary sheet as a PDF, with no screen (Qt's offscreen platform).
Exit 0 on success, 1 for a bad event id or an unwritable file, 3 when the library cannot open."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from db.cli import EXIT_CANNOT_OPEN
from db.errors import LibraryError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("event_id", type=int, help="id of the event")
    parser.add_argument("--pdf", required=True, type=Path, help="the PDF file to write")
    parser.add_argument("--lang", choices=("zh", "en", "both"), default="zh")
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4")
    parser.add_argument("--library", type=Path, default=None,
                        help="library folder (default: COOPREC_LIBRARY or Documents/Cooperation Records)")


def _app():
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is ever shown
        app = QGuiApplication(["cooperation-records"])
    return app


def run(args: argparse.Namespace) -> int:
    from db.library import default_library_path, open_library
    from desktop.sheet import jobs

    lang = "zh" if os.environ.get("LANG", "").startswith("zh") else "en"
    _app_ref = _app()  # noqa: F841 - fonts and painting need an application object
    try:
        lib = open_library(args.library or default_library_path())
    except LibraryError as exc:
        print(exc.message(lang), file=sys.stderr)
        return EXIT_CANNOT_OPEN
    try:
        path = jobs.write_pdf(lib, args.event_id, args.pdf, lang=args.lang, paper=args.paper)
    except LibraryError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{args.pdf}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    finally:
        lib.close()
    print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cooperation-records summary", description=__doc__)
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
