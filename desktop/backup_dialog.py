"""Tools › Backups…: where backups go, the snapshots there, back up now, verify, restore into a new
folder. Every long step runs in the background with a progress bar."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
    QMessageBox, QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from db import backup
from desktop.auto_backup import _message, backup_and_prune
from desktop.facade import Facade
from desktop.history_view import local_time
from desktop.tasks import Task, TaskRunner

_PATH = Qt.ItemDataRole.UserRole


class BackupDialog(QDialog):
    open_library = Signal(object)  # Path of a restored library the user wants to open
    busy_changed = Signal(bool)

    def __init__(self, facade: Facade, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("backup_dialog")
        self.setWindowTitle(self.tr("Backups"))
        self.facade, self.tasks = facade, tasks
        self.task: Task | None = None

        self.folder = QLabel(self)
        self.folder.setObjectName("backup_folder")
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        change = QPushButton(self.tr("&Change folder…"), self)
        change.clicked.connect(self.choose_folder)
        top = QHBoxLayout()
        top.addWidget(self.folder, 1)
        top.addWidget(change)

        self.snapshots = QListWidget(self)
        self.snapshots.setObjectName("snapshots")
        self.snapshots.currentRowChanged.connect(lambda _r: self._update_buttons())

        self.status = QLabel(self)
        self.status.setObjectName("backup_status")
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)

        self.button_backup = QPushButton(self.tr("&Back up now"), self)
        self.button_backup.setObjectName("button_backup")
        self.button_backup.clicked.connect(self.back_up_now)
        self.button_verify = QPushButton(self.tr("&Verify"), self)
        self.button_verify.setObjectName("button_verify")
        self.button_verify.setToolTip(self.tr("Check every file of the chosen backup against its hash"))
        self.button_verify.clicked.connect(self.verify_selected)
        self.button_restore = QPushButton(self.tr("&Restore into a new folder…"), self)
        self.button_restore.setObjectName("button_restore")
        self.button_restore.setToolTip(self.tr("Make a new library from the chosen backup; the "
                                               "current library is not touched"))
        self.button_restore.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for b in (self.button_backup, self.button_verify, self.button_restore):
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Snapshots, newest first:"), self))
        layout.addWidget(self.snapshots, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        self.resize(640, 440)
        self.reload()

    # ------------------------------------------------------------ state

    @property
    def dest(self) -> Path:
        return self.facade.read(backup.backup_dir)

    def reload(self) -> None:
        dest = self.dest
        self.folder.setText(self.tr("Backups go to: %1").replace("%1", str(dest)))
        self.snapshots.clear()
        for snap in reversed(backup.snapshots(dest)):
            try:
                manifest = backup.read_manifest(snap)
                files = len(manifest.get("files", []))
                when = local_time(manifest.get("created_at", "").replace("Z", ""))
            except (OSError, ValueError):
                files, when = 0, snap.name
            text = self.tr("%1 — %n scan(s)", "", files).replace("%1", when)
            item = QListWidgetItem(text, self.snapshots)
            item.setData(_PATH, str(snap))
        if self.snapshots.count():
            self.snapshots.setCurrentRow(0)
        else:
            self.status.setText(self.tr("There is no backup yet."))
        self._update_buttons()

    def selected(self) -> Path | None:
        item = self.snapshots.currentItem()
        return Path(item.data(_PATH)) if item else None

    def _update_buttons(self) -> None:
        idle = self.task is None
        self.button_backup.setEnabled(idle)
        self.button_verify.setEnabled(idle and self.selected() is not None)
        self.button_restore.setEnabled(idle and self.selected() is not None)

    def _run(self, fn, *args, on_done) -> Task:
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.task = self.tasks.start(fn, *args, on_finished=on_done, on_failed=self._failed,
                                     on_done=self._finished)
        self._update_buttons()
        self.busy_changed.emit(True)
        return self.task

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(_message(exc))

    def _finished(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self._update_buttons()
        self.busy_changed.emit(False)

    # ------------------------------------------------------------ actions

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the backup folder"),
                                                  str(self.dest.parent))
        if folder:
            self.facade.read(backup.set_backup_dir, folder)
            self.reload()

    def back_up_now(self) -> Task:
        self.status.setText(self.tr("Backing up…"))
        return self._run(backup_and_prune, self.facade.lib, self.dest, on_done=self._backed_up)

    def _backed_up(self, result: backup.BackupResult) -> None:
        self.reload()
        text = self.tr("Backed up: %n scan(s), %1 new.", "", result.files).replace(
            "%1", str(result.new_files))
        if result.missing:
            text += " " + self.tr("%n scan(s) were missing from the library: run Tools › Check "
                                  "library….", "", len(result.missing))
        self.status.setText(text)

    def verify_selected(self) -> Task | None:
        snap = self.selected()
        if snap is None:
            return None
        self.status.setText(self.tr("Verifying…"))
        return self._run(backup.verify, snap, on_done=self._verified)

    def _verified(self, problems: list) -> None:
        if not problems:
            self.status.setText(self.tr("The backup is sound: every file matches its hash."))
        else:
            self.status.setText(self.tr("The backup is damaged: %n problem(s), for example %1.",
                                        "", len(problems)).replace("%1", problems[0].path))

    def restore_selected(self, target: str | Path | None = None) -> Task | None:
        snap = self.selected()
        if snap is None:
            return None
        if target is None:
            target = QFileDialog.getExistingDirectory(
                self, self.tr("Choose an empty folder for the restored library"),
                str(self.facade.lib.path.parent) if self.facade.lib else "")
            if not target:
                return None
        self.status.setText(self.tr("Restoring…"))
        return self._run(backup.restore, snap, Path(target), on_done=self._restored)

    def _restored(self, path: Path) -> None:
        self.status.setText(self.tr("Restored into %1.").replace("%1", str(path)))
        answer = QMessageBox.question(
            self, self.tr("Restored"),
            self.tr("The backup was restored into a new library:\n%1\n\nOpen it now?").replace(
                "%1", str(path)))
        if answer == QMessageBox.StandardButton.Yes:
            self.open_library.emit(path)
            self.accept()
