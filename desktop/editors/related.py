"""A read-only list of related records beside a form (events attended, people of an
organisation, sub-events, certificates): double-click or Enter opens the record."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from desktop.editors.fields import fit_height

KEY_ROLE = Qt.ItemDataRole.UserRole


class RelatedList(QTreeWidget):
    open_record = Signal(str, int)

    def __init__(self, headers: list[str], parent: QWidget | None = None, *, stretch: int = 0,
                 min_rows: int = 3):
        super().__init__(parent)
        self.setHeaderLabels(headers)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.header()
        header.setStretchLastSection(False)
        for i in range(len(headers)):
            header.setSectionResizeMode(
                i, QHeaderView.ResizeMode.Stretch if i == stretch else QHeaderView.ResizeMode.ResizeToContents)
        self.min_rows = min_rows
        fit_height(self, 0, min_rows)
        self.itemActivated.connect(self._activated)

    def set_rows(self, rows: list[tuple[str, int, list[str]]]) -> None:
        """rows: (kind, id, column texts)."""
        self.clear()
        for kind, record_id, texts in rows:
            item = QTreeWidgetItem([t or "" for t in texts])
            item.setData(0, KEY_ROLE, (kind, record_id))
            for col, text in enumerate(texts):
                if text:
                    item.setToolTip(col, text)
            self.addTopLevelItem(item)
        fit_height(self, len(rows), self.min_rows)

    def keys(self) -> list[tuple[str, int]]:
        return [self.topLevelItem(i).data(0, KEY_ROLE) for i in range(self.topLevelItemCount())]

    def texts(self, column: int = 0) -> list[str]:
        return [self.topLevelItem(i).text(column) for i in range(self.topLevelItemCount())]

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        kind, record_id = item.data(0, KEY_ROLE)
        self.open_record.emit(kind, record_id)
