"""What every record editor shares: a form of fields with an error line under each, dirty
tracking, Save (through the facade: one transaction, undoable, only changed fields) and Revert,
and reloading when the record changes elsewhere (undo, another window)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout, QFrame, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget,
)

from db.errors import LibraryError, NotFound, ValidationError
from desktop.editors.fields import ErrorLabel, field_box, side_by_side
from desktop.editors.labels import ui_lang
from desktop.editors.picker import RecordPicker
from desktop.facade import spec_of


class RecordEditor(QWidget):
    """Subclasses set KIND and build their form in `build()` with `add_row` / `field`."""

    KIND = ""
    RELATED_KINDS: tuple[str, ...] = ()  # changes of these kinds reload the sections

    dirty_changed = Signal(bool)
    saved = Signal(str, int)  # kind, id
    open_record = Signal(str, int)  # ask the main window to show another record

    def __init__(self, facade, parent: QWidget | None = None):
        super().__init__(parent)
        self.facade = facade
        self._record: Any = None
        self._initial: dict[str, Any] = {}
        self._fields: dict[str, QWidget] = {}
        self._errors: dict[str, ErrorLabel] = {}
        self._dirty = False
        self._prefilled = False  # a new record with values given by `new(**defaults)`
        self._busy = False  # loading or saving: ignore edits and change signals

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll)
        self.body = QWidget()
        self.body.setObjectName("editorBody")
        self.column = QVBoxLayout(self.body)
        self.column.setContentsMargins(12, 12, 12, 12)
        self.column.setSpacing(12)
        self.scroll.setWidget(self.body)

        self.heading = QLabel()
        self.heading.setObjectName("editorHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.column.addWidget(self.heading)
        self.banner = ErrorLabel()  # errors that belong to no field; trash notice
        self.banner.setContentsMargins(12, 6, 12, 0)
        outer.insertWidget(0, self.banner)

        self.build()
        self.column.addStretch(1)
        facade.changed.connect(self._on_changed)
        self._show_blank()

    # ------------------------------------------------------------ building the form

    def build(self) -> None:
        raise NotImplementedError

    def section(self, title: str) -> QFormLayout:
        """A group box holding a form; returns its layout."""
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setHorizontalSpacing(10)
        self.column.addWidget(box)
        return form

    def field(self, name: str, widget: QWidget, hint: str = "") -> QWidget:
        """Register the widget of a library field; returns it boxed with its error line."""
        self._fields[name] = widget
        error = ErrorLabel()
        self._errors[name] = error
        widget.edited.connect(self._edited)
        box = field_box(widget, error, hint)
        box.field_widget = widget
        return box

    def add_row(self, form: QFormLayout, label: str, *boxes: QWidget,
                stretches: tuple[int, ...] | None = None) -> None:
        content = boxes[0] if len(boxes) == 1 else side_by_side(*boxes, stretches=stretches)
        lab = QLabel(label)
        buddy = getattr(boxes[0], "field_widget", None)
        if buddy is not None:
            lab.setBuddy(buddy)
        form.addRow(lab, content)

    # ------------------------------------------------------------ the contract

    @property
    def record_id(self) -> int | None:
        return self._record.id if self._record is not None else None

    @property
    def record(self) -> Any:
        return self._record

    def is_dirty(self) -> bool:
        return self._dirty

    def load(self, record_id: int | None) -> None:
        """Show a record (None: a new blank one). Unsaved edits are dropped: ask first."""
        if record_id is None:
            self.new()
            return
        record = self.facade.get(self.KIND, record_id)
        self._record = record
        self._fill({n: getattr(record, n) for n in self._fields})
        self._after_load()

    def new(self, **defaults: Any) -> None:
        """Start a new record, prefilled with `defaults` (field name -> value)."""
        self._record = None
        values = self.blank_values()
        values.update({k: v for k, v in defaults.items() if k in self._fields})
        self._fill(values)
        self._after_load()
        self._prefilled = any(v not in (None, "", False) for k, v in defaults.items()
                              if k in self._fields)
        self._set_dirty(self._prefilled)
        self.focus_first()

    def blank_values(self) -> dict[str, Any]:
        """What a new record starts with: the library's defaults (kind 'other', ...)."""
        return {f.name: f.default for f in spec_of(self.KIND).fields if f.default is not None}

    def values(self) -> dict[str, Any]:
        return {n: w.value() for n, w in self._fields.items()}

    def changes(self) -> dict[str, Any]:
        return {n: v for n, v in self.values().items() if v != self._initial.get(n)}

    def save(self) -> bool:
        """Validate through the library and write; show what is wrong next to its field."""
        self.clear_errors()
        for name, w in self._fields.items():
            if isinstance(w, RecordPicker) and w.unresolved:
                self.show_error(name, self.tr("Pick one of the suggestions, or clear the field."))
                return False
        try:
            self._busy = True
            if self._record is None:
                record = self.facade.create(self.KIND, self.values(),
                                            text=self.tr("New %1").replace("%1", self.kind_label()))
            else:
                changes = self.changes()
                if not changes:
                    self._set_dirty(False)
                    return True
                record = self.facade.update(self.KIND, self._record.id, changes,
                                            text=self.tr("Edit %1").replace("%1", self.kind_label()))
        except ValidationError as exc:
            self.show_error(exc.field, exc.message(ui_lang()))
            return False
        except LibraryError as exc:
            self.show_error(None, exc.message(ui_lang()))
            return False
        finally:
            self._busy = False
        self._record = record
        self._fill({n: getattr(record, n) for n in self._fields})
        self._after_load()
        self.saved.emit(self.KIND, record.id)
        return True

    def revert(self) -> None:
        if self._record is None:
            self.new()
        else:
            self.load(self._record.id)

    # ------------------------------------------------------------ errors

    def show_error(self, field: str | None, message: str) -> None:
        label = self._errors.get(field) if field else None
        if label is None:
            self.banner.show_message(message)
            return
        label.show_message(message)
        widget = self._fields[field]
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll.ensureWidgetVisible(widget)

    def error_text(self, field: str | None = None) -> str:
        """The error shown next to a field ('' if none); None: the banner above the form."""
        label = self._errors.get(field) if field else self.banner
        return label.text() if label is not None and label.isVisible() else ""

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.show_message("")
        self.banner.show_message("")

    # ------------------------------------------------------------ internals

    def kind_label(self) -> str:
        return self.KIND

    def title_text(self) -> str:
        """The heading above the form."""
        return ""

    def focus_first(self) -> None:
        if self._fields:
            next(iter(self._fields.values())).setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_blank(self) -> None:
        self._record = None
        self._fill(self.blank_values())
        self._after_load()

    def _fill(self, values: dict[str, Any]) -> None:
        self._busy = True
        try:
            for name, w in self._fields.items():
                w.set_value(values.get(name))
            self._initial = self.values()
            self._prefilled = False
        finally:
            self._busy = False
        self.clear_errors()
        self._set_dirty(False)

    def _after_load(self) -> None:
        self.heading.setText(self.title_text())
        trashed = self._record is not None and self._record.deleted_at is not None
        if trashed:
            self.banner.show_message(self.tr("This record is in the trash."))
        self.body.setEnabled(not trashed)
        self.reload_sections()

    def reload_sections(self) -> None:
        """Refresh the lists beside the form (attendees, sub-events, ...)."""

    def retranslate(self) -> None:
        """After a language switch: the heading and the lists beside the form in the new
        language. The form's values, typed or not, stay as they are (and so does dirty)."""
        self.heading.setText(self.title_text())
        if self.facade.lib is not None:
            self.reload_sections()

    def _edited(self) -> None:
        if not self._busy:
            self._set_dirty(bool(self.changes()) or self._prefilled)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _on_changed(self, kind: str) -> None:
        if self._busy or self.facade.lib is None:
            return
        if kind == self.KIND and self._record is not None and not self._dirty:
            try:
                self.load(self._record.id)
            except NotFound:
                self._show_blank()
            return
        if kind in self.RELATED_KINDS or kind == self.KIND:
            self.reload_sections()
