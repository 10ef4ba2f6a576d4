"""A scan on screen: zoom (Ctrl++ / Ctrl+-, Ctrl+wheel), fit to window, 100 %, pan by dragging,
pages of a multi-page TIFF or PDF (PgUp / PgDn), rotate (metadata: the original is untouched),
caption, open with the system viewer, save a copy, remove.

Pages are decoded in the background at the size they are shown (`media.render`), never at full
size on the UI thread; zooming in past what was decoded asks for a sharper one."""
from __future__ import annotations

from PIL import Image
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog, QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QHBoxLayout, QLabel, QLineEdit,
    QToolBar, QVBoxLayout, QWidget,
)

from db import attachments, media
from db.errors import LibraryError, NotFound
from desktop.editors.labels import ui_lang
from desktop.scans import actions
from desktop.tasks import TaskRunner

MAX_RENDER = 8000  # longest side ever decoded for the screen
ZOOM_STEP = 1.25


def qimage_from_pil(img: Image.Image) -> QImage:
    """A deep copy as a QImage (safe off the UI thread)."""
    fmt = {"L": QImage.Format.Format_Grayscale8, "RGB": QImage.Format.Format_RGB888,
           "RGBA": QImage.Format.Format_RGBA8888}.get(img.mode)
    if fmt is None:
        img, fmt = img.convert("RGB"), QImage.Format.Format_RGB888
    data = img.tobytes()
    channels = {"L": 1, "RGB": 3, "RGBA": 4}[img.mode]
    return QImage(data, img.width, img.height, img.width * channels, fmt).copy()


def render_page(path, media_type: str, page: int, max_size: int, name: str, request: int):
    """Worker: (request, page, QImage | None, error text)."""
    try:
        img = media.render(path, media_type, page=page, max_size=max_size, name=name)
        return request, page, qimage_from_pil(img), ""
    except LibraryError as exc:
        return request, page, None, exc.message(ui_lang())


class ScanView(QGraphicsView):
    """Pans by dragging; Ctrl+wheel zooms around the pointer."""

    zoom_requested = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(Qt.GlobalColor.darkGray)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(ZOOM_STEP if delta > 0 else 1 / ZOOM_STEP)
            event.accept()
            return
        super().wheelEvent(event)


