"""The machinery every kind of record shares: validation, create, read, update, soft delete,
restore, keyset-paged lists, history. Each kind's module (events, people, ...) declares a `Spec`
and exposes a `Kind` built from it; all SQL for plain records lives here."""
from __future__ import annotations

import dataclasses
import functools
import re
import sqlite3
import uuid as uuidlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field as dc_field
from typing import Any, Generic, TypeVar

from db import collation, dates, search
from db.errors import Conflict, NotFound, ValidationError
from db.library import Library

MAX_TEXT = 500  # one-line fields
MAX_LONG = 20000  # summary, notes

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_URL = re.compile(r"^(https?://)?[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)

TABLES = {
    "organisation": "organisations",
    "person": "people",
    "event": "events",
    "organiser": "event_organisers",
    "attendance": "attendances",
    "certificate": "certificates",
    "attachment": "attachments",
}


@dataclass(kw_only=True)
class Record:
    """Columns every record has."""

    id: int
    uuid: str
    created_at: str
    updated_at: str
    deleted_at: str | None = None

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None


R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Field:
    name: str
    type: str = "text"  # text | long | bool | date | choice | ref | email | url | int
    choices: tuple[str, ...] = ()
    ref: str | None = None  # kind of the referenced record
    required: bool = False
    default: Any = None


@dataclass(frozen=True)
class Spec:
    kind: str
    cls: type
    fields: tuple[Field, ...]
    name_fields: tuple[str, str] | None = None  # (zh, en): at least one is required
    sorts: Mapping[str, str] = dc_field(default_factory=dict)  # sort name -> SQL expression
    default_sort: str = "id"
    check: Callable[[Library, dict, int | None], None] | None = None
    unique_error: str = "conflict"

    @property
    def table(self) -> str:
        return TABLES[self.kind]

    @functools.cached_property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise ValidationError("unknown_field", value=name)


@dataclass
class Page(Generic[R]):
    items: list[R]
    next_after: tuple | None  # pass as `after=` to get the next page; None at the end


# ---------------------------------------------------------------- validation


def _clean_value(lib: Library, f: Field, value: Any) -> Any:
    if f.type == "bool":
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "y", "是")
        return bool(value)
    if f.type == "int":
        if value in (None, ""):
            return f.default
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ValidationError("bad_type", field=f.name, value=value) from None
    if f.type == "ref":
        if value in (None, "", 0):
            return None
        try:
            ref_id = int(value)
        except (TypeError, ValueError):
            raise ValidationError("bad_ref", field=f.name, value=value) from None
        row = lib.conn.execute(
            f"SELECT deleted_at FROM {TABLES[f.ref]} WHERE id = ?", (ref_id,)
        ).fetchone()
        if row is None or row[0] is not None:
            raise ValidationError("bad_ref", field=f.name, value=ref_id)
        return ref_id
    # text-like
    if value is None:
        text = None
    elif isinstance(value, str):
        text = value.strip() or None
    else:
        text = str(value).strip() or None
    if text is None:
        if f.default is not None:
            return f.default
        if f.required:
            raise ValidationError("required", field=f.name)
        return None
    if "\x00" in text:
        raise ValidationError("bad_type", field=f.name, value=text.replace("\x00", "?")[:40])
    limit = MAX_LONG if f.type == "long" else MAX_TEXT
    if len(text) > limit:
        raise ValidationError("too_long", field=f.name, length=len(text), limit=limit)
    if f.type == "choice" and text not in f.choices:
        lowered = text.lower()
        if lowered in f.choices:
            return lowered
        raise ValidationError("bad_choice", field=f.name, value=text, choices=", ".join(f.choices))
    if f.type == "date":
        try:
            return dates.normalise(text)
        except ValueError:
            raise ValidationError("bad_date", field=f.name, value=text) from None
    if f.type == "email" and not _EMAIL.match(text):
        raise ValidationError("bad_email", field=f.name, value=text)
    if f.type == "url" and not _URL.match(text):
        raise ValidationError("bad_url", field=f.name, value=text)
    return text


