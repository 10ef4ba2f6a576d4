"""Scans and photos attached to a certificate, an event or a person.

The original goes into files/ under its sha256 (see `db.filestore`) before its row commits; the
same bytes are stored once. Rotation and caption are metadata: the original is never rewritten.
A thumbnail of page 1 is cached in the database when the file is added; others on demand."""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from db import dates, filestore, media, records
from db.errors import FileRejected, NotFound, ValidationError
from db.library import Library
from db.records import Field, Kind, Record, Spec

OWNER_KINDS = ("certificate", "event", "person")
ROTATIONS = (0, 90, 180, 270)

# One add at a time per process: the decision "is this file new?" and its undoing on error must
# not interleave with another add of the same bytes.
_adding = threading.RLock()


@dataclass(kw_only=True)
class Attachment(Record):
    owner_kind: str
    owner_id: int
    sha256: str
    original_name: str = ""
    rotation: int = 0
    caption: str | None = None
    position: int = 0
    # from the `files` row
    media_type: str | None = None
    bytes: int | None = None
    width: int | None = None
    height: int | None = None
    pages: int = 1

    @property
    def name(self) -> str:
        return self.caption or self.original_name


@dataclass
class AddResult:
    attachment: Attachment
    stored_new_file: bool  # False when the same bytes were already in the library
    already_on_record: bool  # the same bytes were already attached to this owner: nothing added


@dataclass
class BatchResult:
    added: list[AddResult] = field(default_factory=list)
    rejected: list[FileRejected] = field(default_factory=list)


def _check(lib: Library, clean: dict, record_id: int | None) -> None:
    try:
        rotation = int(clean.get("rotation") or 0) % 360
    except (TypeError, ValueError):
        raise ValidationError("bad_rotation", field="rotation") from None
    if rotation not in ROTATIONS:
        raise ValidationError("bad_rotation", field="rotation", value=clean.get("rotation"))
    clean["rotation"] = rotation
    records.require(SPEC, owner_id=clean.get("owner_id"), sha256=clean.get("sha256"))
    _check_owner(lib, clean["owner_kind"], clean["owner_id"])


def _check_owner(lib: Library, owner_kind: str, owner_id: int) -> None:
    if owner_kind not in OWNER_KINDS:
        raise ValidationError("bad_choice", field="owner_kind", value=owner_kind,
                              choices=", ".join(OWNER_KINDS))
    row = lib.conn.execute(f"SELECT deleted_at FROM {records.TABLES[owner_kind]} WHERE id = ?",
                           (owner_id,)).fetchone()
    if row is None or row[0] is not None:
        raise ValidationError("bad_ref", field="owner_id", value=owner_id)


SPEC = Spec(
    kind="attachment",
    cls=Attachment,
    fields=(
        Field("owner_kind", "choice", choices=OWNER_KINDS, required=True),
        Field("owner_id", "int"),
        Field("sha256", required=True),
        Field("original_name", default=""),
        Field("rotation", "int", default=0),
        Field("caption"),
        Field("position", "int", default=0),
    ),
    sorts={"position": "position"},
    default_sort="position",
    check=_check,
)

_kind = Kind[Attachment](SPEC)

_SELECT = ("SELECT a.*, f.media_type, f.bytes, f.width, f.height, f.pages"
           " FROM attachments a JOIN files f ON f.sha256 = a.sha256")


# ---------------------------------------------------------------- reading


def get(lib: Library, attachment_id: int) -> Attachment:
    found = records.fetch(lib, SPEC, f"{_SELECT} WHERE a.id = ?", (attachment_id,))
    if not found:
        _kind.get(lib, attachment_id)  # raises NotFound
    return found[0]


def for_owner(lib: Library, owner_kind: str, owner_id: int, *, trash: bool = False) -> list[Attachment]:
    """The live (or, with trash, the deleted) attachments of one record, in their order."""
    deleted = "IS NOT NULL" if trash else "IS NULL"
    return records.fetch(
        lib, SPEC,
        f"{_SELECT} WHERE a.owner_kind = ? AND a.owner_id = ? AND a.deleted_at {deleted}"
        " ORDER BY a.position, a.id",
        (owner_kind, owner_id),
    )


