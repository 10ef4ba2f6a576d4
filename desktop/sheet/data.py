"""Reading what the summary sheet shows from the library (no Qt: it runs in a background task)."""
from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as _dt
import io

from PIL import Image

from db import attachments, events, organisations, settings
from db.errors import LibraryError
from db.library import Library
from desktop.sheet.content import Bilingual, SheetCertificate, SheetData, SheetPerson


def _bi(record, zh: str = "name_zh", en: str = "name_en") -> Bilingual | None:
    if record is None:
        return None
    return Bilingual(getattr(record, zh), getattr(record, en))


def _scan(lib: Library, certificate_id: int) -> tuple[bytes, tuple[int, int]] | None:
    """The first page of a certificate's first scan, from the library's thumbnail cache (made once
    when missing; decoding a 20 MB scan again for every sheet would cost ~0.4 s), turned as the
    clerk set it. 256 px over about 34 mm of paper print at about 190 dpi."""
    first = attachments.first_for_owner(lib, "certificate", certificate_id)
    if first is None:
        return None
    try:
        thumb = attachments.ensure_thumbnail(lib, first.sha256, 0)
        with Image.open(io.BytesIO(thumb)) as img:
            if not first.rotation:
                return thumb, img.size
            turned = img.rotate(-first.rotation, expand=True)
    except (LibraryError, OSError):
        return None  # a missing or damaged file: the sheet says "no scan"
    if turned.mode not in ("RGB", "L"):
        turned = turned.convert("RGB")
    buf = io.BytesIO()
    turned.save(buf, "JPEG", quality=90)
    return buf.getvalue(), turned.size


def _logo(lib: Library) -> bytes | None:
    value = settings.get(lib, settings.INSTITUTION_LOGO)
    if not value:
        return None
    with contextlib.suppress(binascii.Error, ValueError):
        return base64.b64decode(value, validate=True)
    return None


def gather(lib: Library, event_id: int, *, today: _dt.date | None = None) -> SheetData:
    """Everything the sheet of event `event_id` prints. Raises NotFound for an unknown event."""
    d = events.detail(lib, event_id)
    ev = d.event
    certs = []
    for c in d.certificates:
        scan = _scan(lib, c.id)
        issuer = None
        if c.issuer_id:
            issuer = _bi(organisations.get(lib, c.issuer_id))
        certs.append(SheetCertificate(
            title=_bi(c, "title_zh", "title_en"), kind=c.kind, issuer=issuer,
            issued_on=c.issued_on, valid_until=c.valid_until, number=c.number,
            image=scan[0] if scan else None, image_size=scan[1] if scan else None,
        ))
    return SheetData(
        event_id=ev.id, event_uuid=ev.uuid,
        title=_bi(ev, "title_zh", "title_en"), kind=ev.kind, edition=ev.edition,
        parent=_bi(d.parent, "title_zh", "title_en"),
        start_date=ev.start_date, end_date=ev.end_date,
        venue=ev.venue, city=ev.city, region=ev.region, country=ev.country,
        summary=ev.summary, notes=ev.notes,
        organisers=[(o.role, _bi(org)) for o, org in d.organisers],
        attendees=[
            SheetPerson(name=_bi(p), position=p.position, organisation=_bi(org), role=a.role,
                        is_staff=p.is_staff)
            for a, p, org in d.attendees
        ],
        certificates=certs,
        sub_events=[(_bi(s, "title_zh", "title_en"), s.start_date, s.end_date) for s in d.sub_events],
        institution=Bilingual(settings.get(lib, settings.INSTITUTION_NAME_ZH),
                              settings.get(lib, settings.INSTITUTION_NAME_EN)),
        logo=_logo(lib),
        printed_on=(today or _dt.date.today()).isoformat(),
    )
