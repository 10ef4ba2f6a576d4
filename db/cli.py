"""The command line: `python -m db COMMAND`, `cooperation-records COMMAND`, `python -m desktop COMMAND`.

    init [--demo]          create the library (and load the demo records)
    import FILE            import an interchange document (.json with NAME.files/ beside it, or .zip)
    export FILE            export the whole library (.json + NAME.files/, or .zip)
    search QUERY [--json] [--limit N]
    attach --certificate ID|--event ID|--person ID FILE...
    check                  integrity, links, scans, search index, backups
    backup [DEST]          back up now (default: the library's backup folder), then apply retention
    verify BACKUP          check every hash of a backup (a snapshot, or a backup folder: its latest)
    restore BACKUP NEWDIR  make a new library from a backup (never overwrites an existing one)

`--library DIR` (default: db.library.default_library_path()) and `--lang zh|en` (default: from
LANG) go before or after the command. Exit status: 0 done, 1 bad input (one line on stderr),
2 usage error, 3 the library cannot be opened (locked, damaged, too new, read-only, missing).

Extra commands (the desktop's `summary`) plug in as `ExtraCommand`s, so db never imports Qt."""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from db import messages
from db.errors import CannotOpen, LibraryDamaged, LibraryError

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE, EXIT_CANNOT_OPEN = 0, 1, 2, 3
COMMANDS = ("init", "import", "export", "search", "attach", "check", "backup", "verify", "restore")


