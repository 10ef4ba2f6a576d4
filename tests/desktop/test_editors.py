"""The record editors, driven like a clerk drives them: typing, completion, Enter, inline errors."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db import attendances, events, people, records, settings
from desktop.editors import (
    EDITOR_CLASSES, CertificateEditor, EventEditor, OrganisationEditor, PersonEditor,
)
from desktop.facade import Facade
from tests.desktop.editor_helpers import show_editor, type_text




@pytest.fixture
def sgaee(facade):
    return facade.create("organisation", {"name_en": "Sino-German Alliance of Enterprises and Education",
                                          "abbreviation": "SGAEE", "kind": "alliance"})


@pytest.fixture
def conference(facade, sgaee):
    ev = facade.create("event", {"title_en": "2023 Education Plus (7th) China (Changsha) International"
                                             " Vocational Education Conference",
                                 "kind": "conference", "start_date": "2023-08", "city": "Changsha"})
    facade.action("add organiser", "organiser",
                  lambda lib: events.add_organiser(lib, ev.id, sgaee.id), lambda lib: None)
    return ev


def pick_first(qtbot, picker):
    """Choose the best suggestion with the keyboard: Down, Enter in the popup."""
    qtbot.waitUntil(lambda: picker.completer.popup().isVisible())
    popup = picker.completer.popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_every_kind_has_an_editor():
    assert set(EDITOR_CLASSES) == {"event", "certificate", "person", "organisation"}


def test_new_event_typed_and_saved(qtbot, facade):
    ed = show_editor(qtbot, EventEditor, facade)
    ed.new()
    assert not ed.is_dirty()
    with qtbot.waitSignal(ed.dirty_changed) as dirty:
        type_text(qtbot, ed._fields["title_zh"], "职业教育大会")
    assert dirty.args == [True]
    type_text(qtbot, ed._fields["title_en"], "Vocational Education Conference")
    type_text(qtbot, ed._fields["start_date"], "2023-08")
    type_text(qtbot, ed._fields["city"], "Changsha")
    ed._fields["kind"].setCurrentIndex(ed._fields["kind"].findData("conference"))
    ed._fields["kind"].activated.emit(0)
    with qtbot.waitSignal(ed.saved) as saved:
        assert ed.save()
    kind, event_id = saved.args
    ev = facade.get("event", event_id)
    assert (kind, ev.title_zh, ev.title_en, ev.start_date, ev.city, ev.kind) == (
        "event", "职业教育大会", "Vocational Education Conference", "2023-08", "Changsha", "conference")
    assert ed.record_id == event_id and not ed.is_dirty()
    assert ed.heading.text() == "Vocational Education Conference · 职业教育大会"


def test_a_new_event_starts_with_the_library_defaults(qtbot, facade):
    ed = show_editor(qtbot, EventEditor, facade)
    ed.load(None)
    assert ed._fields["kind"].value() == "other"


def test_enter_in_a_title_adds_no_line_break(qtbot, facade):
    ed = show_editor(qtbot, EventEditor, facade)
    ed.new()
    type_text(qtbot, ed._fields["title_en"], "One")
    qtbot.keyClick(ed._fields["title_en"], Qt.Key.Key_Return)
    type_text(qtbot, ed._fields["title_en"], " line")
    assert ed._fields["title_en"].value() == "One line"


@pytest.mark.parametrize("typed, field, words", [
    ({}, "title_zh", "at least one"),
    ({"start_date": "2022-13"}, "start_date", "2022-13"),
    ({"start_date": "2022-12-16", "end_date": "2022-11"}, "end_date", "before the start"),
])
def test_validation_errors_appear_next_to_their_field(qtbot, facade, typed, field, words):
    ed = show_editor(qtbot, EventEditor, facade)
    ed.new()
    if typed:
        type_text(qtbot, ed._fields["title_en"], "Seminar")
    for name, text in typed.items():
        type_text(qtbot, ed._fields[name], text)
    assert not ed.save()
    assert words in ed.error_text(field)
    assert [n for n in ed._errors if ed.error_text(n)] == [field]
    assert ed.window().focusWidget() is ed._fields[field]
    assert ed.record_id is None and facade.read(events.count) == 0
    # Fixing the value and saving clears the message.
    ed._fields[field].set_value("2022-12-20" if "date" in field else "研讨会")
    assert ed.save()
    assert ed.error_text(field) == ""


def test_dirty_tracking_revert_and_only_changed_fields_sent(qtbot, facade, conference):
    ed = show_editor(qtbot, EventEditor, facade)
    ed.load(conference.id)
    assert not ed.is_dirty()
    city = ed._fields["city"]
    city.selectAll()
    with qtbot.waitSignal(ed.dirty_changed):
        type_text(qtbot, city, "Wuxi")
    assert ed.is_dirty() and ed.changes() == {"city": "Wuxi"}
    with qtbot.waitSignal(ed.dirty_changed) as clean:
        ed.revert()
    assert clean.args == [False] and city.text() == "Changsha"
    city.selectAll()
    type_text(qtbot, city, "Wuxi")
    assert ed.save()
    updates = [h for h in facade.read(records.history, "event", conference.id) if h["action"] == "update"]
    assert [(h["field"], h["old"], h["new"]) for h in updates] == [("city", "Changsha", "Wuxi")]


def test_undo_of_a_save_reloads_the_editor(qtbot, facade, conference):
    ed = show_editor(qtbot, EventEditor, facade)
    ed.load(conference.id)
    ed._fields["city"].selectAll()
    type_text(qtbot, ed._fields["city"], "Wuxi")
    assert ed.save()
    facade.undo_stack.undo()
    assert ed._fields["city"].text() == "Changsha" and not ed.is_dirty()
    facade.undo_stack.redo()
    assert ed._fields["city"].text() == "Wuxi"


def test_parent_event_picked_by_typing_part_of_a_title(qtbot, facade, conference):
    ed = show_editor(qtbot, EventEditor, facade)
    ed.new()
    type_text(qtbot, ed._fields["title_en"], "(4th) Sino-German International Seminar")
    ed.parent_picker.setFocus()
    type_text(qtbot, ed.parent_picker, "Changsha")
    pick_first(qtbot, ed.parent_picker)
    assert ed.parent_picker.value() == conference.id
    assert ed.save()
    assert facade.get("event", ed.record_id).parent_id == conference.id


def test_an_unpicked_parent_is_an_inline_error(qtbot, facade):
    ed = show_editor(qtbot, EventEditor, facade)
    ed.new()
    type_text(qtbot, ed._fields["title_en"], "Seminar")
    type_text(qtbot, ed.parent_picker, "no such event")
    assert not ed.save()
    assert "suggestions" in ed.error_text("parent_id")


# ---------------------------------------------------------------- attendees


@pytest.fixture
def lu_rui(facade):
    return facade.create("person", {"name_zh": "吕蕊", "name_en": "Lu Rui", "position": "Officer",
                                    "is_staff": True})


@pytest.fixture
def mo(facade):
    return facade.create("person", {"name_en": "Mo Xiaojin", "is_staff": True,
                                    "position": "Dean, Sino-German College of Vocational Education"})


@pytest.mark.parametrize("query", ["吕蕊", "吕", "Lu R", "lurui", "rui"])
def test_attendee_completes_from_a_short_chinese_query_english_or_pinyin(qtbot, facade, conference,
                                                                         lu_rui, mo, query):
    ed = show_editor(qtbot, EventEditor, facade)
    ed.load(conference.id)
    picker = ed.attendees.picker
    picker.setFocus()
    type_text(qtbot, picker, query)
    assert picker.suggestions()[0] == ("Lu Rui · 吕蕊", lu_rui.id)
    pick_first(qtbot, picker)
    assert ed.attendees.person_ids() == [lu_rui.id]
    assert ed.attendees.table.item(0, 0).text() == "Lu Rui · 吕蕊"
    assert ed.attendees.table.item(0, 1).text() == "Officer"
    assert picker.text() == ""  # ready for the next name
    # Already attending: not offered again.
    type_text(qtbot, picker, "吕蕊")
    assert lu_rui.id not in [i for _t, i in picker.suggestions()]


def test_enter_adds_the_best_match(qtbot, facade, conference, mo):
    ed = show_editor(qtbot, EventEditor, facade)
    ed.load(conference.id)
    picker = ed.attendees.picker
    type_text(qtbot, picker, "Xiaojin")
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert ed.attendees.person_ids() == [mo.id]


def test_new_person_created_inline_without_leaving_the_event(qtbot, facade, conference, sgaee):
    ministry = facade.create("organisation", {"name_zh": "中华人民共和国人力资源和社会保障部",
                                              "name_en": "Ministry of Human Resources and Social Security"})
    ed = show_editor(qtbot, EventEditor, facade)
    ed.load(conference.id)
    sec = ed.attendees
    sec.role.set_value("keynote")
    type_text(qtbot, sec.picker, "Wu Jingjing")
    assert sec.picker.suggestions() == [("Create “Wu Jingjing”…", None)]
    qtbot.keyClick(sec.picker, Qt.Key.Key_Return)
    form = sec.create_form
    assert form.isVisible()
    assert (form.name_zh.text(), form.name_en.text()) == ("", "Wu Jingjing")
    assert ed.window().focusWidget() is form.position
    type_text(qtbot, form.position, "Director of Bilateral Cooperation Division")
    form.organisation.setFocus()
    type_text(qtbot, form.organisation, "社会保障")
    pick_first(qtbot, form.organisation)
    assert form.organisation.value() == ministry.id
    qtbot.keyClick(form.position, Qt.Key.Key_Return)
    assert not form.isVisible()
    [pid] = sec.person_ids()
    person = facade.get("person", pid)
    assert (person.name_en, person.name_zh, person.position, person.organisation_id) == (
        "Wu Jingjing", None, "Director of Bilateral Cooperation Division", ministry.id)
    assert sec.roles() == {pid: "keynote"}
    assert "中华人民共和国人力资源和社会保障部" in sec.table.item(0, 2).text()
    assert ed.record_id == conference.id and not ed.is_dirty()
    # One user action: one undo takes back both the person and the attendance.
    facade.undo_stack.undo()
    assert sec.person_ids() == [] and facade.get("person", pid).deleted
    facade.undo_stack.redo()
    assert sec.person_ids() == [pid] and not facade.get("person", pid).deleted


def test_a_chinese_name_typed_goes_to_the_chinese_name(qtbot, facade, conference):
    ed = show_editor(qtbot, EventEditor, facade)
    ed.load(conference.id)
    sec = ed.attendees
    type_text(qtbot, sec.picker, "莫晓进")
    qtbot.keyClick(sec.picker, Qt.Key.Key_Return)
    assert (sec.create_form.name_zh.text(), sec.create_form.name_en.text()) == ("莫晓进", "")
    qtbot.keyClick(sec.create_form, Qt.Key.Key_Escape)
    assert not sec.create_form.isVisible() and sec.person_ids() == []


def test_inline_person_needs_a_name(qtbot, facade, conference):
    ed = show_editor(qtbot, EventEditor, facade)
    ed.load(conference.id)
    sec = ed.attendees
    sec.start_create("x")
    sec.create_form.name_en.clear()
    assert not sec.confirm_create()
    assert "at least one" in sec.create_form.error.text() and sec.create_form.isVisible()


def test_roles_and_removal_are_undoable(qtbot, facade, conference, lu_rui, mo):
    ed = show_editor(qtbot, EventEditor, facade)
    ed.load(conference.id)
    sec = ed.attendees
    assert sec.add_person(lu_rui.id) and sec.add_person(mo.id)
    row = sec.person_ids().index(mo.id)
    combo = sec.table.cellWidget(row, 3)
    combo.setCurrentIndex(combo.findData("speaker"))
    combo.activated.emit(combo.currentIndex())
    assert sec.roles()[mo.id] == "speaker"
    assert facade.read(attendances.for_event, conference.id)[0].role in ("speaker", "delegate")
    facade.undo_stack.undo()
    assert sec.roles()[mo.id] == "delegate"
    sec.table.selectRow(sec.person_ids().index(lu_rui.id))
    qtbot.mouseClick(sec.remove_button, Qt.MouseButton.LeftButton)
    assert sec.person_ids() == [mo.id]
    facade.undo_stack.undo()
    assert sorted(sec.person_ids()) == sorted([mo.id, lu_rui.id])


def test_undo_of_an_attendee_addition(qtbot, facade, conference, lu_rui):
    ed = show_editor(qtbot, EventEditor, facade)
    ed.load(conference.id)
    type_text(qtbot, ed.attendees.picker, "吕蕊")
    qtbot.keyClick(ed.attendees.picker, Qt.Key.Key_Return)
    assert ed.attendees.person_ids() == [lu_rui.id]
    assert facade.undo_stack.undoText() == "Add attendee"
    facade.undo_stack.undo()
    assert ed.attendees.person_ids() == []
    facade.undo_stack.redo()
    assert ed.attendees.person_ids() == [lu_rui.id]
    assert len(facade.read(attendances.for_event, conference.id)) == 1


def test_adding_an_attendee_to_a_new_event_saves_it_first(qtbot, facade, lu_rui):
    ed = show_editor(qtbot, EventEditor, facade)
    ed.new()
    assert all(h.isVisibleTo(ed) for h in ed.save_first_hints)
    assert not ed.attendees.add_person(lu_rui.id)  # no title yet: the error shows at the title
    assert "at least one" in ed.error_text("title_zh")
    type_text(qtbot, ed._fields["title_en"], "Delegation visit")
    assert ed.attendees.add_person(lu_rui.id)
    assert ed.record_id is not None and ed.attendees.person_ids() == [lu_rui.id]
    assert not any(h.isVisibleTo(ed) for h in ed.save_first_hints)


# ---------------------------------------------------------------- organisers, sub-events, certificates


def test_organisers_added_by_abbreviation_role_changed_removed(qtbot, facade, sgaee):
    ev = facade.create("event", {"title_en": "Conference"})
    ed = show_editor(qtbot, EventEditor, facade)
    ed.load(ev.id)
    sec = ed.organisers
    type_text(qtbot, sec.picker, "SGAEE")
    qtbot.keyClick(sec.picker, Qt.Key.Key_Return)
    assert sec.organisation_ids() == [sgaee.id] and sec.roles() == {sgaee.id: "organiser"}
    assert "SGAEE" in sec.table.item(0, 0).text()
    combo = sec.table.cellWidget(0, 1)
    combo.setCurrentIndex(combo.findData("host"))
    combo.activated.emit(combo.currentIndex())
    assert sec.roles() == {sgaee.id: "host"}
    # A name that matches nothing creates the organisation.
    type_text(qtbot, sec.picker, "Belt and Road Committee")
    qtbot.keyClick(sec.picker, Qt.Key.Key_Return)
    assert len(sec.organisation_ids()) == 2
    sec.remove_row(0)
    assert len(sec.organisation_ids()) == 1
    facade.undo_stack.undo()
    assert len(sec.organisation_ids()) == 2


def test_new_sub_event_is_inside_the_event(qtbot, facade, conference):
    ed = show_editor(qtbot, EventEditor, facade)
    ed.load(conference.id)
    assert ed.new_sub_event()
    assert ed.record_id is None and ed.parent_picker.value() == conference.id
    assert ed._fields["kind"].value() == "seminar" and ed._fields["city"].text() == "Changsha"
    type_text(qtbot, ed._fields["title_en"], "(4th) Sino-German International Seminar")
    assert ed.save()
    sub_id = ed.record_id
    ed.load(conference.id)
    assert ed.sub_events.keys() == [("event", sub_id)]
    with qtbot.waitSignal(ed.open_record) as opened:
        item = ed.sub_events.topLevelItem(0)
        ed.sub_events.itemActivated.emit(item, 0)
    assert opened.args == ["event", sub_id]


def test_new_certificate_carries_event_issuer_and_date(qtbot, facade, conference, sgaee):
    settings.set(facade.lib, settings.INSTITUTION_NAME_EN, "Wuxi Institute of Science and Technology")
    ed = show_editor(qtbot, EventEditor, facade)
    cert = show_editor(qtbot, CertificateEditor, facade)
    ed.new_certificate_requested.connect(lambda d: cert.new(**d))
    ed.load(conference.id)
    with qtbot.waitSignal(ed.new_certificate_requested) as req:
        qtbot.mouseClick(ed.new_cert_button, Qt.MouseButton.LeftButton)
    assert req.args[0] == {"event_id": conference.id, "issuer_id": sgaee.id, "issued_on": "2023-08"}
    assert cert.event.value() == conference.id and cert.issuer.value() == sgaee.id
    assert cert._fields["issued_on"].text() == "2023-08"
    assert cert._fields["recipient"].text() == "Wuxi Institute of Science and Technology"
    assert cert.is_dirty()
    type_text(qtbot, cert._fields["title_en"], "China-Europe Internship and Employment Talent Training Base")
    cert._fields["kind"].set_value("licence")
    assert cert.save()
    assert ed.certificates.keys() == [("certificate", cert.record_id)]
    c = facade.get("certificate", cert.record_id)
    assert (c.kind, c.event_id, c.issuer_id, c.issued_on) == ("licence", conference.id, sgaee.id, "2023-08")


def test_certificate_dates_in_order_and_scans_slot(qtbot, facade):
    cert = show_editor(qtbot, CertificateEditor, facade)
    cert.new()
    assert cert.attachments_area.objectName() == "attachments_area"
    type_text(qtbot, cert._fields["title_zh"], "证书")
    type_text(qtbot, cert._fields["issued_on"], "2023-08-15")
    type_text(qtbot, cert._fields["valid_until"], "2023-01")
    assert not cert.save()
    assert "before the start" in cert.error_text("valid_until")


def test_person_editor_creates_an_organisation_inline_and_lists_events(qtbot, facade, conference, lu_rui):
    facade.action("attend", "attendance",
                  lambda lib: attendances.create(lib, event_id=conference.id, person_id=lu_rui.id),
                  lambda lib: None)
    ed = show_editor(qtbot, PersonEditor, facade)
    ed.load(lu_rui.id)
    assert ed.events.keys() == [("event", conference.id)]
    type_text(qtbot, ed.organisation, "Wuxi Institute")
    assert ed.organisation.suggestions() == [("Create “Wuxi Institute”…", None)]
    qtbot.keyClick(ed.organisation, Qt.Key.Key_Return)
    org_id = ed.organisation.value()
    assert facade.get("organisation", org_id).name_en == "Wuxi Institute"
    assert ed.is_dirty()
    type_text(qtbot, ed._fields["email"], "not an address")
    assert not ed.save()
    assert "email" in ed.error_text("email").lower()
    ed._fields["email"].set_value("lurui@example.org")
    assert ed.save()
    assert facade.get("person", lu_rui.id).organisation_id == org_id


def test_organisation_editor_shows_its_people(qtbot, facade, sgaee):
    p = facade.create("person", {"name_en": "Anna Schmidt", "organisation_id": sgaee.id})
    ed = show_editor(qtbot, OrganisationEditor, facade)
    ed.load(sgaee.id)
    assert ed.people.keys() == [("person", p.id)]
    assert ed._fields["abbreviation"].text() == "SGAEE" and ed._fields["kind"].value() == "alliance"
    type_text(qtbot, ed._fields["website"], "not a site")
    assert not ed.save() and ed.error_text("website")
    ed._fields["website"].set_value("https://sgaee.org")
    assert ed.save()
    assert facade.get("organisation", sgaee.id).website == "https://sgaee.org"


def test_deleted_record_shows_it_is_in_the_trash(qtbot, facade, sgaee):
    ed = show_editor(qtbot, OrganisationEditor, facade)
    ed.load(sgaee.id)
    facade.delete("organisation", sgaee.id)
    assert "trash" in ed.error_text(None) and not ed.body.isEnabled()
    facade.undo_stack.undo()
    assert ed.error_text(None) == "" and ed.body.isEnabled()


def test_person_names_complete_is_shared_with_search(facade, lu_rui):
    # The completion uses the library's search: the same 2-character query finds the person there.
    from db import search
    assert [h.id for h in facade.read(search.search, "吕蕊", kinds=["person"])] == [lu_rui.id]
    assert people.get(facade.lib, lu_rui.id).name_en == "Lu Rui"
