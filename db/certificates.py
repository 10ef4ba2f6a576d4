"""Certificates, licences, awards, memberships, plaques and letters the institution received."""
from __future__ import annotations

from dataclasses import dataclass

from db import records
from db.library import Library
from db.records import Field, Kind, Record, Spec

KINDS = ("certificate", "licence", "award", "membership", "plaque", "letter")


@dataclass(kw_only=True)
class Certificate(Record):
    title_zh: str | None = None
    title_en: str | None = None
    kind: str = "certificate"
    issuer_id: int | None = None
    recipient: str | None = None  # the institution (or free text) when not a person
    recipient_person_id: int | None = None
    event_id: int | None = None
    issued_on: str | None = None
    valid_from: str | None = None
    valid_until: str | None = None
    number: str | None = None
    notes: str | None = None

    @property
    def title(self) -> str:
        return self.title_zh or self.title_en or ""


def _check(lib: Library, clean: dict, record_id: int | None) -> None:
    records.check_date_order(clean, "valid_from", "valid_until")
    records.check_date_order(clean, "issued_on", "valid_until")


SPEC = Spec(
    kind="certificate",
    cls=Certificate,
    fields=(
        Field("title_zh"), Field("title_en"),
        Field("kind", "choice", choices=KINDS, default="certificate"),
        Field("issuer_id", "ref", ref="organisation"),
        Field("recipient"), Field("recipient_person_id", "ref", ref="person"),
        Field("event_id", "ref", ref="event"),
        Field("issued_on", "date"), Field("valid_from", "date"), Field("valid_until", "date"),
        Field("number"), Field("notes", "long"),
    ),
    name_fields=("title_zh", "title_en"),
    sorts={"title": "sort_key", "issued": "coalesce(issued_on, '')", "updated": "updated_at"},
    default_sort="issued",
    check=_check,
)

_kind = Kind[Certificate](SPEC)
create, get, get_by_uuid, update = _kind.create, _kind.get, _kind.get_by_uuid, _kind.update
delete, restore, list_page, count = _kind.delete, _kind.restore, _kind.list_page, _kind.count
by_ids = _kind.by_ids
