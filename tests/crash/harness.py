"""Kill the writer (tests.crash.writer) with SIGKILL at random moments and check, after each kill,
that every change its log confirmed as committed is in the library and that the library is sound.

`Model` replays the log: what each record's fields must be, which records are in the trash, which
attachments exist. The one action begun but not committed when the kill came may or may not have
happened: its fields are accepted either way, then adopted from the library."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Stats:
    kills: int = 0
    committed: int = 0  # actions confirmed over all runs
    checked_fields: int = 0
    interrupted: dict[str, int] = field(default_factory=dict)  # op -> kills that came during it
    orphans_after_kill: int = 0
    snapshots_verified: int = 0
    migration_kills: int = 0
    seconds: float = 0.0


class Model:
    def __init__(self) -> None:
        self.records: dict[tuple[str, int], dict] = {}
        self.attachments: dict[int, str | None] = {}  # id -> sha256 (None: purged)
        self.snapshots: set[str] = set()
        self.offset = 0

    def _rec(self, kind: str, record_id: int) -> dict:
        return self.records.setdefault((kind, record_id), {"fields": {}, "deleted": None})

    def apply(self, line: dict) -> None:
        op = line.get("op")
        if op == "create":
            self.records[(line["kind"], line["id"])] = {"fields": dict(line["values"]), "deleted": False}
        elif op == "update":
            self._rec(line["kind"], line["id"])["fields"][line["field"]] = line["value"]
        elif op == "delete":
            self._rec(line["kind"], line["id"])["deleted"] = True
        elif op == "restore":
            self._rec(line["kind"], line["id"])["deleted"] = False
        elif op == "import":
            for kind, record_id, values in line["records"]:
                self.records[(kind, record_id)] = {"fields": dict(values), "deleted": False}
            att_id, sha = line["attachment"]
            self.attachments[att_id] = sha  # an id freed by a purge may be given again
        elif op == "attach":
            self.attachments[line["id"]] = line["sha256"]
        elif op == "purge_attachment":
            self.attachments[line["id"]] = None
        elif op == "backup":
            self.snapshots.add(line["snapshot"])

    def read(self, log: Path) -> tuple[int, dict | None]:
        """Apply the new committed lines; return (how many, the begun-but-uncommitted action)."""
        with open(log, "rb") as fh:
            fh.seek(self.offset)
            data = fh.read()
        self.offset += len(data)
        pending: dict | None = None
        committed = 0
        for raw in data.split(b"\n"):
            try:
                line = json.loads(raw)
            except ValueError:
                continue  # the line torn by the kill
            phase = line.get("phase")
            if phase == "begin":
                pending = line
            elif phase == "commit":
                self.apply(line)
                committed += 1
                pending = None
            elif phase == "start":
                pending = None
        return committed, pending


def spawn(lib_dir: Path, log: Path, seed: int, *, backup_every: float, migration: bool = False):
    cmd = [sys.executable, "-m", "tests.crash.writer", str(lib_dir), str(log), "--seed", str(seed),
           "--backup-every", str(backup_every)]
    if migration:
        cmd.append("--migration")
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))


def _wait_for(proc, word: bytes, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.strip() == word:
            return
        if not line and proc.poll() is not None:
            raise AssertionError(f"writer exited early: {proc.stderr.read().decode()[-2000:]}")
    raise AssertionError("writer never got ready")


def kill_once(lib_dir: Path, log: Path, rnd: random.Random, *, max_delay: float,
              backup_every: float, during_open: bool = False, migration: bool = False) -> None:
    proc = spawn(lib_dir, log, rnd.randrange(1 << 30), backup_every=backup_every, migration=migration)
    try:
        _wait_for(proc, b"opening" if during_open else b"ready")
        time.sleep(rnd.uniform(0, max_delay))
        if proc.poll() is not None:
            raise AssertionError(f"writer died: {proc.stderr.read().decode()[-2000:]}")
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()


def verify(lib_dir: Path, log: Path, model: Model, stats: Stats) -> None:
    """Open the library after a kill and check everything the log promises."""
    from db import backup, check, filestore, records
    from db.library import open_library

    committed, pending = model.read(log)
    stats.committed += committed
    op = pending.get("op") if pending else None
    if op:
        stats.interrupted[op] = stats.interrupted.get(op, 0) + 1
    with open_library(lib_dir, create=True) as lib:
        assert lib.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert lib.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        if pending and op == "update":  # either value is right; adopt what is there
            row = lib.conn.execute(
                f"SELECT {pending['field']} FROM {records.TABLES[pending['kind']]} WHERE id = ?",
                (pending["id"],)).fetchone()
            assert row[0] in (pending["old"], pending["value"]), (pending, row)
            model._rec(pending["kind"], pending["id"])["fields"][pending["field"]] = row[0]
        if pending and op in ("delete", "restore"):
            model._rec(pending["kind"], pending["id"])["deleted"] = None
        if pending and op == "purge_attachment":
            model.attachments.pop(pending["id"], None)
        for (kind, record_id), want in model.records.items():
            cols = list(want["fields"])
            row = lib.conn.execute(
                f"SELECT deleted_at {''.join(', ' + c for c in cols)} FROM {records.TABLES[kind]}"
                " WHERE id = ?", (record_id,)).fetchone()
            assert row is not None, f"{kind} {record_id} lost"
            if want["deleted"] is not None:
                assert (row[0] is not None) == want["deleted"], (kind, record_id, want, row)
            else:
                want["deleted"] = row[0] is not None
            for c, value in zip(cols, row[1:]):
                assert value == want["fields"][c], (kind, record_id, c, value, want["fields"][c])
                stats.checked_fields += 1
        for att_id, sha in model.attachments.items():
            row = lib.conn.execute("SELECT sha256 FROM attachments WHERE id = ?", (att_id,)).fetchone()
            if sha is None:
                assert row is None, f"purged attachment {att_id} is back"
            else:
                assert row is not None and row[0] == sha, f"attachment {att_id} lost"
        assert filestore.missing(lib) == [], "a scan is missing"
        assert filestore.verify(lib) == [], "a scan changed"
        report = check.run(lib)
        assert report.ok, [p.message_en for p in report.problems]
        orphans = [p for p in filestore.orphans(lib) if p.is_file()]
        if orphans:
            assert op in ("attach", "purge_attachment", "import"), (op, orphans)
            stats.orphans_after_kill += 1
            after = check.repair(lib).after
            assert "check_orphans" not in after.codes
        assert filestore.orphans(lib) == [] or all(p.is_dir() for p in filestore.orphans(lib))
    dest = lib_dir.parent / "backups"
    present = {p.name for p in backup.snapshots(dest)}
    assert model.snapshots <= present, model.snapshots - present
    newest = backup.latest(dest)
    if newest is not None and newest.name not in getattr(model, "verified", set()):
        assert backup.verify(newest) == [], backup.verify(newest)
        model.verified = getattr(model, "verified", set()) | {newest.name}
        stats.snapshots_verified += 1


def crash_series(work: Path, *, kills: int, seed: int = 1, max_delay: float = 0.4,
                 backup_every: float = 0.02, migration_every: int = 0) -> Stats:
    """`kills` cycles of start, write, kill -9, verify. With `migration_every` N, every Nth cycle
    kills a writer while it migrates a library (a fresh one, or the test step on an old one)."""
    from tests.crash import migration

    rnd = random.Random(seed)
    stats = Stats()
    lib_dir, log = work / "library", work / "writes.log"
    model = Model()
    started = time.monotonic()
    for i in range(kills):
        if migration_every and i % migration_every == migration_every - 1:
            migration.kill_during_migration(work / f"migrating-{i}", rnd, stats)
            continue
        kill_once(lib_dir, log, rnd, max_delay=max_delay, backup_every=backup_every)
        stats.kills += 1
        verify(lib_dir, log, model, stats)
    stats.seconds = time.monotonic() - started
    return stats
