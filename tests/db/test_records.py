"""The records API: create, read, update, soft delete, restore, lists, validation, history."""
import pytest

from db import attendances, certificates, events, organisations, people, records
from db.errors import Conflict, NotFound, ValidationError


def test_create_and_get_an_event_with_partial_dates(lib):
    e = events.create(lib, title_en="Founding of the Sino-German HWK Dual System Alliance",
                      kind="ceremony", start_date="2022-12-16", city="Changzhou", region="Jiangsu")
    got = events.get(lib, e.id)
    assert got.title_en.startswith("Founding") and got.start_date == "2022-12-16"
    assert len(got.uuid) == 36 and got.created_at == got.updated_at and got.deleted_at is None
    assert got.created_at.endswith("Z")


def test_values_are_trimmed_and_empty_strings_become_none(lib):
    p = people.create(lib, name_en="  Lu Rui  ", position="", email=None)
    assert p.name_en == "Lu Rui" and p.position is None


@pytest.mark.parametrize("module,kwargs,field,code", [
    (events, {}, "title_zh", "required_name"),
    (events, {"title_zh": "   "}, "title_zh", "required_name"),
    (events, {"title_en": "x", "start_date": "2022-13"}, "start_date", "bad_date"),
    (events, {"title_en": "x", "start_date": "2022-12-16", "end_date": "2022-12-01"}, "end_date", "date_order"),
    (events, {"title_en": "x", "kind": "party"}, "kind", "bad_choice"),
    (events, {"title_en": "x", "parent_id": 999}, "parent_id", "bad_ref"),
    (events, {"title_en": "x" * 501}, "title_en", "too_long"),
    (people, {"name_en": "x", "email": "not-an-email"}, "email", "bad_email"),
    (people, {"name_en": "x", "organisation_id": 42}, "organisation_id", "bad_ref"),
    (organisations, {"name_en": "x", "website": "not a url"}, "website", "bad_url"),
    (organisations, {"name_en": "x", "kind": "club"}, "kind", "bad_choice"),
    (certificates, {"title_en": "x", "issued_on": "2023-08-15", "valid_until": "2023-01"}, "valid_until", "date_order"),
    (certificates, {"title_en": "x", "kind": "diploma"}, "kind", "bad_choice"),
])
def test_validation_errors_are_typed_name_the_field_and_speak_both_languages(lib, module, kwargs, field, code):
    with pytest.raises(ValidationError) as info:
        module.create(lib, **kwargs)
    err = info.value
    assert err.code == code and err.field == field
    en, zh = err.message("en"), err.message("zh")
    assert en and zh and en != zh
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh)
    assert "{" not in en and "{" not in zh


def test_unknown_fields_are_rejected(lib):
    with pytest.raises(ValidationError) as info:
        events.create(lib, title_en="x", colour="red")
    assert info.value.code == "unknown_field"


def test_nothing_is_written_when_validation_fails(lib):
    with pytest.raises(ValidationError):
        events.create(lib, title_en="x", start_date="soon")
    assert events.count(lib) == 0
    assert lib.conn.execute("SELECT count(*) FROM history").fetchone()[0] == 0
    assert lib.conn.execute("SELECT count(*) FROM search_docs").fetchone()[0] == 0


def test_update_changes_only_given_fields_and_records_history(lib):
    p = people.create(lib, name_en="Lu Rui", position="Officer", is_staff=True)
    p2 = people.update(lib, p.id, position="International officer")
    assert p2.position == "International officer" and p2.name_en == "Lu Rui" and p2.is_staff is True
    assert p2.updated_at > p.updated_at
    hist = records.history(lib, "person", p.id)
    assert hist[-1]["action"] == "update" and hist[-1]["field"] == "position"
    assert (hist[-1]["old"], hist[-1]["new"]) == ("Officer", "International officer")
    assert hist[-1]["who"]


def test_update_validates_the_merged_record(lib):
    e = events.create(lib, title_en="x", start_date="2023-08-15")
    with pytest.raises(ValidationError) as info:
        events.update(lib, e.id, end_date="2023-08-01")
    assert info.value.field == "end_date"
    with pytest.raises(ValidationError):
        events.update(lib, e.id, title_en=None)
    assert events.get(lib, e.id).title_en == "x"


