"""The thin QObject between the windows and the library: every user action is one call here, one
transaction in `db`, one undoable command, and one coarse `changed` signal that views reload on."""
from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from db import attachments, attendances, certificates, events, organisations, people, records, trash
from db.errors import LibraryDamaged
from db.library import Library

KIND_MODULES = {
    "event": events,
    "person": people,
    "organisation": organisations,
    "certificate": certificates,
    "attendance": attendances,
    "attachment": attachments,
}


def spec_of(kind: str) -> records.Spec:
    if kind == "organiser":
        return events.ORGANISER_SPEC
    return KIND_MODULES[kind].SPEC



def _kind_name(kind: str) -> str:
    """'event' as the clerk reads it (活动), for undo texts."""
    from desktop.models.columns import kind_name  # (desktop.models imports this module)
    return kind_name(kind)

class _Command(QUndoCommand):
    """An undoable action: `do` runs first on push (redo), `undo` reverses it."""

    def __init__(self, text: str, do: Callable[[], Any], undo: Callable[[], Any]):
        super().__init__(text)
        self._do, self._undo = do, undo
        self.result: Any = None
        self.error: BaseException | None = None

    def redo(self) -> None:
        self.result = self._do()

    def undo(self) -> None:
        self._undo()


class Facade(QObject):
    """Owns the open library. `changed(kind)` fires after every change of records of that kind
    (kinds: event, person, organisation, certificate, attendance, organiser, attachment)."""

    changed = Signal(str)
    library_opened = Signal(object)  # the Library
    library_closed = Signal()
    damaged = Signal(object)  # LibraryDamaged: a read hit a damaged page of the open library

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.lib: Library | None = None
        self.undo_stack = QUndoStack(self)
        # Guards the one connection: background tasks that touch the library take it too.
        self.db_lock = threading.RLock()

    # ------------------------------------------------------------ library

    def open(self, lib: Library) -> None:
        self.close()
        self.lib = lib
        self.undo_stack.clear()
        self.library_opened.emit(lib)

    def close(self) -> None:
        if self.lib is not None:
            with self.db_lock:
                self.lib.close()
            self.lib = None
            self.undo_stack.clear()
            self.library_closed.emit()

    # ------------------------------------------------------------ reads

    def read(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Call a `db` function with the library first, under the connection lock."""
        assert self.lib is not None, "no library is open"
        with self.db_lock:
            try:
                return fn(self.lib, *args, **kwargs)
            except sqlite3.DatabaseError as exc:
                if isinstance(exc, sqlite3.OperationalError) and "malformed" not in str(exc):
                    raise
                damage = LibraryDamaged(path=str(self.lib.path), detail=str(exc))
                self.damaged.emit(damage)
                raise damage from exc

    def get(self, kind: str, record_id: int) -> Any:
        return self.read(records.get, spec_of(kind), record_id)

    # ------------------------------------------------------------ undoable changes

    def _push(self, text: str, kinds: str | tuple[str, ...], do: Callable[[], Any],
              undo: Callable[[], Any]) -> Any:
        """Run `do` now (raising its error, nothing pushed); make it undoable on success.
        `changed` fires for each of `kinds` after do, undo and redo."""
        kinds = (kinds,) if isinstance(kinds, str) else tuple(kinds)

        def emit():
            for kind in kinds:
                self.changed.emit(kind)

        with self.db_lock:
            result = do()
        state = {"first": True}

        def redo():
            if state["first"]:
                state["first"] = False
                return result
            with self.db_lock:
                out = do()
            emit()
            return out

        def undo_():
            with self.db_lock:
                undo()
            emit()

        self.undo_stack.push(_Command(text, redo, undo_))
        emit()
        return result

    def create(self, kind: str, values: dict[str, Any], text: str | None = None) -> Any:
        """Create a record (one transaction). Undo moves it to the trash; redo restores it."""
        spec = spec_of(kind)
        created: dict[str, Any] = {}

        def do():
            if "id" in created:
                return records.restore(self.lib, spec, created["id"])
            rec = records.create(self.lib, spec, values)
            created["id"] = rec.id
            return rec

        return self._push(text or self.tr("Create %1").replace("%1", _kind_name(kind)), kind, do,
                          lambda: records.delete(self.lib, spec, created["id"]))

    def update(self, kind: str, record_id: int, changes: dict[str, Any], text: str | None = None) -> Any:
        """Change some fields of a record. Undo puts the old values back."""
        spec = spec_of(kind)
        with self.db_lock:
            before = records.get(self.lib, spec, record_id)
        old = {k: getattr(before, k) for k in changes}
        return self._push(
            text or self.tr("Edit %1").replace("%1", _kind_name(kind)), kind,
            lambda: records.update(self.lib, spec, record_id, changes),
            lambda: records.update(self.lib, spec, record_id, old),
        )

    def delete(self, kind: str, record_id: int, text: str | None = None) -> None:
        """Move a record to the trash. Undo restores it."""
        spec = spec_of(kind)
        self._push(
            text or self.tr("Delete %1").replace("%1", _kind_name(kind)), kind,
            lambda: records.delete(self.lib, spec, record_id),
            lambda: records.restore(self.lib, spec, record_id),
        )

    def restore(self, kind: str, record_id: int, text: str | None = None) -> Any:
        """Bring a record (or a scan, a link) back from the trash. Undo moves it back."""
        spec = spec_of(kind)
        return self._push(
            text or self.tr("Restore %1").replace("%1", _kind_name(kind)), kind,
            lambda: trash.restore(self.lib, kind, record_id),
            lambda: records.delete(self.lib, spec, record_id),
        )

    def erase(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Erase from the trash for good (`db.trash.purge` or `empty`). Not undoable: the undo
        history is cleared, as its steps may name what is gone; every kind is signalled."""
        result = self.read(fn, *args)
        self.undo_stack.clear()
        for kind in trash.TABLES:
            self.changed.emit(kind)
        return result

    def action(self, text: str, kinds: str | tuple[str, ...], do: Callable[[Library], Any],
               undo: Callable[[Library], Any]) -> Any:
        """Any other undoable user action, as a pair of `db` calls (each one transaction).
        `kinds`: the kind of record it changes, or several (a person created with their
        attendance: ("attendance", "person")); `changed` fires for each."""
        return self._push(text, kinds, lambda: do(self.lib), lambda: undo(self.lib))
