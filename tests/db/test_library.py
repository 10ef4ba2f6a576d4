"""Opening libraries: pragmas, the lock against a second process, damage, versions, migrations."""
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from db import events, library as library_mod, migrations as migrations_mod
from db.errors import CannotOpen, LibraryDamaged, LibraryLocked, LibraryTooNew
from db.library import open_library

ROOT = Path(__file__).resolve().parents[2]


def test_a_new_library_is_a_folder_with_records_db_and_files(lib, lib_path):
    assert (lib_path / "records.db").is_file() and (lib_path / "files").is_dir()
    pragma = lambda name: lib.conn.execute(f"PRAGMA {name}").fetchone()[0]
    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("foreign_keys") == 1


def test_opening_a_folder_that_is_not_a_library_says_so(tmp_path):
    with pytest.raises(CannotOpen) as info:
        open_library(tmp_path / "nothing-here")
    assert info.value.code == "not_a_library"
    assert "records.db" in info.value.message("en") and "档案库" in info.value.message("zh")


def test_second_open_in_the_same_process_is_refused(lib, lib_path):
    with pytest.raises(LibraryLocked) as info:
        open_library(lib_path)
    assert "open elsewhere" in info.value.message("en")


def test_second_process_gets_a_clear_locked_error(lib_path):
    open_library(lib_path, create=True).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from db.library import open_library
            lib = open_library({str(lib_path)!r})
            print("open", flush=True)
            sys.stdin.readline()
        """)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(LibraryLocked):
            open_library(lib_path)
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=20)
    # Once the other process has closed it, it opens again.
    open_library(lib_path).close()


def test_the_lock_dies_with_a_killed_process(lib_path):
    open_library(lib_path, create=True).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"from db.library import open_library; lib = open_library({str(lib_path)!r}); print('open', flush=True); import time; time.sleep(60)"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "open"
    holder.kill()
    holder.wait()
    open_library(lib_path).close()


def test_a_damaged_database_is_reported_not_opened(lib_path):
    lib = open_library(lib_path, create=True)
    for i in range(300):
        events.create(lib, title_en=f"Event {i}", notes="x" * 500)
    lib.close()
    db_file = lib_path / "records.db"
    with open(db_file, "r+b") as fh:
        fh.seek(4096 * 5)
        fh.write(os.urandom(4096 * 3))
    with pytest.raises(LibraryDamaged) as info:
        open_library(lib_path)
    assert "backup" in info.value.message("en") and "备份" in info.value.message("zh")


def test_garbage_instead_of_a_database(lib_path):
    lib_path.mkdir()
    (lib_path / "records.db").write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(LibraryDamaged):
        open_library(lib_path)


def test_a_library_from_a_newer_version_is_refused(lib_path):
    open_library(lib_path, create=True).close()
    conn = sqlite3.connect(lib_path / "records.db")
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                 " VALUES ('cooperation_records', '9999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryTooNew) as info:
        open_library(lib_path)
    assert "9999_from_the_future" in info.value.message("en")
    # Refusing left it untouched and unlocked.
    conn = sqlite3.connect(lib_path / "records.db")
    assert conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] >= 2
    conn.close()


def test_a_read_only_library_folder_gets_a_clear_message(tmp_path, monkeypatch):
    lib_path = tmp_path / "lib"
    open_library(lib_path, create=True).close()
    import errno

    def refuse(self):
        raise PermissionError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(library_mod.FolderLock, "acquire", refuse)
    with pytest.raises(CannotOpen) as info:
        open_library(lib_path)
    assert info.value.code == "read_only"
    assert "cannot be written" in info.value.message("en")


def _older_library(lib_path, stop_before):
    """A library made by this build's steps up to (not including) `stop_before`."""
    from sqlite_utils import Database
    lib_path.mkdir(parents=True)
    db = Database(lib_path / "records.db")
    migrations_mod.migrations.apply(db, stop_before=stop_before)
    db.conn.close()


