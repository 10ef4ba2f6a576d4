"""Keeping an eye on the library's soundness from the window: the full quick_check of a large
library runs in the background after it opens, and a damaged library is offered its latest
backup, restored into a new folder (never over the damaged one)."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from db import backup, errors, messages
from db.library import Library, quick_check
from db.location import location_warnings
from desktop.editors.labels import ui_lang
from desktop.tasks import TaskRunner


def restore_target(damaged: Path, snapshot: Path) -> Path:
    """A new folder beside the damaged library: `NAME (restored YYYY-MM-DD)`, numbered if taken."""
    day = _dt.date.today().isoformat()
    base = damaged.parent / f"{damaged.name} (restored {day})"
    target, n = base, 2
    while target.exists():
        target = base.with_name(f"{base.name} {n}")
        n += 1
    return target


class LibraryHealth(QObject):
    """`damage_found(message)` when the background check finds the open library damaged;
    `restored(path)` when a backup was restored into a new folder."""

    checked = Signal(object)  # None when sound, else the problem text
    damage_found = Signal(str)
    restored = Signal(object)
    location_warned = Signal(list)

    def __init__(self, parent: QWidget, tasks: TaskRunner):
        super().__init__(parent)
        self.window = parent
        self.tasks = tasks
        self._reported = False
        self._warned_paths: set[Path] = set()

    def warn_about_location(self, lib: Library) -> list[str]:
        """A library in a cloud-synced folder or on a network share: warn once per folder (it
        still opens: the clerk may have no other place). Returns the warnings shown."""
        if lib.path in self._warned_paths:
            return []
        self._warned_paths.add(lib.path)
        shown = []
        for code in location_warnings(lib.path):
            text = messages.text(code, ui_lang(), path=str(lib.path))
            fix = messages.text("fix_" + code, ui_lang())
            shown.append(f"{text}\n\n{fix}")
        if shown:
            self.location_warned.emit(shown)
            self.warn(self.tr("Where the library is"), "\n\n".join(shown))
        return shown

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)

    def check_in_background(self, lib: Library) -> None:
        """Run quick_check on its own read-only connection if open skipped it (a big library)."""
        if not lib.quick_check_pending:
            return
        path = lib.path
        self.tasks.start(quick_check, path, on_finished=lambda problem: self._checked(path, problem))

    def _checked(self, path: Path, problem: str | None) -> None:
        self.checked.emit(problem)
        if problem is not None:
            self.report_damage(errors.LibraryDamaged(path=str(path), detail=problem))

    def forget(self) -> None:
        """A library was closed: damage of the next one is reported afresh."""
        self._reported = False

    def report_damage(self, exc: errors.LibraryDamaged) -> None:
        """Damage found while the library is open: say so once, and offer the latest backup."""
        if self._reported:
            return
        self._reported = True
        self.damage_found.emit(exc.message(ui_lang()))
        if not self.offer_restore(Path(exc.params["path"]), exc):
            self.warn(self.tr("The library is damaged"), exc.message(ui_lang()))

    def offer_restore(self, path: Path, exc: errors.CannotOpen) -> bool:
        """For a damaged library with a backup: ask, then restore the newest snapshot into a new
        folder in the background. Returns True when the restore was started."""
        if not isinstance(exc, errors.LibraryDamaged):
            return False
        snapshot = backup.latest_for_library(path)
        if snapshot is None:
            return False
        target = restore_target(path, snapshot)
        question = self.tr(
            "%1\n\nThe latest backup is from %2. Restore it into a new folder?\n%3\n\n"
            "The damaged library is left as it is."
        ).replace("%1", exc.message(ui_lang())).replace("%2", snapshot.name).replace("%3", str(target))
        if not self.ask(question):
            return False
        self.tasks.start(backup.restore, snapshot, target,
                         on_finished=lambda new_path: self.restored.emit(Path(new_path)),
                         on_failed=self._restore_failed)
        return True

    def ask(self, question: str) -> bool:
        answer = QMessageBox.question(
            self.window, self.tr("Restore from backup"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def _restore_failed(self, exc: BaseException) -> None:
        text = exc.message(ui_lang()) if isinstance(exc, errors.LibraryError) else str(exc)
        QMessageBox.warning(self.window, self.tr("Restore from backup"), text)
