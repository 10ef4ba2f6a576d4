"""The certificate editor: titles, kind, issuer, recipient (the institution or a person), event,
dates, number, notes; and the place where the scans go (`attachments_area`)."""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from db import certificates, settings
from desktop.editors.base import RecordEditor
from desktop.editors.fields import ChoiceField, DateField, LongTextField, TextField, WrappedLineField
from desktop.editors.labels import display_name, ui_lang
from desktop.editors.picker import RecordPicker, create_named


def institution_name(facade) -> str | None:
    """The institution's name from the library settings, in the clerk's language if set."""
    zh = facade.read(settings.get, settings.INSTITUTION_NAME_ZH)
    en = facade.read(settings.get, settings.INSTITUTION_NAME_EN)
    return (zh or en) if ui_lang() == "zh" else (en or zh)


class CertificateEditor(RecordEditor):
    KIND = "certificate"
    RELATED_KINDS = ("organisation", "event", "person", "attachment")

    def build(self) -> None:
        form = self.section(self.tr("Certificate"))
        self.add_row(form, self.tr("&Title"),
                     self.field("title_zh", WrappedLineField(self.tr("Chinese title"), lines=3)),
                     self.field("title_en", WrappedLineField(self.tr("English title"), lines=3)))
        self.add_row(form, self.tr("&Kind"),
                     self.field("kind", ChoiceField("certificate_kind", certificates.KINDS)))
        self.issuer = RecordPicker(self.facade, "organisation", allow_create=True)
        self.issuer.setPlaceholderText(self.tr("Organisation that issued it"))
        self.issuer.create_requested.connect(self._create_issuer)
        self.add_row(form, self.tr("&Issuer"), self.field("issuer_id", self.issuer))
        self.add_row(form, self.tr("&Recipient"),
                     self.field("recipient", TextField(self.tr("The institution, or a name"))))
        self.person = RecordPicker(self.facade, "person")
        self.person.setPlaceholderText(self.tr("Only when a person received it"))
        self.add_row(form, self.tr("Recipient &person"),
                     self.field("recipient_person_id", self.person))
        self.event = RecordPicker(self.facade, "event")
        self.event.setPlaceholderText(self.tr("Event where it was received"))
        self.add_row(form, self.tr("&Event"), self.field("event_id", self.event))

        self.add_row(form, self.tr("Issued &on"),
                     self.field("issued_on", DateField(),
                                hint=self.tr("e.g. 2016 · 2022-12 · 2022-12-16")))
        self.add_row(form, self.tr("&Valid"),
                     self.field("valid_from", DateField(self.tr("from"))),
                     self.field("valid_until", DateField(self.tr("until"))), stretches=(0, 1))
        self.add_row(form, self.tr("N&umber"),
                     self.field("number", TextField(self.tr("Reference number"))))
        self.add_row(form, self.tr("N&otes"), self.field("notes", LongTextField()))

        scans = self.section(self.tr("Scans"))
        # The scans strip (thumbnails, drop, paste) is put into this slot by the attachments code.
        self.attachments_area = QWidget()
        self.attachments_area.setObjectName("attachments_area")
        QVBoxLayout(self.attachments_area).setContentsMargins(0, 0, 0, 0)
        scans.addRow(self.attachments_area)
        from desktop.scans.strip import AttachmentStrip
        self.scans = AttachmentStrip(self.facade)
        self.scans.ensure_owner = lambda: self.record_id if self.save() else None
        self.attachments_area.layout().addWidget(self.scans)

    def reload_sections(self) -> None:
        self.scans.set_owner("certificate", self.record_id)

    def blank_values(self) -> dict:
        values = super().blank_values()
        if self.facade.lib is not None:
            values["recipient"] = institution_name(self.facade)
        return values

    def kind_label(self) -> str:
        return self.tr("certificate")

    def title_text(self) -> str:
        if self.record is None:
            return self.tr("New certificate")
        return display_name(self.record.title_zh, self.record.title_en)

    def _create_issuer(self, text: str) -> None:
        org = create_named(self.facade, "organisation", text)
        self.issuer.set_value(org.id)
        self.issuer.edited.emit()
