"""Events (conferences, seminars, ceremonies, visits), their organisers and sub-events."""
from __future__ import annotations

from dataclasses import dataclass, field

from db import records
from db.errors import ValidationError
from db.library import Library
from db.records import Field, Kind, Record, Spec

KINDS = ("conference", "seminar", "ceremony", "visit", "meeting", "exhibition", "training", "other")
ORGANISER_ROLES = ("organiser", "co-organiser", "host", "supporter")


@dataclass(kw_only=True)
class Event(Record):
    title_zh: str | None = None
    title_en: str | None = None
    kind: str = "other"
    edition: str | None = None
    parent_id: int | None = None
    start_date: str | None = None
    end_date: str | None = None
    city: str | None = None
    region: str | None = None
    country: str | None = None
    venue: str | None = None
    summary: str | None = None
    notes: str | None = None

    @property
    def title(self) -> str:
        return self.title_zh or self.title_en or ""


@dataclass(kw_only=True)
class Organiser(Record):
    event_id: int
    organisation_id: int
    role: str = "organiser"
    notes: str | None = None


def _check(lib: Library, clean: dict, record_id: int | None) -> None:
    records.check_date_order(clean, "start_date", "end_date")
    parent = clean.get("parent_id")
    if parent is not None and record_id is not None:
        seen = set()
        while parent is not None and parent not in seen:
            if parent == record_id:
                raise ValidationError("parent_cycle", field="parent_id")
            seen.add(parent)
            row = lib.conn.execute("SELECT parent_id FROM events WHERE id = ?", (parent,)).fetchone()
            parent = row[0] if row else None


SPEC = Spec(
    kind="event",
    cls=Event,
    fields=(
        Field("title_zh"), Field("title_en"),
        Field("kind", "choice", choices=KINDS, default="other"),
        Field("edition"), Field("parent_id", "ref", ref="event"),
        Field("start_date", "date"), Field("end_date", "date"),
        Field("city"), Field("region"), Field("country"), Field("venue"),
        Field("summary", "long"), Field("notes", "long"),
    ),
    name_fields=("title_zh", "title_en"),
    sorts={"title": "sort_key", "start": "coalesce(start_date, '')", "updated": "updated_at"},
    default_sort="start",
    check=_check,
)

ORGANISER_SPEC = Spec(
    kind="organiser",
    cls=Organiser,
    fields=(
        Field("event_id", "ref", ref="event", required=True),
        Field("organisation_id", "ref", ref="organisation", required=True),
        Field("role", "choice", choices=ORGANISER_ROLES, default="organiser"),
        Field("notes", "long"),
    ),
    unique_error="duplicate_organiser",
)


_kind = Kind[Event](SPEC)
create, get, get_by_uuid, update = _kind.create, _kind.get, _kind.get_by_uuid, _kind.update
delete, restore, list_page, count = _kind.delete, _kind.restore, _kind.list_page, _kind.count
by_ids = _kind.by_ids

_organisers = Kind[Organiser](ORGANISER_SPEC)


def add_organiser(lib: Library, event_id: int, organisation_id: int, *, role: str = "organiser",
                  notes: str | None = None) -> Organiser:
    records.require(ORGANISER_SPEC, event_id=event_id, organisation_id=organisation_id)
    return _organisers.create(lib, event_id=event_id, organisation_id=organisation_id, role=role,
                              notes=notes)


def update_organiser(lib: Library, organiser_id: int, **changes) -> Organiser:
    return _organisers.update(lib, organiser_id, **changes)


def remove_organiser(lib: Library, organiser_id: int) -> None:
    _organisers.delete(lib, organiser_id)


def restore_organiser(lib: Library, organiser_id: int) -> Organiser:
    return _organisers.restore(lib, organiser_id)


def organisers(lib: Library, event_id: int) -> list[Organiser]:
    return records.fetch(
        lib, ORGANISER_SPEC,
        "SELECT * FROM event_organisers WHERE event_id = ? AND deleted_at IS NULL"
        " ORDER BY CASE role WHEN 'organiser' THEN 0 WHEN 'host' THEN 1 WHEN 'co-organiser' THEN 2"
        " ELSE 3 END, id",
        (event_id,),
    )


def sub_events(lib: Library, event_id: int) -> list[Event]:
    return records.fetch(
        lib, SPEC,
        "SELECT * FROM events WHERE parent_id = ? AND deleted_at IS NULL"
        " ORDER BY coalesce(start_date, ''), id",
        (event_id,),
    )


@dataclass
class EventDetail:
    """An event with everything shown beside it: organisers, attendees, certificates, sub-events."""

    event: Event
    parent: Event | None
    organisers: list[tuple[Organiser, "object"]] = field(default_factory=list)
    attendees: list[tuple["object", "object", "object | None"]] = field(default_factory=list)
    certificates: list["object"] = field(default_factory=list)
    sub_events: list[Event] = field(default_factory=list)


def detail(lib: Library, event_id: int) -> EventDetail:
    """One event with its organisers (organisation), attendees (attendance, person, organisation),
    certificates and sub-events, in a handful of indexed queries."""
    from db import attendances, certificates, organisations, people

    ev = get(lib, event_id)
    parent = get(lib, ev.parent_id) if ev.parent_id else None
    orgs = [(o, organisations.get(lib, o.organisation_id)) for o in organisers(lib, event_id)]
    atts = attendances.for_event(lib, event_id)
    person_ids = {a.person_id for a in atts}
    persons = {p.id: p for p in people.by_ids(lib, person_ids)}
    org_ids = {p.organisation_id for p in persons.values() if p.organisation_id}
    org_map = {o.id: o for o in organisations.by_ids(lib, org_ids)}
    rows = []
    for a in atts:
        p = persons[a.person_id]
        rows.append((a, p, org_map.get(p.organisation_id)))
    certs = certificates.list_page(lib, event_id=event_id, sort="issued", limit=1000).items
    return EventDetail(ev, parent, orgs, rows, certs, sub_events(lib, event_id))

