"""The scan inbox: a folder (library setting `scan_inbox`) that a scanner or a phone sync writes
into. Its files are listed as "unfiled scans" with thumbnails, and the clerk files each to a record
by choosing the record here, or by dragging the thumbnail onto a record's scans strip. A filed
file leaves the folder only after its attachment committed (see `adding.add_sources`)."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QMimeData, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QListView,
    QPushButton, QVBoxLayout, QWidget,
)

from db import media, settings
from db.errors import LibraryError
from desktop.editors.labels import ui_lang
from desktop.editors.picker import RecordPicker
from desktop.scans.adding import Batch, Source, add_sources, make_undoable, messages
from desktop.scans.strip import INBOX_MIME
from desktop.scans.thumbs import ICON, KEY_ROLE, Thumb, ThumbModel, image_from_bytes
from desktop.tasks import TaskRunner

SCAN_INBOX = "scan_inbox"  # the db.settings key holding the folder
_UNFINISHED = (".part", ".partial", ".tmp", ".crdownload", ".download", "~")


def inbox_folder(facade) -> Path | None:
    if facade.lib is None:
        return None
    text = facade.read(settings.get, SCAN_INBOX)
    return Path(text) if text else None


def inbox_files(folder: Path) -> list[Path]:
    """Files waiting in the inbox, oldest first: regular, not hidden, not still being written
    under a temporary name."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    found = []
    for entry in entries:
        name = entry.name
        if name.startswith(".") or name.lower().endswith(_UNFINISHED):
            continue
        try:
            if entry.is_file():
                found.append((entry.stat().st_mtime_ns, name, Path(entry.path)))
        except OSError:
            continue
    return [p for _m, _n, p in sorted(found)]


def inbox_thumbnail(key):
    """Worker: (key, QImage | None, error text) for an inbox file (key[0] is its path)."""
    path = Path(key[0])
    try:
        media_type = media.sniff(media.read_head(path))
        if media_type is None:
            return key, None, LibraryError("file_unknown_type", name=path.name).message(ui_lang())
        return key, image_from_bytes(media.make_thumbnail(path, media_type, name=path.name)), ""
    except LibraryError as exc:
        return key, None, exc.message(ui_lang())


class InboxModel(ThumbModel):
    """Inbox files; dragging them gives their URLs, marked as coming from the inbox."""

    def mimeTypes(self) -> list[str]:
        return ["text/uri-list", INBOX_MIME]

    def mimeData(self, indexes) -> QMimeData:
        mime = QMimeData()
        paths = [self.rows[i.row()].key[0] for i in indexes if i.isValid()]
        mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
        mime.setData(INBOX_MIME, b"1")
        return mime


