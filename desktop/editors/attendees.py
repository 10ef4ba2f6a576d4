"""The attendee table of an event: type part of a name in either language to add an existing
person, or create a new one inline (position, organisation) without leaving the event; a role per
row; remove. Every change is one undoable action."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from db import attendances
from db.errors import LibraryError, ValidationError
from desktop.editors import actions
from desktop.editors.fields import CheckField, ErrorLabel, TextField
from desktop.editors.labels import display_name, ui_lang
from desktop.editors.links import FIT, STRETCH, LinkTable
from desktop.editors.picker import RecordPicker, create_named, split_name


class NewPersonForm(QFrame):
    """The small inline form that creates a person typed into the attendee line."""

    accepted = Signal()
    cancelled = Signal()

    def __init__(self, facade, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("newPersonForm")
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        form.addRow(self.heading)
        self.name_zh = TextField(self.tr("Chinese name"))
        self.name_en = TextField(self.tr("English name"))
        names = QHBoxLayout()
        names.addWidget(self.name_zh)
        names.addWidget(self.name_en)
        form.addRow(self.tr("Name"), names)
        self.position = TextField(self.tr("e.g. Dean, Director of ..."))
        form.addRow(self.tr("Position"), self.position)
        self.organisation = RecordPicker(facade, "organisation", allow_create=True)
        self.organisation.setPlaceholderText(self.tr("Type part of a name in either language"))
        self.organisation.create_requested.connect(self._create_organisation)
        form.addRow(self.tr("Organisation"), self.organisation)
        self.is_staff = CheckField(self.tr("Own staff"))
        form.addRow("", self.is_staff)
        self.error = ErrorLabel()
        form.addRow(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.create_button = QPushButton(self.tr("Create and add"))
        self.create_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.cancel_button)
        form.addRow(buttons)
        self.create_button.clicked.connect(self.accepted)
        self.cancel_button.clicked.connect(self.cancelled)
        for line in (self.name_zh, self.name_en, self.position):
            line.returnPressed.connect(self.accepted)
        self.facade = facade

    def start(self, text: str) -> None:
        name = split_name(text)
        self.heading.setText(self.tr("New person"))
        self.name_zh.set_value(name["zh"])
        self.name_en.set_value(name["en"])
        self.position.set_value(None)
        self.organisation.set_value(None)
        self.is_staff.set_value(False)
        self.error.show_message("")
        self.show()
        self.position.setFocus(Qt.FocusReason.OtherFocusReason)

    def values(self) -> dict:
        return {"name_zh": self.name_zh.value(), "name_en": self.name_en.value(),
                "position": self.position.value(), "organisation_id": self.organisation.value(),
                "is_staff": self.is_staff.value()}

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def _create_organisation(self, text: str) -> None:
        org = create_named(self.facade, "organisation", text)
        self.organisation.set_value(org.id)


class AttendeesSection(LinkTable):
    TARGET, LINK, CHOICE = "person", "attendance", "attendance_role"
    ROLES = attendances.ROLES
    COLUMNS = 4

    def __init__(self, facade, ensure_event, parent: QWidget | None = None):
        super().__init__(facade, ensure_event, parent)
        self.event_id: int | None = None
        picker = RecordPicker(facade, "person", allow_create=True, exclude=set())
        picker.picked.connect(self._picked)
        picker.create_requested.connect(self.start_create)
        self.create_form = NewPersonForm(facade)
        self.create_form.hide()
        self.create_form.accepted.connect(self.confirm_create)
        self.create_form.cancelled.connect(self.cancel_create)
        self._build(self.tr("Add attendee: type part of a name (中文, English or pinyin)…"),
                    self.tr("Role of the next attendee added"),
                    [self.tr("Name"), self.tr("Position"), self.tr("Organisation"), self.tr("Role")],
                    [FIT, STRETCH, STRETCH, FIT], self.tr("&Remove attendee"), picker,
                    extra=self.create_form)

    # ------------------------------------------------------------ reading

    def set_rows(self, event_id: int | None, rows: list) -> None:
        """rows: (attendance, person, organisation or None) from `events.detail`."""
        self.event_id = event_id
        self.picker.exclude.clear()
        self.picker.exclude.update(p.id for _a, p, _o in rows)
        self._fill(rows, lambda row: row[0], lambda row: row[1])

    def _texts(self, row) -> list[str]:
        _a, p, org = row
        return [display_name(p.name_zh, p.name_en), p.position or "",
                display_name(org.name_zh, org.name_en) if org else ""]

    def person_ids(self) -> list[int]:
        return self.linked_ids()

    # ------------------------------------------------------------ changing

    def add_person(self, person_id: int, role: str | None = None) -> bool:
        return self._add(lambda event_id: actions.add_attendee(
            self.facade, self.tr("Add attendee"), event_id, person_id, role or self.role.value()))

    def _picked(self, person_id: int) -> None:
        self.add_person(person_id)

    def start_create(self, text: str) -> None:
        self.create_form.start(text)

    def cancel_create(self) -> None:
        self.create_form.hide()
        self.picker.setFocus(Qt.FocusReason.OtherFocusReason)

    def confirm_create(self) -> bool:
        event_id = self.ensure_event()
        if event_id is None:
            return False
        form = self.create_form
        if form.organisation.unresolved:
            form.error.show_message(self.tr("Pick an organisation from the suggestions, or clear the field."))
            return False
        try:
            actions.add_new_attendee(self.facade, self.tr("Add new attendee"), event_id,
                                     form.values(), self.role.value())
        except ValidationError as exc:
            form.error.show_message(exc.message(ui_lang()))
            if exc.field in ("name_zh", "name_en"):
                form.name_zh.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        except LibraryError as exc:
            form.error.show_message(exc.message(ui_lang()))
            return False
        form.hide()
        self.picker.set_value(None)
        self.picker.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _update_role(self, link_id: int, old: str, role: str) -> None:
        actions.set_field(self.facade, self.tr("Change role"), "attendance", link_id,
                          attendances.update, "role", old, role)

    def _remove(self, link_id: int) -> None:
        actions.remove_link(self.facade, self.tr("Remove attendee"), "attendance", link_id,
                            attendances.delete, attendances.restore)
