"""The trash, across every kind of record: list it, restore from it, empty it for good.

Deleting (records.delete) only sets `deleted_at`. Erasing for good ("purge") follows one rule:

* A record is erased only when **no record outside the trash still points at it** — a live person
  whose organisation is in the trash keeps that organisation (the purge is refused with
  `purge_referenced`, and `empty` skips it and says why). Nothing live ever loses a link.
* Its **links go with it**: the attendances and organiser roles it takes part in and the scans
  attached to it. A record *in the trash* that pointed at it loses that link (set to empty), with
  a history row, so a later restore is still possible.
* A scan file is deleted from `files/` once no attachment (live or in the trash) names it; the
  rows go first, in one transaction, then the files, so a crash in between leaves an orphan file
  that `check` cleans, never a row without its file.
* History rows are kept, plus a `purge` row per erased record: who erased what and when."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from db import dates, filestore, records, search
from db.errors import Conflict, LibraryError, NotFound
from db.library import Library

# kind -> table, for everything that can sit in the trash
TABLES = {k: records.TABLES[k] for k in
          ("event", "certificate", "person", "organisation", "attendance", "organiser", "attachment")}

# Independent records pointing at a kind: (referencing kind, column). A live one blocks a purge.
REFERENCES = {
    "organisation": [("person", "organisation_id"), ("certificate", "issuer_id")],
    "person": [("certificate", "recipient_person_id")],
    "event": [("event", "parent_id"), ("certificate", "event_id")],
    "certificate": [],
}
# Links owned by a kind, erased with it: (link kind, column).
LINKS = {
    "organisation": [("organiser", "organisation_id")],
    "person": [("attendance", "person_id")],
    "event": [("attendance", "event_id"), ("organiser", "event_id")],
    "certificate": [],
}
MAIN_KINDS = tuple(REFERENCES)


@dataclass
class TrashItem:
    kind: str
    id: int
    title: str
    deleted_at: str
    owner: str = ""  # what a link or scan belongs to (event title, record title)


@dataclass
class PurgeResult:
    purged: dict[str, int] = field(default_factory=dict)  # kind -> rows erased
    kept: list[tuple[str, int, LibraryError]] = field(default_factory=list)  # (kind, id, why)
    files_removed: int = 0

    @property
    def total(self) -> int:
        return sum(self.purged.values())


def _name_sql(kind: str, alias: str) -> str:
    if kind in ("event", "certificate"):
        return f"coalesce({alias}.title_zh, {alias}.title_en, '')"
    return f"coalesce({alias}.name_zh, {alias}.name_en, '')"


_LIST_SQL = {
    "event": f"SELECT 'event', t.id, {_name_sql('event', 't')}, t.deleted_at, '' FROM events t",
    "certificate": f"SELECT 'certificate', t.id, {_name_sql('certificate', 't')}, t.deleted_at, ''"
                   " FROM certificates t",
    "person": f"SELECT 'person', t.id, {_name_sql('person', 't')}, t.deleted_at, '' FROM people t",
    "organisation": f"SELECT 'organisation', t.id, {_name_sql('organisation', 't')}, t.deleted_at, ''"
                    " FROM organisations t",
    "attendance": f"SELECT 'attendance', t.id, {_name_sql('person', 'p')}, t.deleted_at,"
                  f" {_name_sql('event', 'e')} FROM attendances t"
                  " JOIN people p ON p.id = t.person_id JOIN events e ON e.id = t.event_id",
    "organiser": f"SELECT 'organiser', t.id, {_name_sql('organisation', 'o')}, t.deleted_at,"
                 f" {_name_sql('event', 'e')} FROM event_organisers t"
                 " JOIN organisations o ON o.id = t.organisation_id JOIN events e ON e.id = t.event_id",
    "attachment": "SELECT 'attachment', t.id, t.original_name, t.deleted_at, t.owner_kind || ' '"
                  " || t.owner_id FROM attachments t",
}


def list_trash(lib: Library, *, kinds: tuple[str, ...] | None = None, limit: int = 500) -> list[TrashItem]:
    """What is in the trash, most recently deleted first (at most `limit` items)."""
    parts = [f"{_LIST_SQL[k]} WHERE t.deleted_at IS NOT NULL" for k in (kinds or TABLES)]
    sql = " UNION ALL ".join(parts) + " ORDER BY 4 DESC, 1, 2 LIMIT ?"
    return [TrashItem(*row) for row in lib.conn.execute(sql, (limit,))]


def count(lib: Library) -> int:
    return sum(lib.conn.execute(f"SELECT count(*) FROM {t} WHERE deleted_at IS NOT NULL").fetchone()[0]
               for t in TABLES.values())


def restore(lib: Library, kind: str, record_id: int):
    """Bring one record back from the trash (its links must still hold, see records.restore)."""
    if kind == "attachment":
        from db import attachments

        return attachments.restore(lib, record_id)
    if kind == "organiser":
        from db import events

        return events.restore_organiser(lib, record_id)
    from db import attendances, certificates, events, organisations, people

    module = {"event": events, "certificate": certificates, "person": people,
              "organisation": organisations, "attendance": attendances}[kind]
    return module.restore(lib, record_id)


# ---------------------------------------------------------------- erasing for good


def _live_referrers(lib: Library, kind: str, record_id: int) -> list[tuple[str, int]]:
    out = []
    for ref_kind, column in REFERENCES.get(kind, []):
        out += [(ref_kind, r[0]) for r in lib.conn.execute(
            f"SELECT id FROM {TABLES[ref_kind]} WHERE {column} = ? AND deleted_at IS NULL",
            (record_id,))]
    return out


def _refusal(lib: Library, kind: str, record_id: int, referrers: list[tuple[str, int]]) -> Conflict:
    name = lib.conn.execute(
        f"SELECT {_name_sql(kind, 't')} FROM {TABLES[kind]} t WHERE id = ?", (record_id,)
    ).fetchone()[0]
    what = ", ".join(sorted({k for k, _ in referrers}))
    return Conflict("purge_referenced", name=name or f"{kind} {record_id}", count=len(referrers),
                    what=what)


def purge(lib: Library, kind: str, record_id: int) -> PurgeResult:
    """Erase one record that is in the trash, for good (see the module's rule)."""
    row = lib.conn.execute(f"SELECT deleted_at FROM {TABLES[kind]} WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        raise NotFound(kind=kind, id=record_id)
    if row[0] is None:
        raise Conflict("not_in_trash", kind=kind)
    referrers = _live_referrers(lib, kind, record_id)
    if referrers:
        raise _refusal(lib, kind, record_id, referrers)
    return _purge(lib, {kind: {record_id}})


def empty(lib: Library) -> PurgeResult:
    """Empty the trash: erase everything in it except records something live still points at
    (those stay, listed in `kept` with the reason)."""
    targets: dict[str, set[int]] = defaultdict(set)
    kept = []
    for kind, table in TABLES.items():
        for (record_id,) in lib.conn.execute(f"SELECT id FROM {table} WHERE deleted_at IS NOT NULL"):
            referrers = _live_referrers(lib, kind, record_id) if kind in MAIN_KINDS else []
            if referrers:
                kept.append((kind, record_id, _refusal(lib, kind, record_id, referrers)))
            else:
                targets[kind].add(record_id)
    result = _purge(lib, targets)
    result.kept = kept
    return result


def _purge(lib: Library, targets: dict[str, set[int]]) -> PurgeResult:
    result = PurgeResult()
    now = dates.utc_now()
    targets = defaultdict(set, {k: set(v) for k, v in targets.items()})
    with lib.atomic():
        lib.conn.execute("PRAGMA defer_foreign_keys = ON")
        # Links and scans of the erased records go with them.
        for kind in MAIN_KINDS:
            for record_id in list(targets[kind]):
                for link_kind, column in LINKS[kind]:
                    targets[link_kind].update(r[0] for r in lib.conn.execute(
                        f"SELECT id FROM {TABLES[link_kind]} WHERE {column} = ?", (record_id,)))
                if kind in ("event", "certificate", "person"):
                    targets["attachment"].update(r[0] for r in lib.conn.execute(
                        "SELECT id FROM attachments WHERE owner_kind = ? AND owner_id = ?",
                        (kind, record_id)))
        # Records in the trash that stay but pointed at an erased one lose that link.
        for kind in MAIN_KINDS:
            for ref_kind, column in REFERENCES[kind]:
                for record_id in targets[kind]:
                    for ref_id, ref_uuid in lib.conn.execute(
                            f"SELECT id, uuid FROM {TABLES[ref_kind]} WHERE {column} = ?",
                            (record_id,)).fetchall():
                        if ref_id in targets[ref_kind]:
                            continue
                        lib.conn.execute(f"UPDATE {TABLES[ref_kind]} SET {column} = NULL WHERE id = ?",
                                         (ref_id,))
                        _history(lib, ref_kind, ref_id, ref_uuid, "unlink", column, record_id, now)
        shas: set[str] = set()
        touched_events = {r[0] for kind in ("attendance", "organiser") for i in targets[kind]
                          for r in lib.conn.execute(
                              f"SELECT event_id FROM {TABLES[kind]} WHERE id = ?", (i,))}
        for kind, ids in targets.items():
            table = TABLES[kind]
            for record_id in sorted(ids):
                row = lib.conn.execute(f"SELECT uuid FROM {table} WHERE id = ?", (record_id,)).fetchone()
                if row is None:
                    continue
                if kind == "attachment":
                    shas.add(lib.conn.execute("SELECT sha256 FROM attachments WHERE id = ?",
                                              (record_id,)).fetchone()[0])
                lib.conn.execute(f"DELETE FROM {table} WHERE id = ?", (record_id,))
                _history(lib, kind, record_id, row[0], "purge", None, None, now)
                search.reindex(lib, kind, record_id)
                result.purged[kind] = result.purged.get(kind, 0) + 1
        for event_id in touched_events - targets["event"]:
            search.reindex(lib, "event", event_id)
        gone = [sha for sha in sorted(shas) if lib.conn.execute(
            "SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1", (sha,)).fetchone() is None]
        for sha in gone:
            lib.conn.execute("DELETE FROM thumbnails WHERE sha256 = ?", (sha,))
            lib.conn.execute("DELETE FROM files WHERE sha256 = ?", (sha,))
    # After the commit: a crash here leaves orphan files (check cleans them), never a lost scan.
    for sha in gone:
        filestore.remove(lib, sha)
        result.files_removed += 1
    return result


def _history(lib: Library, kind: str, record_id: int, record_uuid: str, action: str,
             field_name: str | None, old, now: str) -> None:
    spec = records.Spec(kind=kind, cls=records.Record, fields=())
    records._history(lib, spec, record_id, record_uuid, action, [(field_name, old, None)], now)
