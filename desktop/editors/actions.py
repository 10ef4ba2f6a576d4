"""The undoable actions of the editors' tables, as pairs of `db` calls through the facade. A row
created by an action keeps its id: redo restores it from the trash instead of creating another."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from db import attendances, events, organisations, people


def add_link(facade, text: str, kind: str, create: Callable[[Any], Any],
             delete: Callable[[Any, int], None], restore: Callable[[Any, int], Any]) -> Any:
    made: dict[str, int] = {}

    def do(lib):
        if "id" in made:
            return restore(lib, made["id"])
        rec = create(lib)
        made["id"] = rec.id
        return rec

    return facade.action(text, kind, do, lambda lib: delete(lib, made["id"]))


def add_attendee(facade, text: str, event_id: int, person_id: int, role: str) -> Any:
    return add_link(facade, text, "attendance",
                    lambda lib: attendances.create(lib, event_id=event_id, person_id=person_id,
                                                   role=role),
                    attendances.delete, attendances.restore)


def add_new_attendee(facade, text: str, event_id: int, person: dict[str, Any], role: str) -> Any:
    """Create a person and their attendance as one user action (one undo step)."""
    made: dict[str, int] = {}

    def do(lib):
        with lib.atomic():
            if made:
                people.restore(lib, made["person"])
                return attendances.restore(lib, made["attendance"])
            p = people.create(lib, **person)
            a = attendances.create(lib, event_id=event_id, person_id=p.id, role=role)
            made.update(person=p.id, attendance=a.id)
            return a

    def undo(lib):
        with lib.atomic():
            attendances.delete(lib, made["attendance"])
            people.delete(lib, made["person"])

    return facade.action(text, ("attendance", "person"), do, undo)  # the People list too


def remove_link(facade, text: str, kind: str, record_id: int,
                delete: Callable[[Any, int], None], restore: Callable[[Any, int], Any]) -> None:
    facade.action(text, kind, lambda lib: delete(lib, record_id), lambda lib: restore(lib, record_id))


def set_field(facade, text: str, kind: str, record_id: int, update: Callable[..., Any],
              field: str, old: Any, new: Any) -> Any:
    return facade.action(text, kind, lambda lib: update(lib, record_id, **{field: new}),
                         lambda lib: update(lib, record_id, **{field: old}))


def add_organiser(facade, text: str, event_id: int, organisation_id: int, role: str) -> Any:
    return add_link(facade, text, "organiser",
                    lambda lib: events.add_organiser(lib, event_id, organisation_id, role=role),
                    events.remove_organiser, events.restore_organiser)


def add_new_organiser(facade, text: str, event_id: int, organisation: dict[str, Any],
                      role: str) -> Any:
    """Create an organisation and make it an organiser of the event as one user action (one
    undo step, which takes the organisation out of the Organisations list again)."""
    made: dict[str, int] = {}

    def do(lib):
        with lib.atomic():
            if made:
                organisations.restore(lib, made["organisation"])
                return events.restore_organiser(lib, made["organiser"])
            org = organisations.create(lib, **organisation)
            link = events.add_organiser(lib, event_id, org.id, role=role)
            made.update(organisation=org.id, organiser=link.id)
            return link

    def undo(lib):
        with lib.atomic():
            events.remove_organiser(lib, made["organiser"])
            organisations.delete(lib, made["organisation"])

    return facade.action(text, ("organiser", "organisation"), do, undo)