class ScanViewer(QDialog):
    """`page_shown(page)` fires each time a decoded page is on screen (0-based)."""

    page_shown = Signal(int)

    def __init__(self, facade, attachment_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.facade = facade
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.tasks = TaskRunner(self, max_threads=1)
        self.att = facade.read(attachments.get, attachment_id)
        self.path = facade.read(attachments.file_path, self.att)
        self.page = 0
        self.fit = True
        self._rendered_long = 0  # longest side of the picture decoded for this page
        self._request = 0
        self._shown_request = -1

        self.scene = QGraphicsScene(self)
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene.addItem(self.item)
        self.view = ScanView(self)
        self.view.setScene(self.scene)
        self.view.zoom_requested.connect(self.zoom_by)
        self.error = QLabel()
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setWordWrap(True)
        self.error.hide()

        self.toolbar = QToolBar(self)
        self.file_bar = QToolBar(self)
        self.page_label = QLabel()
        self.zoom_label = QLabel()
        self._build_actions()

        self.caption = QLineEdit()
        self.caption.setPlaceholderText(self.tr("Caption (optional)"))
        self.caption.editingFinished.connect(self.save_caption)
        bottom = QHBoxLayout()
        caption_label = QLabel(self.tr("&Caption"))
        caption_label.setBuddy(self.caption)
        bottom.addWidget(caption_label)
        bottom.addWidget(self.caption, 1)
        bottom.addWidget(self.file_bar)
        bottom.addWidget(self.zoom_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error, 1)
        layout.addLayout(bottom)

        self._sharpen = QTimer(self)
        self._sharpen.setSingleShot(True)
        self._sharpen.setInterval(120)
        self._sharpen.timeout.connect(self._render_if_needed)
        facade.changed.connect(self._on_changed)
        self.resize(900, 700)
        self._show_attachment()
        self.request_render()

    # ------------------------------------------------------------ actions

    def _act(self, text: str, slot, keys=(), tip: str = "", bar: QToolBar | None = None):
        action = (bar or self.toolbar).addAction(text)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{tip or text.replace('&', '')}"
                          + (f" ({QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)})"
                             if keys else ""))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        ks = QKeySequence.StandardKey
        self.action_previous = self._act(self.tr("◀ Previous page"), lambda: self.go_to(self.page - 1),
                                         [QKeySequence(Qt.Key.Key_PageUp)])
        self.toolbar.addWidget(self.page_label)
        self.action_next = self._act(self.tr("Next page ▶"), lambda: self.go_to(self.page + 1),
                                     [QKeySequence(Qt.Key.Key_PageDown)])
        self.toolbar.addSeparator()
        self.action_zoom_out = self._act(self.tr("Zoom out"), lambda: self.zoom_by(1 / ZOOM_STEP),
                                         [ks.ZoomOut, "Ctrl+-"])
        self.action_zoom_in = self._act(self.tr("Zoom in"), lambda: self.zoom_by(ZOOM_STEP),
                                        [ks.ZoomIn, "Ctrl+=", "Ctrl++"])
        self.action_fit = self._act(self.tr("Fit"), self.fit_to_window, ["Ctrl+0"],
                                    self.tr("Fit to window"))
        self.action_actual = self._act(self.tr("100%"), self.actual_size, ["Ctrl+1"],
                                       self.tr("Actual size"))
        self.toolbar.addSeparator()
        self.action_rotate_left = self._act(self.tr("⟲ Rotate left"), lambda: self.rotate(-90),
                                            ["Ctrl+Shift+R"])
        self.action_rotate_right = self._act(self.tr("⟳ Rotate right"), lambda: self.rotate(90),
                                             ["Ctrl+R"])
        self.toolbar.addSeparator()
        self.action_system = self._act(self.tr("Open with system viewer"), self.open_system,
                                       bar=self.file_bar)
        self.action_save_copy = self._act(self.tr("Save a copy…"), self.save_copy, [ks.Save],
                                          bar=self.file_bar)
        self.action_remove = self._act(self.tr("Remove"), self.remove, bar=self.file_bar)

    # ------------------------------------------------------------ state

    @property
    def pages(self) -> int:
        return max(1, self.att.pages or 1)

    def _native_long(self) -> int:
        """The page's longer side at 100 % (pixels; a PDF's points)."""
        return max(self.att.width or 0, self.att.height or 0) or self._rendered_long or 1

    def _show_attachment(self) -> None:
        self.setWindowTitle(self.att.name)
        if not self.caption.hasFocus():
            self.caption.setText(self.att.caption or "")
        self.page_label.setText(self.tr("Page %1 of %2").replace("%1", str(self.page + 1))
                                .replace("%2", str(self.pages)))
        self.action_previous.setEnabled(self.page > 0)
        self.action_next.setEnabled(self.page < self.pages - 1)
        self._place_item()

    def page_text(self) -> str:
        return self.page_label.text()

    def _on_changed(self, kind: str) -> None:
        if kind != "attachment" or self.facade.lib is None:
            return
        try:
            att = self.facade.read(attachments.get, self.att.id)
        except NotFound:
            att = None
        if att is None or att.deleted_at is not None:
            self.close()
            return
        self.att = att
        self._show_attachment()

    # ------------------------------------------------------------ pages and rendering

    def go_to(self, page: int) -> None:
        page = max(0, min(page, self.pages - 1))
        if page == self.page:
            return
        self.page = page
        self._rendered_long = 0
        self._show_attachment()
        self.request_render()

    def _needed_long(self) -> int:
        """Pixels the longer side needs at the current zoom (or fit), on this screen."""
        ratio = self.devicePixelRatioF()
        native = self._native_long()
        if self.fit:
            port = self.view.viewport().size()
            quarter = self.item.rotation() % 180 != 0
            w, h = (port.height(), port.width()) if quarter else (port.width(), port.height())
            sw, sh = (self.att.width or 1), (self.att.height or 1)
            scale = min(w / sw, h / sh) if sw and sh else 1.0
            needed = native * scale * ratio
        else:
            needed = native * self.view.transform().m11() * ratio
        cap = native * 4 if self.att.media_type == media.PDF else native
        return int(max(64, min(needed, cap, MAX_RENDER)))

    def request_render(self) -> None:
        self._request += 1
        self.tasks.start(render_page, self.path, self.att.media_type or "", self.page,
                         self._needed_long(), self.att.original_name, self._request,
                         on_finished=self._rendered)

    def _render_if_needed(self) -> None:
        if self._needed_long() > self._rendered_long * 1.2 and self._rendered_long < MAX_RENDER:
            self.request_render()

    def _rendered(self, result) -> None:
        request, page, image, error = result
        if page != self.page or request < self._shown_request:
            return
        self._shown_request = request
        if image is None:
            self.view.hide()
            self.error.setText(error)
            self.error.show()
            self.page_shown.emit(page)
            return
        self.error.hide()
        self.view.show()
        self._rendered_long = max(image.width(), image.height())
        self.item.setPixmap(QPixmap.fromImage(image))
        self._place_item()
        self.page_shown.emit(page)

    def _place_item(self) -> None:
        """Scale the decoded picture to the page's native size and turn it by its rotation."""
        pixmap = self.item.pixmap()
        if pixmap.isNull():
            return
        long_side = max(pixmap.width(), pixmap.height())
        self.item.setScale(self._native_long() / long_side)
        self.item.setTransformOriginPoint(pixmap.width() / 2, pixmap.height() / 2)
        self.item.setRotation(self.att.rotation)
        self.scene.setSceneRect(self.item.sceneBoundingRect())
        if self.fit:
            self.view.fitInView(self.item, Qt.AspectRatioMode.KeepAspectRatio)
        self._update_zoom_label()

    # ------------------------------------------------------------ zoom

    def zoom(self) -> float:
        """Screen pixels per pixel of the original."""
        return self.view.transform().m11() or abs(self.view.transform().m12())

    def _update_zoom_label(self) -> None:
        self.zoom_label.setText(f"{self.zoom() * 100:.0f} %")

    def zoom_by(self, factor: float) -> None:
        new = self.zoom() * factor
        if not 0.02 <= new <= 16:
            return
        self.fit = False
        self.view.scale(factor, factor)
        self._update_zoom_label()
        self._sharpen.start()

    def fit_to_window(self) -> None:
        self.fit = True
        self._place_item()
        self._sharpen.start()

    def actual_size(self) -> None:
        self.fit = False
        self.view.resetTransform()
        self._update_zoom_label()
        self._sharpen.start()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.fit:
            self._place_item()
            self._sharpen.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.fit:
            self._place_item()
            self._sharpen.start()

    # ------------------------------------------------------------ metadata and file

    def rotate(self, degrees: int) -> None:
        actions.rotate(self.facade, self.att, degrees)

    def save_caption(self) -> None:
        if self.caption.text().strip() != (self.att.caption or ""):
            self.att = actions.set_caption(self.facade, self.att, self.caption.text())

    def open_system(self) -> None:
        actions.open_with_system(self.facade, self.att)

    def save_copy(self, dest: str | None = None):
        return actions.save_copy(self.facade, self, self.att, dest)

    def remove(self) -> None:
        actions.remove(self.facade, self.att)
        self.close()

    def closeEvent(self, event) -> None:
        self.save_caption()
        super().closeEvent(event)
