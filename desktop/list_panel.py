"""The middle of the main window for one kind of record: a search box (results as you type), the
list (sortable columns, paged from the library) and a count."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget,
)

from desktop.facade import Facade
from desktop.models import RecordTableModel

SEARCH_DELAY_MS = 150
ROW_HEIGHT_EXTRA = 8



class RecordListPanel(QWidget):
    """Emits `record_chosen(id)` when the clerk moves to another row."""

    record_chosen = Signal(int)
    searched = Signal(str)  # after the list shows the hits of a query ('' = the whole list)

    def __init__(self, facade: Facade, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.model = RecordTableModel(facade, kind, parent=self)
        self._selected_id: int | None = None

        self.search_box = QLineEdit(self)
        self.search_box.setObjectName(f"search_{kind}")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self._placeholder())
        self.search_box.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _text: self._timer.start())

        self.view = QTableView(self)
        self.view.setObjectName(f"list_{kind}")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.setTabKeyNavigation(False)
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows, never to contents
        rows.setDefaultSectionSize(self.fontMetrics().height() + ROW_HEIGHT_EXTRA)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSortIndicator(self.model.sort_column, self.model.sort_order)
        header.setSortIndicatorShown(self.model.sort_column >= 0)
        self.view.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        self.view.setColumnWidth(0, 250)
        for col in range(1, self.model.columnCount() - 1):
            self.view.setColumnWidth(col, 120 if col > 1 else 95)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)

        self.count_label = QLabel(self)
        self.count_label.setObjectName(f"count_{kind}")
        self.model.count_changed.connect(self._show_count)
        self.model.reloaded.connect(self._reselect)
        self._show_count(self.model.total)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.setFocusProxy(self.view)

    # ------------------------------------------------------------ search

    def run_search(self) -> None:
        self._timer.stop()
        self.model.set_query(self.search_box.text())
        self.searched.emit(self.model.query)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def eventFilter(self, obj, event):
        if obj is self.search_box and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Escape and self.search_box.text():
                self.search_box.clear()
                self.run_search()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                self.run_search()
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                if self.model.rowCount() and not self.view.currentIndex().isValid():
                    self.view.setCurrentIndex(self.model.index(0, 0))
                return True
        return super().eventFilter(obj, event)

    # ------------------------------------------------------------ selection

    @property
    def selected_id(self) -> int | None:
        return self._selected_id

    def select_id(self, record_id: int | None, *, quiet: bool = True) -> bool:
        """Make `record_id` the current row when it is loaded (without `record_chosen` if quiet)."""
        self._selected_id = record_id
        row = self.model.row_of(record_id) if record_id is not None else -1
        selection = self.view.selectionModel()
        blocked = selection.blockSignals(quiet)
        try:
            if row < 0:
                selection.clear()
                self.view.viewport().update()
                return False
            index = self.model.index(row, 0)
            selection.setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.view.scrollTo(index)
            self.view.viewport().update()
            return True
        finally:
            selection.blockSignals(blocked)

    def _on_current_row(self, current, _previous) -> None:
        record_id = self.model.id_at(current.row()) if current.isValid() else None
        if record_id is not None and record_id != self._selected_id:
            self._selected_id = record_id
            self.record_chosen.emit(record_id)

    def _reselect(self) -> None:
        if self._selected_id is not None:
            self.select_id(self._selected_id)

    # ------------------------------------------------------------ sort and count

    def _on_sort_indicator(self, column: int, order) -> None:
        if self.model.columns[column].sort is None:  # this column cannot sort: keep the order
            header = self.view.horizontalHeader()
            blocked = header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column, self.model.sort_order)
            header.blockSignals(blocked)

    def _show_count(self, total: int) -> None:
        number = QLocale().toString(total)
        if self.model.query:
            text = (self.tr("More than %1 found").replace("%1", number)
                    if self.model.search_capped else self.tr("%1 found").replace("%1", number))
        else:
            text = self.tr("%1 records").replace("%1", number)
        self.count_label.setText(text)

    def _placeholder(self) -> str:
        texts = {
            "event": self.tr("Search events (title, place, organiser…)"),
            "certificate": self.tr("Search certificates (title, issuer, number…)"),
            "person": self.tr("Search people (name in Chinese, English or pinyin…)"),
            "organisation": self.tr("Search organisations (name, abbreviation…)"),
        }
        return texts[self.kind]

    # ------------------------------------------------------------ state

    def save_state(self):
        return self.view.horizontalHeader().saveState()

    def restore_state(self, state) -> None:
        if state:
            header = self.view.horizontalHeader()
            header.restoreState(state)
            # The saved sort indicator may name another order than the model's: apply it.
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
