"""The record editors shown beside the lists: one per kind, all built on `base.RecordEditor`.

Contract with the main window: `Editor(facade, parent)`; `load(id | None)`, `new(**defaults)`,
`save() -> bool`, `revert()`, `is_dirty()`, `record_id`; signals `dirty_changed(bool)`,
`saved(kind, id)`, `open_record(kind, id)`; `EventEditor.new_certificate_requested(dict)` carries
the defaults for `CertificateEditor.new(**defaults)`."""
from desktop.editors.certificate import CertificateEditor
from desktop.editors.event import EventEditor
from desktop.editors.organisation import OrganisationEditor
from desktop.editors.person import PersonEditor

EDITOR_CLASSES = {
    "event": EventEditor,
    "certificate": CertificateEditor,
    "person": PersonEditor,
    "organisation": OrganisationEditor,
}

__all__ = ["EDITOR_CLASSES", "CertificateEditor", "EventEditor", "OrganisationEditor", "PersonEditor"]
