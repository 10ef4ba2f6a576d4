"""Opening, creating and closing a library: a folder with `records.db` and `files/`."""
from __future__ import annotations

import contextlib
import errno
import getpass
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Iterator

from sqlite_utils import Database

from db import errors
from db.dates import utc_now
from db.lock import FolderLock, LockBusy
from db.migrations import ALL_STEPS, migrations

DB_NAME = "records.db"
FILES_DIR = "files"
LOCK_NAME = "records.lock"
APP_FOLDER = "Cooperation Records"


class Library:
    """An open library. Pass it first to every function of `db`. Close it (or use `with`)."""

    def __init__(self, path: Path, db: Database, lock: FolderLock):
        self.path = path
        self.db = db
        self.conn: sqlite3.Connection = db.conn
        self._lock = lock
        self.user = current_user()
        self.quick_check_pending = False  # see open_library

    @property
    def files_dir(self) -> Path:
        return self.path / FILES_DIR

    @property
    def db_path(self) -> Path:
        return self.path / DB_NAME

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """One transaction (or a savepoint inside one): commit on success, roll back on error.
        A full disk or a folder turned read-only surfaces as a clear LibraryError (disk_full,
        read_only); the transaction is rolled back and everything committed before stays."""
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.OperationalError as exc:
            mapped = write_error(exc, self.path)
            if mapped is None:
                raise
            raise mapped from exc

    def close(self) -> None:
        if self._lock.held:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA optimize")
            self.conn.close()
            self._lock.release()

    @property
    def closed(self) -> bool:
        return not self._lock.held

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Library {self.path}>"


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in some containers
        return "unknown"


def documents_dir() -> Path:
    """The user's documents folder (Windows, macOS, XDG), or the home folder."""
    home = Path.home()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run(
                ["xdg-user-dir", "DOCUMENTS"], capture_output=True, text=True, timeout=2
            ).stdout.strip()
            if out and Path(out) != home:
                return Path(out)
    docs = home / "Documents"
    return docs if docs.is_dir() or sys.platform in ("win32", "darwin") else home


def default_library_path() -> Path:
    """Where the default library lives: `COOPREC_LIBRARY`, else Documents/Cooperation Records."""
    env = os.environ.get("COOPREC_LIBRARY")
    if env:
        return Path(env).expanduser()
    return documents_dir() / APP_FOLDER


def is_library(path: Path) -> bool:
    return (Path(path) / DB_NAME).is_file()


_SQLITE_READONLY, _SQLITE_FULL = 8, 13


