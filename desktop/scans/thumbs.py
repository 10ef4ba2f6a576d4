"""A small list model of thumbnails (used by the strip on a record and by the scan inbox): rows
appear at once with a placeholder and fill in as their pictures arrive from the background.
Rotation is applied when the picture is drawn; `data()` never touches the library."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap, QTransform

DISPLAY = Qt.ItemDataRole.DisplayRole
DECORATION = Qt.ItemDataRole.DecorationRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
KEY_ROLE = Qt.ItemDataRole.UserRole
ICON = 128  # pixels of a thumbnail on screen


@dataclass
class Thumb:
    key: Any  # what the row stands for: an attachment id, an inbox file path
    label: str
    tooltip: str = ""
    rotation: int = 0
    pages: int = 1
    image: QImage | None = None  # the unrotated thumbnail, once loaded
    failed: str = ""  # why there is no picture


def image_from_bytes(data: bytes) -> QImage:
    """Decode thumbnail bytes (JPEG or PNG). Safe off the UI thread (QImage, not QPixmap)."""
    image = QImage()
    image.loadFromData(data)
    return image


def rotated(image: QImage, rotation: int) -> QImage:
    if not rotation % 360:
        return image
    return image.transformed(QTransform().rotate(rotation), Qt.TransformationMode.SmoothTransformation)


def _tile(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    return pixmap


def placeholder(size: int, text: str, colour: QColor | None = None) -> QPixmap:
    """A grey page with a word on it: shown while a thumbnail loads, or when it cannot."""
    pixmap = _tile(size)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    page = QRect(size // 6, size // 12, size * 2 // 3, size * 5 // 6)
    p.setPen(QColor(180, 180, 180))
    p.setBrush(QColor(240, 240, 240))
    p.drawRoundedRect(page, 4, 4)
    p.setPen(colour or QColor(130, 130, 130))
    font = QFont(p.font())
    font.setPixelSize(max(10, size // 9))
    p.setFont(font)
    p.drawText(page, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
    p.end()
    return pixmap


def tile(image: QImage, size: int, pages: int = 1) -> QPixmap:
    """The picture centred in a size×size tile, with a page-count badge on multi-page files."""
    pixmap = _tile(size)
    scaled = image.scaled(size - 4, size - 4, Qt.AspectRatioMode.KeepAspectRatio,
                          Qt.TransformationMode.SmoothTransformation)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    x, y = (size - scaled.width()) // 2, (size - scaled.height()) // 2
    if pages > 1:  # a second sheet peeking out behind the first
        p.setPen(QColor(150, 150, 150))
        p.setBrush(QColor(250, 250, 250))
        p.drawRect(x + 3, y + 3, scaled.width() - 1, scaled.height() - 1)
    p.drawImage(x, y, scaled)
    p.setPen(QColor(170, 170, 170))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(x, y, scaled.width() - 1, scaled.height() - 1)
    if pages > 1:
        font = QFont(p.font())
        font.setPixelSize(max(10, size // 10))
        font.setBold(True)
        p.setFont(font)
        text = str(pages)
        w = p.fontMetrics().horizontalAdvance(text) + 10
        h = p.fontMetrics().height() + 2
        badge = QRect(size - w - 2, size - h - 2, w, h)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(40, 90, 170))
        p.drawRoundedRect(badge, h // 2, h // 2)
        p.setPen(QColor(255, 255, 255))
        p.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
    p.end()
    return pixmap


class ThumbModel(QAbstractListModel):
    """Rows of `Thumb`. `set_rows` keeps the pictures already loaded for keys that stay."""

    def __init__(self, parent=None, icon_size: int = ICON):
        super().__init__(parent)
        self.icon_size = icon_size
        self.rows: list[Thumb] = []
        self._pixmaps: dict[Any, QPixmap] = {}
        self._loading = None
        self.loading_text = "…"

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == DISPLAY:
            return row.label
        if role == DECORATION:
            return self._pixmap(row)
        if role == TOOLTIP:
            return row.tooltip or row.label
        if role == KEY_ROLE:
            return row.key
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    # ------------------------------------------------------------ rows

    def set_rows(self, rows: list[Thumb]) -> None:
        old = {r.key: r for r in self.rows}
        for row in rows:
            before = old.get(row.key)
            if before is not None and row.image is None and not row.failed:
                row.image, row.failed = before.image, before.failed
        if rows and [r.key for r in rows] == [r.key for r in self.rows]:
            # the same files (a caption or a rotation changed): keep selection and scrolling
            self.rows = rows
            self._pixmaps.clear()
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self._pixmaps.clear()
        self.endResetModel()

    def row_of(self, key: Any) -> int:
        for i, row in enumerate(self.rows):
            if row.key == key:
                return i
        return -1

    def thumb(self, key: Any) -> Thumb | None:
        i = self.row_of(key)
        return self.rows[i] if i >= 0 else None

    def pending(self) -> list[Thumb]:
        """Rows whose picture is neither loaded nor failed."""
        return [r for r in self.rows if r.image is None and not r.failed]

    def set_image(self, key: Any, image: QImage | None, failed: str = "") -> None:
        i = self.row_of(key)
        if i < 0:
            return
        row = self.rows[i]
        if image is None or image.isNull():
            row.image, row.failed = None, failed or "?"
        else:
            row.image, row.failed = image, ""
        self._pixmaps.pop(key, None)
        index = self.index(i)
        self.dataChanged.emit(index, index, [DECORATION])

    def all_loaded(self) -> bool:
        return not self.pending()

    def _pixmap(self, row: Thumb) -> QPixmap:
        cached = self._pixmaps.get(row.key)
        if cached is not None:
            return cached
        if row.image is not None:
            pixmap = tile(rotated(row.image, row.rotation), self.icon_size, row.pages)
        elif row.failed:
            pixmap = placeholder(self.icon_size, "?", QColor(180, 40, 40))
        else:
            if self._loading is None:
                self._loading = placeholder(self.icon_size, self.loading_text)
            return self._loading
        self._pixmaps[row.key] = pixmap
        return pixmap
