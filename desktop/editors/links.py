"""What the event editor's link tables share (attendees, organisers): a picker line that adds a
record by typing part of its name, the role for the next one, an inline error, a table with a role
per row, and remove. Every change is one undoable action; a new event is saved first."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from db.errors import LibraryError
from desktop.editors import actions
from desktop.editors.fields import ChoiceField, ErrorLabel, compact_table, fit_height, reset_rows
from desktop.editors.labels import ui_lang
from desktop.editors.picker import RecordPicker

ROW_ROLE = Qt.ItemDataRole.UserRole
STRETCH, FIT = QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents


class LinkTable(QWidget):
    """Subclasses set the class attributes and `_texts`, and call `_build` with their headers."""

    open_record = Signal(str, int)
    TARGET = ""  # kind of the linked record: "person", "organisation"
    LINK = ""  # kind of the link record: "attendance", "organiser"
    CHOICE = ""  # choice list of the role labels
    ROLES: Sequence[str] = ()
    MIN_ROWS = 2  # rows of height the table keeps when it has fewer

    def __init__(self, facade, ensure_event: Callable[[], int | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.facade = facade
        self.ensure_event = ensure_event  # the event's id, saving a new event first
        self._rows: list[tuple[int, int, str]] = []  # link id, linked record id, role

    def _build(self, placeholder: str, role_tip: str, headers: list[str], modes: list,
               remove_text: str, picker: RecordPicker, extra: QWidget | None = None) -> None:
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        add = QHBoxLayout()
        self.picker = picker
        self.picker.setPlaceholderText(placeholder)
        self.role = ChoiceField(self.CHOICE, self.ROLES)
        self.role.setToolTip(role_tip)
        add.addWidget(self.picker, 1)
        add.addWidget(self.role)
        col.addLayout(add)
        if extra is not None:
            col.addWidget(extra)
        self.error = ErrorLabel()
        col.addWidget(self.error)

        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        compact_table(self.table)
        for c, mode in enumerate(modes):
            self.table.horizontalHeader().setSectionResizeMode(c, mode)
        fit_height(self.table, 0, min_rows=self.MIN_ROWS)
        self.table.cellDoubleClicked.connect(
            lambda row, _c: self.open_record.emit(self.TARGET, self._rows[row][1]))
        col.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.remove_button = QPushButton(remove_text)
        self.remove_button.clicked.connect(lambda: self.remove_row(self.table.currentRow()))
        buttons.addWidget(self.remove_button)
        col.addLayout(buttons)

    # ------------------------------------------------------------ reading

    def _texts(self, row) -> list[str]:
        raise NotImplementedError

    def _fill(self, rows: list, link_of: Callable, target_of: Callable) -> None:
        """Show rows (as `events.detail` gives them): texts, then the role combo in the last column."""
        self._rows = [(link_of(r).id, target_of(r).id, link_of(r).role) for r in rows]
        reset_rows(self.table, len(rows), min_rows=self.MIN_ROWS)
        role_col = self.table.columnCount() - 1
        for r, row in enumerate(rows):
            for c, text in enumerate(self._texts(row)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(ROW_ROLE, target_of(row).id)
                self.table.setItem(r, c, item)
            combo = ChoiceField(self.CHOICE, self.ROLES)
            combo.set_value(link_of(row).role)
            combo.edited.connect(lambda r=r, combo=combo: self.set_role(r, combo.value()))
            self.table.setCellWidget(r, role_col, combo)
        self.remove_button.setEnabled(bool(rows))

    def linked_ids(self) -> list[int]:
        return [target for _link, target, _role in self._rows]

    def roles(self) -> dict[int, str]:
        return {target: role for _link, target, role in self._rows}

    # ------------------------------------------------------------ changing

    def _add(self, add: Callable[[int], object]) -> bool:
        """Run add(event_id) as the clerk's action; show its error inline, or clear the line."""
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

    def _update_role(self, link_id: int, old: str, role: str) -> None:
        raise NotImplementedError

    def set_role(self, row: int, role: str) -> None:
        link_id, _target, old = self._rows[row]
        if role == old:
            return
        try:
            self._update_role(link_id, old, role)
        except LibraryError as exc:
            self.error.show_message(exc.message(ui_lang()))

    def _remove(self, link_id: int) -> None:
        raise NotImplementedError

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self._remove(self._rows[row][0])

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Delete and self.table.hasFocus():
            self.remove_row(self.table.currentRow())
            return
        super().keyPressEvent(event)
