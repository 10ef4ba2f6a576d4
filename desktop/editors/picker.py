"""A line edit that finds a record as the clerk types: part of a name or title in either language
(1–2 Chinese characters and pinyin included) completes from `db.search`. Enter picks the best
match; with `allow_create`, a last row offers to create a record named as typed."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from db import records, search
from db.collation import has_cjk
from desktop.editors.labels import display_name
from desktop.facade import spec_of

CREATE_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole

NAME_FIELDS = {
    "event": ("title_zh", "title_en"),
    "certificate": ("title_zh", "title_en"),
    "person": ("name_zh", "name_en"),
    "organisation": ("name_zh", "name_en"),
}


def record_name(facade, kind: str, record_id: int | None) -> str:
    if not record_id:
        return ""
    rec = facade.get(kind, record_id)
    zh, en = NAME_FIELDS[kind]
    return display_name(getattr(rec, zh), getattr(rec, en))


def split_name(text: str) -> dict[str, str]:
    """Typed text as a name: Chinese characters go to the Chinese name, anything else English."""
    text = text.strip()
    return {"zh": text, "en": ""} if has_cjk(text) else {"zh": "", "en": text}


class RecordPicker(QLineEdit):
    """`value()` is the picked record's id or None. `picked(id)` fires when the clerk picks one,
    `create_requested(text)` when they pick the "Create …" row; `edited` on any change."""

    edited = Signal()
    picked = Signal(int)
    create_requested = Signal(str)

    def __init__(self, facade, kind: str, parent: QWidget | None = None, *,
                 allow_create: bool = False, exclude: set[int] | None = None, limit: int = 12):
        super().__init__(parent)
        self.facade, self.kind = facade, kind
        self.allow_create = allow_create
        self.exclude = exclude if exclude is not None else set()
        self.limit = limit
        self._id: int | None = None
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setWidget(self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(limit + 1)
        self.completer.activated[QModelIndex].connect(self._activated)
        self.textEdited.connect(self._text_edited)
        self.setClearButtonEnabled(True)

    # ------------------------------------------------------------ value

    def value(self) -> int | None:
        return self._id

    def set_value(self, record_id: Any) -> None:
        self._id = int(record_id) if record_id else None
        self.setText(record_name(self.facade, self.kind, self._id))
        self.setCursorPosition(0)

    @property
    def unresolved(self) -> bool:
        """Text typed but no record picked."""
        return self._id is None and bool(self.text().strip())

    # ------------------------------------------------------------ completion

    def suggestions(self) -> list[tuple[str, int | None]]:
        """(text, id) rows currently offered; id None for the "Create …" row."""
        out = []
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            out.append((item.text(), item.data(ID_ROLE)))
        return out

    def _names(self, ids: list[int]) -> dict[int, str]:
        """The suggestions' names in the clerk's language first (the hits say Chinese first)."""
        zh, en = NAME_FIELDS[self.kind]
        found = self.facade.read(records.by_ids, spec_of(self.kind), ids) if ids else []
        return {r.id: display_name(getattr(r, zh), getattr(r, en)) for r in found}

    def refresh(self, text: str | None = None) -> None:
        text = (self.text() if text is None else text).strip()
        self.model.clear()
        if not text or self.facade.lib is None:
            self.completer.popup().hide()
            return
        hits = self.facade.read(search.search, text, kinds=[self.kind], limit=self.limit + len(self.exclude))
        shown = 0
        names = self._names([h.id for h in hits if h.id not in self.exclude][:self.limit])
        for hit in hits:
            if hit.id in self.exclude or shown >= self.limit:
                continue
            item = QStandardItem(names.get(hit.id) or hit.title)
            item.setData(hit.id, ID_ROLE)
            if hit.snippet:
                item.setToolTip(hit.snippet)
            self.model.appendRow(item)
            shown += 1
        if self.allow_create and not any(h.score == 0 for h in hits):
            item = QStandardItem(self.tr("Create “%1”…").replace("%1", text))
            item.setData(True, CREATE_ROLE)
            item.setData(None, ID_ROLE)
            self.model.appendRow(item)
        if self.model.rowCount() and self.isVisible():
            self.completer.complete()
        elif not self.model.rowCount():
            self.completer.popup().hide()

    def _text_edited(self, text: str) -> None:
        if self._id is not None:
            self._id = None
        self.refresh(text)
        self.edited.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Enter picks the highlighted suggestion, or the best one; it never reaches a dialog."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._id is None \
                and self.text().strip():
            self.accept_suggestion()
            event.accept()
            return
        super().keyPressEvent(event)

    def accept_suggestion(self) -> None:
        popup = self.completer.popup()
        index = popup.currentIndex() if popup.isVisible() else None
        if index is None or not index.isValid():
            if not self.model.rowCount():
                self.refresh()
            index = self.model.index(0, 0)
        popup.hide()
        self._activated(index)

    def choose(self, row: int) -> None:
        """Pick the suggestion in `row` (as a click on it would)."""
        self._activated(self.model.index(row, 0))
        self.completer.popup().hide()

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        if index.data(CREATE_ROLE):
            text = self.text().strip()
            self.create_requested.emit(text)
            return
        record_id = index.data(ID_ROLE)
        self._id = int(record_id)
        self.setText(index.data(Qt.ItemDataRole.DisplayRole))
        self.setCursorPosition(0)
        self.edited.emit()
        self.picked.emit(self._id)


def named_values(kind: str, text: str) -> dict[str, Any]:
    """The name fields of a record from a name typed in a picker (Chinese and English parts)."""
    zh_field, en_field = NAME_FIELDS[kind]
    name = split_name(text)
    return {zh_field: name["zh"] or None, en_field: name["en"] or None}


def create_named(facade, kind: str, text: str) -> Any:
    """Create a record with just a name typed in a picker (one undoable action)."""
    return facade.create(kind, named_values(kind, text))


