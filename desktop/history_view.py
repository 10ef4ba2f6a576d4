"""The history of one record: every change, who made it and when, oldest first (db.records.history)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout,
    QWidget,
)

from db import messages, records
from desktop.editors.labels import ui_lang
from desktop.facade import Facade

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_INVALID = QModelIndex()


def local_time(stamp: str) -> str:
    """A stored UTC stamp as local time, to the minute."""
    try:
        t = dt.datetime.strptime(stamp[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=dt.timezone.utc)
    except (TypeError, ValueError):
        return stamp or ""
    return t.astimezone().strftime("%Y-%m-%d %H:%M")


class HistoryModel(QAbstractTableModel):
    COLUMNS = ("when", "who", "action", "field", "old", "new")

    def __init__(self, rows: list[dict], parent: QObject | None = None):
        super().__init__(parent)
        self._rows = rows
        self._lang = ui_lang()
        self._headers = [self.tr("When"), self.tr("Who"), self.tr("Change"), self.tr("Field"),
                         self.tr("Before"), self.tr("After")]
        self._actions = {"create": self.tr("created"), "update": self.tr("changed"),
                         "delete": self.tr("moved to the trash"), "restore": self.tr("restored"),
                         "purge": self.tr("erased for good"), "unlink": self.tr("link removed"),
                         "baseline": self.tr("recorded as found")}

    def rowCount(self, parent: QModelIndex = _INVALID) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = _INVALID) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def _text(self, row: dict, column: int) -> str:
        name = self.COLUMNS[column]
        if name == "when":
            return local_time(row["at"])
        if name == "who":
            return row["who"] or ""
        if name == "action":
            return self._actions.get(row["action"], row["action"])
        if name == "field":
            return messages.field_label(row["field"], self._lang)
        value = row[name]
        return "" if value is None else str(value)

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role == _DISPLAY:
            text = self._text(self._rows[index.row()], index.column())
            return text if len(text) <= 120 else text[:117] + "…"
        if role == _TOOLTIP and index.column() >= 4:
            return self._text(self._rows[index.row()], index.column()) or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None


class HistoryDialog(QDialog):
    """Shows the history of one record; read-only."""

    def __init__(self, facade: Facade, kind: str, record_id: int, title: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.setWindowTitle(self.tr("History of %1").replace("%1", title or f"#{record_id}"))
        rows = facade.read(records.history, kind, record_id)
        self.model = HistoryModel(rows, self)
        self.view = QTableView(self)
        self.view.setObjectName("history_table")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        summary = QLabel(self.tr("%n change(s), oldest first.", "", len(rows)), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(860, 420)
