"""Helpers for the main window tests: a temporary QSettings, and a minimal stand-in editor that
keeps the editor contract (load/save/revert/is_dirty/record_id and the three signals), so the
shell is tested on its own."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from db import records
from desktop.facade import spec_of

NAME_FIELD = {"event": "title_en", "certificate": "title_en", "person": "name_en",
              "organisation": "name_en"}


def use_temp_settings(tmp_path) -> None:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


class StandInEditor(QWidget):
    KIND = ""
    dirty_changed = Signal(bool)
    saved = Signal(str, int)
    open_record = Signal(str, int)

    def __init__(self, facade, parent=None):
        super().__init__(parent)
        self.facade = facade
        self.record_id = None
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        QVBoxLayout(self).addWidget(self.name)
        self._loaded = ""
        self.name.textEdited.connect(lambda _t: self.dirty_changed.emit(self.is_dirty()))

    def load(self, record_id):
        self.record_id = record_id
        value = ""
        if record_id is not None:
            value = getattr(self.facade.get(self.KIND, record_id), NAME_FIELD[self.KIND]) or ""
        self._loaded = value
        self.name.setText(value)
        self.dirty_changed.emit(False)

    def is_dirty(self):
        return self.name.text() != self._loaded

    def revert(self):
        self.load(self.record_id)

    def save(self):
        values = {NAME_FIELD[self.KIND]: self.name.text()}
        if self.record_id is None:
            self.record_id = self.facade.create(self.KIND, values).id
        else:
            self.facade.update(self.KIND, self.record_id, values)
        self._loaded = self.name.text()
        self.dirty_changed.emit(False)
        self.saved.emit(self.KIND, self.record_id)
        return True


STAND_INS = {kind: type(f"StandIn_{kind}", (StandInEditor,), {"KIND": kind})
             for kind in NAME_FIELD}


def bulk_events(lib, n: int, prefix: str = "Event") -> None:
    with lib.atomic():
        for i in range(n):
            records.create(lib, spec_of("event"), {"title_en": f"{prefix} {i:04d}"})


def shown_window(qtbot, lib_path, *, editor_classes=None, size=None):
    """A main window on a new library at `lib_path`, shown and active; for fixtures to
    `yield from`. Afterwards the undo history is dropped and the window closed."""
    from desktop.main_window import MainWindow

    win = MainWindow(editor_classes=editor_classes)
    qtbot.addWidget(win)
    assert win.open_library_path(lib_path, create=True)
    if size:
        win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    if win.facade.lib is not None:
        win.facade.undo_stack.clear()
        win.close()
