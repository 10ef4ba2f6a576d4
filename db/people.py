"""People: own staff, partners, speakers, officials."""
from __future__ import annotations

from dataclasses import dataclass

from db.records import Field, Kind, Record, Spec


@dataclass(kw_only=True)
class Person(Record):
    name_zh: str | None = None
    name_en: str | None = None
    position: str | None = None
    organisation_id: int | None = None
    is_staff: bool = False
    email: str | None = None
    phone: str | None = None
    notes: str | None = None

    @property
    def name(self) -> str:
        return self.name_zh or self.name_en or ""


SPEC = Spec(
    kind="person",
    cls=Person,
    fields=(
        Field("name_zh"), Field("name_en"), Field("position"),
        Field("organisation_id", "ref", ref="organisation"),
        Field("is_staff", "bool", default=False),
        Field("email", "email"), Field("phone"), Field("notes", "long"),
    ),
    name_fields=("name_zh", "name_en"),
    sorts={"name": "sort_key", "updated": "updated_at"},
    default_sort="name",
)

_kind = Kind[Person](SPEC)
create, get, get_by_uuid, update = _kind.create, _kind.get, _kind.get_by_uuid, _kind.update
delete, restore, list_page, count = _kind.delete, _kind.restore, _kind.list_page, _kind.count
by_ids = _kind.by_ids
