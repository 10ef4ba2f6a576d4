"""The `files/` folder of a library: originals named by their sha256 (`files/ab/abcdef…`), written
once (temp file, fsync, rename) and never modified. The database names them in table `files`; a
file no row names is an orphan, a row whose file is gone is missing."""
from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from db import media
from db.errors import FileRejected, LibraryError
from db.library import Library

TEMP_PREFIX = ".incoming-"
TEMP_SUFFIX = ".part"
_SHA = re.compile(r"^[0-9a-f]{64}$")
_CHUNK = 1024 * 1024


@dataclass
class Incoming:
    """A copy of an offered file in files/, hashed and fsynced, not yet under its final name."""

    path: Path
    sha256: str
    size: int

    def discard(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


def path_for(lib: Library, sha256: str) -> Path:
    if not _SHA.match(sha256):
        raise ValueError(f"not a sha256: {sha256!r}")
    return lib.files_dir / sha256[:2] / sha256


def _disk_error(exc: OSError, name: str) -> LibraryError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return LibraryError("disk_full", detail=exc.strerror or str(exc))
    return LibraryError("library_error", detail=f"{name}: {exc.strerror or exc}")


def receive(lib: Library, source: Path | bytes, name: str) -> Incoming:
    """Copy `source` (a path or the bytes themselves) into a temp file in files/, hashing it on the
    way. Raises FileRejected for a source that is missing, unreadable, empty or too big; leaves
    no temp file behind on any error."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        media.check_size(len(source), name)
    else:
        media.check_file(Path(source), name)
    lib.files_dir.mkdir(exist_ok=True)
    temp = lib.files_dir / f"{TEMP_PREFIX}{uuid.uuid4().hex}{TEMP_SUFFIX}"
    digest = hashlib.sha256()
    size = 0
    try:
        with open(temp, "xb") as out:
            if isinstance(source, (bytes, bytearray, memoryview)):
                data = bytes(source)
                digest.update(data)
                out.write(data)
                size = len(data)
            else:
                try:
                    src = open(source, "rb")
                except OSError as exc:
                    raise media.unreadable(name, exc) from None
                with src:
                    while True:
                        try:
                            chunk = src.read(_CHUNK)
                        except OSError as exc:
                            raise media.unreadable(name, exc) from None
                        if not chunk:
                            break
                        size += len(chunk)
                        media.check_size(size, name)  # it may grow while we copy
                        digest.update(chunk)
                        out.write(chunk)
                media.check_size(size, name)
            out.flush()
            os.fsync(out.fileno())
    except FileRejected:
        _unlink(temp)
        raise
    except OSError as exc:
        _unlink(temp)
        raise _disk_error(exc, name) from None
    except BaseException:
        _unlink(temp)
        raise
    return Incoming(temp, digest.hexdigest(), size)


def place(lib: Library, incoming: Incoming) -> bool:
    """Move an incoming file under its sha256 name. True if it created the file, False when a
    file of that name was already there (the incoming copy is then discarded)."""
    target = path_for(lib, incoming.sha256)
    if target.exists():
        incoming.discard()
        return False
    try:
        target.parent.mkdir(exist_ok=True)
        os.replace(incoming.path, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        incoming.discard()
        raise _disk_error(exc, target.name) from None
    with contextlib.suppress(OSError):
        os.chmod(target, 0o444)  # originals are never modified
    return True


def remove(lib: Library, sha256: str) -> None:
    """Delete a stored file (only for one whose row never committed, or an orphan)."""
    _unlink(path_for(lib, sha256))


def _unlink(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        try:
            path.unlink()
        except PermissionError:
            os.chmod(path, 0o644)
            path.unlink()


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# ---------------------------------------------------------------- checks


def _known(lib: Library) -> set[str]:
    return {r[0] for r in lib.conn.execute("SELECT sha256 FROM files")}


def _stored(lib: Library):
    """(path, sha-or-None) of every file under files/."""
    root = lib.files_dir
    if not root.is_dir():
        return
    for entry in sorted(root.iterdir()):
        if entry.is_dir() and len(entry.name) == 2:
            for f in sorted(entry.iterdir()):
                ok = f.is_file() and _SHA.match(f.name) and f.name[:2] == entry.name
                yield f, (f.name if ok else None)
        else:
            yield entry, None


def orphans(lib: Library) -> list[Path]:
    """Files in files/ that no `files` row names, and stray temp files of interrupted adds."""
    known = _known(lib)
    return [p for p, sha in _stored(lib) if sha is None or sha not in known]


def missing(lib: Library) -> list[str]:
    """sha256 of `files` rows whose file is not in files/."""
    return [sha for sha in sorted(_known(lib)) if not path_for(lib, sha).is_file()]


def verify(lib: Library) -> list[str]:
    """sha256 of stored files whose bytes no longer hash to their name (missing ones excluded)."""
    bad = []
    for sha in sorted(_known(lib)):
        p = path_for(lib, sha)
        if not p.is_file():
            continue
        try:
            ok = hash_file(p) == sha
        except OSError:
            ok = False
        if not ok:
            bad.append(sha)
    return bad


def clean_orphans(lib: Library) -> int:
    """Delete the orphans (see `orphans`); returns how many were removed. Folders are left."""
    count = 0
    for p in orphans(lib):
        if p.is_dir():
            continue
        _unlink(p)
        count += 1
    return count
