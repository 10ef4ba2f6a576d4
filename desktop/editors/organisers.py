"""The organisers of an event: an organisation (picked as typed, or created) and its role."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from db import events
from desktop.editors import actions
from desktop.editors.labels import display_name
from desktop.editors.links import FIT, STRETCH, LinkTable
from desktop.editors.picker import RecordPicker, named_values


class OrganisersSection(LinkTable):
    TARGET, LINK, CHOICE = "organisation", "organiser", "organiser_role"
    ROLES = events.ORGANISER_ROLES
    MIN_ROWS = 1

    def __init__(self, facade, ensure_event, parent: QWidget | None = None):
        super().__init__(facade, ensure_event, parent)
        picker = RecordPicker(facade, "organisation", allow_create=True)
        picker.picked.connect(lambda oid: self.add_organisation(oid))
        picker.create_requested.connect(self._create)
        self._build(self.tr("Add organiser: type part of a name or abbreviation…"),
                    self.tr("Role of the next organiser added"),
                    [self.tr("Organisation"), self.tr("Role")], [STRETCH, FIT],
                    self.tr("Remove or&ganiser"), picker)

    def set_rows(self, rows: list) -> None:
        """rows: (organiser, organisation) from `events.detail`."""
        self._fill(rows, lambda row: row[0], lambda row: row[1])

    def _texts(self, row) -> list[str]:
        org = row[1]
        name = display_name(org.name_zh, org.name_en)
        return [f"{name} ({org.abbreviation})" if org.abbreviation else name]

    def organisation_ids(self) -> list[int]:
        return self.linked_ids()

    def add_organisation(self, organisation_id: int, role: str | None = None) -> bool:
        return self._add(lambda event_id: actions.add_organiser(
            self.facade, self.tr("Add organiser"), event_id, organisation_id,
            role or self.role.value()))

    def _create(self, text: str) -> bool:
        """A new organisation typed in: created and added as organiser in one undo step."""
        return self._add(lambda event_id: actions.add_new_organiser(
            self.facade, self.tr("Add new organiser"), event_id,
            named_values("organisation", text), self.role.value()))

    def _update_role(self, link_id: int, old: str, role: str) -> None:
        actions.set_field(self.facade, self.tr("Change organiser role"), "organiser", link_id,
                          events.update_organiser, "role", old, role)

    def _remove(self, link_id: int) -> None:
        actions.remove_link(self.facade, self.tr("Remove organiser"), "organiser", link_id,
                            events.remove_organiser, events.restore_organiser)