@dataclass(frozen=True)
class ExtraCommand:
    """A subcommand defined outside db: `add_arguments(parser)` then `run(args) -> exit status`.
    `args.library` is the folder given before or after the command (None: the default)."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def default_lang(environ: os._Environ | dict = os.environ) -> str:
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


@dataclass
class Context:
    library: Path
    lang: str
    out: TextIO
    err: TextIO

    def say(self, code: str, **params) -> None:
        print(messages.text(code, self.lang, **params), file=self.out)

    def warn(self, text: str) -> None:
        print(_one_line(text), file=self.err)

    def open(self, *, create: bool = False):
        from db.library import opened

        return opened(self.library, create=create)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


# ---------------------------------------------------------------- commands


def _init(args, ctx: Context) -> int:
    with ctx.open(create=True) as lib:
        if args.demo:
            from db import demo

            report = demo.load(lib)
            ctx.say("cli_demo", count=sum(report.records.values()), scans=report.scans_added)
    ctx.say("cli_ready", path=ctx.library)
    return EXIT_OK


def _import(args, ctx: Context) -> int:
    from db import interchange

    with ctx.open() as lib:
        report = interchange.import_(lib, args.file)
    ctx.say("cli_imported", path=args.file, added=sum(report.added.values()),
            updated=sum(report.updated.values()), unchanged=sum(report.unchanged.values()),
            files=report.files_added)
    return EXIT_OK


def _export(args, ctx: Context) -> int:
    from db import interchange

    with ctx.open() as lib:
        report = interchange.export(lib, args.file)
    ctx.say("cli_exported", path=args.file, files=report.files,
            count=sum(v for k, v in report.counts.items() if k != "history"))
    return EXIT_OK


def _search(args, ctx: Context) -> int:
    from db import search

    with ctx.open() as lib:
        hits = search.search(lib, args.query, limit=args.limit)
    if args.json:
        json.dump([{"kind": h.kind, "id": h.id, "title": h.title, "snippet": h.snippet} for h in hits],
                  ctx.out, ensure_ascii=False, indent=1)
        print(file=ctx.out)
        return EXIT_OK
    if not hits:
        ctx.say("cli_no_hits", query=args.query)
        return EXIT_OK
    zh = ctx.lang == "zh"
    for h in hits:
        kind = messages.KIND_LABELS.get(h.kind, (h.kind, h.kind))[1 if zh else 0]
        line = f"{kind:<13} {h.id:>7}  {h.title}"
        if h.snippet:
            line += f"  — {h.snippet}"
        print(line, file=ctx.out)
    return EXIT_OK


def _attach(args, ctx: Context) -> int:
    from db import attachments
    from db.errors import FileRejected

    kind, owner_id = next((k, getattr(args, k)) for k in ("certificate", "event", "person")
                          if getattr(args, k) is not None)
    rejected = 0
    with ctx.open() as lib:
        for name in args.files:
            try:
                result = attachments.add(lib, Path(name), owner_kind=kind, owner_id=owner_id)
            except FileRejected as exc:
                ctx.warn(exc.message(ctx.lang))
                rejected += 1
                continue
            ctx.say("cli_already_attached" if result.already_on_record else "cli_attached", name=name)
    return EXIT_BAD_INPUT if rejected else EXIT_OK


def _check(args, ctx: Context) -> int:
    from db import check

    with ctx.open() as lib:
        report = check.run(lib)
    if not report.problems:
        ctx.say("cli_check_ok")
    for p in report.problems:
        fix = p.fix_text(ctx.lang)
        print(f"[{p.severity}] {p.message(ctx.lang)}" + (f"\n    → {fix}" if fix else ""), file=ctx.out)
    return EXIT_OK if report.ok else EXIT_BAD_INPUT


def _backup(args, ctx: Context) -> int:
    from db import backup

    with ctx.open() as lib:
        dest = args.dest or backup.backup_dir(lib)
        result = backup.backup(lib, dest)
    backup.prune(dest)
    ctx.say("cli_backed_up", path=result.snapshot, files=result.files, new=result.new_files)
    return EXIT_OK


def _verify(args, ctx: Context) -> int:
    from db import backup

    problems = backup.verify(args.backup)
    for p in problems:
        ctx.warn(messages.text(p.code, ctx.lang, path=p.path, detail=p.detail))
    if not problems:
        ctx.say("cli_backup_sound", path=backup.resolve(args.backup))
    return EXIT_BAD_INPUT if problems else EXIT_OK


def _restore(args, ctx: Context) -> int:
    from db import backup

    ctx.say("cli_restored", path=backup.restore(args.backup, args.new_dir))
    return EXIT_OK


# ---------------------------------------------------------------- parser


def build_parser(extra: Sequence[ExtraCommand] = ()) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--library", type=Path, metavar="DIR", default=None,
                        help="library folder (default: COOPREC_LIBRARY or Documents/Cooperation Records)")
    common.add_argument("--lang", choices=("zh", "en"), default=None,
                        help="language of messages (default: from LANG)")
    parser = argparse.ArgumentParser(
        prog="cooperation-records",
        description="Cooperation Records (国际合作档案). Without a command, the desktop app starts.")
    parser.add_argument("--library", dest="library_before", type=Path, metavar="DIR", default=None,
                        help="library folder (also accepted after the command)")
    parser.add_argument("--lang", dest="lang_before", choices=("zh", "en"), default=None,
                        help="language of messages (also accepted after the command)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", parents=[common], help="create the library folder")
    p.add_argument("--demo", action="store_true", help="load the demo records and sample scans")
    p.set_defaults(handler=_init)
    p = sub.add_parser("import", parents=[common], help="import an interchange document (.json or .zip)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler=_import)
    p = sub.add_parser("export", parents=[common], help="export the library (.json + NAME.files/, or .zip)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler=_export)
    p = sub.add_parser("search", parents=[common], help="search every kind of record")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true", help="a JSON list of {kind, id, title, snippet}")
    p.add_argument("--limit", type=_positive, default=50, metavar="N")
    p.set_defaults(handler=_search)
    p = sub.add_parser("attach", parents=[common], help="attach scans to a record")
    owner = p.add_mutually_exclusive_group(required=True)
    for kind in ("certificate", "event", "person"):
        owner.add_argument(f"--{kind}", type=int, metavar="ID")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(handler=_attach)
    p = sub.add_parser("check", parents=[common], help="check the library for problems")
    p.set_defaults(handler=_check)
    p = sub.add_parser("backup", parents=[common], help="back up the library now")
    p.add_argument("dest", type=Path, nargs="?", default=None, metavar="DEST")
    p.set_defaults(handler=_backup)
    p = sub.add_parser("verify", parents=[common], help="verify a backup without restoring it")
    p.add_argument("backup", type=Path, metavar="BACKUP")
    p.set_defaults(handler=_verify)
    p = sub.add_parser("restore", parents=[common], help="restore a backup into a new library folder")
    p.add_argument("backup", type=Path, metavar="BACKUP")
    p.add_argument("new_dir", type=Path, metavar="NEWDIR")
    p.set_defaults(handler=_restore)
    for cmd in extra:
        p = sub.add_parser(cmd.name, help=cmd.help, description=cmd.help)
        cmd.add_arguments(p)
        p.set_defaults(extra_run=cmd.run)
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def main(argv: Sequence[str] | None = None, extra: Sequence[ExtraCommand] = (),
         out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    parser = build_parser(extra)
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command is None:
        parser.print_usage(err)
        return EXIT_USAGE
    if getattr(args, "library", None) is None:
        args.library = args.library_before
    if getattr(args, "extra_run", None):
        return args.extra_run(args)
    from db.library import default_library_path

    lang = args.lang or args.lang_before or default_lang()
    ctx = Context(Path(args.library or default_library_path()).expanduser(), lang, out, err)
    try:
        return args.handler(args, ctx)
    except CannotOpen as exc:
        ctx.warn(exc.message(lang))
        return EXIT_CANNOT_OPEN
    except LibraryError as exc:
        ctx.warn(exc.message(lang))
        return EXIT_BAD_INPUT
    except OSError as exc:
        ctx.warn(f"{exc.filename or ''}: {exc.strerror or exc}")
        return EXIT_BAD_INPUT
    except sqlite3.DatabaseError as exc:  # damage found after a header-only open of a big library
        ctx.warn(LibraryDamaged(path=str(ctx.library), detail=str(exc)).message(lang))
        return EXIT_CANNOT_OPEN
    except KeyboardInterrupt:
        return 130
