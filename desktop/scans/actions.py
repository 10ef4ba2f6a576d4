"""What the clerk can do to one attachment, from the strip or the viewer: rotate and caption
(metadata, undoable), open it with the system viewer, save a copy under its original name, move
it to the trash (undoable). The original file is never written."""
from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from db import attachments, media
from db.attachments import Attachment

_last_dir: dict[str, str] = {}


def _t(text: str) -> str:
    return QCoreApplication.translate("Scans", text)


def rotate(facade, att: Attachment, degrees: int) -> Attachment:
    """Turn clockwise by `degrees` (±90): stored as metadata, the file is untouched."""
    new = (att.rotation + degrees) % 360
    return facade.action(_t("Rotate scan"), "attachment",
                         lambda lib: attachments.update(lib, att.id, rotation=new),
                         lambda lib: attachments.update(lib, att.id, rotation=att.rotation))


def set_caption(facade, att: Attachment, caption: str | None) -> Attachment:
    caption = (caption or "").strip() or None
    if caption == att.caption:
        return att
    return facade.action(_t("Edit caption"), "attachment",
                         lambda lib: attachments.update(lib, att.id, caption=caption),
                         lambda lib: attachments.update(lib, att.id, caption=att.caption))


def ask_caption(facade, parent: QWidget, att: Attachment) -> Attachment:
    text, ok = QInputDialog.getText(parent, _t("Caption"), _t("Caption of “%1”:")
                                    .replace("%1", att.original_name), text=att.caption or "")
    return set_caption(facade, att, text) if ok else att


def remove(facade, att: Attachment) -> None:
    """Move to the trash; undo brings it back."""
    facade.action(_t("Remove scan"), "attachment",
                  lambda lib: attachments.delete(lib, att.id),
                  lambda lib: attachments.restore(lib, att.id))


def viewing_copy_name(att: Attachment) -> str:
    """A safe file name for a temporary copy: the original stem with anything but letters, digits,
    '-' and '_' replaced, and the extension of the real type (the store has none)."""
    stem = re.sub(r"[^\w\-]+", "_", Path(att.original_name).stem).strip("_.")[:80] or "scan"
    return stem + media.EXTENSIONS.get(att.media_type or "", "")


def open_with_system(facade, att: Attachment) -> bool:
    """Open a temporary read-only copy (named with its real extension) in the system viewer."""
    src = facade.read(attachments.file_path, att)
    folder = Path(tempfile.gettempdir()) / "cooperation-records-view" / att.sha256[:16]
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / viewing_copy_name(att)
    if not dest.exists():
        shutil.copyfile(src, dest)
        dest.chmod(0o444)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(dest)))


def save_copy(facade, parent: QWidget, att: Attachment, dest: str | None = None) -> Path | None:
    """Copy the original's bytes to a place the clerk chooses, proposing its original name."""
    if dest is None:
        start = _last_dir.get("save") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        proposed = str(Path(start) / Path(att.original_name).name)
        dest, _ = QFileDialog.getSaveFileName(parent, _t("Save a copy"), proposed)
        if not dest:
            return None
    target = Path(dest)
    try:
        shutil.copyfile(facade.read(attachments.file_path, att), target)
    except OSError as exc:
        QMessageBox.warning(parent, _t("Save a copy"), _t("The copy could not be saved to %1: %2")
                            .replace("%1", str(target)).replace("%2", exc.strerror or str(exc)))
        return None
    _last_dir["save"] = str(target.parent)
    return target
