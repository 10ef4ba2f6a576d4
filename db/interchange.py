"""The interchange format: a whole library as one JSON document (see docs/interchange.md).

Records reference each other by uuid, never by integer id. Scans travel as files beside the
document (`NAME.files/<sha256>`) or inside a zip (`records.json` + `files/<sha256>`).

Import is one transaction that validates every record with the kind's own Spec before writing
anything; a bad document is rejected whole (`ImportRejected` names the record and the field).
Records are matched by uuid: a record already in the library is replaced only when the
document's `updated_at` is newer, so importing the same file twice changes nothing. The write is
a bulk path (ids assigned up front, uuid->id dicts, executemany, one search rebuild)."""
from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db import attendances, certificates, collation, dates, events, organisations, people, records, search
from db.errors import ImportRejected, LibraryError, ValidationError
from db.library import Library
from db.records import Spec

FORMAT = "cooperation-records"
VERSION = 1
ZIP_DOCUMENT = "records.json"
META = ("uuid", "created_at", "updated_at", "deleted_at")

# (section of the document, Spec), in the order they are written and read.
SECTIONS: tuple[tuple[str, Spec], ...] = (
    ("organisations", organisations.SPEC),
    ("people", people.SPEC),
    ("events", events.SPEC),
    ("organisers", events.ORGANISER_SPEC),
    ("attendances", attendances.SPEC),
    ("certificates", certificates.SPEC),
)
SECTION_LABELS = {
    "organisations": "单位", "people": "人员", "events": "活动", "organisers": "主办信息",
    "attendances": "参会记录", "certificates": "证书", "attachments": "附件", "history": "历史记录",
}
# Attachments have no Spec of their own here: the row, then the stored file's facts.
ATTACHMENT_FIELDS = ("owner_kind", "owner", "sha256", "original_name", "rotation", "caption", "position")
FILE_FIELDS = ("media_type", "bytes", "width", "height", "pages")
_ATTACHMENT_COLUMNS = tuple("owner_id" if c == "owner" else c for c in ATTACHMENT_FIELDS)
HISTORY_FIELDS = ("at", "who", "kind", "record", "action", "field", "old", "new")
SMALL_IMPORT = 2000  # up to this many touched records, reindex them one by one; else rebuild

_STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)$")
_SHA = re.compile(r"^[0-9a-f]{64}$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z")
KIND_SPECS = {spec.kind: spec for _, spec in SECTIONS}


def _key(field_name: str) -> str:
    """Document key of a column: refs drop their `_id` (`issuer_id` -> `issuer`)."""
    return field_name[:-3] if field_name.endswith("_id") else field_name


@dataclass
class ImportReport:
    added: dict[str, int] = field(default_factory=dict)  # section -> records new to the library
    updated: dict[str, int] = field(default_factory=dict)  # section -> records replaced (newer)
    unchanged: dict[str, int] = field(default_factory=dict)  # section -> already up to date
    files_added: int = 0

    @property
    def counts(self) -> dict[str, int]:
        """Records added or updated, per section."""
        return {s: self.added.get(s, 0) + self.updated.get(s, 0) for s in self.added}


@dataclass
class ExportReport:
    path: Path
    counts: dict[str, int]
    files: int


# ---------------------------------------------------------------- export


def _uuid_maps(lib: Library) -> dict[str, dict[int, str]]:
    return {kind: dict(lib.conn.execute(f"SELECT id, uuid FROM {table}"))
            for kind, table in records.TABLES.items()}