class InboxDialog(QDialog):
    """The unfiled scans. Signals: `listed()` after each scan of the folder, `filed(Batch)`."""

    listed = Signal()
    filed = Signal(object)

    def __init__(self, facade, parent: QWidget | None = None):
        super().__init__(parent)
        self.facade = facade
        self.setWindowTitle(self.tr("Scan inbox — unfiled scans"))
        self.tasks = TaskRunner(self)
        self.folder: Path | None = None
        self._requested: set = set()
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _p: self._later.start())
        self._later = QTimer(self)  # a scanner writes in bursts: look once it settles
        self._later.setSingleShot(True)
        self._later.setInterval(300)
        self._later.timeout.connect(self.rescan)

        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        choose = QPushButton(self.tr("Choose &folder…"))
        choose.clicked.connect(self.choose_folder)
        self.rescan_button = QPushButton(self.tr("&Rescan"))
        self.rescan_button.clicked.connect(self.rescan)
        top = QHBoxLayout()
        top.addWidget(self.folder_label, 1)
        top.addWidget(choose)
        top.addWidget(self.rescan_button)

        self.model = InboxModel(self)
        self.model.loading_text = self.tr("Loading…")
        self.view = QListView()
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setIconSize(QSize(ICON, ICON))
        self.view.setGridSize(QSize(ICON + 28, ICON + 44))
        self.view.setWordWrap(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setModel(self.model)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        self.kind = QComboBox()
        for kind, label in (("certificate", self.tr("Certificate")), ("event", self.tr("Event")),
                            ("person", self.tr("Person"))):
            self.kind.addItem(label, kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.picker = RecordPicker(facade, "certificate")
        self.picker.setPlaceholderText(self.tr("Type part of its title or name"))
        self.picker.picked.connect(lambda _id: self.file_button.setFocus())
        self.file_button = QPushButton(self.tr("F&ile selected"))
        self.file_button.clicked.connect(self.file_selected)
        bottom = QHBoxLayout()
        label = QLabel(self.tr("File to &record:"))
        label.setBuddy(self.picker)
        bottom.addWidget(label)
        bottom.addWidget(self.kind)
        bottom.addWidget(self.picker, 1)
        bottom.addWidget(self.file_button)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #fff4e0; border: 1px solid #e0b060;"
                                  " border-radius: 3px; padding: 4px;")
        self.notice.hide()
        hint = QLabel(self.tr("Select scans, choose the record and File them; or drag a scan onto "
                              "the scans of an open record. A filed scan leaves this folder once "
                              "it is safely in the library."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(hint)
        layout.addLayout(bottom)
        layout.addWidget(self.notice)
        self.resize(760, 560)
        facade.changed.connect(self._on_changed)
        self.set_folder(inbox_folder(facade))

    # ------------------------------------------------------------ folder

    def set_folder(self, folder: Path | None) -> None:
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        self.folder = folder
        if folder is None:
            self.folder_label.setText(self.tr("No scan inbox folder is set. Choose the folder your "
                                              "scanner or phone saves into."))
        elif not folder.is_dir():
            self.folder_label.setText(self.tr("The scan inbox folder %1 cannot be found.")
                                      .replace("%1", str(folder)))
        else:
            self.folder_label.setText(self.tr("Folder: %1").replace("%1", str(folder)))
            self.watcher.addPath(str(folder))
        self.rescan()

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Scan inbox folder"),
                                                  str(self.folder or ""))
        if chosen:
            self.facade.read(settings.set, SCAN_INBOX, chosen)
            self.set_folder(Path(chosen))

    def _on_changed(self, kind: str) -> None:
        if kind == "attachment":
            self._later.start()  # a scan dragged onto a strip has left the folder

    # ------------------------------------------------------------ listing

    def rescan(self) -> None:
        files = inbox_files(self.folder) if self.folder is not None else []
        rows = []
        for path in files:
            try:
                st = path.stat()
            except OSError:
                continue
            rows.append(Thumb(key=(str(path), st.st_mtime_ns, st.st_size), label=path.name,
                              tooltip=f"{path.name}\n{st.st_size / 1024:,.0f} KB"))
        self.model.set_rows(rows)
        self.empty.setText(self.tr("No unfiled scans.") if self.folder is not None and not rows else "")
        self.empty.setVisible(not rows)
        for row in self.model.pending():
            if row.key not in self._requested:
                self._requested.add(row.key)
                self.tasks.start(inbox_thumbnail, row.key, on_finished=self._thumbnail_done)
        self.listed.emit()

    def _thumbnail_done(self, result) -> None:
        key, image, error = result
        self.model.set_image(key, image, error)
        i = self.model.row_of(key)
        if error and i >= 0:
            self.model.rows[i].tooltip = f"{self.model.rows[i].label}\n{error}"

    def paths(self) -> list[Path]:
        return [Path(r.key[0]) for r in self.model.rows]

    # ------------------------------------------------------------ filing

    def _kind_changed(self) -> None:
        self.picker.kind = self.kind.currentData()
        self.picker.set_value(None)

    def select_record(self, kind: str, record_id: int) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.picker.set_value(record_id)

    def file_selected(self) -> bool:
        """File the selected scans (all of them when one is listed) to the chosen record."""
        owner = self.picker.value()
        if owner is None:
            self._show([self.tr("Choose the record to file the scans to.")])
            self.picker.setFocus()
            return False
        indexes = self.view.selectionModel().selectedIndexes()
        if not indexes and self.model.rowCount() == 1:
            indexes = [self.model.index(0)]
        if not indexes:
            self._show([self.tr("Select the scans to file.")])
            return False
        sources = [Source(path=Path(i.data(KEY_ROLE)[0]), from_inbox=True) for i in indexes]
        self.file_button.setEnabled(False)
        self.tasks.start(add_sources, self.facade, sources, self.kind.currentData(), owner,
                         with_task=True, on_finished=self._filed, on_failed=self._failed)
        return True

    def _filed(self, batch: Batch) -> None:
        self.file_button.setEnabled(True)
        make_undoable(self.facade, batch)
        done = len(batch.added) - len(batch.not_removed)
        lines = messages(batch)
        if done:
            lines.insert(0, self.tr("%1 scan(s) filed.").replace("%1", str(done)))
        self._show(lines)
        self.rescan()
        self.filed.emit(batch)

    def _failed(self, exc: BaseException) -> None:
        self.file_button.setEnabled(True)
        self._show([str(exc)])

    def _show(self, lines: list[str]) -> None:
        self.notice.setText("\n".join(lines))
        self.notice.setVisible(bool(lines))

    def messages(self) -> list[str]:
        return self.notice.text().splitlines() if self.notice.isVisible() else []


def show_inbox(window) -> InboxDialog | None:
    """Open (or bring forward) the inbox of a main window."""
    if window.facade.lib is None:
        return None
    dialog = getattr(window, "_scan_inbox", None)
    if dialog is None:
        dialog = window._scan_inbox = InboxDialog(window.facade, window)
        window.facade.library_closed.connect(dialog.close)
    else:
        dialog.set_folder(inbox_folder(window.facade))
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
