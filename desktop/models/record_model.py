"""One table model for every list of records: pages from `db` (keyset, 200 rows a fetch), sorts in
SQL, shows search hits of its kind while a query is set, reloads when the facade says its kind
changed. data() only reads rows prepared at fetch time."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from db import records, search
from db.errors import LibraryDamaged
from desktop.editors.labels import ui_lang
from desktop.facade import Facade, spec_of
from desktop.models.columns import COLUMNS, TRASH_COLUMNS, WATCHES, Column, render

# Bound once: looking an enum member up costs microseconds a call in PySide6 (see DESIGN).
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ID_ROLE = Qt.ItemDataRole.UserRole
HORIZONTAL = Qt.Orientation.Horizontal
DESCENDING = Qt.SortOrder.DescendingOrder
ASCENDING = Qt.SortOrder.AscendingOrder
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

PAGE = 200
SEARCH_LIMIT = 200
RELOAD_KEEP = 5000
NEWEST_FIRST = {"start", "issued", "updated"}  # at most this many already-loaded rows are fetched again on reload


class RecordTableModel(QAbstractTableModel):
    """Records of one kind (live, or in the trash with `trash=True`)."""

    reloaded = Signal()  # after every reset: new query, new sort, change in the library
    count_changed = Signal(int)  # the total the count label shows

    def __init__(self, facade: Facade, kind: str, *, trash: bool = False, parent=None):
        super().__init__(parent)
        self.facade = facade
        self.kind = kind
        self.trash = trash
        self.spec = spec_of(kind)
        self.columns: tuple[Column, ...] = TRASH_COLUMNS if trash else COLUMNS[kind]
        self.lang = ui_lang()
        self._ids: list[int] = []
        self._rows: list[tuple[str, ...]] = []
        self._next: tuple | None = None
        self._query = ""
        self.total = 0
        self.search_capped = False
        if trash:
            self._sort, self._descending = None, True
        else:
            # Dated records newest first; names from A.
            self._sort = self.spec.default_sort
            self._descending = self._sort in NEWEST_FIRST
        facade.changed.connect(self._on_changed)
        facade.library_opened.connect(lambda _lib: self.reload())
        facade.library_closed.connect(self.reload)
        self.reload()

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=DISPLAY):
        if role == DISPLAY or role == TOOLTIP:
            if index.isValid():
                return self._rows[index.row()][index.column()]
        elif role == ID_ROLE and index.isValid():
            return self._ids[index.row()]
        return None

    def headerData(self, section, orientation, role=DISPLAY):
        if role == DISPLAY and orientation == HORIZONTAL and 0 <= section < len(self.columns):
            return self.columns[section].header()
        return None

    def flags(self, index):
        return _FLAGS if index.isValid() else _NO_FLAGS

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._next is not None

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or self._next is None:
            return
        ids, rows, nxt = self._page(self._next, PAGE)
        self._next = nxt
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._ids.extend(ids)
            self._rows.extend(rows)
            self.endInsertRows()

    def sort(self, column: int, order=ASCENDING) -> None:
        """Sort in SQL by the column's sort name; columns without one keep the current order."""
        if not 0 <= column < len(self.columns) or self.trash:
            return
        name = self.columns[column].sort
        if name is None:
            return
        descending = order == DESCENDING
        if (name, descending) != (self._sort, self._descending):
            self._sort, self._descending = name, descending
            if not self._query:
                self.reload()

    # ------------------------------------------------------------ what the views ask

    @property
    def sort_column(self) -> int:
        for i, col in enumerate(self.columns):
            if col.sort == self._sort:
                return i
        return -1

    @property
    def sort_order(self):
        return DESCENDING if self._descending else ASCENDING

    @property
    def query(self) -> str:
        return self._query

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def set_query(self, text: str) -> None:
        """Show the search hits of this kind for `text` (bounded), or the whole list when empty."""
        text = search.normalise_query(text)
        if text != self._query:
            self._query = text
            self.reload()

    def reload(self) -> None:
        keep = min(max(len(self._rows), PAGE), RELOAD_KEEP)
        self.beginResetModel()
        self._ids, self._rows, self._next = [], [], None
        self.search_capped = False
        self.total = 0
        try:
            if self.facade.lib is None:
                pass
            elif self._query and not self.trash:
                self._ids, self._rows = self._search(self._query)
                self.total = len(self._ids)
                self.search_capped = self.total >= SEARCH_LIMIT
            else:
                self._ids, self._rows, self._next = self._page(None, keep)
                self.total = self.facade.read(records.count, self.spec, trash=self.trash)
        except LibraryDamaged:  # the facade has said so (facade.damaged); show an empty list
            self._ids, self._rows, self._next, self.total = [], [], None, 0
        finally:
            self.endResetModel()
        self.count_changed.emit(self.total)
        self.reloaded.emit()

    # ------------------------------------------------------------ queries (never from data())

    def _page(self, after, limit):
        page = self.facade.read(records.list_page, self.spec, sort=self._sort,
                                descending=self._descending, after=after, limit=limit,
                                trash=self.trash)
        rows = self.facade.read(render, self.kind, page.items, self.lang, self.trash)
        return [r.id for r in page.items], rows, page.next_after

    def _search(self, text):
        hits = self.facade.read(search.search, text, kinds=[self.kind], limit=SEARCH_LIMIT)
        ids = [h.id for h in hits]
        found = {r.id: r for r in self.facade.read(records.by_ids, self.spec, ids)}
        items = [found[i] for i in ids if i in found]
        return [r.id for r in items], self.facade.read(render, self.kind, items, self.lang)

    def retranslate(self) -> None:
        """After a language switch (or View › Show both languages): rows again in the new
        language (headers follow from headerData)."""
        self.lang = ui_lang()
        self.reload()

    def _on_changed(self, kind: str) -> None:
        if kind == self.kind or (not self.trash and kind in WATCHES[self.kind]):
            self.reload()
