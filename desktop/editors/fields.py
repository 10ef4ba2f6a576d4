"""The input widgets of the record editors. Each has `value()`, `set_value(v)` and an `edited`
signal that fires on the clerk's changes only (never on `set_value`)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QTableWidget, QVBoxLayout, QWidget,
)

from desktop.editors.labels import choice_labels


class TextField(QLineEdit):
    edited = Signal()

    def __init__(self, placeholder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.textEdited.connect(lambda _t: self.edited.emit())

    def value(self) -> str | None:
        return self.text().strip() or None

    def set_value(self, value: Any) -> None:
        self.setText("" if value is None else str(value))
        self.setCursorPosition(0)


class DateField(TextField):
    """A partial date: a year, a month or a day, typed as text."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None):
        super().__init__(placeholder, parent)
        self.setToolTip(self.tr("A year (2016), a month (2022-12) or a day (2022-12-16)"))
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("2022-12-16") * 2)



class LongTextField(QPlainTextEdit):
    edited = Signal()

    def __init__(self, placeholder: str = "", parent: QWidget | None = None, lines: int = 3):
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        margin = self.document().documentMargin()
        self.setFixedHeight(int(self.fontMetrics().lineSpacing() * lines + 2 * margin
                                + 2 * self.frameWidth() + 10))
        self.textChanged.connect(self._changed)
        self._setting = False

    def _changed(self) -> None:
        if not self._setting:
            self.edited.emit()

    def value(self) -> str | None:
        return self.toPlainText().strip() or None

    def set_value(self, value: Any) -> None:
        self._setting = True
        try:
            self.setPlainText("" if value is None else str(value))
        finally:
            self._setting = False


class WrappedLineField(LongTextField):
    """A one-line value (a long title) shown wrapped over a few lines; Enter adds no line break."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None, lines: int = 2):
        super().__init__(placeholder, parent, lines)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()
            return
        super().keyPressEvent(event)

    def value(self) -> str | None:
        return " ".join(self.toPlainText().split()) or None


class CheckField(QCheckBox):
    edited = Signal()

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.clicked.connect(lambda _c: self.edited.emit())

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: Any) -> None:
        self.setChecked(bool(value))


class ChoiceField(QComboBox):
    """One of the library's choices, shown with its translated label, stored as its key."""

    edited = Signal()

    def __init__(self, table: str, values: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        for value, label in choice_labels(table, values):
            self.addItem(label, value)
        self.activated.connect(lambda _i: self.edited.emit())
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def value(self) -> str:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self):
            i = self.findData(value)
            self.setCurrentIndex(max(i, 0))


class ErrorLabel(QLabel):
    """The red line under a field that says what is wrong with it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setStyleSheet("color: #b3261e;")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def field_box(widget: QWidget, error: ErrorLabel, hint: str = "") -> QWidget:
    """A field with its error line under it (and an optional grey hint beside it)."""
    box = QWidget()
    col = QVBoxLayout(box)
    col.setContentsMargins(0, 0, 0, 0)
    col.setSpacing(2)
    if hint:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(widget)
        note = QLabel(hint)
        note.setStyleSheet("color: palette(placeholder-text);")
        row.addWidget(note, 1)
        col.addLayout(row)
    else:
        col.addWidget(widget)
    col.addWidget(error)
    box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    return box


def side_by_side(*boxes: QWidget, stretches: tuple[int, ...] | None = None) -> QWidget:
    """Several field boxes on one form row (Chinese | English, start | end, city | region | ...)."""
    row = QWidget()
    lay = QHBoxLayout(row)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(8)
    for i, b in enumerate(boxes):
        lay.addWidget(b, stretches[i] if stretches else 1, Qt.AlignmentFlag.AlignTop)
    return row


def compact_table(table: QTableWidget) -> None:
    """Common look of the editors' small tables: whole rows selected, no row numbers."""
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.horizontalHeader().setMinimumSectionSize(40)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)


def reset_rows(table: QTableWidget, rows: int, min_rows: int = 2, max_rows: int = 10) -> None:
    """Set the row count, dropping the old cell widgets at once, and fit the height to the rows."""
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            w = table.cellWidget(r, c)
            if w is not None:
                w.hide()  # deleted later by the view; never seen again
    table.setRowCount(rows)
    fit_height(table, rows, min_rows, max_rows)


def fit_height(view, rows: int, min_rows: int = 2, max_rows: int = 10) -> None:
    """Make a small table or list exactly as tall as its rows (within bounds); it scrolls beyond."""
    if hasattr(view, "horizontalHeader"):
        header = view.horizontalHeader()
        row_h = view.verticalHeader().defaultSectionSize()
    else:
        header = view.header()
        row_h = max(view.sizeHintForRow(0), view.fontMetrics().height() + 6)
    shown = min(max(rows, min_rows), max_rows)
    view.setFixedHeight(header.sizeHint().height() + shown * row_h + 2 * view.frameWidth() + 2)
