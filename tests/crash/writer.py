"""The process the crash test kills: an endless series of writes through the db API.

    python -m tests.crash.writer LIBDIR LOGFILE [--seed N] [--backup-every P] [--migration]

Before each action it appends a `begin` line to LOGFILE and after the commit a `commit` line
(each fsynced), JSON, one per line. Whatever a `commit` line names must survive a kill -9; the one
action begun but not committed may or may not have happened. With `--migration` it registers the
test migration step (tests.crash.migration) before opening, so it can be killed while migrating."""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

FIELDS = {
    "organisation": ("name_en", "name_zh", "notes", "country"),
    "person": ("name_en", "name_zh", "position", "phone"),
    "event": ("title_en", "title_zh", "city", "summary"),
    "certificate": ("title_en", "title_zh", "number", "notes"),
}
OWNER_KINDS = ("event", "certificate", "person")
_ZH = "国际合作交流培训基地证书教育部商会联盟学院职业技术中心"


class Log:
    def __init__(self, path: Path):
        self.fh = open(path, "ab")
        if self.fh.tell() and not _ends_with_newline(path):
            self._write("\n")  # a line torn by the last kill stays alone on its line

    def _write(self, text: str) -> None:
        self.fh.write(text.encode("utf-8"))
        self.fh.flush()
        os.fsync(self.fh.fileno())

    def line(self, **data) -> None:
        self._write(json.dumps(data, ensure_ascii=False) + "\n")


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as fh:
        fh.seek(-1, os.SEEK_END)
        return fh.read(1) == b"\n"


def _text(rnd: random.Random) -> str:
    if rnd.random() < 0.4:
        return "".join(rnd.choice(_ZH) for _ in range(rnd.randint(2, 8)))
    return "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(rnd.randint(3, 30))).strip() or "x"


def _pick(lib, kind: str, rnd: random.Random, *, deleted: bool | None = False) -> int | None:
    from db import records

    table = records.TABLES[kind]
    where = "" if deleted is None else ("WHERE deleted_at IS NOT NULL" if deleted else "WHERE deleted_at IS NULL")
    n = lib.conn.execute(f"SELECT count(*) FROM {table} {where}").fetchone()[0]
    if not n:
        return None
    row = lib.conn.execute(f"SELECT id FROM {table} {where} ORDER BY id LIMIT 1 OFFSET ?",
                           (rnd.randrange(n),)).fetchone()
    return row[0]


def _import_document(folder: Path, rnd: random.Random, n: int) -> tuple[Path, dict]:
    """A small interchange document with fresh uuids (an organisation, an event, a person who
    attended it, a certificate with a scan) and what each record's fields must be afterwards."""
    import hashlib
    import uuid

    from tests.db.scans import png_bytes

    stamp = "2024-05-01T08:00:00.000000Z"
    meta = {"created_at": stamp, "updated_at": stamp, "deleted_at": None}
    u = {k: str(uuid.UUID(int=rnd.getrandbits(128), version=4))
         for k in ("organisation", "event", "person", "attendance", "certificate", "attachment")}
    values = {k: {f: _text(rnd) for f in FIELDS[k][:2]}
              for k in ("organisation", "event", "person", "certificate")}
    scan = png_bytes(rnd.randrange(1 << 30), size=32)
    sha = hashlib.sha256(scan).hexdigest()
    doc = {
        "format": "cooperation-records", "version": 1,
        "organisations": [{"uuid": u["organisation"], **meta, **values["organisation"]}],
        "events": [{"uuid": u["event"], **meta, **values["event"]}],
        "people": [{"uuid": u["person"], **meta, **values["person"], "organisation": u["organisation"]}],
        "attendances": [{"uuid": u["attendance"], **meta, "event": u["event"], "person": u["person"],
                         "role": "delegate"}],
        "certificates": [{"uuid": u["certificate"], **meta, **values["certificate"],
                          "issuer": u["organisation"], "event": u["event"]}],
        "attachments": [{"uuid": u["attachment"], **meta, "owner_kind": "certificate",
                         "owner": u["certificate"], "sha256": sha, "original_name": "imported.png",
                         "media_type": "image/png", "bytes": len(scan)}],
    }
    path = folder / f"import-{n}.json"
    files = folder / f"import-{n}.files"
    files.mkdir(parents=True, exist_ok=True)
    (files / sha).write_bytes(scan)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    expect = {kind: {"uuid": u[kind], "values": values[kind]} for kind in values}
    return path, expect


