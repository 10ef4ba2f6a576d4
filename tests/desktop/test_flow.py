"""The flow that must always work (DESIGN.md), at the editor level and through the real main
window: the first seed event with its sub-seminar, three people (one existing, two typed in
new), the organiser and the licence; found again by a 2-character Chinese query and an English
word; undone and redone; still there after closing and reopening the library."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db import attendances, certificates, events, search
from db.library import open_library
from desktop.editors import CertificateEditor, EventEditor
from desktop.facade import Facade
from tests.desktop.editor_helpers import show_editor, type_text

CONFERENCE = ("2023 Education Plus (7th) China (Changsha) International Vocational Education"
              " Conference and Industry-Education Integration Expo")
SEMINAR = ("(4th) Sino-German International Seminar on Industry-Education Integration in"
           " Vocational Education")
LICENCE = "China-Europe Internship and Employment Talent Training Base (first batch of 100)"




def _pick(qtbot, picker, text):
    """Type part of a name and take the best suggestion with Enter."""
    picker.setFocus()
    type_text(qtbot, picker, text)
    qtbot.keyClick(picker, Qt.Key.Key_Return)


def _hits(facade, query, kind):
    return [h.id for h in facade.read(search.search, query, kinds=[kind])]


def record_seed_event(qtbot, facade):
    """Everything a clerk does for the first seed post, through the editors. Returns the ids."""
    ministry = facade.create("organisation", {
        "name_zh": "中华人民共和国人力资源和社会保障部",
        "name_en": "Ministry of Human Resources and Social Security", "kind": "ministry"})
    lu = facade.create("person", {"name_zh": "吕蕊", "name_en": "Lu Rui", "position": "Officer",
                                  "is_staff": True})
    ed = show_editor(qtbot, EventEditor, facade)
    cert = show_editor(qtbot, CertificateEditor, facade)
    ed.new_certificate_requested.connect(lambda d: cert.new(**d))

    # The conference: title, kind, edition, a month, the place.
    ed.new()
    type_text(qtbot, ed._fields["title_en"], CONFERENCE)
    ed._fields["kind"].set_value("conference")
    type_text(qtbot, ed._fields["edition"], "7th")
    type_text(qtbot, ed._fields["start_date"], "2023-08")
    for name, text in (("city", "Changsha"), ("region", "Hunan"), ("country", "China")):
        type_text(qtbot, ed._fields[name], text)
    # The organiser is new: typing its name offers to create it; adding saves the event first.
    _pick(qtbot, ed.organisers.picker, "Sino-German Alliance of Enterprises and Education")
    conference_id = ed.record_id
    assert conference_id is not None and not ed.is_dirty()
    [sgaee] = ed.organisers.organisation_ids()

    # The sub-seminar, inside the conference, same month and place.
    assert ed.new_sub_event()
    type_text(qtbot, ed._fields["title_en"], SEMINAR)
    with qtbot.waitSignal(ed.saved):
        assert ed.save()
    seminar_id = ed.record_id

    # Attendees: an existing person by two Chinese characters, two new people typed in.
    _pick(qtbot, ed.attendees.picker, "吕蕊")
    _pick(qtbot, ed.attendees.picker, "Mo Xiaojin")
    form = ed.attendees.create_form
    assert form.isVisible() and form.name_en.text() == "Mo Xiaojin"
    type_text(qtbot, form.position, "Dean, Sino-German College of Vocational Education")
    qtbot.keyClick(form.is_staff, Qt.Key.Key_Space)  # own staff
    qtbot.keyClick(form.position, Qt.Key.Key_Return)
    ed.attendees.role.set_value("keynote")
    _pick(qtbot, ed.attendees.picker, "Wu Jingjing")
    type_text(qtbot, form.position, "Director of Bilateral Cooperation Division")
    _pick(qtbot, form.organisation, "社会保障")
    assert form.organisation.value() == ministry.id
    qtbot.keyClick(form.position, Qt.Key.Key_Return)
    assert len(ed.attendees.person_ids()) == 3 and lu.id in ed.attendees.person_ids()

    # The licence, received at the conference: event, issuer and date carried over.
    ed.load(conference_id)
    qtbot.mouseClick(ed.new_cert_button, Qt.MouseButton.LeftButton)
    assert (cert.event.value(), cert.issuer.value(), cert._fields["issued_on"].text()) == (
        conference_id, sgaee, "2023-08")
    type_text(qtbot, cert._fields["title_en"], LICENCE)
    cert._fields["kind"].set_value("licence")
    assert cert.save()
    assert ed.certificates.keys() == [("certificate", cert.record_id)]
    return {"conference": conference_id, "seminar": seminar_id, "sgaee": sgaee, "lu": lu.id,
            "licence": cert.record_id, "ministry": ministry.id}


def check_everything_is_there(facade, ids):
    detail = facade.read(events.detail, ids["seminar"])
    assert detail.parent.id == ids["conference"]
    names = sorted(p.name_en for _a, p, _o in detail.attendees)
    assert names == ["Lu Rui", "Mo Xiaojin", "Wu Jingjing"]
    roles = {p.name_en: a.role for a, p, _o in detail.attendees}
    assert roles["Wu Jingjing"] == "keynote"
    staff = {p.name_en for _a, p, _o in detail.attendees if p.is_staff}
    assert staff == {"Lu Rui", "Mo Xiaojin"}
    conference = facade.read(events.detail, ids["conference"])
    assert [org.id for _o, org in conference.organisers] == [ids["sgaee"]]
    assert [c.id for c in conference.certificates] == [ids["licence"]]
    licence = facade.read(certificates.get, ids["licence"])
    assert (licence.kind, licence.issuer_id, licence.issued_on) == ("licence", ids["sgaee"], "2023-08")
    # Found by a 2-character Chinese query and by an English word.
    assert _hits(facade, "吕蕊", "person") == [ids["lu"]]
    assert ids["conference"] in _hits(facade, "Changsha", "event")
    assert ids["licence"] in _hits(facade, "Internship", "certificate")
    assert _hits(facade, "社会", "organisation") == [ids["ministry"]]


def test_the_seed_event_recorded_through_the_editors(qtbot, lib_path):
    facade = Facade()
    facade.open(open_library(lib_path, create=True))
    ids = record_seed_event(qtbot, facade)
    check_everything_is_there(facade, ids)

    # Undo the last steps (licence, then the keynote speaker and her person), then redo them.
    stack = facade.undo_stack
    stack.undo()
    assert facade.read(certificates.get, ids["licence"]).deleted
    assert _hits(facade, "Internship", "certificate") == []
    stack.undo()
    assert len(facade.read(attendances.for_event, ids["seminar"])) == 2
    assert _hits(facade, "Wu Jingjing", "person") == []
    stack.redo()
    stack.redo()
    check_everything_is_there(facade, ids)

    # Close and reopen the library: everything is there.
    facade.close()
    facade.open(open_library(lib_path))
    check_everything_is_there(facade, ids)
    facade.close()


@pytest.fixture
def window(qtbot, lib_path):
    from tests.desktop.shell_helpers import shown_window

    yield from shown_window(qtbot, lib_path, size=(1300, 850))


def test_the_flow_through_the_main_window(qtbot, window, lib_path):
    win = window
    ctrl = Qt.KeyboardModifier.ControlModifier
    existing = win.facade.create("person", {"name_zh": "吕蕊", "name_en": "Lu Rui"})
    qtbot.keyClick(win, Qt.Key.Key_N, ctrl)  # New event
    ed = win.current_editor
    assert isinstance(ed, EventEditor) and ed.record_id is None
    type_text(qtbot, ed._fields["title_en"], CONFERENCE)
    type_text(qtbot, ed._fields["start_date"], "2023-08-15")
    qtbot.keyClick(win, Qt.Key.Key_S, ctrl)  # Save
    assert ed.record_id is not None and not ed.is_dirty()
    conference_id = ed.record_id
    _pick(qtbot, ed.attendees.picker, "吕蕊")
    _pick(qtbot, ed.attendees.picker, "Mo Xiaojin")
    type_text(qtbot, ed.attendees.create_form.position, "Dean")
    qtbot.keyClick(ed.attendees.create_form.position, Qt.Key.Key_Return)
    assert len(ed.attendees.person_ids()) == 2 and existing.id in ed.attendees.person_ids()

    # Found from the window's search box, by an English word.
    panel = win.panels["event"]
    with qtbot.waitSignal(panel.searched, timeout=3000):
        qtbot.keyClicks(panel.search_box, "Changsha")
    assert panel.model.rowCount() == 1

    # Undo the new attendee (Ctrl+Z), redo it (Ctrl+Y).
    qtbot.keyClick(win, Qt.Key.Key_Z, ctrl)
    assert ed.attendees.person_ids() == [existing.id]
    qtbot.keyClick(win, Qt.Key.Key_Y, ctrl)
    assert len(ed.attendees.person_ids()) == 2

    # Close and reopen: the event and its attendees are there.
    win.facade.undo_stack.clear()
    win.facade.close()
    win.facade.open(open_library(lib_path))
    detail = win.facade.read(events.detail, conference_id)
    assert sorted(p.name_en for _a, p, _o in detail.attendees) == ["Lu Rui", "Mo Xiaojin"]


def test_new_certificate_from_an_event_carries_it_over_in_the_window(qtbot, window):
    """Event › New certificate opens the certificate editor with the event, its organiser as
    issuer and its date; saved, the certificate is listed under the event."""
    org = window.facade.create("organisation", {"name_en": "Sino-German Alliance"})
    event = window.facade.create("event", {"title_en": CONFERENCE, "start_date": "2023-08"})
    window.facade.read(events.add_organiser, event.id, org.id)
    assert window.show_record("event", event.id)
    ed = window.current_editor
    qtbot.mouseClick(ed.new_cert_button, Qt.MouseButton.LeftButton)
    cert = window.current_editor
    assert isinstance(cert, CertificateEditor) and cert.record_id is None
    assert window.current_kind == "certificate"
    assert (cert.event.value(), cert.issuer.value(), cert._fields["issued_on"].text()) == (
        event.id, org.id, "2023-08")
    type_text(qtbot, cert._fields["title_en"], LICENCE)
    qtbot.keyClick(cert._fields["title_en"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert cert.record_id is not None
    assert [c.id for c in window.facade.read(events.detail, event.id).certificates] == [cert.record_id]


def test_a_new_record_starts_in_its_first_field(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    ed = window.current_editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ed._fields["title_zh"])


def test_delete_in_an_editor_belongs_to_the_field_or_table(qtbot, window):
    """Delete trashes the list's record only from the list (or the menu): in a text field it
    deletes a character, in the attendee table it removes the attendee."""
    ann = window.facade.create("person", {"name_en": "Ann Li"})
    event = window.facade.create("event", {"title_en": "Skills fair"})
    assert window.show_record("event", event.id)
    ed = window.current_editor
    _pick(qtbot, ed.attendees.picker, "Ann Li")
    assert ed.attendees.person_ids() == [ann.id]

    edition = ed._fields["edition"]
    edition.setFocus()
    type_text(qtbot, edition, "7th")
    edition.setCursorPosition(0)
    qtbot.keyClick(edition, Qt.Key.Key_Delete)
    assert edition.text() == "th"
    assert not window.facade.get("event", event.id).deleted

    table = ed.attendees.table
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert ed.attendees.person_ids() == []
    assert not window.facade.get("event", event.id).deleted
    assert not window.facade.get("person", ann.id).deleted

    ed.revert()
    panel = window.panels["event"]
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)  # from the list: the record goes
    assert window.facade.get("event", event.id).deleted
    window.action_undo.trigger()
    assert not window.facade.get("event", event.id).deleted
    panel.select_id(event.id)
    window.action_delete.trigger()  # from the menu, wherever the focus is
    assert window.facade.get("event", event.id).deleted


def _names(panel):
    return [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]


def test_undoing_an_inline_creation_takes_it_out_of_its_list(qtbot, window):
    """A person (or organisation) typed in the event editor is created with the attendance (or
    organiser role) in one step; Ctrl+Z takes it out of the People (Organisations) list too."""
    event = window.facade.create("event", {"title_en": "Skills fair"})
    assert window.show_record("event", event.id)
    ed = window.current_editor
    people, orgs = window.panels["person"], window.panels["organisation"]
    _pick(qtbot, ed.attendees.picker, "Mo Xiaojin")
    qtbot.keyClick(ed.attendees.create_form.position, Qt.Key.Key_Return)
    _pick(qtbot, ed.organisers.picker, "Sino-German Alliance")
    assert _names(people) == ["Mo Xiaojin"]
    assert _names(orgs) == ["Sino-German Alliance"]
    assert len(ed.organisers.organisation_ids()) == 1

    window.action_undo.trigger()  # the organiser and its new organisation, one step
    assert _names(orgs) == [] and ed.organisers.organisation_ids() == []
    window.action_undo.trigger()  # the attendee and the new person, one step
    assert _names(people) == [] and ed.attendees.person_ids() == []
    window.action_redo.trigger()
    window.action_redo.trigger()
    assert _names(people) == ["Mo Xiaojin"] and _names(orgs) == ["Sino-German Alliance"]
    assert len(ed.attendees.person_ids()) == 1 and len(ed.organisers.organisation_ids()) == 1
