"""The trash: deleted events, certificates, people, organisations and scans, newest first.
Restoring goes through the facade, so Ctrl+Z moves the record back to the trash; deleting
permanently and emptying the trash erase for good (db.trash), after a confirmation."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QMessageBox, QPushButton,
    QStackedWidget, QTabBar, QTableView, QVBoxLayout, QWidget,
)

from db import trash
from db.errors import LibraryError
from desktop.editors.labels import ui_lang
from desktop.facade import Facade
from desktop.models import RecordTableModel

KINDS = ("event", "certificate", "person", "organisation", "attachment")


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
                  "person": self.tr("People"), "organisation": self.tr("Organisations"),
                  "attachment": self.tr("Scans")}
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
        self.hint = QLabel(self.tr("Deleted records stay here until they are restored or deleted"
                                   " permanently. Restoring can be undone with Ctrl+Z; deleting"
                                   " permanently cannot."), self)
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setDefault(True)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button = QPushButton(self.tr("&Delete permanently"), self)
        self.purge_button.setObjectName("purge_button")
        buttons.addButton(self.purge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.purge_button.clicked.connect(self.purge_selected)
        self.empty_button = QPushButton(self.tr("&Empty trash…"), self)
        self.empty_button.setObjectName("empty_button")
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.empty_button.clicked.connect(self.empty_trash)
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
        has = self.models[self.kind].rowCount() > 0
        self.restore_button.setEnabled(has)
        self.purge_button.setEnabled(has)
        self.empty_button.setEnabled(any(m.total for m in self.models.values()))

    def select_record(self, kind: str, record_id: int) -> bool:
        self.show_kind(kind)
        row = self.models[kind].row_of(record_id)
        if row >= 0:
            self.views[kind].selectRow(row)
        return row >= 0

    def _selected(self) -> tuple[str, int | None, int]:
        """The current tab's kind, its selected id (None if none) and row."""
        kind = self.kind
        index = self.views[kind].currentIndex()
        record_id = self.models[kind].id_at(index.row()) if index.isValid() else None
        return kind, record_id, index.row()

    def _select_near(self, kind: str, row: int) -> None:
        view = self.views[kind]
        if view.model().rowCount():
            view.selectRow(min(row, view.model().rowCount() - 1))
        self._update_buttons()

    def restore_selected(self) -> bool:
        kind, record_id, row = self._selected()
        if record_id is None:
            return False
        try:
            self.facade.restore(kind, record_id)
        except LibraryError as exc:
            QMessageBox.warning(self, self.tr("Cannot restore"), exc.message(ui_lang()))
            return False
        self._select_near(kind, row)
        return True

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def purge_selected(self) -> bool:
        """Erase the selected item for good, after a confirmation naming it. Something a live
        record still uses is refused, with the library's message."""
        kind, record_id, row = self._selected()
        if record_id is None:
            return False
        name = self.models[kind].index(row, 0).data()
        if not self._confirm(self.tr("Delete permanently"),
                             self.tr("Delete “%1” permanently? This cannot be undone, and the undo"
                                     " history is cleared.").replace("%1", name)):
            return False
        try:
            self.facade.erase(trash.purge, kind, record_id)
        except LibraryError as exc:
            QMessageBox.warning(self, self.tr("Cannot delete permanently"), exc.message(ui_lang()))
            return False
        self._select_near(kind, row)
        return True

    def empty_trash(self) -> trash.PurgeResult | None:
        """Erase everything in the trash for good, after a confirmation naming the count; what
        live records still use stays, and the clerk is told why."""
        total = self.facade.read(trash.count)
        if not total or not self._confirm(
                self.tr("Empty trash"),
                self.tr("Delete all %n item(s) in the trash permanently? This cannot be undone,"
                        " and the undo history is cleared.", "", total)):
            return None
        try:
            result = self.facade.erase(trash.empty)
        except LibraryError as exc:
            QMessageBox.warning(self, self.tr("Cannot empty the trash"), exc.message(ui_lang()))
            return None
        if result.kept:
            QMessageBox.information(
                self, self.tr("Empty trash"),
                self.tr("%n item(s) stay in the trash because records outside it still use them:",
                        "", len(result.kept))
                + "\n\n" + "\n".join(why.message(ui_lang()) for _k, _i, why in result.kept))
        for kind in KINDS:
            self._select_near(kind, 0)
        return result