def validate(lib: Library, spec: Spec, values: Mapping[str, Any], record_id: int | None = None,
             *, refs_resolved: bool | frozenset[str] = False) -> dict:
    """Clean every field of a full set of values; raise ValidationError naming the first bad one.

    `refs_resolved`: ref fields taken as they are, without looking the record up: True for all
    (a bulk import maps uuids to ids itself, for rows not written yet), or a set of field names
    (an update keeps the links it does not change, even to a record now in the trash)."""
    unknown = set(values) - set(spec.field_names)
    if unknown:
        raise ValidationError("unknown_field", value=sorted(unknown)[0])
    trusted = (lambda name: True) if refs_resolved is True else (
        lambda name: bool(refs_resolved) and name in refs_resolved)
    clean = {
        f.name: values.get(f.name) if f.type == "ref" and trusted(f.name)
        else _clean_value(lib, f, values.get(f.name, f.default))
        for f in spec.fields
    }
    if spec.name_fields and not any(clean.get(n) for n in spec.name_fields):
        raise ValidationError("required_name", field=spec.name_fields[0])
    if spec.check:
        spec.check(lib, clean, record_id)
    return clean


def require(spec: Spec, **values: Any) -> None:
    """Raise `required` for the first of these values that is missing."""
    for name, value in values.items():
        if value in (None, ""):
            raise ValidationError("required", field=name)


def check_date_order(clean: Mapping[str, Any], start_field: str, end_field: str) -> None:
    start, end = clean.get(start_field), clean.get(end_field)
    if start and end and dates.ends_before(end, start):
        raise ValidationError("date_order", field=end_field, value=end, start=start)


# ---------------------------------------------------------------- rows and records


def _to_record(spec: Spec, row: Mapping[str, Any]) -> Any:
    names = {f.name for f in dataclasses.fields(spec.cls)}
    data = {k: row[k] for k in row.keys() if k in names}
    for f in spec.fields:
        if f.type == "bool" and f.name in data:
            data[f.name] = bool(data[f.name])
    return spec.cls(**data)


