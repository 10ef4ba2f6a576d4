"""The scans of one record as a strip of thumbnails: drop files on it, add them with a file
dialog, paste a picture (Ctrl+V); open, rotate, caption, save a copy or remove one from its menu.

The record opens at once: rows show a placeholder and fill in as thumbnails arrive from the
background (the cached one read, or one made by `media.make_thumbnail` in the worker and cached
on the UI thread). Adding runs in the background with progress and cancel (see `adding`)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDateTime, QEvent, QMimeData, QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QHBoxLayout, QLabel, QListView, QMenu, QProgressBar,
    QPushButton, QToolButton, QVBoxLayout, QWidget,
)

from db import attachments, media
from db.errors import LibraryError
from desktop.scans import actions
from desktop.scans.adding import Batch, Source, add_sources, make_undoable, messages
from desktop.scans.thumbs import ICON, KEY_ROLE, Thumb, ThumbModel, image_from_bytes
from desktop.tasks import TaskRunner

INBOX_MIME = "application/x-cooperation-records-inbox"  # a drag from the scan inbox
FILE_FILTER_EXTS = "*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.pdf *.heic *.heif"


def load_thumbnail(facade, key, sha256: str, media_type: str | None, name: str):
    """Worker: the cached thumbnail, or one made now. Returns (key, sha256, QImage | None,
    bytes to cache or None, error text)."""
    try:
        with facade.db_lock:
            if facade.lib is None:
                return key, sha256, None, None, ""
            data = attachments.thumbnail(facade.lib, sha256)
            path = attachments.file_path(facade.lib, sha256)
        new = None
        if data is None:
            new = data = media.make_thumbnail(path, media_type or "", name=name)
        return key, sha256, image_from_bytes(data), new, ""
    except LibraryError as exc:
        from desktop.editors.labels import ui_lang
        return key, sha256, None, None, exc.message(ui_lang())


def sources_from_mime(mime: QMimeData) -> list[Source]:
    """Local files named by a drop or a paste (a drag from the scan inbox is marked so)."""
    from_inbox = mime.hasFormat(INBOX_MIME)
    return [Source(path=Path(url.toLocalFile()), from_inbox=from_inbox)
            for url in mime.urls() if url.isLocalFile()]


class ThumbStripView(QListView):
    """A horizontal row of thumbnails with a hint painted when it is empty."""

    remove_requested = Signal()
    paste_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.hint = ""
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(ICON, ICON))
        self.setGridSize(QSize(ICON + 28, ICON + 44))
        self.setUniformItemSizes(True)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(ICON + 44 + self.horizontalScrollBar().sizeHint().height() + 8)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setAcceptDrops(False)  # drops go to the strip
        self.viewport().setAcceptDrops(False)

    def event(self, event) -> bool:
        # Delete and Paste here mean the scans, not the record: take them before the window's
        # shortcuts do.
        if event.type() == QEvent.Type.ShortcutOverride and (
                event.matches(QKeySequence.StandardKey.Delete)
                or event.matches(QKeySequence.StandardKey.Paste)):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Delete):
            self.remove_requested.emit()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit()
        else:
            super().keyPressEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.hint and (self.model() is None or self.model().rowCount() == 0):
            p = QPainter(self.viewport())
            p.setPen(self.palette().placeholderText().color())
            p.drawText(self.viewport().rect().adjusted(12, 0, -12, 0),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.hint)
            p.end()


class AttachmentStrip(QWidget):
    """`set_owner(kind, id | None)` shows that record's scans. Signals: `batch_finished(Batch)`
    after an add, `thumbnails_loaded()` when every thumbnail shown is in."""

    batch_finished = Signal(object)
    thumbnails_loaded = Signal()
    messages_changed = Signal()

    def __init__(self, facade, parent: QWidget | None = None):
        super().__init__(parent)
        self.facade = facade
        self.owner_kind: str | None = None
        self.owner_id: int | None = None
        # Called when a file arrives on a record not saved yet: saves it, returns its id or None.
        self.ensure_owner: Callable[[], int | None] | None = None
        self.tasks = TaskRunner(self)
        self._requested: set = set()
        self._batches: set = set()
        self._messages: list[str] = []
        self._viewer = None
        self.setAcceptDrops(True)

        self.model = ThumbModel(self)
        self.model.loading_text = self.tr("Loading…")
        self.view = ThumbStripView(self)
        self.view.setModel(self.model)
        self.view.activated.connect(self._open_index)
        self.view.doubleClicked.connect(self._open_index)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.remove_requested.connect(self.remove_current)
        self.view.paste_requested.connect(self.paste)

        self.add_button = QPushButton(self.tr("&Add scans…"))
        self.add_button.clicked.connect(self.add_with_dialog)
        self.paste_button = QPushButton(self.tr("&Paste image"))
        self.paste_button.clicked.connect(self.paste)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.paste_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(0)

        self.notice = QLabel()
        self.notice.setObjectName("scanMessages")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.setStyleSheet("color: palette(text); background: #fff4e0;"
                                  " border: 1px solid #e0b060; border-radius: 3px; padding: 4px;")
        self.dismiss = QToolButton()
        self.dismiss.setText("×")
        self.dismiss.setToolTip(self.tr("Dismiss"))
        self.dismiss.clicked.connect(self.clear_messages)
        notice_row = QHBoxLayout()
        notice_row.setContentsMargins(0, 0, 0, 0)
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        self.notice.hide()
        self.dismiss.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        layout.addLayout(notice_row)

        self._build_actions()
        facade.changed.connect(self._on_changed)
        self.set_owner(None, None)

    # ------------------------------------------------------------ actions

    def _action(self, text: str, slot, keys=()) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        ks = QKeySequence.StandardKey
        self.action_open = self._action(self.tr("&Open"), self.open_current)
        self.action_rotate_left = self._action(self.tr("Rotate &left"), lambda: self.rotate_current(-90),
                                               ["Ctrl+Shift+R"])
        self.action_rotate_right = self._action(self.tr("Rotate &right"), lambda: self.rotate_current(90),
                                                ["Ctrl+R"])
        self.action_caption = self._action(self.tr("&Caption…"), self.caption_current)
        self.action_system = self._action(self.tr("Open with &system viewer"), self.open_system_current)
        self.action_save_copy = self._action(self.tr("Save a &copy as…"), self.save_copy_current)
        self.action_remove = self._action(self.tr("Re&move"), self.remove_current)
        self.action_paste = self._action(self.tr("&Paste image"), self.paste, [ks.Paste])
        self.action_add = self._action(self.tr("&Add scans…"), self.add_with_dialog)

    def _context_menu(self, pos: QPoint) -> None:
        self.menu_for(self.view.indexAt(pos)).popup(self.view.viewport().mapToGlobal(pos))

    def menu_for(self, index: QModelIndex) -> QMenu:
        menu = QMenu(self)
        if index.isValid():
            self.view.setCurrentIndex(index)
            for action in (self.action_open, self.action_rotate_left, self.action_rotate_right,
                           self.action_caption, self.action_system, self.action_save_copy):
                menu.addAction(action)
            menu.addSeparator()
            menu.addAction(self.action_remove)
            menu.addSeparator()
        menu.addAction(self.action_add)
        menu.addAction(self.action_paste)
        return menu

    # ------------------------------------------------------------ showing a record

    def set_owner(self, owner_kind: str | None, owner_id: int | None) -> None:
        if (owner_kind, owner_id) != (self.owner_kind, self.owner_id):
            self._requested.clear()
            self.clear_messages()
        self.owner_kind, self.owner_id = owner_kind, owner_id
        self.reload()

    def attachments(self) -> list[attachments.Attachment]:
        if self.owner_id is None or self.facade.lib is None:
            return []
        return self.facade.read(attachments.for_owner, self.owner_kind, self.owner_id)

    def reload(self) -> None:
        atts = self.attachments()
        self._atts = {a.id: a for a in atts}
        rows = [Thumb(key=a.id, label=a.name, tooltip=self._tooltip(a), rotation=a.rotation,
                      pages=a.pages) for a in atts]
        self.model.set_rows(rows)
        can_add = self.owner_kind is not None and (self.owner_id is not None or self.ensure_owner is not None)
        self.add_button.setEnabled(can_add)
        self.paste_button.setEnabled(can_add)
        self.view.hint = (self.tr("Drop scans or photos here, use Add scans…, or paste a picture (Ctrl+V).")
                          if self.owner_id is not None or can_add
                          else self.tr("Save the record to attach scans."))
        self.view.viewport().update()
        self._load_thumbnails()

    def _tooltip(self, a: attachments.Attachment) -> str:
        parts = [a.original_name]
        if a.caption:
            parts.insert(0, a.caption)
        size = f"{a.width} × {a.height}" if a.width and a.height else ""
        pages = self.tr("%1 pages").replace("%1", str(a.pages)) if a.pages > 1 else ""
        parts.append(" · ".join(p for p in ((a.media_type or "").split("/")[-1].upper(), size, pages) if p))
        return "\n".join(parts)

    def _load_thumbnails(self) -> None:
        pending = [r for r in self.model.pending() if r.key not in self._requested]
        if not pending and self.model.all_loaded():
            self.thumbnails_loaded.emit()
            return
        for row in pending:
            att = self._atts[row.key]
            self._requested.add(row.key)
            self.tasks.start(load_thumbnail, self.facade, att.id, att.sha256, att.media_type,
                             att.original_name, on_finished=self._thumbnail_done)

    def _thumbnail_done(self, result) -> None:
        key, sha256, image, new, error = result
        if new is not None and self.facade.lib is not None:
            try:
                self.facade.read(attachments.store_thumbnail, sha256, 0, media.THUMBNAIL_SIZE, new)
            except LibraryError:
                pass  # only a cache: it is made again next time
        self.model.set_image(key, image, error)
        if self.model.all_loaded():
            self.thumbnails_loaded.emit()

    def _on_changed(self, kind: str) -> None:
        if kind == "attachment" and self.facade.lib is not None:
            self.reload()

    # ------------------------------------------------------------ adding

    def _owner_for_adding(self) -> int | None:
        if self.owner_id is None and self.ensure_owner is not None and self.owner_kind is not None:
            owner = self.ensure_owner()
            if owner is not None:
                self.set_owner(self.owner_kind, owner)
        return self.owner_id

    def add_sources(self, sources: list[Source]) -> bool:
        """Attach files in the background; False when there is nothing to attach them to."""
        if not sources or self._owner_for_adding() is None:
            return False
        task = self.tasks.start(add_sources, self.facade, sources, self.owner_kind, self.owner_id,
                                with_task=True, on_progress=self._batch_progress,
                                on_finished=self._batch_done, on_failed=self._batch_failed)
        self._batches.add(task)
        self.progress.setRange(0, len(sources))
        self.progress.setValue(0)
        self.progress.setVisible(len(sources) > 1)
        self.cancel_button.setVisible(len(sources) > 1)
        return True

    def add_paths(self, paths) -> bool:
        return self.add_sources([Source(path=Path(p)) for p in paths])

    def add_with_dialog(self) -> None:
        if self._owner_for_adding() is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add scans"), actions._last_dir.get("add", ""),
            self.tr("Scans and photos (%1);;All files (*)").replace("%1", FILE_FILTER_EXTS))
        if paths:
            actions._last_dir["add"] = str(Path(paths[0]).parent)
            self.add_paths(paths)

    def paste(self) -> bool:
        """Attach what the clipboard holds: copied files, or a picture."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return False
        sources = sources_from_mime(mime) if mime.hasUrls() else []
        if not sources and mime.hasImage():
            image = QGuiApplication.clipboard().image()
            if not image.isNull():
                stamp = QDateTime.currentDateTime().toString("yyyyMMdd-HHmmss")
                sources = [Source(image=image, name=f"pasted-{stamp}.png")]
        if not sources:
            self.show_messages([self.tr("The clipboard holds no picture or file to attach.")])
            return False
        return self.add_sources(sources)

    def cancel(self) -> None:
        for task in self._batches:
            task.cancel()

    def _batch_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"%v / %m  {label}")

    def _end_batch(self) -> None:
        self._batches = {t for t in self._batches if t.result is None and t.error is None}
        if not self._batches:
            self.progress.hide()
            self.cancel_button.hide()

    def _batch_done(self, batch: Batch) -> None:
        self._end_batch()
        make_undoable(self.facade, batch)
        self.show_messages(messages(batch))
        self.batch_finished.emit(batch)

    def _batch_failed(self, exc: BaseException) -> None:
        self._end_batch()
        self.show_messages([str(exc)])

    @property
    def busy(self) -> bool:
        return bool(self._batches)

    # ------------------------------------------------------------ messages

    def show_messages(self, lines: list[str]) -> None:
        self._messages = list(lines)
        self.notice.setText("\n".join(lines))
        self.notice.setVisible(bool(lines))
        self.dismiss.setVisible(bool(lines))
        self.messages_changed.emit()

    def clear_messages(self) -> None:
        self.show_messages([])

    def messages(self) -> list[str]:
        return list(self._messages)

    # ------------------------------------------------------------ drops

    def _accepts(self, mime: QMimeData) -> bool:
        can_add = self.owner_id is not None or (self.owner_kind is not None and self.ensure_owner)
        return bool(can_add) and (bool(sources_from_mime(mime)) or mime.hasImage())

    def dragEnterEvent(self, event) -> None:
        if self._accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        mime = event.mimeData()
        sources = sources_from_mime(mime)
        if not sources and mime.hasImage():
            stamp = QDateTime.currentDateTime().toString("yyyyMMdd-HHmmss")
            sources = [Source(image=mime.imageData(), name=f"dropped-{stamp}.png")]
        if sources and self.add_sources(sources):
            event.acceptProposedAction()
        else:
            event.ignore()

    # ------------------------------------------------------------ one attachment

    def current(self) -> attachments.Attachment | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self._atts.get(index.data(KEY_ROLE))

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_viewer(index.data(KEY_ROLE))

    def open_viewer(self, attachment_id: int):
        from desktop.scans.viewer import ScanViewer

        if self._viewer is not None:
            self._viewer.close()
        self._viewer = ScanViewer(self.facade, attachment_id, self)
        self._viewer.show()
        return self._viewer

    def open_current(self) -> None:
        att = self.current()
        if att is not None:
            self.open_viewer(att.id)

    def rotate_current(self, degrees: int) -> None:
        att = self.current()
        if att is not None:
            actions.rotate(self.facade, att, degrees)

    def caption_current(self) -> None:
        att = self.current()
        if att is not None:
            actions.ask_caption(self.facade, self, att)

    def open_system_current(self) -> None:
        att = self.current()
        if att is not None:
            actions.open_with_system(self.facade, att)

    def save_copy_current(self) -> None:
        att = self.current()
        if att is not None:
            actions.save_copy(self.facade, self, att)

    def remove_current(self) -> None:
        att = self.current()
        if att is not None:
            actions.remove(self.facade, att)
