"""The trash: everything deleted is listed and restorable; emptying it erases for good but never
takes a link away from a live record; scan files go once nothing names them."""
from __future__ import annotations

import pytest

from db import attachments, attendances, certificates, errors, events, filestore, organisations
from db import people, records, search, trash

from tests.db.scans import add_scan


def test_every_kind_is_listed_newest_first_and_restorable(lib, tmp_path):
    org = organisations.create(lib, name_en="CCPIT")
    p = people.create(lib, name_en="Wu Hao")
    ev = events.create(lib, title_en="Expo")
    att = attendances.create(lib, event_id=ev.id, person_id=p.id)
    cert = certificates.create(lib, title_en="Training Base")
    add_scan(lib, tmp_path, 1, owner_kind="certificate", owner_id=cert.id)
    scan = attachments.for_owner(lib, "certificate", cert.id)[0]
    attendances.delete(lib, att.id)
    attachments.delete(lib, scan.id)
    certificates.delete(lib, cert.id)
    organisations.delete(lib, org.id)
    items = trash.list_trash(lib)
    assert {(i.kind, i.id) for i in items} == {
        ("attendance", att.id), ("attachment", scan.id), ("certificate", cert.id),
        ("organisation", org.id)}
    assert items[0].kind == "organisation" and items[0].title == "CCPIT"
    assert next(i for i in items if i.kind == "attendance").owner == "Expo"
    assert trash.count(lib) == 4
    for item in items:
        trash.restore(lib, item.kind, item.id)
    assert trash.list_trash(lib) == []
    assert [h.title for h in search.search(lib, "CCPIT")] == ["CCPIT"]


def test_purge_refuses_an_organisation_a_live_person_still_names(lib):
    org = organisations.create(lib, name_en="Ministry of Education")
    p = people.create(lib, name_en="Wu Hao", organisation_id=org.id)
    organisations.delete(lib, org.id)
    with pytest.raises(errors.Conflict) as info:
        trash.purge(lib, "organisation", org.id)
    assert info.value.code == "purge_referenced"
    assert "Ministry of Education" in info.value.message("en")
    assert "仍被" in info.value.message("zh")
    result = trash.empty(lib)
    assert result.total == 0 and result.kept[0][:2] == ("organisation", org.id)
    assert people.get(lib, p.id).organisation_id == org.id
    # Once the person no longer names it, it can go.
    people.update(lib, p.id, organisation_id=None)
    assert trash.empty(lib).purged == {"organisation": 1}
    with pytest.raises(errors.NotFound):
        organisations.get(lib, org.id)


def test_purging_an_event_takes_its_links_and_unlinks_trashed_records(lib):
    ev = events.create(lib, title_en="Forum")
    p = people.create(lib, name_en="Lü Rui")
    attendances.create(lib, event_id=ev.id, person_id=p.id)
    cert = certificates.create(lib, title_en="Award", event_id=ev.id)
    certificates.delete(lib, cert.id)
    events.delete(lib, ev.id)
    result = trash.purge(lib, "event", ev.id)
    assert result.purged == {"event": 1, "attendance": 1}
    assert certificates.get(lib, cert.id).event_id is None  # still in the trash, restorable
    assert certificates.restore(lib, cert.id).title_en == "Award"
    assert people.get(lib, p.id).name_en == "Lü Rui"
    actions = [h["action"] for h in records.history(lib, "certificate", cert.id)]
    assert "unlink" in actions
    assert records.history(lib, "event", ev.id)[-1]["action"] == "purge"
    assert lib.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_purge_of_a_live_record_is_refused(lib):
    org = organisations.create(lib, name_en="ACCA")
    with pytest.raises(errors.Conflict) as info:
        trash.purge(lib, "organisation", org.id)
    assert info.value.code == "not_in_trash"


def test_scan_file_goes_only_when_nothing_names_it(lib, tmp_path):
    a = certificates.create(lib, title_en="A")
    b = certificates.create(lib, title_en="B")
    sha = add_scan(lib, tmp_path, 5, owner_kind="certificate", owner_id=a.id)
    add_scan(lib, tmp_path, 5, owner_kind="certificate", owner_id=b.id)  # same bytes
    path = filestore.path_for(lib, sha)
    certificates.delete(lib, a.id)
    assert trash.empty(lib).files_removed == 0
    assert path.is_file() and attachments.for_owner(lib, "certificate", b.id)
    certificates.delete(lib, b.id)
    result = trash.empty(lib)
    assert result.files_removed == 1 and not path.exists()
    assert filestore.orphans(lib) == [] and filestore.missing(lib) == []
    assert lib.conn.execute("SELECT count(*) FROM thumbnails").fetchone()[0] == 0
