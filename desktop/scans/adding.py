"""Attaching files from the window: the batch runs in the background (one transaction per file,
the connection lock held only for each add), reports progress, stops between two files when
cancelled, and comes back as a `Batch` the strip or the inbox turns into messages and one undoable
action. Files from the scan inbox are removed from it only after their add committed."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QImage

from db import attachments
from db.attachments import AddResult
from db.errors import FileRejected, LibraryError
from desktop.editors.labels import ui_lang
from desktop.tasks import Cancelled, Task


@dataclass
class Source:
    """A file to attach: a path, or the bytes of a pasted picture with the name to give it."""

    path: Path | None = None
    data: bytes | None = None
    image: QImage | None = None  # a pasted picture, saved as PNG in the worker
    name: str = ""
    from_inbox: bool = False  # remove the file once it is safely in the library

    @property
    def label(self) -> str:
        return self.name or (self.path.name if self.path else "")


@dataclass
class Batch:
    owner_kind: str
    owner_id: int
    added: list[tuple[Source, AddResult]] = field(default_factory=list)
    rejected: list[tuple[Source, LibraryError]] = field(default_factory=list)
    not_removed: list[tuple[Source, str]] = field(default_factory=list)  # filed, still in the inbox
    cancelled: bool = False

    @property
    def new_ids(self) -> list[int]:
        """Attachments this batch created (not the ones already on the record)."""
        return [r.attachment.id for _s, r in self.added if not r.already_on_record]


def add_sources(task: Task, facade, sources: list[Source], owner_kind: str, owner_id: int) -> Batch:
    """Run in the worker: attach each source, each in its own transaction."""
    batch = Batch(owner_kind, owner_id)
    total = len(sources)
    for done, source in enumerate(sources):
        try:
            task.report(done, total, source.label)
        except Cancelled:
            batch.cancelled = True
            break
        if source.image is not None:
            source.data = png_bytes(source.image)
        try:
            with facade.db_lock:
                if facade.lib is None:
                    raise LibraryError("library_error", detail="the library was closed")
                result = attachments.add(
                    facade.lib, source.data if source.data is not None else source.path,
                    owner_kind=owner_kind, owner_id=owner_id, original_name=source.name or None)
        except (FileRejected, LibraryError) as exc:
            batch.rejected.append((source, exc))
            continue
        batch.added.append((source, result))
        if source.from_inbox and source.path is not None:
            try:
                os.unlink(source.path)
            except FileNotFoundError:
                pass
            except OSError as exc:
                batch.not_removed.append((source, exc.strerror or str(exc)))
    task.progress.emit(total, total, "")
    return batch


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def _t(text: str) -> str:
    return QCoreApplication.translate("Scans", text)


def messages(batch: Batch) -> list[str]:
    """One line per file the clerk must hear about: rejected (with the reason), duplicate,
    filed but not removed from the inbox."""
    lang = ui_lang()
    lines = [exc.message(lang) for _s, exc in batch.rejected]
    for source, result in batch.added:
        if result.already_on_record:
            lines.append(_t("%1: this file is already attached to this record.")
                         .replace("%1", source.label))
        elif not result.stored_new_file:
            lines.append(_t("%1: the same file is already in the library; it is linked here, "
                            "not stored twice.").replace("%1", source.label))
    for source, reason in batch.not_removed:
        lines.append(_t("%1 was filed, but it could not be removed from the scan inbox (%2). "
                        "Delete it there yourself.").replace("%1", source.label).replace("%2", reason))
    if batch.cancelled:
        lines.append(_t("Cancelled: %1 file(s) were attached before you stopped.")
                     .replace("%1", str(len(batch.added))))
    return lines


def make_undoable(facade, batch: Batch) -> None:
    """Put the batch on the undo stack (already done: the first redo does nothing); undo moves
    the new attachments to the trash, redo brings them back. Emits changed("attachment")."""
    ids = batch.new_ids
    if not ids:
        facade.changed.emit("attachment")
        return
    state = {"first": True}

    def do(lib):
        if state["first"]:
            state["first"] = False
            return
        with lib.atomic():
            for i in ids:
                attachments.restore(lib, i)

    def undo(lib):
        with lib.atomic():
            for i in ids:
                attachments.delete(lib, i)

    text = _t("Attach %1 file(s)").replace("%1", str(len(ids)))
    facade.action(text, "attachment", do, undo)
