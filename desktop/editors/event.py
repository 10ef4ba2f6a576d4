"""The event editor: the event's fields, its organisers, attendees, sub-events and the
certificates received there."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from db import dates, events
from desktop.editors.attendees import AttendeesSection
from desktop.editors.base import RecordEditor
from desktop.editors.fields import ChoiceField, DateField, LongTextField, TextField, WrappedLineField
from desktop.editors.labels import choice_label, display_name, ui_lang
from desktop.editors.organisers import OrganisersSection
from desktop.editors.picker import RecordPicker
from desktop.editors.related import RelatedList


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def _button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for b in buttons:
        row.addWidget(b)
    return row


class EventEditor(RecordEditor):
    KIND = "event"
    RELATED_KINDS = ("attendance", "organiser", "person", "organisation", "certificate")

    new_certificate_requested = Signal(dict)  # defaults for CertificateEditor.new(**defaults)

    def build(self) -> None:
        form = self.section(self.tr("Event"))
        self.add_row(form, self.tr("&Title"),
                     self.field("title_zh", WrappedLineField(self.tr("Chinese title"), lines=3)),
                     self.field("title_en", WrappedLineField(self.tr("English title"), lines=3)))
        self.add_row(form, self.tr("&Kind"), self.field("kind", ChoiceField("event_kind", events.KINDS)))
        self.add_row(form, self.tr("Editio&n"),
                     self.field("edition", TextField(self.tr("e.g. 7th, 2023"))))
        self.parent_picker = RecordPicker(self.facade, "event")
        self.parent_picker.setPlaceholderText(self.tr("The larger event this one is part of"))
        self.add_row(form, self.tr("&Part of"), self.field("parent_id", self.parent_picker))
        self.add_row(form, self.tr("&Dates"),
                     self.field("start_date", DateField(self.tr("start"))),
                     self.field("end_date", DateField(self.tr("end (optional)")),
                                hint=self.tr("e.g. 2016 · 2022-12 · 2022-12-16")),
                     stretches=(0, 1))
        self.add_row(form, self.tr("P&lace"),
                     self.field("city", TextField(self.tr("City"))),
                     self.field("region", TextField(self.tr("Province / region"))),
                     self.field("country", TextField(self.tr("Country"))))
        self.add_row(form, self.tr("&Venue"), self.field("venue", TextField()))
        self.add_row(form, self.tr("&Summary"), self.field("summary", LongTextField(lines=3)))
        self.add_row(form, self.tr("N&otes"), self.field("notes", LongTextField(lines=2)))

        self.save_first_hints: list[QLabel] = []
        org_form = self.section(self.tr("Organisers"))
        self.organisers = OrganisersSection(self.facade, self.ensure_saved)
        self.organisers.open_record.connect(self.open_record)
        org_form.addRow(self._save_first_hint())
        org_form.addRow(self.organisers)

        att_form = self.section(self.tr("Attendees"))
        self.attendees = AttendeesSection(self.facade, self.ensure_saved)
        self.attendees.open_record.connect(self.open_record)
        att_form.addRow(self._save_first_hint())
        att_form.addRow(self.attendees)

        sub_form = self.section(self.tr("Sub-events"))
        self.sub_events = RelatedList([self.tr("Date"), self.tr("Title"), self.tr("Kind")],
                                      stretch=1, min_rows=2)
        self.sub_events.open_record.connect(self.open_record)
        sub_form.addRow(self.sub_events)
        self.new_sub_button = QPushButton(self.tr("New s&ub-event"))
        self.new_sub_button.clicked.connect(self.new_sub_event)
        sub_form.addRow(_button_row(self.new_sub_button))

        cert_form = self.section(self.tr("Certificates received"))
        self.certificates = RelatedList([self.tr("Issued"), self.tr("Title"), self.tr("Kind")],
                                        stretch=1, min_rows=2)
        self.certificates.open_record.connect(self.open_record)
        cert_form.addRow(self.certificates)
        self.new_cert_button = QPushButton(self.tr("New &certificate"))
        self.new_cert_button.clicked.connect(self.request_new_certificate)
        cert_form.addRow(_button_row(self.new_cert_button))

        from desktop.scans.strip import AttachmentStrip
        self.scans = AttachmentStrip(self.facade)
        self.scans.ensure_owner = self.ensure_saved
        self.section(self.tr("Scans and photos")).addRow(self.scans)

    def _save_first_hint(self) -> QLabel:
        label = _hint(self.tr("Adding one saves the new event first."))
        self.save_first_hints.append(label)
        return label

    def kind_label(self) -> str:
        return self.tr("event")

    def title_text(self) -> str:
        if self.record is None:
            return self.tr("New event")
        return display_name(self.record.title_zh, self.record.title_en)

    # ------------------------------------------------------------ sections

    def reload_sections(self) -> None:
        event_id = self.record_id
        self.scans.set_owner("event", event_id)
        for hint in self.save_first_hints:
            hint.setVisible(event_id is None)
        self.parent_picker.exclude.clear()
        if event_id is None:
            self.organisers.set_rows([])
            self.attendees.set_rows(None, [])
            self.sub_events.set_rows([])
            self.certificates.set_rows([])
            return
        self.parent_picker.exclude.add(event_id)
        detail = self.facade.read(events.detail, event_id)
        self.organisers.set_rows(detail.organisers)
        self.attendees.set_rows(event_id, detail.attendees)
        lang = ui_lang()
        self.sub_events.set_rows([
            ("event", e.id, [dates.format_range(e.start_date, e.end_date, lang),
                             display_name(e.title_zh, e.title_en), choice_label("event_kind", e.kind)])
            for e in detail.sub_events])
        self.certificates.set_rows([
            ("certificate", c.id, [dates.format_date(c.issued_on, lang),
                                   display_name(c.title_zh, c.title_en),
                                   choice_label("certificate_kind", c.kind)])
            for c in detail.certificates])

    def ensure_saved(self) -> int | None:
        """The event's id; a new event is saved first (None if it cannot be yet)."""
        if self.record_id is None and not self.save():
            return None
        return self.record_id

    def new_sub_event(self) -> bool:
        """Save this event if needed, then start a new event inside it (same place and date)."""
        if (self.record_id is None or self.is_dirty()) and not self.save():
            return False
        parent = self.record
        self.new(parent_id=parent.id, kind="seminar", start_date=parent.start_date,
                 city=parent.city, region=parent.region, country=parent.country)
        return True

    def certificate_defaults(self) -> dict:
        """What a certificate received at this event starts with: the event, its first
        organiser as issuer, the event's start as issue date."""
        if self.record is None:
            return {}
        organisers = self.facade.read(events.organisers, self.record.id)
        issuer = next((o.organisation_id for o in organisers if o.role == "organiser"),
                      organisers[0].organisation_id if organisers else None)
        return {"event_id": self.record.id, "issuer_id": issuer,
                "issued_on": self.record.start_date}

    def request_new_certificate(self) -> bool:
        if self.ensure_saved() is None:
            return False
        self.new_certificate_requested.emit(self.certificate_defaults())
        return True