def first_for_owner(lib: Library, owner_kind: str, owner_id: int) -> Attachment | None:
    found = records.fetch(
        lib, SPEC,
        f"{_SELECT} WHERE a.owner_kind = ? AND a.owner_id = ? AND a.deleted_at IS NULL"
        " ORDER BY a.position, a.id LIMIT 1",
        (owner_kind, owner_id),
    )
    return found[0] if found else None


def count_for_owner(lib: Library, owner_kind: str, owner_id: int) -> int:
    return lib.conn.execute(
        "SELECT count(*) FROM attachments WHERE owner_kind = ? AND owner_id = ? AND deleted_at IS NULL",
        (owner_kind, owner_id),
    ).fetchone()[0]


def file_path(lib: Library, attachment_or_sha: Attachment | str) -> Path:
    """Where the original lives (read it, never write it)."""
    sha = attachment_or_sha.sha256 if isinstance(attachment_or_sha, Attachment) else attachment_or_sha
    return filestore.path_for(lib, sha)


# ---------------------------------------------------------------- adding


def _default_name(source: Path | bytes, media_type: str) -> str:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return "pasted" + media.EXTENSIONS.get(media_type, "")
    return Path(source).name


def add(lib: Library, source: Path | bytes, *, owner_kind: str, owner_id: int,
        original_name: str | None = None, caption: str | None = None) -> AddResult:
    """Attach a file (a path, or the bytes of a pasted picture) to a record, as one transaction.

    The bytes are checked (type by content, size, every page decodes, pixel limit) and written
    to files/ before the row commits; on any error nothing is left behind. Raises FileRejected
    for a bad file, ValidationError for a bad owner."""
    _check_owner(lib, owner_kind, owner_id)
    is_bytes = isinstance(source, (bytes, bytearray, memoryview))
    label = original_name or ("pasted" if is_bytes else Path(source).name)
    with _adding:
        incoming = filestore.receive(lib, source if is_bytes else Path(source), label)
        created = False
        try:
            info, thumb = media.probe_with_thumbnail(incoming.path, label)
            name = original_name or _default_name(source, info.media_type)
            with lib.atomic():
                existing = lib.conn.execute(
                    "SELECT id FROM attachments WHERE owner_kind = ? AND owner_id = ? AND sha256 = ?"
                    " AND deleted_at IS NULL ORDER BY position, id LIMIT 1",
                    (owner_kind, owner_id, incoming.sha256),
                ).fetchone()
                known = lib.conn.execute("SELECT 1 FROM files WHERE sha256 = ?",
                                         (incoming.sha256,)).fetchone() is not None
                if existing:
                    filestore.place(lib, incoming)  # puts back a missing file, else discards
                    return AddResult(get(lib, existing[0]), stored_new_file=False,
                                     already_on_record=True)
                created = filestore.place(lib, incoming)
                if not known:
                    lib.db["files"].insert({
                        "sha256": incoming.sha256, "bytes": incoming.size,
                        "media_type": info.media_type, "width": info.width,
                        "height": info.height, "pages": info.pages,
                        "added_at": dates.utc_now(),
                    })
                position = lib.conn.execute(
                    "SELECT coalesce(max(position) + 1, 0) FROM attachments"
                    " WHERE owner_kind = ? AND owner_id = ?", (owner_kind, owner_id),
                ).fetchone()[0]
                made = _kind.create(lib, owner_kind=owner_kind, owner_id=owner_id,
                                    sha256=incoming.sha256, original_name=name, caption=caption,
                                    position=position)
                _store_thumbnail(lib, incoming.sha256, 0, media.THUMBNAIL_SIZE, thumb)
                result = AddResult(get(lib, made.id), stored_new_file=not known,
                                   already_on_record=False)
        except BaseException:
            incoming.discard()
            if created:
                filestore.remove(lib, incoming.sha256)
            raise
    return result