def write_error(exc: sqlite3.OperationalError, path: Path) -> errors.LibraryError | None:
    """The clear error for a failed write: disk full or read-only; None for anything else."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    text = str(exc).lower()
    if code == _SQLITE_FULL or "disk is full" in text:
        return errors.LibraryError("disk_full", detail=str(path))
    if code == _SQLITE_READONLY or "readonly" in text:
        return errors.CannotOpen("read_only", path=str(path))
    return None


def _is_read_only_error(exc: OSError) -> bool:
    return exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM)


# `PRAGMA quick_check` reads every page: ~1.5 s for the 670 MB benchmark library. Up to this size
# it runs on open; above it, open checks only the header and schema, and sets
# `Library.quick_check_pending` so the app runs `quick_check(path)` in the background.
QUICK_CHECK_ON_OPEN_MAX_BYTES = 64 * 1024 * 1024


def open_library(path: str | Path, *, create: bool = False,
                 quick_check_now: bool | None = None) -> Library:
    """Open the library in folder `path` (creating it when `create`), locked for this process.

    `quick_check_now`: True always runs PRAGMA quick_check before returning, False never, None
    (default) when the database is small enough to check fast.
    Raises CannotOpen (or a subclass): LibraryLocked, LibraryDamaged, LibraryTooNew."""
    path = Path(path).expanduser().absolute()
    db_file = path / DB_NAME
    if not db_file.exists():
        if not create:
            raise errors.CannotOpen("not_a_library", path=str(path))
        try:
            (path / FILES_DIR).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise errors.CannotOpen("read_only" if _is_read_only_error(exc) else "cannot_open",
                                    path=str(path), detail=exc.strerror) from exc
    lock = FolderLock(path / LOCK_NAME)
    try:
        lock.acquire()
    except LockBusy as exc:
        raise errors.LibraryLocked(path=str(path)) from exc
    except OSError as exc:
        if _is_read_only_error(exc):
            raise errors.CannotOpen("read_only", path=str(path)) from exc
        raise errors.CannotOpen(path=str(path), detail=exc.strerror or str(exc)) from exc
    try:
        if quick_check_now is None:
            size = db_file.stat().st_size if db_file.exists() else 0
            quick_check_now = size <= QUICK_CHECK_ON_OPEN_MAX_BYTES
        db = _connect(path, db_file, quick_check_now)
        (path / FILES_DIR).mkdir(exist_ok=True)
        lib = Library(path, db, lock)
        lib.quick_check_pending = not quick_check_now
        _migrate(lib)
        return lib
    except BaseException:
        lock.release()
        raise


def quick_check(path: str | Path) -> str | None:
    """Run PRAGMA quick_check on a library's database through a read-only connection of its own
    (safe beside the open library, in a background thread). None when sound, else the problem."""
    db_file = Path(path) / DB_NAME
    try:
        conn = sqlite3.connect(f"{db_file.absolute().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check(20)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == ["ok"] else "; ".join(rows)


def _connect(path: Path, db_file: Path, run_quick_check: bool = True) -> Database:
    try:
        conn = sqlite3.connect(str(db_file), check_same_thread=False, timeout=5)
    except sqlite3.Error as exc:
        raise errors.CannotOpen(path=str(path), detail=str(exc)) from exc
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA cache_size = -32768")
        conn.execute("PRAGMA temp_store = MEMORY")
        if run_quick_check:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
        else:  # header and schema only; the full check follows in the background
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            result = "ok"
    except sqlite3.OperationalError as exc:
        conn.close()
        msg = str(exc).lower()
        if "readonly" in msg or "read-only" in msg or "unable to open" in msg:
            raise errors.CannotOpen("read_only", path=str(path)) from exc
        raise errors.LibraryDamaged(path=str(path), detail=str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise errors.LibraryDamaged(path=str(path), detail=str(exc)) from exc
    if result != "ok":
        conn.close()
        raise errors.LibraryDamaged(path=str(path), detail=result)
    if mode.lower() != "wal":
        conn.close()
        raise errors.CannotOpen("read_only", path=str(path))
    return Database(conn)


def _migrate(lib: Library) -> None:
    applied = [m.name for m in migrations.applied(lib.db)]
    unknown = [name for name in applied if name not in ALL_STEPS]
    if unknown:
        raise errors.LibraryTooNew(path=str(lib.path), steps=", ".join(unknown))
    pending = migrations.pending(lib.db)
    if not pending:
        return
    if applied:
        snapshot_before_migration(lib, pending[0].name)
    try:
        migrations.apply(lib.db)
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc).lower():
            raise errors.CannotOpen("read_only", path=str(lib.path)) from exc
        raise
    with lib.atomic():
        lib.db["settings"].upsert({"key": "schema_migrated_at", "value": utc_now()}, pk="key")


def snapshot_before_migration(lib: Library, step: str) -> Path:
    """Copy the database (backup API, consistent) before migrating it."""
    target_dir = lib.path / "backups"
    target_dir.mkdir(exist_ok=True)
    stamp = utc_now().replace(":", "").replace("-", "")[:15]
    target = target_dir / f"records-before-{step}-{stamp}.db"
    tmp = target.with_suffix(".tmp")
    dst = sqlite3.connect(str(tmp))
    try:
        lib.conn.backup(dst)
    finally:
        dst.close()
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    return target


@contextlib.contextmanager
def opened(path: str | Path, *, create: bool = False) -> Iterator[Library]:
    lib = open_library(path, create=create)
    try:
        yield lib
    finally:
        lib.close()
