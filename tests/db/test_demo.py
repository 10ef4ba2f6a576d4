"""The demo library: the records of the two seed posts, complete, idempotent, honest."""
from __future__ import annotations

from db import attachments, attendances, certificates, demo, events, organisations, people, search, settings


def _counts(lib):
    return {t: lib.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("organisations", "people", "events", "event_organisers", "attendances",
                      "certificates", "attachments", "files", "history", "settings")}


def _by_title(lib, spec_module, text):
    return next(r for r in spec_module.list_page(lib, limit=100).items if text in (r.title_en or ""))


def test_demo_is_complete(lib):
    demo.load(lib)
    conf = _by_title(lib, events, "Education Plus (7th)")
    assert (conf.start_date, conf.city, conf.region, conf.edition) == ("2023-08-15", "Changsha", "Hunan", "7th")
    subs = {e.title_en for e in events.sub_events(lib, conf.id)}
    assert any("(4th) Sino-German International Seminar" in t for t in subs)
    assert any("Launch ceremony" in t for t in subs)
    roles = {organisations.get(lib, o.organisation_id).abbreviation or
             organisations.get(lib, o.organisation_id).name_en: o.role for o in events.organisers(lib, conf.id)}
    assert roles["SGAEE"] == "organiser" and any(r == "supporter" for r in roles.values())
    founding = _by_title(lib, events, "HWK Dual System Alliance")
    assert (founding.start_date, founding.city, founding.region) == ("2022-12-16", "Changzhou", "Jiangsu")
    assert _by_title(lib, events, "German Embassy").start_date == "2016"

    seminar = next(e for e in events.sub_events(lib, conf.id) if "Seminar" in e.title_en)
    attendees = {people.get(lib, a.person_id).name_en: a.role for a in attendances.for_event(lib, seminar.id)}
    assert attendees == {"Mo Xiaojin": "delegate", "Lu Rui": "delegate", "Wu Jingjing": "keynote"}
    mo = next(p for p in people.list_page(lib).items if p.name_en == "Mo Xiaojin")
    assert mo.is_staff and mo.position == "Dean of the Sino-German College of Vocational Education"
    wu = next(p for p in people.list_page(lib).items if p.name_en == "Wu Jingjing")
    assert organisations.get(lib, wu.organisation_id).name_zh == "中华人民共和国人力资源和社会保障部"

    kinds = {c.kind: c for c in certificates.list_page(lib, limit=10).items}
    assert "first batch of 100" in kinds["licence"].title_en.lower()
    assert kinds["licence"].event_id == conf.id
    assert kinds["membership"].event_id == founding.id
    assert kinds["award"].issued_on == "2020"
    for cert in kinds.values():
        scans = attachments.for_owner(lib, "certificate", cert.id)
        assert len(scans) == 1 and "SAMPLE" in scans[0].caption and scans[0].media_type == "image/png"
    assert settings.get(lib, settings.INSTITUTION_NAME_EN) == "WIST"


def test_no_invented_chinese_names(lib):
    demo.load(lib)
    assert all(p.name_zh is None for p in people.list_page(lib).items)
    named_zh = {o.name_zh for o in organisations.list_page(lib, limit=100).items if o.name_zh}
    assert named_zh == {"中华人民共和国人力资源和社会保障部", "中华人民共和国教育部"}


def test_demo_load_is_idempotent(lib):
    demo.load(lib)
    before = _counts(lib)
    report = demo.load(lib)
    assert _counts(lib) == before
    assert report.scans_added == 0 and sum(report.records.values()) == 0


def test_demo_is_searchable_in_both_languages(lib):
    demo.load(lib)
    assert search.search(lib, "教育")[0].title.startswith("中华人民共和国教育部")
    assert search.search(lib, "教育部")[0].kind == "organisation"
    assert any(h.title == "Wu Jingjing" for h in search.search(lib, "社会"))
    assert search.search(lib, "Mo Xiaojin")[0].title == "Mo Xiaojin"


def test_sample_scan_is_marked(lib):
    png = demo.sample_scan("A title", None, "WIST", "2020")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert png == demo.sample_scan("A title", None, "WIST", "2020")  # deterministic: idempotent loads
