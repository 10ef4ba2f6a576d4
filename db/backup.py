"""Backups of a library: consistent snapshots of the database plus every scan, incremental by hash.

A backup folder (default: `<library name> backups` beside the library, or the library setting
`backup_dir`, which may be a USB drive) looks like this:

    store/ab/ab12…ef           every scan once, named by its sha256, shared by all snapshots
    2024-05-01T120000Z/        one snapshot: a complete database and a manifest
        records.db             made with SQLite's backup API (never a copy of the live file)
        manifest.json          time, the database's sha256, every scan's sha256, size and path

A snapshot is written under a temporary name (`.partial-…`), fsynced, then renamed: a snapshot
folder without that prefix is always complete. Scans are written to the store the same way
(temp, fsync, rename), so a killed backup leaves only leftovers that the next one removes.
`verify` checks every hash without restoring; `restore` builds a NEW library folder and never
touches the current one; `prune` keeps 7 daily, 4 weekly and 12 monthly snapshots by default."""
from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
import shutil
import sqlite3
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from db import errors, filestore, settings
from db.library import DB_NAME, FILES_DIR, Library

MANIFEST = "manifest.json"
BACKUP_DIR = "backup_dir"  # library setting: where backups go
LIBRARY_UUID = "library_uuid"  # library setting
STORE = "store"
PARTIAL = ".partial-"
FORMAT = 1
DAY = _dt.timedelta(days=1)
_STAMP = "%Y-%m-%dT%H%M%SZ"
_CHUNK = 1 << 20

Progress = Callable[[int, int, str], None]


@dataclass
class BackupResult:
    snapshot: Path  # the snapshot folder
    created_at: str
    files: int  # scans in the snapshot
    new_files: int  # scans copied this time (the others were already in the store)
    bytes_copied: int
    missing: list[str] = field(default_factory=list)  # scans the library names but does not have


@dataclass
class Problem:
    code: str  # backup_manifest, backup_db_hash, backup_db_damaged, backup_file_missing, backup_file_hash
    path: str
    detail: str = ""


# ---------------------------------------------------------------- helpers


def app_version() -> str:
    try:
        from importlib.metadata import version

        return version("cooperation-records")
    except Exception:  # noqa: BLE001 - running from a checkout that is not installed
        return "0"


sha256_of = filestore.hash_file  # one way to hash a file


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # pragma: no cover - directories cannot be opened on Windows
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy_durably(src: Path, dst: Path) -> tuple[str, int]:
    """Copy src to dst through a temp file (fsync, rename); return the copy's sha256 and size."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(f"{PARTIAL}{dst.name}.{uuidlib.uuid4().hex[:8]}")
    h = hashlib.sha256()
    size = 0
    try:
        with open(src, "rb") as fi, open(tmp, "wb") as fo:
            while chunk := fi.read(_CHUNK):
                h.update(chunk)
                size += len(chunk)
                fo.write(chunk)
            fo.flush()
            os.fsync(fo.fileno())
        os.replace(tmp, dst)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(dst.parent)
    return h.hexdigest(), size


def _disk_error(exc: OSError, path: Path) -> errors.LibraryError:
    import errno

    if exc.errno == errno.ENOSPC:
        return errors.LibraryError("disk_full", detail=str(path))
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return errors.LibraryError("backup_unwritable", path=str(path))
    return errors.LibraryError("backup_failed", path=str(path), detail=exc.strerror or str(exc))


def _parse_stamp(name: str) -> _dt.datetime | None:
    try:
        return _dt.datetime.strptime(name, _STAMP).replace(tzinfo=_dt.timezone.utc)
    except ValueError:
        return None


def _now(now: _dt.datetime | None) -> _dt.datetime:
    now = now or _dt.datetime.now(_dt.timezone.utc)
    return now if now.tzinfo else now.replace(tzinfo=_dt.timezone.utc)


# ---------------------------------------------------------------- where backups go


def default_dir(library_path: Path) -> Path:
    library_path = Path(library_path)
    return library_path.parent / f"{library_path.name} backups"


def backup_dir(lib: Library) -> Path:
    """The library's backup folder: the setting `backup_dir`, else beside the library."""
    value = settings.get(lib, BACKUP_DIR)
    return Path(value).expanduser() if value else default_dir(lib.path)


def set_backup_dir(lib: Library, path: str | Path | None) -> None:
    """Choose where backups go (None: back to the default beside the library)."""
    settings.set(lib, BACKUP_DIR, None if path is None else str(Path(path).expanduser().absolute()))


# ---------------------------------------------------------------- snapshots


