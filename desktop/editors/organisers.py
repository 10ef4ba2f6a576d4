"""The organisers of an event: an organisation (picked as typed, or created) and its role."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from db import events
from db.errors import LibraryError
from desktop.editors import actions
from desktop.editors.fields import ChoiceField, ErrorLabel, compact_table, fit_height, reset_rows
from desktop.editors.labels import display_name, ui_lang
from desktop.editors.picker import RecordPicker, named_values


class OrganisersSection(QWidget):
    open_record = Signal(str, int)

    def __init__(self, facade, ensure_event: Callable[[], int | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.facade = facade
        self.ensure_event = ensure_event
        self._rows: list[tuple[int, int, str]] = []  # organiser id, organisation id, role

        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        add = QHBoxLayout()
        self.picker = RecordPicker(facade, "organisation", allow_create=True)
        self.picker.setPlaceholderText(self.tr("Add organiser: type part of a name or abbreviation…"))
        self.picker.picked.connect(lambda oid: self.add_organisation(oid))
        self.picker.create_requested.connect(self._create)
        self.role = ChoiceField("organiser_role", events.ORGANISER_ROLES)
        self.role.setToolTip(self.tr("Role of the next organiser added"))
        add.addWidget(self.picker, 1)
        add.addWidget(self.role)
        col.addLayout(add)
        self.error = ErrorLabel()
        col.addWidget(self.error)

        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Organisation"), self.tr("Role")])
        compact_table(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        fit_height(self.table, 0, min_rows=1)
        self.table.cellDoubleClicked.connect(
            lambda row, _c: self.open_record.emit("organisation", self._rows[row][1]))
        col.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.remove_button = QPushButton(self.tr("Remove or&ganiser"))
        self.remove_button.clicked.connect(lambda: self.remove_row(self.table.currentRow()))
        buttons.addWidget(self.remove_button)
        col.addLayout(buttons)

    def set_rows(self, rows: list) -> None:
        """rows: (organiser, organisation) from `events.detail`."""
        self._rows = [(o.id, org.id, o.role) for o, org in rows]
        reset_rows(self.table, len(rows), min_rows=1)
        for r, (o, org) in enumerate(rows):
            name = display_name(org.name_zh, org.name_en)
            if org.abbreviation:
                name += f" ({org.abbreviation})"
            item = QTableWidgetItem(name)
            item.setToolTip(name)
            self.table.setItem(r, 0, item)
            combo = ChoiceField("organiser_role", events.ORGANISER_ROLES)
            combo.set_value(o.role)
            combo.edited.connect(lambda r=r, combo=combo: self.set_role(r, combo.value()))
            self.table.setCellWidget(r, 1, combo)
        self.remove_button.setEnabled(bool(rows))

    def organisation_ids(self) -> list[int]:
        return [oid for _id, oid, _role in self._rows]

    def roles(self) -> dict[int, str]:
        return {oid: role for _id, oid, role in self._rows}

    def add_organisation(self, organisation_id: int, role: str | None = None) -> bool:
        return self._add(lambda event_id: actions.add_organiser(
            self.facade, self.tr("Add organiser"), event_id, organisation_id,
            role or self.role.value()))

    def _create(self, text: str) -> bool:
        """A new organisation typed in: created and added as organiser in one undo step."""
        return self._add(lambda event_id: actions.add_new_organiser(
            self.facade, self.tr("Add new organiser"), event_id,
            named_values("organisation", text), self.role.value()))

    def _add(self, add: Callable[[int], object]) -> bool:
        event_id = self.ensure_event()
        if event_id is None:
            return False
        try:
            add(event_id)
        except LibraryError as exc:
            self.error.show_message(exc.message(ui_lang()))
            return False
        self.error.show_message("")
        self.picker.set_value(None)
        self.picker.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def set_role(self, row: int, role: str) -> None:
        oid, _org, old = self._rows[row]
        if role != old:
            try:
                actions.set_field(self.facade, self.tr("Change organiser role"), "organiser", oid,
                                  events.update_organiser, "role", old, role)
            except LibraryError as exc:
                self.error.show_message(exc.message(ui_lang()))

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            actions.remove_link(self.facade, self.tr("Remove organiser"), "organiser",
                                self._rows[row][0], events.remove_organiser, events.restore_organiser)