def test_migrating_an_older_library_copies_it_first_and_keeps_its_records(tmp_path, monkeypatch):
    """Add a step to the set (as a future release would) and open a library made before it."""
    lib_path = tmp_path / "old"
    lib = open_library(lib_path, create=True)
    e = events.create(lib, title_en="Founding ceremony", start_date="2022-12-16")
    lib.close()

    m = migrations_mod.migrations
    def add_column(db):
        db.execute("ALTER TABLE events ADD COLUMN test_flag TEXT")
    monkeypatch.setattr(m, "_migrations", list(m._migrations))
    m(name="9000_test_step")(add_column)
    monkeypatch.setattr(library_mod, "ALL_STEPS", [x.name for x in m._migrations])

    lib = open_library(lib_path)
    try:
        cols = [r[1] for r in lib.conn.execute("PRAGMA table_info(events)")]
        assert "test_flag" in cols
        assert events.get(lib, e.id).title_en == "Founding ceremony"
        copies = list((lib_path / "backups").glob("records-before-9000_test_step-*.db"))
        assert len(copies) == 1
        old = sqlite3.connect(copies[0])
        assert "test_flag" not in [r[1] for r in old.execute("PRAGMA table_info(events)")]
        assert old.execute("SELECT title_en FROM events").fetchone()[0] == "Founding ceremony"
        old.close()
    finally:
        lib.close()


@pytest.mark.parametrize("step", migrations_mod.ALL_STEPS[1:] or ["(only one step so far)"])
def test_each_released_step_upgrades_a_library_made_before_it(tmp_path, step):
    if step.startswith("("):
        pytest.skip("no second migration step yet")
    lib_path = tmp_path / "old"
    _older_library(lib_path, stop_before=step)
    lib = open_library(lib_path)
    try:
        applied = [r[0] for r in lib.conn.execute("SELECT name FROM _sqlite_migrations")]
        assert applied == migrations_mod.ALL_STEPS
        assert list((lib_path / "backups").glob(f"records-before-{step}-*.db"))
        events.create(lib, title_en="works after migrating")
    finally:
        lib.close()


def test_default_library_path_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("COOPREC_LIBRARY", str(tmp_path / "x"))
    assert library_mod.default_library_path() == tmp_path / "x"
    monkeypatch.delenv("COOPREC_LIBRARY")
    assert library_mod.default_library_path().name == "Cooperation Records"


def test_committed_changes_survive_reopening(lib_path):
    lib = open_library(lib_path, create=True)
    e = events.create(lib, title_zh="中德职业教育研讨会")
    lib.close()
    with library_mod.opened(lib_path) as lib2:
        assert events.get(lib2, e.id).title_zh == "中德职业教育研讨会"


def _damage(lib_path):
    lib = open_library(lib_path, create=True)
    for i in range(300):
        events.create(lib, title_en=f"Event {i}", notes="x" * 500)
    lib.close()
    with open(lib_path / "records.db", "r+b") as fh:
        fh.seek(4096 * 5)
        fh.write(os.urandom(4096 * 3))


def test_a_large_library_opens_without_waiting_for_quick_check_and_checks_in_the_background(lib_path, monkeypatch):
    """Above the size limit, open checks only the schema; quick_check(path) then finds damage."""
    _damage(lib_path)
    monkeypatch.setattr(library_mod, "QUICK_CHECK_ON_OPEN_MAX_BYTES", 1024)
    try:
        lib = open_library(lib_path)
    except LibraryDamaged:
        pytest.skip("the damage hit the schema pages, found on open already")
    try:
        assert lib.quick_check_pending
        problem = library_mod.quick_check(lib_path)
        assert problem and problem != "ok"
    finally:
        lib.close()


def test_quick_check_of_a_sound_library_is_none(lib, lib_path):
    events.create(lib, title_en="x")
    assert not lib.quick_check_pending
    assert library_mod.quick_check(lib_path) is None