def snapshots(dest: Path) -> list[Path]:
    """Complete snapshot folders in a backup folder, oldest first."""
    dest = Path(dest)
    if not dest.is_dir():
        return []
    found = [p for p in dest.iterdir()
             if p.is_dir() and _parse_stamp(p.name) and (p / MANIFEST).is_file()]
    return sorted(found, key=lambda p: p.name)


def latest(dest: Path) -> Path | None:
    """The newest complete snapshot in a backup folder, or None."""
    found = snapshots(dest)
    return found[-1] if found else None


def latest_for_library(library_path: Path) -> Path | None:
    """The newest snapshot of a library that may not open (damaged): its `backup_dir` setting read
    without opening it as a library when possible, else the default folder beside it."""
    library_path = Path(library_path).expanduser().absolute()
    candidates = []
    with contextlib.suppress(sqlite3.Error):
        conn = sqlite3.connect(f"file:{library_path / DB_NAME}?mode=ro", uri=True, timeout=1)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (BACKUP_DIR,)).fetchone()
            if row and row[0]:
                candidates.append(Path(row[0]).expanduser())
        finally:
            conn.close()
    candidates.append(default_dir(library_path))
    found = [s for s in (latest(c) for c in candidates) if s is not None]
    return max(found, key=lambda p: p.name) if found else None


def read_manifest(snapshot: Path) -> dict:
    with open(Path(snapshot) / MANIFEST, encoding="utf-8") as fh:
        return json.load(fh)


def _change_mark(conn: sqlite3.Connection) -> list[int]:
    """A cheap fingerprint of the library's content: every change writes a history row."""
    h = conn.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()[0]
    f = conn.execute("SELECT count(*) FROM files").fetchone()[0]
    return [h, f]


def due(lib: Library, *, now: _dt.datetime | None = None, interval: _dt.timedelta = DAY,
        dest: Path | None = None) -> bool:
    """True when a backup should run: never backed up, or changed since the last snapshot and that
    snapshot is at least `interval` old (pass `interval=timedelta(0)` when the app closes)."""
    last = latest(dest or backup_dir(lib))
    if last is None:
        return True
    try:
        manifest = read_manifest(last)
    except (OSError, ValueError):
        return True
    if manifest.get("library_uuid") not in (None, library_uuid(lib)):  # another library's
        return True
    if manifest.get("change_mark") == _change_mark(lib.conn):
        return False
    taken = _parse_stamp(last.name)
    return taken is None or _now(now) - taken >= interval


def library_uuid(lib: Library) -> str:
    """A stable id of the library (kept in its settings), so a backup folder shared by two
    libraries is not mistaken for one's own."""
    value = settings.get(lib, LIBRARY_UUID)
    if value is None:
        value = str(uuidlib.uuid4())
        settings.set(lib, LIBRARY_UUID, value)
    return value


def _clean_partials(dest: Path) -> None:
    """Remove what a killed backup left behind (never a complete snapshot or a stored scan)."""
    for p in list(dest.glob(f"{PARTIAL}*")) + list((dest / STORE).glob(f"*/{PARTIAL}*")):
        with contextlib.suppress(OSError):
            shutil.rmtree(p) if p.is_dir() else p.unlink()


def _snapshot_db(db_file: Path, target: Path) -> None:
    """A consistent copy of a live database through the backup API (one read transaction)."""
    src = sqlite3.connect(str(db_file), timeout=30)
    try:
        src.execute("PRAGMA busy_timeout = 30000")
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
            # A standalone file: no -wal/-shm beside it, so verify can open it without writing.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    with open(target, "rb") as fh:
        os.fsync(fh.fileno())


def _store_path(dest: Path, sha: str) -> Path:
    return dest / STORE / sha[:2] / sha


def backup(lib: Library, dest_dir: Path | None = None, *, now: _dt.datetime | None = None,
           progress: Progress | None = None) -> BackupResult:
    """Take a snapshot of the library into `dest_dir` (default: `backup_dir(lib)`).

    Safe to run on a worker thread while the library is in use: it reads through its own
    connection (pass `dest_dir` from the UI thread, `backup_dir(lib)`, so the worker never touches
    `lib.conn`). Raises LibraryError (disk_full, backup_unwritable,
    backup_failed) and leaves no partial snapshot behind."""
    dest = Path(dest_dir) if dest_dir else backup_dir(lib)
    dest = dest.expanduser().absolute()
    if dest == lib.path or lib.path in dest.parents:
        raise errors.LibraryError("backup_inside_library", path=str(dest))
    taken = _now(now)
    name = taken.strftime(_STAMP)
    try:
        dest.mkdir(parents=True, exist_ok=True)
        _clean_partials(dest)
        final = dest / name
        while final.exists():  # several backups within one second: the next free second
            taken += _dt.timedelta(seconds=1)
            name = taken.strftime(_STAMP)
            final = dest / name
        work = dest / f"{PARTIAL}{name}"
        work.mkdir()
        try:
            return _write_snapshot(lib, dest, work, final, taken, progress)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
    except OSError as exc:
        raise _disk_error(exc, dest) from exc
    except sqlite3.OperationalError as exc:
        if "full" in str(exc).lower():
            raise errors.LibraryError("disk_full", detail=str(dest)) from exc
        raise errors.LibraryError("backup_failed", path=str(dest), detail=str(exc)) from exc


