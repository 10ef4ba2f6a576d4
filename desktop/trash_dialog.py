"""The trash: deleted events, certificates, people and organisations, newest first. Restoring
goes through the facade, so Ctrl+Z moves the record back to the trash."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QMessageBox, QPushButton,
    QStackedWidget, QTabBar, QTableView, QVBoxLayout, QWidget,
)

from db.errors import LibraryError
from desktop.editors.labels import ui_lang
from desktop.facade import Facade
from desktop.models import RecordTableModel

KINDS = ("event", "certificate", "person", "organisation")


class TrashDialog(QDialog):
    def __init__(self, facade: Facade, parent: QWidget | None = None):
        super().__init__(parent)
        self.facade = facade
        self.setObjectName("trash_dialog")
        self.setWindowTitle(self.tr("Trash"))
        self.tabs = QTabBar(self)
        self.stack = QStackedWidget(self)
        self.models: dict[str, RecordTableModel] = {}
        self.views: dict[str, QTableView] = {}
        self._titles: list[str] = []
        titles = {"event": self.tr("Events"), "certificate": self.tr("Certificates"),
                  "person": self.tr("People"), "organisation": self.tr("Organisations")}
        for kind in KINDS:
            model = RecordTableModel(facade, kind, trash=True, parent=self)
            view = QTableView(self)
            view.setModel(model)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.verticalHeader().hide()
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
            view.doubleClicked.connect(lambda _index: self.restore_selected())
            self.models[kind], self.views[kind] = model, view
            self.tabs.addTab(titles[kind])
            self._titles.append(titles[kind])
            self.stack.addWidget(view)
            model.count_changed.connect(self._update_tabs)
        self.tabs.currentChanged.connect(self._on_tab)
        self.hint = QLabel(self.tr("Deleted records stay here until they are restored."
                                   " Restoring can be undone with Ctrl+Z."), self)
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setDefault(True)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self._update_tabs()
        self._on_tab(0)

    @property
    def kind(self) -> str:
        return KINDS[self.tabs.currentIndex()]

    def show_kind(self, kind: str) -> None:
        self.tabs.setCurrentIndex(KINDS.index(kind))

    def _on_tab(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        view = self.views[KINDS[index]]
        if not view.currentIndex().isValid() and view.model().rowCount():
            view.selectRow(0)
        self._update_buttons()

    def _update_tabs(self, *_args) -> None:
        for i, kind in enumerate(KINDS):
            self.tabs.setTabText(i, f"{self._titles[i]} ({self.models[kind].total})")
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.models[self.kind].rowCount() > 0)

    def select_record(self, kind: str, record_id: int) -> bool:
        self.show_kind(kind)
        row = self.models[kind].row_of(record_id)
        if row >= 0:
            self.views[kind].selectRow(row)
        return row >= 0

    def restore_selected(self) -> bool:
        kind = self.kind
        index = self.views[kind].currentIndex()
        record_id = self.models[kind].id_at(index.row()) if index.isValid() else None
        if record_id is None:
            return False
        try:
            self.facade.restore(kind, record_id)
        except LibraryError as exc:
            QMessageBox.warning(self, self.tr("Cannot restore"), exc.message(ui_lang()))
            return False
        view = self.views[kind]
        if view.model().rowCount():
            view.selectRow(min(index.row(), view.model().rowCount() - 1))
        return True