def test_an_event_cannot_be_inside_its_own_sub_event(lib):
    conf = events.create(lib, title_en="Conference")
    seminar = events.create(lib, title_en="Seminar", parent_id=conf.id)
    with pytest.raises(ValidationError) as info:
        events.update(lib, conf.id, parent_id=seminar.id)
    assert info.value.code == "parent_cycle"
    with pytest.raises(ValidationError):
        events.update(lib, conf.id, parent_id=conf.id)
    assert [e.id for e in events.sub_events(lib, conf.id)] == [seminar.id]


def test_soft_delete_and_restore(lib):
    o = organisations.create(lib, name_en="SGAEE")
    organisations.delete(lib, o.id)
    assert organisations.get(lib, o.id).deleted
    assert organisations.count(lib) == 0 and organisations.count(lib, trash=True) == 1
    assert organisations.list_page(lib).items == []
    assert [x.id for x in organisations.list_page(lib, trash=True).items] == [o.id]
    organisations.restore(lib, o.id)
    assert not organisations.get(lib, o.id).deleted
    actions = [h["action"] for h in records.history(lib, "organisation", o.id)]
    assert actions[-2:] == ["delete", "restore"]


def test_a_trashed_record_cannot_be_linked(lib):
    o = organisations.create(lib, name_en="SGAEE")
    organisations.delete(lib, o.id)
    with pytest.raises(ValidationError) as info:
        people.create(lib, name_en="Someone", organisation_id=o.id)
    assert info.value.code == "bad_ref"


def test_get_missing_record_raises_not_found(lib):
    with pytest.raises(NotFound) as info:
        events.get(lib, 12345)
    assert "12345" in info.value.message("en") and "活动" in info.value.message("zh")


def test_attendance_roles_and_uniqueness(lib):
    e = events.create(lib, title_en="Seminar")
    p = people.create(lib, name_en="Wu Jingjing")
    a = attendances.create(lib, event_id=e.id, person_id=p.id, role="keynote")
    assert a.role == "keynote"
    with pytest.raises(Conflict) as info:
        attendances.create(lib, event_id=e.id, person_id=p.id)
    assert info.value.code == "duplicate_attendance" and "此人" in info.value.message("zh")
    with pytest.raises(ValidationError):
        attendances.create(lib, event_id=e.id, person_id=None)
    attendances.delete(lib, a.id)
    again = attendances.create(lib, event_id=e.id, person_id=p.id, role="guest")
    assert again.id != a.id
    with pytest.raises(Conflict):
        attendances.restore(lib, a.id)  # would duplicate the live one


def test_organisers_with_roles(lib):
    e = events.create(lib, title_en="Conference")
    sgaee = organisations.create(lib, name_en="SGAEE")
    committee = organisations.create(lib, name_en="Belt and Road Committee")
    events.add_organiser(lib, e.id, committee.id, role="supporter")
    events.add_organiser(lib, e.id, sgaee.id, role="organiser")
    assert [(o.organisation_id, o.role) for o in events.organisers(lib, e.id)] == [
        (sgaee.id, "organiser"), (committee.id, "supporter")]
    with pytest.raises(Conflict):
        events.add_organiser(lib, e.id, sgaee.id, role="organiser")
    with pytest.raises(ValidationError):
        events.add_organiser(lib, e.id, sgaee.id, role="sponsor")


