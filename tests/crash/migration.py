"""Kills during a migration: of a fresh library (the initial schema) and of an existing one (a
test-only step, long enough to be hit, registered only in the processes that know it).

    python -m tests.crash.migration verify LIBDIR   # exit 0 and print JSON when sound"""
from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

STEP = "9000_crash_test_step"
ROWS = 150_000


def register() -> None:
    """Add the test step to this process's migrations (after the real ones)."""
    from db import migrations as m

    if STEP in m.ALL_STEPS:
        return

    @m.migrations(name=STEP)
    def _step(db) -> None:
        db.execute("CREATE TABLE crash_test (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)")
        db.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
            " INSERT INTO crash_test (payload) SELECT hex(randomblob(24)) FROM n", (ROWS,))
        db.execute("CREATE INDEX crash_test_payload ON crash_test(payload)")

    m.ALL_STEPS.append(STEP)


def _applied(db_file: Path) -> list[str]:
    if not db_file.exists():
        return []
    conn = sqlite3.connect(db_file)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    except sqlite3.Error:
        return []
    finally:
        conn.close()


def verify(lib_dir: Path) -> dict:
    """Open (finishing any migration the kill interrupted) and check the result is whole."""
    from db import check
    from db.library import open_library

    register()
    before = _applied(lib_dir / "records.db")
    with open_library(lib_dir, create=True) as lib:
        assert lib.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert lib.conn.execute("SELECT count(*) FROM crash_test").fetchone()[0] == ROWS
        assert check.run(lib).ok
        organisations = lib.conn.execute("SELECT count(*) FROM organisations").fetchone()[0]
    return {"interrupted": STEP not in before, "organisations": organisations}


def _run_verify(lib_dir: Path) -> dict:
    out = subprocess.run([sys.executable, "-m", "tests.crash.migration", "verify", str(lib_dir)],
                         capture_output=True, text=True, cwd=Path(__file__).resolve().parents[2])
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def kill_during_migration(lib_dir: Path, rnd: random.Random, stats) -> None:
    """Kill a writer while it creates a library, check it opens whole; then kill one while it
    migrates that library to the test step, and check again."""
    from db.library import open_library
    from tests.crash import harness

    log = lib_dir.parent / f"{lib_dir.name}.log"
    harness.kill_once(lib_dir, log, rnd, max_delay=0.03, backup_every=0, during_open=True)
    with open_library(lib_dir, create=True) as lib:  # finishes the initial schema if it was cut
        assert lib.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        from db import organisations

        before = lib.conn.execute("SELECT count(*) FROM organisations").fetchone()[0]
        organisations.create(lib, name_en="Before the migration")
    harness.kill_once(lib_dir, log, rnd, max_delay=0.5, backup_every=0, during_open=True,
                      migration=True)
    result = _run_verify(lib_dir)
    assert result["organisations"] >= before + 1
    stats.kills += 2
    stats.migration_kills += 2
    stats.interrupted["migration"] = stats.interrupted.get("migration", 0) + int(result["interrupted"])


if __name__ == "__main__":
    if sys.argv[1:2] == ["verify"]:
        print(json.dumps(verify(Path(sys.argv[2]))))
