"""Library settings: the institution's name (Chinese, English) and logo, kept in the library
(`db.settings`) so the summary sheet of any computer shows them."""
from __future__ import annotations

import base64

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from db import settings
from desktop.facade import Facade

LOGO_MAX = 512


def logo_to_text(image: QImage) -> str:
    """A logo as stored: PNG, at most LOGO_MAX px on its longer side, base64."""
    if max(image.width(), image.height()) > LOGO_MAX:
        image = image.scaled(LOGO_MAX, LOGO_MAX, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return base64.b64encode(bytes(data)).decode("ascii")


def logo_from_text(text: str | None) -> QImage:
    image = QImage()
    if text:
        image.loadFromData(base64.b64decode(text), "PNG")
    return image


class LibrarySettingsDialog(QDialog):
    def __init__(self, facade: Facade, parent: QWidget | None = None):
        super().__init__(parent)
        self.facade = facade
        self.setWindowTitle(self.tr("Library settings"))
        self.name_zh = QLineEdit(facade.read(settings.get, settings.INSTITUTION_NAME_ZH, "") or "")
        self.name_en = QLineEdit(facade.read(settings.get, settings.INSTITUTION_NAME_EN, "") or "")
        self._logo_text = facade.read(settings.get, settings.INSTITUTION_LOGO)
        self.logo = QLabel()
        self.logo.setFixedSize(128, 128)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo.setFrameShape(QLabel.Shape.StyledPanel)
        choose = QPushButton(self.tr("Choose logo…"))
        choose.clicked.connect(self.choose_logo)
        remove = QPushButton(self.tr("Remove logo"))
        remove.clicked.connect(lambda: self._set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo)
        buttons_col = QVBoxLayout()
        buttons_col.addWidget(choose)
        buttons_col.addWidget(remove)
        buttons_col.addStretch(1)
        logo_row.addLayout(buttons_col)
        logo_row.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("Institution name (Chinese)"), self.name_zh)
        form.addRow(self.tr("Institution name (English)"), self.name_en)
        form.addRow(self.tr("Logo"), logo_row)
        from desktop.scans.inbox import SCAN_INBOX
        self._inbox_key = SCAN_INBOX
        self.scan_inbox = QLineEdit(facade.read(settings.get, SCAN_INBOX, "") or "")
        self.scan_inbox.setPlaceholderText(self.tr("The folder a scanner or phone saves into"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose_scan_inbox)
        inbox_row = QHBoxLayout()
        inbox_row.addWidget(self.scan_inbox, 1)
        inbox_row.addWidget(browse)
        form.addRow(self.tr("Scan inbox folder"), inbox_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.name_zh.setMinimumWidth(320)
        self._set_logo(self._logo_text)

    def _set_logo(self, text: str | None) -> None:
        self._logo_text = text
        image = logo_from_text(text)
        if image.isNull():
            self.logo.setPixmap(QPixmap())
            self.logo.setText(self.tr("No logo"))
        else:
            self.logo.setPixmap(QPixmap.fromImage(image.scaled(
                120, 120, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation)))

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the institution's logo"), "",
            self.tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)"))
        if path:
            self.load_logo(path)

    def load_logo(self, path: str) -> bool:
        reader = QImageReader(path)
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid() and max(size.width(), size.height()) > LOGO_MAX * 4:
            reader.setScaledSize(size.scaled(LOGO_MAX, LOGO_MAX, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if image.isNull():
            QMessageBox.warning(self, self.tr("Logo"),
                                self.tr("This file is not an image that can be read: %1")
                                .replace("%1", reader.errorString()))
            return False
        self._set_logo(logo_to_text(image))
        return True

    def choose_scan_inbox(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Scan inbox folder"),
                                                  self.scan_inbox.text())
        if chosen:
            self.scan_inbox.setText(chosen)

    def accept(self) -> None:
        values = {
            settings.INSTITUTION_NAME_ZH: self.name_zh.text().strip() or None,
            settings.INSTITUTION_NAME_EN: self.name_en.text().strip() or None,
            settings.INSTITUTION_LOGO: self._logo_text,
            self._inbox_key: self.scan_inbox.text().strip() or None,
        }
        for key, value in values.items():
            self.facade.read(settings.set, key, value)
        super().accept()