def document(lib: Library) -> dict[str, Any]:
    """The whole library as an interchange document (a dict ready for json)."""
    uuids = _uuid_maps(lib)
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION, "exported_at": dates.utc_now()}
    for section, spec in SECTIONS:
        refs = {f.name: uuids[f.ref] for f in spec.fields if f.type == "ref"}
        bools = {f.name for f in spec.fields if f.type == "bool"}
        cols = [*META, *spec.field_names]
        out = []
        for row in lib.conn.execute(f"SELECT {', '.join(cols)} FROM {spec.table} ORDER BY id"):
            rec = dict(zip(META, row))
            for name, value in zip(spec.field_names, row[len(META):]):
                if name in refs:
                    value = refs[name].get(value) if value is not None else None
                elif name in bools:
                    value = bool(value)
                rec[_key(name)] = value
            out.append(rec)
        doc[section] = out
    doc["attachments"] = [
        dict(zip((*META, *ATTACHMENT_FIELDS, *FILE_FIELDS),
                 (*row[:5], uuids[row[4]].get(row[5]), *row[6:])))
        for row in lib.conn.execute(
            "SELECT a.uuid, a.created_at, a.updated_at, a.deleted_at, a.owner_kind, a.owner_id,"
            " a.sha256, a.original_name, a.rotation, a.caption, a.position,"
            " f.media_type, f.bytes, f.width, f.height, f.pages"
            " FROM attachments a JOIN files f ON f.sha256 = a.sha256 ORDER BY a.id")
    ]
    doc["history"] = [
        _history_out(uuids, row) for row in lib.conn.execute(
            "SELECT at, who, kind, record_uuid, action, field, old, new FROM history ORDER BY id")
    ]
    return doc


def _ref_target(kind: str, field_name: str | None) -> str | None:
    spec = KIND_SPECS.get(kind)
    if spec is None or not field_name:
        return None
    for f in spec.fields:
        if f.name == field_name and f.type == "ref":
            return f.ref
    return None


def _history_out(uuids: dict[str, dict[int, str]], row: tuple) -> dict:
    rec = dict(zip(HISTORY_FIELDS, row))
    target = _ref_target(rec["kind"], rec["field"])
    if target:  # ids mean nothing outside this library: write the uuid
        for k in ("old", "new"):
            if rec[k] is not None and rec[k].isdigit():
                rec[k] = uuids[target].get(int(rec[k]), rec[k])
    return rec


def _dump(doc: dict[str, Any], fh) -> None:
    """One record per line: readable, diffable, and fast for a million records."""
    head = {k: v for k, v in doc.items() if not isinstance(v, list)}
    fh.write(json.dumps(head, ensure_ascii=False, indent=1)[:-2])
    for name, items in doc.items():
        if not isinstance(items, list):
            continue
        fh.write(f',\n "{name}": [')
        for i, rec in enumerate(items):
            fh.write(("\n  " if i == 0 else ",\n  ") + json.dumps(rec, ensure_ascii=False))
        fh.write("\n ]" if items else "]")
    fh.write("\n}\n")


def _file_source(lib: Library, sha: str) -> Path:
    try:
        from db import attachments
    except ImportError:
        return lib.files_dir / sha
    return attachments.file_path(lib, sha)


def files_dir_for(path: Path) -> Path:
    """Where the scans of a .json document live: `NAME.files/` beside it."""
    return path.with_name(path.stem + ".files")


def export(lib: Library, path: str | Path) -> ExportReport:
    """Write the library to `path` (.json with a `.files/` folder beside it, or .zip)."""
    path = Path(path)
    doc = document(lib)
    shas = sorted({a["sha256"] for a in doc["attachments"]})
    counts = {k: len(v) for k, v in doc.items() if isinstance(v, list)}
    try:
        if path.suffix.lower() == ".zip":
            _write_atomic(path, lambda tmp: _write_zip(lib, tmp, doc, shas))
        else:
            if shas:
                folder = files_dir_for(path)
                folder.mkdir(parents=True, exist_ok=True)
                for sha in shas:
                    target = folder / sha
                    if not target.exists():
                        _write_atomic(target, lambda tmp, s=sha: tmp.write_bytes(
                            _file_source(lib, s).read_bytes()))

            def write_json(tmp: Path) -> None:
                with open(tmp, "w", encoding="utf-8") as fh:
                    _dump(doc, fh)
            _write_atomic(path, write_json)
    except OSError as exc:
        raise ImportRejected("export_failed", path=str(path), detail=exc.strerror or str(exc)) from exc
    return ExportReport(path, counts, len(shas))


def _write_zip(lib: Library, tmp: Path, doc: dict, shas: list[str]) -> None:
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open(ZIP_DOCUMENT, "w") as raw:
            import io
            with io.TextIOWrapper(raw, encoding="utf-8") as fh:
                _dump(doc, fh)
        for sha in shas:
            zf.write(_file_source(lib, sha), f"files/{sha}", compress_type=zipfile.ZIP_STORED)


