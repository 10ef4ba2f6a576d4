"""The organisation editor: names, abbreviation, kind, country, website, notes; its people."""
from __future__ import annotations

from db import organisations, people
from desktop.editors.base import RecordEditor
from desktop.editors.fields import ChoiceField, LongTextField, TextField
from desktop.editors.labels import display_name
from desktop.editors.related import RelatedList


class OrganisationEditor(RecordEditor):
    KIND = "organisation"
    RELATED_KINDS = ("person",)

    def build(self) -> None:
        form = self.section(self.tr("Organisation"))
        self.add_row(form, self.tr("&Name"),
                     self.field("name_zh", TextField(self.tr("Chinese name"))),
                     self.field("name_en", TextField(self.tr("English name"))))
        self.add_row(form, self.tr("A&bbreviation"),
                     self.field("abbreviation", TextField(self.tr("e.g. SGAEE"))))
        self.add_row(form, self.tr("&Kind"),
                     self.field("kind", ChoiceField("organisation_kind", organisations.KINDS)))
        self.add_row(form, self.tr("&Country"), self.field("country", TextField()))
        self.add_row(form, self.tr("&Website"),
                     self.field("website", TextField("https://example.org")))
        self.add_row(form, self.tr("N&otes"), self.field("notes", LongTextField()))

        people_form = self.section(self.tr("People"))
        self.people = RelatedList([self.tr("Name"), self.tr("Position")])
        self.people.open_record.connect(self.open_record)
        people_form.addRow(self.people)

    def kind_label(self) -> str:
        return self.tr("organisation")

    def title_text(self) -> str:
        if self.record is None:
            return self.tr("New organisation")
        return display_name(self.record.name_zh, self.record.name_en)

    def reload_sections(self) -> None:
        rows = []
        if self.record_id is not None:
            page = self.facade.read(people.list_page, organisation_id=self.record_id, limit=500)
            rows = [("person", p.id, [display_name(p.name_zh, p.name_en), p.position or ""])
                    for p in page.items]
        self.people.set_rows(rows)
        self.people.setEnabled(bool(rows))
