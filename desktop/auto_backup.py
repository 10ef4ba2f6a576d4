"""Automatic backups: at most daily while the app is open, and when it closes, in the background.

The worker only reads the database through its own connection (db.backup) and never touches the
open library's connection; the backup folder is read on the UI thread first."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog

from db import backup
from desktop import prefs
from desktop.editors.labels import ui_lang
from desktop.facade import Facade
from desktop.tasks import Task, TaskRunner

HOUR_MS = 60 * 60 * 1000


def backup_and_prune(lib, dest, progress=None):
    result = backup.backup(lib, dest, progress=progress)
    backup.prune(dest)
    return result


class AutoBackup(QObject):
    started = Signal()
    finished = Signal(object)  # BackupResult
    failed = Signal(object)  # the error

    def __init__(self, window: QMainWindow, facade: Facade, tasks: TaskRunner,
                 interval_ms: int = HOUR_MS):
        super().__init__(window)
        self.window, self.facade, self.tasks = window, facade, tasks
        self.task: Task | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run_if_due)
        self.timer.start()
        self.first_check = QTimer(self)  # shortly after a library opens
        self.first_check.setSingleShot(True)
        self.first_check.setInterval(5000)
        self.first_check.timeout.connect(self.run_if_due)
        facade.library_opened.connect(lambda _lib: self.first_check.start())

    @property
    def running(self) -> bool:
        return self.task is not None

    def is_due(self, interval: dt.timedelta = backup.DAY) -> bool:
        if self.facade.lib is None:
            return False
        return bool(self.facade.read(backup.due, interval=interval))

    def run_if_due(self) -> bool:
        if self.running or not enabled() or not self.is_due():
            return False
        self.start()
        return True

    def start(self) -> Task:
        """Back up now, in the background."""
        lib = self.facade.lib
        dest = self.facade.read(backup.backup_dir)
        self.task = self.tasks.start(backup_and_prune, lib, dest, on_finished=self.finished.emit,
                                     on_failed=self.failed.emit, on_done=self._done)
        self.started.emit()
        if hasattr(self.window, "statusBar"):
            self.window.statusBar().showMessage(self.tr("Backing up…"))
        return self.task

    def _done(self) -> None:
        task, self.task = self.task, None
        if not hasattr(self.window, "statusBar"):
            return
        if task is not None and task.error is not None:
            self.window.statusBar().showMessage(
                self.tr("The backup failed: %1").replace("%1", _message(task.error)))
        else:
            self.window.statusBar().showMessage(self.tr("Backed up."), 5000)

    def before_close(self) -> None:
        """Call from closeEvent: back up when anything changed since the last backup, in the
        background while a progress dialog shows, and return when it is done (or failed)."""
        self.timer.stop()
        self.first_check.stop()
        if self.facade.lib is None or not enabled():
            return
        if not self.running:
            if not self.is_due(dt.timedelta(0)):
                return
            self.start()
        task = self.task
        loop = QEventLoop(self)
        task.done.connect(loop.quit)
        dialog = QProgressDialog(self.tr("Backing up before closing…"), "", 0, 0, self.window)
        dialog.setObjectName("closing_backup")
        dialog.setCancelButton(None)
        dialog.setMinimumDuration(400)
        poll = QTimer(self)  # done may have been emitted before we listened: look again
        poll.setInterval(100)
        poll.timeout.connect(loop.quit)
        poll.start()
        while self.task is task:  # _done (queued from the worker) clears it
            loop.exec()
        poll.stop()
        poll.deleteLater()
        dialog.close()
        dialog.deleteLater()
        if task.error is not None:
            QMessageBox.warning(
                self.window, self.tr("Backup failed"),
                self.tr("The backup on closing failed: %1\n\nYour records are safe in the "
                        "library; back up from Tools › Backups… next time.")
                .replace("%1", _message(task.error)))


def enabled() -> bool:
    """The preference `backup/automatic` (on unless the clerk turned it off)."""
    value = prefs.settings().value("backup/automatic", True)
    return str(value).lower() not in ("false", "0", "no")


def _message(exc: BaseException) -> str:
    return exc.message(ui_lang()) if hasattr(exc, "message") else str(exc)