def _write_atomic(path: Path, write) -> None:
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


# ---------------------------------------------------------------- reading a document


class _Source:
    """A document and its scans: `x.json` + `x.files/`, or a zip."""

    def __init__(self, path: Path):
        self.path = path
        self.zip: zipfile.ZipFile | None = None
        self.folder = files_dir_for(path)

    def read(self) -> dict:
        try:
            if zipfile.is_zipfile(self.path):
                self.zip = zipfile.ZipFile(self.path)
                self.folder = Path(self.path.name) / "files"
                raw = self.zip.read(ZIP_DOCUMENT)
            else:
                raw = self.path.read_bytes()
        except (OSError, KeyError, zipfile.BadZipFile) as exc:
            raise self.reject("import_unreadable", detail=getattr(exc, "strerror", None) or str(exc)) from exc
        try:
            doc = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise self.reject("import_not_json", detail=f"not UTF-8 text at byte {exc.start}") from None
        except json.JSONDecodeError as exc:
            raise self.reject("import_not_json", detail=f"line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
        return doc

    def file_bytes(self, sha: str) -> bytes | None:
        try:
            if self.zip is not None:
                return self.zip.read(f"files/{sha}")
            return (self.folder / sha).read_bytes()
        except (OSError, KeyError):
            return None

    def reject(self, code: str, **params: Any) -> ImportRejected:
        return ImportRejected(code, path=str(self.path), **params)

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()


class _Bad(Exception):
    """A problem in one record; turned into ImportRejected naming the record."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code, self.params = code, params


def _record_error(src: _Source, section: str, number: int, item: Any, exc: Exception) -> ImportRejected:
    if isinstance(exc, LibraryError):
        en, zh, fld = exc.message("en"), exc.message("zh"), exc.field
    else:
        from db import messages
        en = messages.text(exc.code, "en", **exc.params)
        zh = messages.text(exc.code, "zh", **exc.params)
        fld = exc.params.get("key")
    rec_uuid = item.get("uuid") if isinstance(item, dict) else None
    return ImportRejected("import_bad_record", field=fld, path=str(src.path), section=section,
                          section_zh=SECTION_LABELS.get(section, section), number=number,
                          uuid=rec_uuid or "no uuid", detail=en, detail_zh=zh)


def _stamp(item: dict, key: str, default: str | None) -> str | None:
    value = item.get(key)
    if value is None:
        return default
    if not isinstance(value, str) or not _STAMP.match(value):
        raise _Bad("import_bad_stamp", key=key, value=value)
    return value


def _sections(src: _Source, doc: Any) -> dict[str, list]:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise src.reject("import_bad_format")
    version = doc.get("version")
    if not isinstance(version, int) or version < 1:
        raise src.reject("import_bad_format")
    if version > VERSION:
        raise src.reject("import_too_new", version=version, supported=VERSION)
    out = {}
    for section in (*(s for s, _ in SECTIONS), "attachments", "history"):
        items = doc.get(section, [])
        if not isinstance(items, list):
            raise src.reject("import_bad_section", section=section)
        out[section] = items
    return out


# ---------------------------------------------------------------- import


@dataclass
class _Plan:
    """What an import will write, every record validated and every uuid resolved to an id."""

    ids: dict[str, dict[str, int]]  # kind -> uuid -> id (library's and the document's)
    existing: dict[str, dict[str, tuple[int, str]]]  # kind -> uuid -> (id, updated_at)
    inserts: dict[str, list[tuple]] = field(default_factory=dict)
    updates: dict[str, list[tuple]] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    touched: dict[str, set[str]] = field(default_factory=dict)  # kind -> uuids written
    parents: dict[int, int] = field(default_factory=dict)  # event id -> parent id (written)
    lib_parents: dict[int, int] = field(default_factory=dict)  # the library's, before
    files: dict[str, tuple] = field(default_factory=dict)  # sha -> files row
    file_bytes: dict[str, bytes] = field(default_factory=dict)
    history: list[tuple] = field(default_factory=list)
    user: str = ""
    file_items: dict[str, tuple[int, dict]] = field(default_factory=dict)  # sha -> (number, record)


def import_(lib: Library, path: str | Path) -> ImportReport:
    """Import an interchange document (.json + .files/, or .zip) in one transaction."""
    src = _Source(Path(path))
    try:
        with _no_gc(), _big_cache(lib):
            sections = _sections(src, src.read())
            with lib.atomic():
                plan = _plan(lib, src, sections)
                report = _write(lib, src, plan)
        return report
    finally:
        src.close()


@contextlib.contextmanager
def _big_cache(lib: Library, mib: int = 512):
    """A large page cache while importing: a million random uuids go into a b-tree index, and
    with the usual cache most of those inserts would read pages back from disk."""
    before = lib.conn.execute("PRAGMA cache_size").fetchone()[0]
    lib.conn.execute(f"PRAGMA cache_size = -{mib * 1024}")
    try:
        yield
    finally:
        lib.conn.execute(f"PRAGMA cache_size = {before}")


@contextlib.contextmanager
def _no_gc():
    """Millions of small objects, none of them cyclic: spare the garbage collector."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _plan(lib: Library, src: _Source, sections: dict[str, list]) -> _Plan:
    existing: dict[str, dict[str, tuple[int, str]]] = {}
    ids: dict[str, dict[str, int]] = {}
    for kind, table in records.TABLES.items():
        rows = lib.conn.execute(f"SELECT uuid, id, updated_at FROM {table}").fetchall()
        existing[kind] = {u: (i, t) for u, i, t in rows}
        ids[kind] = {u: i for u, i, _ in rows}
    plan = _Plan(ids, existing, user=lib.user)
    plan.lib_parents = dict(lib.conn.execute(
        "SELECT id, parent_id FROM events WHERE parent_id IS NOT NULL"))
    all_sections = [*SECTIONS, ("attachments", None)]
    # Pass 1: every uuid gets an id, so references may point forwards (a sub-event before its parent).
    for section, spec in all_sections:
        kind = spec.kind if spec else "attachment"
        table = records.TABLES[kind]
        next_id = (lib.conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0) + 1
        known = ids[kind]
        seen: set[str] = set()
        for number, item in enumerate(sections[section], 1):
            try:
                if not isinstance(item, dict):
                    raise _Bad("import_not_object")
                u = item.get("uuid")
                if not isinstance(u, str) or not _UUID.match(u):
                    raise _Bad("import_bad_uuid", key="uuid", value=u)
                if u in seen:
                    raise _Bad("import_duplicate_uuid", key="uuid")
            except _Bad as exc:
                raise _record_error(src, section, number, item, exc) from None
            seen.add(u)
            if u not in known:
                known[u] = next_id
                next_id += 1
    # Pass 2: validate and build rows.
    for section, spec in SECTIONS:
        _plan_section(lib, src, plan, section, spec, sections[section])
    _check_cycles(src, plan, sections["events"])
    _plan_attachments(lib, src, plan, sections["attachments"])
    _plan_history(src, plan, sections["history"])
    return plan


def _meta(item: dict, allowed: set[str], now: str) -> tuple[str, str, str, str | None]:
    """A record's uuid and stamps, after refusing keys the section does not know."""
    extra = item.keys() - allowed
    if extra:
        raise _Bad("import_unknown_key", key=sorted(extra)[0])
    created = _stamp(item, "created_at", now)
    updated = _stamp(item, "updated_at", created)
    return item["uuid"], created, updated, _stamp(item, "deleted_at", None)


@dataclass
class _Routes:
    """Where a section's records go: new rows, newer versions of existing rows, or nowhere."""

    ids: dict[str, int]
    existing: dict[str, tuple[int, str]]
    inserts: list = field(default_factory=list)
    updates: list = field(default_factory=list)
    touched: set = field(default_factory=set)
    unchanged: int = 0

    def add(self, u: str, created: str, updated: str, deleted: str | None, row) -> bool:
        """Route one record; False when the library already has it as new or newer."""
        old = self.existing.get(u)
        if old is None:
            self.inserts.append((self.ids[u], u, created, updated, deleted, *row))
        elif updated > old[1]:
            self.updates.append((created, updated, deleted, *row, old[0]))
        else:
            self.unchanged += 1
            return False
        self.touched.add(u)
        return True

    def store(self, plan: "_Plan", section: str, kind: str) -> None:
        plan.inserts[section], plan.updates[section] = self.inserts, self.updates
        plan.unchanged[section] = self.unchanged
        plan.touched[kind] = self.touched


def _plan_section(lib: Library, src: _Source, plan: _Plan, section: str, spec: Spec,
                  items: list) -> None:
    kind = spec.kind
    routes = _Routes(plan.ids[kind], plan.existing[kind])
    refs = [(f.name, _key(f.name), plan.ids[f.ref], f.required) for f in spec.fields if f.type == "ref"]
    # Link rows (attendances, organisers) have few distinct plain values: clean each value set once.
    memo: dict[tuple, dict] | None = {} if spec.check is None and not spec.name_fields else None
    plain = [(f.name, f.default) for f in spec.fields if f.type != "ref"]
    allowed = {*META, *(_key(n) for n in spec.field_names)}
    named = spec.name_fields
    now = dates.utc_now()
    for number, item in enumerate(items, 1):
        try:
            u, created, updated, deleted = _meta(item, allowed, now)
            values = {name: item.get(name, default) for name, default in plain}
            for name, key, targets, required in refs:
                ref = item.get(key)
                if ref is None:
                    if required:
                        raise ValidationError("required", field=name)
                    values[name] = None
                    continue
                ref_id = targets.get(ref) if isinstance(ref, str) else None
                if ref_id is None:
                    raise _Bad("import_unknown_ref", key=key, value=ref)
                values[name] = ref_id
            if memo is None:
                clean = records.validate(lib, spec, values, refs_resolved=True)
            else:
                key = tuple(values[n] for n, _ in plain)
                try:
                    cached = memo.get(key)
                except TypeError:  # a list or object where text belongs
                    cached, key = None, None
                if cached is None:
                    cached = records.validate(lib, spec, values, refs_resolved=True)
                    if key is not None:
                        memo[key] = cached
                clean = dict(cached)
                clean.update((name, values[name]) for name, *_ in refs)
        except (_Bad, ValidationError) as exc:
            raise _record_error(src, section, number, item, exc) from None
        row = [records._db_value(clean[n]) for n in spec.field_names]
        if named:
            row.append(collation.sort_key(*(clean[n] for n in named)))
        if routes.add(u, created, updated, deleted, row) and kind == "event":
            plan.parents[routes.ids[u]] = clean["parent_id"]
    routes.store(plan, section, kind)


def _check_cycles(src: _Source, plan: _Plan, items: list) -> None:
    if not plan.parents:
        return
    parents = dict(plan.lib_parents)
    parents.update(plan.parents)
    number_of = {plan.ids["event"][it["uuid"]]: n for n, it in enumerate(items, 1)}
    for start in plan.parents:
        seen, node = {start}, parents.get(start)
        while node is not None:
            if node in seen:
                raise _record_error(src, "events", number_of.get(start, 0),
                                    items[number_of.get(start, 1) - 1], _Bad("import_cycle", key="parent"))
            seen.add(node)
            node = parents.get(node)


def _plan_attachments(lib: Library, src: _Source, plan: _Plan, items: list) -> None:
    routes = _Routes(plan.ids["attachment"], plan.existing["attachment"])
    allowed = {*META, *ATTACHMENT_FIELDS, *FILE_FIELDS}
    now = dates.utc_now()
    for number, item in enumerate(items, 1):
        try:
            u, created, updated, deleted = _meta(item, allowed, now)
            owner_kind = item.get("owner_kind")
            if owner_kind not in ("certificate", "event", "person"):
                raise ValidationError("bad_choice", field="owner_kind", value=owner_kind,
                                      choices="certificate, event, person")
            owner_id = plan.ids[owner_kind].get(item.get("owner"))
            if owner_id is None:
                raise _Bad("import_unknown_ref", key="owner", value=item.get("owner"))
            sha = item.get("sha256")
            if not isinstance(sha, str) or not _SHA.match(sha):
                raise _Bad("import_unknown_ref", key="sha256", value=sha)
            rotation = item.get("rotation") or 0
            if rotation not in (0, 90, 180, 270):
                raise ValidationError("bad_rotation", field="rotation")
            position = item.get("position") or 0
            size = item.get("bytes")
            if not isinstance(position, int) or not isinstance(size, int) or size < 0:
                raise ValidationError("bad_type", field="bytes", value=size)
            name = item.get("original_name") or ""
            caption = item.get("caption")
            if not isinstance(name, str) or not isinstance(caption, (str, type(None))):
                raise ValidationError("bad_type", field="caption", value=caption)
            if sha not in plan.files:
                plan.files[sha] = _plan_file(lib, src, plan, sha, item, now)
                plan.file_items[sha] = (number, item)
        except (_Bad, ValidationError) as exc:
            raise _record_error(src, "attachments", number, item, exc) from None
        routes.add(u, created, updated, deleted, (owner_kind, owner_id, sha, name, rotation,
                                                  caption, position))
    routes.store(plan, "attachments", "attachment")


def _plan_file(lib: Library, src: _Source, plan: _Plan, sha: str, item: dict,
               now: str) -> tuple | None:
    """The files row for a scan not yet stored (None when the library has it), its bytes read
    and checked against the sha256."""
    if (lib.conn.execute("SELECT 1 FROM files WHERE sha256 = ?", (sha,)).fetchone()
            and _file_source(lib, sha).exists()):
        return None
    data = src.file_bytes(sha)
    folder = str(src.folder)
    if data is None:
        raise _Bad("import_missing_file", key="sha256", sha256=sha, folder=folder)
    if hashlib.sha256(data).hexdigest() != sha:
        raise _Bad("import_file_mismatch", key="sha256", sha256=sha, folder=folder)
    plan.file_bytes[sha] = data
    media = item.get("media_type") or "application/octet-stream"
    return (sha, len(data), media, item.get("width"), item.get("height"), item.get("pages") or 1, now)


def _plan_history(src: _Source, plan: _Plan, items: list) -> None:
    """History rows of the records this import writes; rows already present are not repeated."""
    rows = []
    for number, item in enumerate(items, 1):
        try:
            if not isinstance(item, dict):
                raise _Bad("import_not_object")
            extra = item.keys() - set(HISTORY_FIELDS)
            if extra:
                raise _Bad("import_unknown_key", key=sorted(extra)[0])
            kind, u = item.get("kind"), item.get("record")
            if kind not in plan.ids:
                raise ValidationError("bad_choice", field="kind", value=kind,
                                      choices=", ".join(plan.ids))
            record_id = plan.ids[kind].get(u)
            if record_id is None:
                raise _Bad("import_unknown_ref", key="record", value=u)
            at = _stamp(item, "at", None)
            if at is None or not isinstance(item.get("action"), str):
                raise ValidationError("required", field="action" if at else "at")
        except (_Bad, ValidationError) as exc:
            raise _record_error(src, "history", number, item, exc) from None
        if u not in plan.touched.get(kind, ()):
            continue
        old, new = item.get("old"), item.get("new")
        target = _ref_target(kind, item.get("field"))
        if target:
            old, new = (str(plan.ids[target].get(v, v)) if v is not None else None for v in (old, new))
        rows.append((at, str(item.get("who") or ""), kind, record_id, u, item["action"],
                     item.get("field"), _text(old), _text(new)))
    # Records the document brings without any history start theirs with the import; records
    # it replaces note that an import replaced them.
    with_history = {(r[2], r[4]) for r in rows}
    now = dates.utc_now()
    for kind, uuids in plan.touched.items():
        existing, ids = plan.existing[kind], plan.ids[kind]
        rows += [(now, plan.user, kind, ids[u], u, "import", None, None, None) for u in uuids
                 if u in existing or (kind, u) not in with_history]
    plan.history = rows


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _write(lib: Library, src: _Source, plan: _Plan) -> ImportReport:
    from db import attachments, filestore

    placed: list[str] = []
    try:
        with attachments._adding:  # no orphan clean-up between "file placed" and "row committed"
            return _write_all(lib, src, plan, placed)
    except BaseException:
        for sha in placed:  # the transaction rolls back: take back the files it brought
            filestore.remove(lib, sha)
        raise


def _write_files(lib: Library, src: _Source, plan: _Plan, placed: list[str]) -> None:
    """Scans first (checked like any attached file, written atomically), then the rows."""
    from db import attachments, filestore, media

    for sha, data in plan.file_bytes.items():
        number, item = plan.file_items[sha]
        name = str(item.get("original_name") or sha[:12])
        try:
            incoming = filestore.receive(lib, data, name)
            try:
                info, thumb = media.probe_with_thumbnail(incoming.path, name)
            except BaseException:
                incoming.discard()
                raise
        except LibraryError as exc:
            raise _record_error(src, "attachments", number, item, exc) from None
        if filestore.place(lib, incoming):
            placed.append(sha)
        row = plan.files[sha]
        plan.files[sha] = (sha, len(data), info.media_type, info.width, info.height, info.pages, row[-1])
        lib.conn.execute(
            "INSERT OR IGNORE INTO files (sha256, bytes, media_type, width, height, pages, added_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)", plan.files[sha])
        attachments.store_thumbnail(lib, sha, 0, media.THUMBNAIL_SIZE, thumb)


def _write_all(lib: Library, src: _Source, plan: _Plan, placed: list[str]) -> ImportReport:
    conn = lib.conn
    conn.execute("PRAGMA defer_foreign_keys = ON")  # rows may reference rows written after them
    report = ImportReport()
    _write_files(lib, src, plan, placed)
    report.files_added = len(placed)
    try:
        for section, spec in [*SECTIONS, ("attachments", None)]:
            table = spec.table if spec else "attachments"
            cols = list(spec.field_names) if spec else list(_ATTACHMENT_COLUMNS)
            if spec and spec.name_fields:
                cols.append("sort_key")
            inserts, updates = plan.inserts[section], plan.updates[section]
            all_cols = ["id", *META, *cols]
            conn.executemany(
                f"INSERT INTO {table} ({', '.join(all_cols)}) VALUES ({', '.join('?' * len(all_cols))})",
                inserts)
            sets = ", ".join(f"{c} = ?" for c in (*META[1:], *cols))
            conn.executemany(f"UPDATE {table} SET {sets} WHERE id = ?", updates)
            report.added[section] = len(inserts)
            report.updated[section] = len(updates)
            report.unchanged[section] = plan.unchanged[section]
    except sqlite3.IntegrityError as exc:
        raise src.reject("import_conflict", detail=str(exc)) from None
    _write_history(lib, plan)
    _reindex(lib, plan)
    problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise src.reject("import_conflict", detail=f"broken link in {problems[0][0]}")
    return report


def _write_history(lib: Library, plan: _Plan) -> None:
    rows = plan.history
    # Records that already existed may already carry some of these rows: do not repeat them.
    old_uuids = {u for kind, us in plan.touched.items() for u in us if u in plan.existing[kind]}
    if old_uuids:
        present: set[tuple] = set()
        marks_all = sorted(old_uuids)
        for i in range(0, len(marks_all), 500):
            chunk = marks_all[i:i + 500]
            present.update(lib.conn.execute(
                "SELECT at, who, kind, record_id, record_uuid, action, field, old, new FROM history"
                f" WHERE record_uuid IN ({','.join('?' * len(chunk))})", chunk))
        rows = [r for r in rows if r not in present]
    lib.conn.executemany(
        "INSERT INTO history (at, who, kind, record_id, record_uuid, action, field, old, new)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def _reindex(lib: Library, plan: _Plan) -> None:
    touched = sum(len(v) for v in plan.touched.values())
    if touched == 0:
        return
    if touched > SMALL_IMPORT:
        search.rebuild(lib)
        return
    for kind, uuids in plan.touched.items():
        for u in uuids:
            search.reindex(lib, kind, plan.ids[kind][u], dependents=True)


def iter_sections() -> Iterator[str]:
    yield from (s for s, _ in SECTIONS)
    yield "attachments"
    yield "history"


__all__ = ["FORMAT", "VERSION", "ImportReport", "ExportReport", "export", "import_", "document",
           "files_dir_for", "iter_sections"]
