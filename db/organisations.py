"""Organisations: ministries, chambers, alliances, companies, colleges, embassies."""
from __future__ import annotations

from dataclasses import dataclass

from db.records import Field, Kind, Record, Spec

KINDS = ("ministry", "chamber", "alliance", "company", "college", "embassy", "committee", "other")


@dataclass(kw_only=True)
class Organisation(Record):
    name_zh: str | None = None
    name_en: str | None = None
    abbreviation: str | None = None
    kind: str = "other"
    country: str | None = None
    website: str | None = None
    notes: str | None = None

    @property
    def name(self) -> str:
        return self.name_zh or self.name_en or ""


SPEC = Spec(
    kind="organisation",
    cls=Organisation,
    fields=(
        Field("name_zh"), Field("name_en"), Field("abbreviation"),
        Field("kind", "choice", choices=KINDS, default="other"),
        Field("country"), Field("website", "url"), Field("notes", "long"),
    ),
    name_fields=("name_zh", "name_en"),
    sorts={"name": "sort_key", "updated": "updated_at"},
    default_sort="name",
)

_kind = Kind[Organisation](SPEC)
create, get, get_by_uuid, update = _kind.create, _kind.get, _kind.get_by_uuid, _kind.update
delete, restore, list_page, count = _kind.delete, _kind.restore, _kind.list_page, _kind.count
by_ids = _kind.by_ids