def query(lib: Library, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    """Rows of a SELECT as dicts (a cursor of its own, so the connection stays untouched)."""
    cur = lib.conn.cursor()
    cur.row_factory = _dict_factory
    return cur.execute(sql, tuple(params)).fetchall()


def _row(lib: Library, spec: Spec, record_id: int) -> Mapping[str, Any]:
    rows = query(lib, f"SELECT * FROM {spec.table} WHERE id = ?", (record_id,))
    row = rows[0] if rows else None
    if row is None:
        raise NotFound(kind=spec.kind, id=record_id)
    return row


def _dict_factory(cursor, row):
    return {d[0]: v for d, v in zip(cursor.description, row)}


def fetch(lib: Library, spec: Spec, sql: str, params: Iterable[Any] = ()) -> list:
    """Records of `spec` from a SELECT * query over its table (for kind-specific lists)."""
    return [_to_record(spec, r) for r in query(lib, sql, params)]


def _sort_key(spec: Spec, clean: Mapping[str, Any]) -> str | None:
    if not spec.name_fields:
        return None
    zh, en = (clean.get(n) for n in spec.name_fields)
    return collation.sort_key(zh, en)


def _history(lib: Library, spec: Spec, record_id: int, record_uuid: str, action: str,
             changes: Iterable[tuple[str | None, Any, Any]], at: str) -> None:
    rows = [
        (at, lib.user, spec.kind, record_id, record_uuid, action, f, _hist(old), _hist(new))
        for f, old, new in changes
    ]
    lib.conn.executemany(
        "INSERT INTO history (at, who, kind, record_id, record_uuid, action, field, old, new)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def _hist(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


# ---------------------------------------------------------------- operations


def create(lib: Library, spec: Spec, values: Mapping[str, Any], *, uuid: str | None = None) -> Any:
    with lib.atomic():
        clean = validate(lib, spec, values)
        now = dates.utc_now()
        row = dict(clean, uuid=uuid or str(uuidlib.uuid4()), created_at=now, updated_at=now)
        key = _sort_key(spec, clean)
        if key is not None:
            row["sort_key"] = key
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        try:
            cur = lib.conn.execute(
                f"INSERT INTO {spec.table} ({cols}) VALUES ({marks})",
                tuple(_db_value(v) for v in row.values()),
            )
        except sqlite3.IntegrityError as exc:
            raise _conflict(spec, exc) from None
        record_id = cur.lastrowid
        _history(lib, spec, record_id, row["uuid"], "create",
                 [(k, None, v) for k, v in clean.items() if v not in (None, False, "")], now)
        search.reindex(lib, spec.kind, record_id)
        return _to_record(spec, _row(lib, spec, record_id))


def get(lib: Library, spec: Spec, record_id: int) -> Any:
    return _to_record(spec, _row(lib, spec, record_id))


def get_by_uuid(lib: Library, spec: Spec, record_uuid: str) -> Any | None:
    row = lib.conn.execute(f"SELECT id FROM {spec.table} WHERE uuid = ?", (record_uuid,)).fetchone()
    return get(lib, spec, row[0]) if row else None


def by_ids(lib: Library, spec: Spec, ids: Iterable[int]) -> list:
    """Records with these ids (deleted ones included), in id order."""
    ids = sorted(set(i for i in ids if i is not None))
    out: list = []
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" for _ in chunk)
        out += fetch(lib, spec, f"SELECT * FROM {spec.table} WHERE id IN ({marks}) ORDER BY id", chunk)
    return out


def update(lib: Library, spec: Spec, record_id: int, changes: Mapping[str, Any]) -> Any:
    with lib.atomic():
        current = _row(lib, spec, record_id)
        merged = {f: current[f] for f in spec.field_names}
        merged.update(changes)
        kept_links = frozenset(f.name for f in spec.fields if f.type == "ref"
                               and merged[f.name] == current[f.name])
        clean = validate(lib, spec, merged, record_id, refs_resolved=kept_links)
        diff = [(f, current[f], clean[f]) for f in spec.field_names
                if _db_value(clean[f]) != current[f]]
        if not diff:
            return _to_record(spec, current)
        now = dates.utc_now()
        sets = {f: _db_value(new) for f, _, new in diff}
        sets["updated_at"] = now
        key = _sort_key(spec, clean)
        if key is not None:
            sets["sort_key"] = key
        assignments = ", ".join(f"{c} = ?" for c in sets)
        try:
            lib.conn.execute(
                f"UPDATE {spec.table} SET {assignments} WHERE id = ?", (*sets.values(), record_id)
            )
        except sqlite3.IntegrityError as exc:
            raise _conflict(spec, exc) from None
        _history(lib, spec, record_id, current["uuid"], "update", diff, now)
        search.reindex(lib, spec.kind, record_id, dependents=True)
        return _to_record(spec, _row(lib, spec, record_id))


def delete(lib: Library, spec: Spec, record_id: int) -> None:
    """Move a record to the trash (soft delete). Deleting a deleted record does nothing."""
    with lib.atomic():
        current = _row(lib, spec, record_id)
        if current["deleted_at"] is not None:
            return
        now = dates.utc_now()
        lib.conn.execute(
            f"UPDATE {spec.table} SET deleted_at = ?, updated_at = ? WHERE id = ?",
            (now, now, record_id),
        )
        _history(lib, spec, record_id, current["uuid"], "delete", [(None, None, None)], now)
        search.reindex(lib, spec.kind, record_id, dependents=True)


def restore(lib: Library, spec: Spec, record_id: int) -> Any:
    """Bring a record back from the trash."""
    with lib.atomic():
        current = _row(lib, spec, record_id)
        if current["deleted_at"] is None:
            return _to_record(spec, current)
        # The record's links must still hold: a restored attendance needs its event and person.
        validate(lib, spec, {f: current[f] for f in spec.field_names}, record_id)
        now = dates.utc_now()
        try:
            lib.conn.execute(
                f"UPDATE {spec.table} SET deleted_at = NULL, updated_at = ? WHERE id = ?",
                (now, record_id),
            )
        except sqlite3.IntegrityError as exc:
            raise _conflict(spec, exc) from None
        _history(lib, spec, record_id, current["uuid"], "restore", [(None, None, None)], now)
        search.reindex(lib, spec.kind, record_id, dependents=True)
        return _to_record(spec, _row(lib, spec, record_id))


def list_page(lib: Library, spec: Spec, *, sort: str | None = None, descending: bool = False,
              after: tuple | None = None, limit: int = 100, trash: bool = False,
              where: Mapping[str, Any] | None = None) -> Page:
    """One page of records, sorted in SQL, continued from `after` (keyset paging, no OFFSET)."""
    sort = sort or spec.default_sort
    if trash:
        expr = "deleted_at"
    elif sort == "id":
        expr = "id"
    elif sort in spec.sorts:
        expr = spec.sorts[sort]
    else:
        raise ValidationError("bad_choice", field="sort", value=sort,
                              choices=", ".join(["id", *spec.sorts]))
    clauses = ["deleted_at IS NOT NULL" if trash else "deleted_at IS NULL"]
    params: list[Any] = []
    for col, value in (where or {}).items():
        if col not in spec.field_names:
            raise ValidationError("unknown_field", value=col)
        if value is None:
            clauses.append(f"{col} IS NULL")
        else:
            clauses.append(f"{col} = ?")
            params.append(_db_value(value))
    op, direction = ("<", "DESC") if descending else (">", "ASC")
    if after is not None:
        if expr == "id":
            clauses.append(f"id {op} ?")
            params.append(after[-1])
        else:
            clauses.append(f"({expr}, id) {op} (?, ?)")
            params.extend(after)
    order = "id" if expr == "id" else f"{expr} {direction}, id"
    sql = (f"SELECT *, {expr} AS _sort FROM {spec.table} WHERE {' AND '.join(clauses)}"
           f" ORDER BY {order} {direction} LIMIT ?")
    rows = query(lib, sql, (*params, limit))
    items = [_to_record(spec, r) for r in rows]
    nxt = (rows[-1]["_sort"], rows[-1]["id"]) if len(rows) == limit else None
    return Page(items, nxt)


def count(lib: Library, spec: Spec, *, trash: bool = False, where: Mapping[str, Any] | None = None) -> int:
    clauses = ["deleted_at IS NOT NULL" if trash else "deleted_at IS NULL"]
    params: list[Any] = []
    for col, value in (where or {}).items():
        if col not in spec.field_names:
            raise ValidationError("unknown_field", value=col)
        clauses.append(f"{col} = ?")
        params.append(_db_value(value))
    return lib.conn.execute(
        f"SELECT count(*) FROM {spec.table} WHERE {' AND '.join(clauses)}", params
    ).fetchone()[0]


def history(lib: Library, kind: str, record_id: int) -> list[dict]:
    """Every recorded change of one record, oldest first. Found by the record's uuid: an id freed
    when the trash is emptied can be given to a new record, whose history must not inherit."""
    row = lib.conn.execute(f"SELECT uuid FROM {TABLES[kind]} WHERE id = ?", (record_id,)).fetchone()
    if row is None:  # erased for good: what was recorded under that id, up to the erasing
        return query(
            lib,
            "SELECT at, who, action, field, old, new FROM history WHERE kind = ? AND record_id = ?"
            " ORDER BY id",
            (kind, record_id),
        )
    return query(
        lib,
        "SELECT at, who, action, field, old, new FROM history WHERE record_uuid = ? ORDER BY id",
        (row[0],),
    )


def _db_value(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    return value


def _conflict(spec: Spec, exc: Exception) -> Exception:
    return Conflict(spec.unique_error, detail=str(exc), detail_zh=str(exc))


class Kind(Generic[R]):
    """The typed verbs of one kind of record, bound to its Spec."""

    def __init__(self, spec: Spec):
        self.spec = spec

    def create(self, lib: Library, *, uuid: str | None = None, **values: Any) -> R:
        return create(lib, self.spec, values, uuid=uuid)

    def get(self, lib: Library, record_id: int) -> R:
        return get(lib, self.spec, record_id)

    def get_by_uuid(self, lib: Library, record_uuid: str) -> R | None:
        return get_by_uuid(lib, self.spec, record_uuid)

    def by_ids(self, lib: Library, ids: Iterable[int]) -> list[R]:
        return by_ids(lib, self.spec, ids)

    def update(self, lib: Library, record_id: int, **changes: Any) -> R:
        return update(lib, self.spec, record_id, changes)

    def delete(self, lib: Library, record_id: int) -> None:
        delete(lib, self.spec, record_id)

    def restore(self, lib: Library, record_id: int) -> R:
        return restore(lib, self.spec, record_id)

    def list_page(self, lib: Library, *, sort: str | None = None, descending: bool = False,
                  after: tuple | None = None, limit: int = 100, trash: bool = False,
                  **where: Any) -> Page[R]:
        return list_page(lib, self.spec, sort=sort, descending=descending, after=after,
                         limit=limit, trash=trash, where=where)

    def count(self, lib: Library, *, trash: bool = False, **where: Any) -> int:
        return count(lib, self.spec, trash=trash, where=where)
