"""What each list shows: its columns, which of them sort (by a sort name of the kind's Spec), and
how one page of records becomes rows of display strings. Names of referenced records are looked
up once per page here, so a model's data() never queries."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from db import certificates, dates, events, organisations, people, records
from db.library import Library
from functools import partial

from desktop import prefs
from desktop.editors.labels import choice_label, display_name



@dataclass(frozen=True)
class Column:
    key: str
    title: str  # English source text, context "columns"
    sort: str | None = None  # a sort name of the kind's Spec, or None when it cannot sort

    def header(self) -> str:
        return QCoreApplication.translate("columns", self.title)


KIND_NAMES = {
    "event": QT_TRANSLATE_NOOP("kinds", "Event"), "certificate": QT_TRANSLATE_NOOP("kinds", "Certificate"),
    "person": QT_TRANSLATE_NOOP("kinds", "Person"), "organisation": QT_TRANSLATE_NOOP("kinds", "Organisation"),
}


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("kinds", KIND_NAMES.get(kind, kind))


def one(zh: str | None, en: str | None, lang: str) -> str:
    """A name in the clerk's language when there is one, else in the other."""
    return (zh or en or "") if lang == "zh" else (en or zh or "")


def _local_time(stamp: str | None) -> str:
    """A stored UTC time ('2024-01-31T08:00:00.000000Z') in the computer's time zone."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _names(lib: Library, spec: records.Spec, ids, lang: str) -> dict[int, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    out = {}
    for rec in records.by_ids(lib, spec, wanted):
        out[rec.id] = one(rec.name_zh, rec.name_en, lang)
    return out


Renderer = Callable[[Library, Sequence, str, Callable], list[tuple[str, ...]]]


def _event_rows(lib, items, lang, both):
    return [(both(e.title_zh, e.title_en), choice_label("event_kind", e.kind),
             dates.format_range(e.start_date, e.end_date, lang),
             ", ".join(p for p in (e.city, e.region, e.country) if p)) for e in items]


def _certificate_rows(lib, items, lang, both):
    issuers = _names(lib, organisations.SPEC, (c.issuer_id for c in items), lang)
    persons = _names(lib, people.SPEC, (c.recipient_person_id for c in items), lang)
    return [(both(c.title_zh, c.title_en), choice_label("certificate_kind", c.kind),
             issuers.get(c.issuer_id, ""),
             persons.get(c.recipient_person_id) or c.recipient or "",
             dates.format_date(c.issued_on, lang), dates.format_date(c.valid_until, lang))
            for c in items]


def _person_rows(lib, items, lang, both):
    orgs = _names(lib, organisations.SPEC, (p.organisation_id for p in items), lang)
    return [(both(p.name_zh, p.name_en), p.position or "", orgs.get(p.organisation_id, ""),
             "✓" if p.is_staff else "") for p in items]


def _organisation_rows(lib, items, lang, both):
    return [(both(o.name_zh, o.name_en), o.abbreviation or "",
             choice_label("organisation_kind", o.kind), o.country or "")
            for o in items]


def _owner_names(lib: Library, items, lang: str) -> dict[tuple[str, int], str]:
    """For scans in the trash: "Event: its title" of each record they belong to, one query a kind."""
    specs = {"event": events.SPEC, "certificate": certificates.SPEC, "person": people.SPEC}
    out = {}
    for kind, spec in specs.items():
        ids = {r.owner_id for r in items if r.owner_kind == kind}
        for rec in (records.by_ids(lib, spec, ids) if ids else ()):
            zh = getattr(rec, "name_zh", None) or getattr(rec, "title_zh", None)
            en = getattr(rec, "name_en", None) or getattr(rec, "title_en", None)
            out[(kind, rec.id)] = f"{kind_name(kind)}: {one(zh, en, lang)}"
    return out


def _trash_rows(lib, items, lang, both):
    if items and hasattr(items[0], "owner_kind"):  # scans: the file's name · what it belonged to
        owners = _owner_names(lib, items, lang)
        return [(f"{r.name} · {owners.get((r.owner_kind, r.owner_id), '')}".rstrip(" ·"),
                 _local_time(r.deleted_at)) for r in items]
    rows = []
    for r in items:
        zh = getattr(r, "name_zh", None) or getattr(r, "title_zh", None)
        en = getattr(r, "name_en", None) or getattr(r, "title_en", None)
        rows.append((both(zh, en), _local_time(r.deleted_at)))
    return rows


COLUMNS: dict[str, tuple[Column, ...]] = {
    "event": (Column("title", QT_TRANSLATE_NOOP("columns", "Title"), "title"),
              Column("kind", QT_TRANSLATE_NOOP("columns", "Kind")),
              Column("date", QT_TRANSLATE_NOOP("columns", "Date"), "start"),
              Column("place", QT_TRANSLATE_NOOP("columns", "Place"))),
    "certificate": (Column("title", QT_TRANSLATE_NOOP("columns", "Title"), "title"),
                    Column("kind", QT_TRANSLATE_NOOP("columns", "Kind")),
                    Column("issuer", QT_TRANSLATE_NOOP("columns", "Issuer")),
                    Column("recipient", QT_TRANSLATE_NOOP("columns", "Recipient")),
                    Column("issued", QT_TRANSLATE_NOOP("columns", "Issued"), "issued"),
                    Column("valid_until", QT_TRANSLATE_NOOP("columns", "Valid until"))),
    "person": (Column("name", QT_TRANSLATE_NOOP("columns", "Name"), "name"),
               Column("position", QT_TRANSLATE_NOOP("columns", "Position")),
               Column("organisation", QT_TRANSLATE_NOOP("columns", "Organisation")),
               Column("staff", QT_TRANSLATE_NOOP("columns", "Own staff"))),
    "organisation": (Column("name", QT_TRANSLATE_NOOP("columns", "Name"), "name"),
                     Column("abbreviation", QT_TRANSLATE_NOOP("columns", "Abbreviation")),
                     Column("kind", QT_TRANSLATE_NOOP("columns", "Kind")),
                     Column("country", QT_TRANSLATE_NOOP("columns", "Country"))),
}

TRASH_COLUMNS = (Column("name", QT_TRANSLATE_NOOP("columns", "Name")), Column("deleted", QT_TRANSLATE_NOOP("columns", "Deleted")))

RENDERERS: dict[str, Renderer] = {
    "event": _event_rows, "certificate": _certificate_rows, "person": _person_rows,
    "organisation": _organisation_rows,
}

# Kinds of change that alter what a list of this kind shows.
WATCHES = {
    "event": {"event"},
    "certificate": {"certificate", "organisation", "person"},
    "person": {"person", "organisation"},
    "organisation": {"organisation"},
}


def render(lib: Library, kind: str, items: Sequence, lang: str, trash: bool = False):
    """Display rows of `items`; names and titles in `lang`, the other language after them when
    View › Show both languages is on."""
    both = partial(display_name, lang=lang, both=prefs.both_languages())
    return (_trash_rows if trash else RENDERERS[kind])(lib, items, lang, both)
