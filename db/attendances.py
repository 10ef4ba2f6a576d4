"""Attendances: who attended an event, in which role."""
from __future__ import annotations

from dataclasses import dataclass

from db import records
from db.library import Library
from db.records import Field, Kind, Record, Spec

ROLES = ("delegate", "speaker", "keynote", "guest", "organiser")


@dataclass(kw_only=True)
class Attendance(Record):
    event_id: int
    person_id: int
    role: str = "delegate"
    notes: str | None = None


SPEC = Spec(
    kind="attendance",
    cls=Attendance,
    fields=(
        Field("event_id", "ref", ref="event", required=True),
        Field("person_id", "ref", ref="person", required=True),
        Field("role", "choice", choices=ROLES, default="delegate"),
        Field("notes", "long"),
    ),
    unique_error="duplicate_attendance",
)

_kind = Kind[Attendance](SPEC)
get, get_by_uuid, update = _kind.get, _kind.get_by_uuid, _kind.update
delete, restore, count = _kind.delete, _kind.restore, _kind.count


def create(lib: Library, *, event_id: int, person_id: int, role: str = "delegate",
           notes: str | None = None, uuid: str | None = None) -> Attendance:
    records.require(SPEC, event_id=event_id, person_id=person_id)
    return _kind.create(lib, uuid=uuid, event_id=event_id, person_id=person_id, role=role,
                        notes=notes)


_ROLE_ORDER = " ".join(f"WHEN '{r}' THEN {i}" for i, r in enumerate(("keynote", "speaker", "organiser", "guest", "delegate")))


def for_event(lib: Library, event_id: int) -> list[Attendance]:
    """Attendances of an event: own staff first, then by role, then by name."""
    return records.fetch(
        lib, SPEC,
        "SELECT a.* FROM attendances a JOIN people p ON p.id = a.person_id"
        " WHERE a.event_id = ? AND a.deleted_at IS NULL"
        f" ORDER BY p.is_staff DESC, CASE a.role {_ROLE_ORDER} ELSE 9 END, p.sort_key, a.id",
        (event_id,),
    )


def for_person(lib: Library, person_id: int) -> list[Attendance]:
    return records.fetch(
        lib, SPEC,
        "SELECT a.* FROM attendances a JOIN events e ON e.id = a.event_id"
        " WHERE a.person_id = ? AND a.deleted_at IS NULL AND e.deleted_at IS NULL"
        " ORDER BY coalesce(e.start_date, '') DESC, a.id",
        (person_id,),
    )