def _write_snapshot(lib: Library, dest: Path, work: Path, final: Path, taken: _dt.datetime,
                    progress: Progress | None) -> BackupResult:
    db_copy = work / DB_NAME
    _snapshot_db(lib.db_path, db_copy)
    snap = sqlite3.connect(f"file:{db_copy}?mode=ro", uri=True)
    try:
        rows = snap.execute("SELECT sha256, bytes FROM files ORDER BY sha256").fetchall()
        mark = _change_mark(snap)
        row = snap.execute("SELECT value FROM settings WHERE key = 'library_uuid'").fetchone()
        lib_uuid = row[0] if row else None
    finally:
        snap.close()
    entries, missing = [], []
    new_files = copied = 0
    total = len(rows)
    for i, (sha, size) in enumerate(rows):
        if progress:
            progress(i, total, sha)
        src = filestore.path_for(lib, sha)
        if not src.is_file():
            missing.append(sha)
            continue
        target = _store_path(dest, sha)
        if not (target.is_file() and target.stat().st_size == size):
            got, n = _copy_durably(src, target)
            if got != sha:  # the library's copy is damaged: keep nothing wrong in the store
                target.unlink()
                missing.append(sha)
                continue
            new_files += 1
            copied += n
        entries.append({"sha256": sha, "bytes": size,
                        "path": src.relative_to(lib.path).as_posix()})
    if progress:
        progress(total, total, "")
    manifest = {
        "format": FORMAT,
        "app": "Cooperation Records",
        "app_version": app_version(),
        "created_at": taken.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "library": lib.path.name,
        "library_uuid": lib_uuid,
        "change_mark": mark,
        "db": {"file": DB_NAME, "sha256": sha256_of(db_copy), "bytes": db_copy.stat().st_size},
        "files": entries,
        "missing": missing,
    }
    with open(work / MANIFEST, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    _fsync_dir(work)
    os.replace(work, final)
    _fsync_dir(dest)
    return BackupResult(final, manifest["created_at"], len(entries), new_files, copied, missing)


# ---------------------------------------------------------------- verify and restore


def resolve(backup_path: Path) -> Path:
    """A snapshot folder from a snapshot folder, a manifest, or a backup folder (its latest)."""
    p = Path(backup_path).expanduser().absolute()
    if p.name == MANIFEST:
        p = p.parent
    if (p / MANIFEST).is_file():
        return p
    last = latest(p)
    if last is None:
        raise errors.LibraryError("not_a_backup", path=str(p))
    return last


def _store_of(snapshot: Path) -> Path:
    return snapshot.parent / STORE


def verify(backup_path: Path, *, progress: Progress | None = None) -> list[Problem]:
    """Check a snapshot without restoring it: the manifest, the database's hash and integrity,
    and every scan's presence, size and hash. An empty list means the snapshot is sound."""
    try:
        snap = resolve(backup_path)
        manifest = read_manifest(snap)
        db_info = manifest["db"]
        files = manifest["files"]
    except errors.LibraryError:
        return [Problem("backup_manifest", str(backup_path), "no snapshot here")]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [Problem("backup_manifest", str(backup_path), str(exc))]
    problems: list[Problem] = []
    db_file = snap / db_info.get("file", DB_NAME)
    if not db_file.is_file():
        problems.append(Problem("backup_file_missing", str(db_file)))
    elif sha256_of(db_file) != db_info.get("sha256"):
        problems.append(Problem("backup_db_hash", str(db_file)))
    else:
        problems += _check_db(db_file)
    store = _store_of(snap)
    for i, entry in enumerate(files):
        if progress:
            progress(i, len(files), entry["sha256"])
        path = _store_path(store.parent, entry["sha256"])
        if not path.is_file():
            problems.append(Problem("backup_file_missing", str(path)))
        elif path.stat().st_size != entry["bytes"] or sha256_of(path) != entry["sha256"]:
            problems.append(Problem("backup_file_hash", str(path)))
    return problems


def _check_db(db_file: Path) -> list[Problem]:
    try:
        conn = sqlite3.connect(f"file:{db_file}?mode=ro&immutable=1", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [Problem("backup_db_damaged", str(db_file), str(exc))]
    return [] if result == "ok" else [Problem("backup_db_damaged", str(db_file), result)]


def restore(backup_path: Path, new_dir: Path, *, progress: Progress | None = None) -> Path:
    """Build a new library folder from a snapshot, identical to it, and return its path.

    Refuses an existing non-empty folder (so it can never overwrite the current library) and a
    snapshot that fails `verify`. The folder appears only when complete."""
    snap = resolve(backup_path)
    new_dir = Path(new_dir).expanduser().absolute()
    if new_dir.exists() and (not new_dir.is_dir() or any(new_dir.iterdir())):
        raise errors.LibraryError("restore_target_not_empty", path=str(new_dir))
    problems = verify(snap)
    if problems:
        raise errors.LibraryError("backup_damaged", path=str(snap),
                                  detail=f"{problems[0].code}: {problems[0].path}")
    manifest = read_manifest(snap)
    work = new_dir.parent / f"{PARTIAL}{new_dir.name}.{uuidlib.uuid4().hex[:8]}"
    try:
        new_dir.parent.mkdir(parents=True, exist_ok=True)
        work.mkdir()
        (work / FILES_DIR).mkdir()
        _copy_durably(snap / manifest["db"].get("file", DB_NAME), work / DB_NAME)
        files = manifest["files"]
        for i, entry in enumerate(files):
            if progress:
                progress(i, len(files), entry["sha256"])
            rel = Path(entry.get("path") or f"{FILES_DIR}/{entry['sha256']}")
            if rel.is_absolute() or ".." in rel.parts or rel.parts[0] != FILES_DIR:
                rel = Path(FILES_DIR) / entry["sha256"]
            got, _ = _copy_durably(_store_path(snap.parent, entry["sha256"]), work / rel)
            if got != entry["sha256"]:
                raise errors.LibraryError("backup_damaged", path=str(snap), detail=entry["sha256"])
        _fsync_dir(work)
        if new_dir.exists():
            new_dir.rmdir()  # empty, checked above
        os.replace(work, new_dir)
        _fsync_dir(new_dir.parent)
    except OSError as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise _disk_error(exc, new_dir) from exc
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return new_dir


# ---------------------------------------------------------------- retention


def plan_prune(stamps: list[_dt.datetime], *, keep_daily: int = 7, keep_weekly: int = 4,
               keep_monthly: int = 12) -> set[_dt.datetime]:
    """Which snapshot times to keep: the newest of each of the last `keep_daily` days that have a
    snapshot, of the last `keep_weekly` ISO weeks, of the last `keep_monthly` months. The newest
    snapshot is always kept."""
    ordered = sorted(stamps, reverse=True)
    keep: set[_dt.datetime] = set(ordered[:1])
    for count, key in ((keep_daily, lambda t: t.date()),
                       (keep_weekly, lambda t: t.isocalendar()[:2]),
                       (keep_monthly, lambda t: (t.year, t.month))):
        seen: list = []
        for t in ordered:
            k = key(t)
            if k in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(k)
            keep.add(t)
    return keep


def prune(dest: Path, keep_daily: int = 7, keep_weekly: int = 4, keep_monthly: int = 12) -> list[Path]:
    """Delete the snapshots retention does not keep, then the stored scans no snapshot names.
    Returns the deleted snapshot folders."""
    dest = Path(dest)
    snaps = {_parse_stamp(p.name): p for p in snapshots(dest)}
    keep = plan_prune(list(snaps), keep_daily=keep_daily, keep_weekly=keep_weekly,
                      keep_monthly=keep_monthly)
    removed = []
    for stamp, path in sorted(snaps.items()):
        if stamp not in keep:
            # Rename first: a half-deleted snapshot must never look complete.
            doomed = dest / f"{PARTIAL}{path.name}.pruned"
            os.replace(path, doomed)
            shutil.rmtree(doomed, ignore_errors=True)
            removed.append(path)
    _collect_store(dest)
    return removed


def _collect_store(dest: Path) -> int:
    """Remove stored scans that no remaining snapshot references."""
    wanted: set[str] = set()
    for snap in snapshots(dest):
        try:
            wanted.update(e["sha256"] for e in read_manifest(snap)["files"])
        except (OSError, ValueError, KeyError):
            return 0  # an unreadable manifest: keep everything rather than guess
    _clean_partials(dest)
    n = 0
    for path in (dest / STORE).glob("*/*"):
        if path.is_file() and path.name not in wanted:
            path.unlink()
            n += 1
    return n