def test_event_detail_lists_staff_first_then_keynotes(lib):
    conf = events.create(lib, title_en="Conference")
    sem = events.create(lib, title_en="Seminar", parent_id=conf.id)
    ministry = organisations.create(lib, name_en="Ministry of Human Resources and Social Security",
                                    name_zh="中华人民共和国人力资源和社会保障部", kind="ministry")
    wu = people.create(lib, name_en="Wu Jingjing", organisation_id=ministry.id, position="Director")
    mo = people.create(lib, name_en="Mo Xiaojin", is_staff=True, position="Dean")
    lu = people.create(lib, name_en="Lu Rui", is_staff=True, position="Officer")
    for p, role in ((wu, "keynote"), (lu, "delegate"), (mo, "delegate")):
        attendances.create(lib, event_id=sem.id, person_id=p.id, role=role)
    cert = certificates.create(lib, title_en="Training Base", kind="licence", event_id=conf.id)
    d = events.detail(lib, sem.id)
    assert d.parent.id == conf.id
    assert [p.name_en for _, p, _ in d.attendees] == ["Lu Rui", "Mo Xiaojin", "Wu Jingjing"]
    assert d.attendees[2][2].id == ministry.id
    assert [c.id for c in events.detail(lib, conf.id).certificates] == [cert.id]
    assert [s.id for s in events.detail(lib, conf.id).sub_events] == [sem.id]


def _all_pages(fn, **kw):
    out, after = [], None
    while True:
        page = fn(after=after, limit=7, **kw)
        out += page.items
        if page.next_after is None:
            return out
        after = page.next_after


@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_cover_every_record_once_in_sorted_order(lib, descending):
    starts = ["2016", "2022-12", "2022-12-16", None, "2020", "2023-08-15", "2022"] * 4
    for i, s in enumerate(starts):
        events.create(lib, title_en=f"Event {i:02d}", start_date=s)
    got = _all_pages(lambda **kw: events.list_page(lib, **kw), sort="start", descending=descending)
    assert len(got) == len(starts) and len({e.id for e in got}) == len(starts)
    keys = [(e.start_date or "", e.id) for e in got]
    assert keys == sorted(keys, reverse=descending)


def test_names_sort_by_pinyin_mixed_with_english(lib):
    for zh, en in (("吕蕊", None), (None, "Alice Brown"), ("莫晓进", None), (None, "Zoe"), ("安娜", None)):
        people.create(lib, name_zh=zh, name_en=en)
    names = [p.name for p in people.list_page(lib, sort="name").items]
    assert names == ["Alice Brown", "安娜", "吕蕊", "莫晓进", "Zoe"]


def test_list_filter_and_bad_sort(lib):
    conf = events.create(lib, title_en="Conference")
    events.create(lib, title_en="Seminar", parent_id=conf.id)
    assert [e.title for e in events.list_page(lib, parent_id=conf.id).items] == ["Seminar"]
    assert events.count(lib, parent_id=conf.id) == 1
    with pytest.raises(ValidationError):
        events.list_page(lib, sort="colour")


def test_by_uuid_and_create_with_given_uuid(lib):
    u = "6f1c1d1e-1111-4222-8333-944455556666"
    o = organisations.create(lib, name_en="AHK Greater China", uuid=u)
    assert organisations.get_by_uuid(lib, u).id == o.id
    assert organisations.get_by_uuid(lib, "nope") is None


def test_a_record_linked_to_a_trashed_one_can_still_be_edited(lib):
    """Editing a person's phone must not fail because their organisation went to the trash;
    linking anew to a trashed record still does."""
    org = organisations.create(lib, name_en="AHK Greater China")
    p = people.create(lib, name_en="Someone", organisation_id=org.id)
    organisations.delete(lib, org.id)
    assert people.update(lib, p.id, phone="+86 510 1234").phone == "+86 510 1234"
    other = people.create(lib, name_en="Other")
    with pytest.raises(ValidationError) as info:
        people.update(lib, other.id, organisation_id=org.id)
    assert info.value.code == "bad_ref"


def test_history_belongs_to_the_record_not_to_a_reused_id(lib):
    """Emptying the trash frees the highest id; a new record may get it, without the old history."""
    from db import trash

    old = organisations.create(lib, name_en="Old name")
    organisations.update(lib, old.id, name_en="Renamed")
    organisations.delete(lib, old.id)
    trash.purge(lib, "organisation", old.id)
    new = organisations.create(lib, name_en="Brand new")
    hist = records.history(lib, "organisation", new.id)
    assert [h["action"] for h in hist] == ["create"] * len(hist)
    assert "Renamed" not in [h["new"] for h in hist]