def run(lib_dir: Path, log_path: Path, seed: int, backup_every: float) -> None:
    from db import (attachments, attendances, backup, certificates, events, interchange,
                    organisations, people, trash)
    from db.library import open_library

    from tests.db.scans import png_bytes

    modules = {"organisation": organisations, "person": people, "event": events,
               "certificate": certificates}
    rnd = random.Random(seed)
    log = Log(log_path)
    log.line(phase="start", pid=os.getpid())
    print("opening", flush=True)
    lib = open_library(lib_dir, create=True)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        r = rnd.random()
        kind = rnd.choice(tuple(FIELDS))
        if r < backup_every:
            log.line(phase="begin", n=n, op="backup")
            result = backup.backup(lib, lib_dir.parent / "backups")
            log.line(phase="commit", n=n, op="backup", snapshot=result.snapshot.name)
        elif r < 0.25:
            values = {f: _text(rnd) for f in FIELDS[kind][:2]}
            log.line(phase="begin", n=n, op="create", kind=kind)
            rec = modules[kind].create(lib, **values)
            log.line(phase="commit", n=n, op="create", kind=kind, id=rec.id, values=values)
        elif r < 0.55:
            record_id = _pick(lib, kind, rnd)
            if record_id is None:
                continue
            field = rnd.choice(FIELDS[kind])
            old = getattr(modules[kind].get(lib, record_id), field)
            value = _text(rnd)
            log.line(phase="begin", n=n, op="update", kind=kind, id=record_id, field=field,
                     old=old, value=value)
            modules[kind].update(lib, record_id, **{field: value})
            log.line(phase="commit", n=n, op="update", kind=kind, id=record_id, field=field,
                     value=value)
        elif r < 0.62:
            record_id = _pick(lib, kind, rnd)
            if record_id is None:
                continue
            log.line(phase="begin", n=n, op="delete", kind=kind, id=record_id)
            modules[kind].delete(lib, record_id)
            log.line(phase="commit", n=n, op="delete", kind=kind, id=record_id)
        elif r < 0.66:
            record_id = _pick(lib, kind, rnd, deleted=True)
            if record_id is None:
                continue
            log.line(phase="begin", n=n, op="restore", kind=kind, id=record_id)
            try:
                modules[kind].restore(lib, record_id)
            except Exception as exc:  # noqa: BLE001 - a link no longer holds: refused, nothing changed
                log.line(phase="commit", n=n, op="refused", kind=kind, id=record_id, error=type(exc).__name__)
                continue
            log.line(phase="commit", n=n, op="restore", kind=kind, id=record_id)
        elif r < 0.70:
            event_id, person_id = _pick(lib, "event", rnd), _pick(lib, "person", rnd)
            if event_id is None or person_id is None:
                continue
            log.line(phase="begin", n=n, op="attend", event_id=event_id, person_id=person_id)
            try:
                att = attendances.create(lib, event_id=event_id, person_id=person_id)
            except Exception as exc:  # noqa: BLE001 - already attending
                log.line(phase="commit", n=n, op="refused", error=type(exc).__name__)
                continue
            log.line(phase="commit", n=n, op="attend", id=att.id)
        elif r < 0.73:
            path, expect = _import_document(lib_dir.parent / "imports", rnd, n)
            log.line(phase="begin", n=n, op="import")
            interchange.import_(lib, path)
            created = {k: modules[k].get_by_uuid(lib, e["uuid"]).id for k, e in expect.items()}
            scan = attachments.for_owner(lib, "certificate", created["certificate"])[0]
            log.line(phase="commit", n=n, op="import",
                     records=[[k, created[k], e["values"]] for k, e in expect.items()],
                     attachment=[scan.id, scan.sha256])
        elif r < 0.92:
            owner_kind = rnd.choice(OWNER_KINDS)
            owner_id = _pick(lib, owner_kind, rnd)
            if owner_id is None:
                continue
            data = png_bytes(rnd.randrange(1 << 30), size=rnd.choice((16, 64, 256)))
            log.line(phase="begin", n=n, op="attach", owner_kind=owner_kind, owner_id=owner_id)
            added = attachments.add(lib, data, owner_kind=owner_kind, owner_id=owner_id,
                                    original_name="scan.png")
            log.line(phase="commit", n=n, op="attach", id=added.attachment.id,
                     sha256=added.attachment.sha256)
        else:
            att_id = _pick(lib, "attachment", rnd)
            if att_id is None:
                continue
            log.line(phase="begin", n=n, op="purge_attachment", id=att_id)
            attachments.delete(lib, att_id)
            trash.purge(lib, "attachment", att_id)
            log.line(phase="commit", n=n, op="purge_attachment", id=att_id)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("lib_dir", type=Path)
    parser.add_argument("log", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--backup-every", type=float, default=0.02)
    parser.add_argument("--migration", action="store_true")
    args = parser.parse_args(argv)
    if args.migration:
        from tests.crash import migration

        migration.register()
    run(args.lib_dir, args.log, args.seed, args.backup_every)


if __name__ == "__main__":
    sys.exit(main())