def add_many(lib: Library, paths: Iterable[Path], *, owner_kind: str, owner_id: int,
             progress: Callable[[int, int, str], None] | None = None) -> BatchResult:
    """Attach several files, each in its own transaction: a bad file is listed in `rejected`
    and the others go in. `progress(done, total, name)` is called before each file and at the
    end; an exception it raises (the user cancelled) stops the batch between two files, and the
    files already added stay."""
    paths = [Path(p) for p in paths]
    result = BatchResult()
    for done, path in enumerate(paths):
        if progress:
            progress(done, len(paths), path.name)
        try:
            result.added.append(add(lib, path, owner_kind=owner_kind, owner_id=owner_id))
        except FileRejected as exc:
            result.rejected.append(exc)
    if progress:
        progress(len(paths), len(paths), "")
    return result


# ---------------------------------------------------------------- changing


def update(lib: Library, attachment_id: int, **changes) -> Attachment:
    """Change the caption and/or rotation (0, 90, 180, 270; metadata only)."""
    allowed = {"caption", "rotation", "position"}
    for key in changes:
        if key not in allowed:
            raise ValidationError("unknown_field", value=key)
    _kind.update(lib, attachment_id, **changes)
    return get(lib, attachment_id)


def rotate(lib: Library, attachment_id: int, degrees: int = 90) -> Attachment:
    """Turn an attachment clockwise by `degrees` (a multiple of 90)."""
    with lib.atomic():
        current = get(lib, attachment_id)
        return update(lib, attachment_id, rotation=(current.rotation + degrees) % 360)


def move(lib: Library, attachment_id: int, position: int) -> list[Attachment]:
    """Put an attachment at `position` (0 = first) among its owner's; returns the new order."""
    with lib.atomic():
        current = get(lib, attachment_id)
        order = [a for a in for_owner(lib, current.owner_kind, current.owner_id)
                 if a.id != attachment_id]
        position = max(0, min(position, len(order)))
        order.insert(position, current)
        for i, a in enumerate(order):
            if a.position != i:
                _kind.update(lib, a.id, position=i)
        return for_owner(lib, current.owner_kind, current.owner_id)


def delete(lib: Library, attachment_id: int) -> None:
    """Move an attachment to the trash (the file stays until the trash is emptied)."""
    _kind.delete(lib, attachment_id)


def restore(lib: Library, attachment_id: int) -> Attachment:
    _kind.restore(lib, attachment_id)
    return get(lib, attachment_id)


# ---------------------------------------------------------------- thumbnails


def thumbnail(lib: Library, sha256: str, page: int = 0, size: int = media.THUMBNAIL_SIZE) -> bytes | None:
    """The cached thumbnail (JPEG or PNG bytes), or None. Rotation is not applied: show it turned."""
    row = lib.conn.execute(
        "SELECT data FROM thumbnails WHERE sha256 = ? AND page = ? AND size = ?", (sha256, page, size)
    ).fetchone()
    return bytes(row[0]) if row else None


def _store_thumbnail(lib: Library, sha256: str, page: int, size: int, data: bytes) -> None:
    lib.conn.execute(
        "INSERT OR REPLACE INTO thumbnails (sha256, page, size, media_type, data) VALUES (?, ?, ?, ?, ?)",
        (sha256, page, size, media.thumbnail_media_type(data), data),
    )


def store_thumbnail(lib: Library, sha256: str, page: int, size: int, data: bytes) -> None:
    """Cache a thumbnail made by media.make_thumbnail (one transaction)."""
    with lib.atomic():
        _store_thumbnail(lib, sha256, page, size, data)


def media_type_of(lib: Library, sha256: str) -> str:
    row = lib.conn.execute("SELECT media_type FROM files WHERE sha256 = ?", (sha256,)).fetchone()
    if row is None:
        raise NotFound(kind="attachment", id=sha256[:12])
    return row[0]


def ensure_thumbnail(lib: Library, sha256: str, page: int = 0, size: int = media.THUMBNAIL_SIZE) -> bytes:
    """The cached thumbnail, made and cached first when there is none."""
    cached = thumbnail(lib, sha256, page, size)
    if cached is not None:
        return cached
    data = media.make_thumbnail(file_path(lib, sha256), media_type_of(lib, sha256), page, size)
    store_thumbnail(lib, sha256, page, size, data)
    return data

