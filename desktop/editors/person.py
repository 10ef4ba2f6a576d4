"""The person editor: names, position, organisation (picked or created inline), own staff,
contact, notes; the events the person attended."""
from __future__ import annotations

from db import attendances, dates, events
from desktop.editors.base import RecordEditor
from desktop.editors.fields import CheckField, LongTextField, TextField
from desktop.editors.labels import choice_label, display_name, ui_lang
from desktop.editors.picker import RecordPicker, create_named
from desktop.editors.related import RelatedList


class PersonEditor(RecordEditor):
    KIND = "person"
    RELATED_KINDS = ("attendance", "event", "organisation")

    def build(self) -> None:
        form = self.section(self.tr("Person"))
        self.add_row(form, self.tr("&Name"),
                     self.field("name_zh", TextField(self.tr("Chinese name"))),
                     self.field("name_en", TextField(self.tr("English name"))))
        self.add_row(form, self.tr("&Position"), self.field("position", TextField()))
        self.organisation = RecordPicker(self.facade, "organisation", allow_create=True)
        self.organisation.setPlaceholderText(self.tr("Type part of a name in either language"))
        self.organisation.create_requested.connect(self._create_organisation)
        self.add_row(form, self.tr("&Organisation"), self.field("organisation_id", self.organisation))
        self.add_row(form, "", self.field("is_staff", CheckField(self.tr("Own &staff"))))
        self.add_row(form, self.tr("&Email"), self.field("email", TextField("name@example.org")))
        self.add_row(form, self.tr("P&hone"), self.field("phone", TextField()))
        self.add_row(form, self.tr("N&otes"), self.field("notes", LongTextField()))

        attended = self.section(self.tr("Events attended"))
        self.events = RelatedList([self.tr("Date"), self.tr("Event"), self.tr("Role")], stretch=1)
        self.events.open_record.connect(self.open_record)
        attended.addRow(self.events)

        from desktop.scans.strip import AttachmentStrip
        self.scans = AttachmentStrip(self.facade)
        self.scans.ensure_owner = lambda: self.record_id if self.save() else None
        self.section(self.tr("Scans and photos")).addRow(self.scans)

    def kind_label(self) -> str:
        return self.tr("person")

    def title_text(self) -> str:
        if self.record is None:
            return self.tr("New person")
        return display_name(self.record.name_zh, self.record.name_en)

    def _create_organisation(self, text: str) -> None:
        org = create_named(self.facade, "organisation", text)
        self.organisation.set_value(org.id)
        self.organisation.edited.emit()

    def reload_sections(self) -> None:
        self.scans.set_owner("person", self.record_id)
        rows = []
        if self.record_id is not None:
            atts = self.facade.read(attendances.for_person, self.record_id)
            evs = {e.id: e for e in self.facade.read(events.by_ids, [a.event_id for a in atts])}
            for a in atts:
                ev = evs[a.event_id]
                rows.append(("event", ev.id, [dates.format_date(ev.start_date, ui_lang()),
                                              display_name(ev.title_zh, ev.title_en),
                                              choice_label("attendance_role", a.role)]))
        self.events.set_rows(rows)
