"""Tools › Check library…: runs db.check in the background and lists each problem in plain words
with what to do; "Repair" applies the safe fixes (db.check.repair) and checks again."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QProgressBar, QPushButton,
    QStyle, QVBoxLayout, QWidget,
)

from db import check
from desktop.auto_backup import _message
from desktop.editors.labels import ui_lang
from desktop.facade import Facade
from desktop.tasks import Task, TaskRunner


class CheckDialog(QDialog):
    def __init__(self, facade: Facade, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("check_dialog")
        self.setWindowTitle(self.tr("Check library"))
        self.facade, self.tasks = facade, tasks
        self.task: Task | None = None
        self.report: check.CheckReport | None = None

        self.summary = QLabel(self)
        self.summary.setObjectName("check_summary")
        self.summary.setWordWrap(True)
        self.problems = QListWidget(self)
        self.problems.setObjectName("check_problems")
        self.problems.setWordWrap(True)
        self.problems.setAlternatingRowColors(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.button_again = QPushButton(self.tr("Check &again"), self)
        self.button_again.clicked.connect(self.run_check)
        self.button_repair = QPushButton(self.tr("&Repair"), self)
        self.button_repair.setObjectName("button_repair")
        self.button_repair.setToolTip(self.tr("Fix what can be fixed without losing anything"))
        self.button_repair.clicked.connect(self.run_repair)
        self.button_repair.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.button_again, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.button_repair, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        self.resize(720, 440)

    def _start(self, fn, text: str, on_done) -> Task:
        self.summary.setText(text)
        self.progress.setVisible(True)
        self.button_again.setEnabled(False)
        self.button_repair.setEnabled(False)
        self.task = self.tasks.start(  # under the connection lock
            self.facade.read, fn, on_finished=on_done, on_failed=self._failed, on_done=self._done)
        return self.task

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(_message(exc))

    def _done(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.button_again.setEnabled(True)
        self.button_repair.setEnabled(bool(self.report and any(p.repairable for p in self.report.problems)))

    def run_check(self) -> Task:
        return self._start(check.run, self.tr("Checking the library…"), self.show_report)

    def run_repair(self) -> Task:
        return self._start(check.repair, self.tr("Repairing…"), self._repaired)

    def _repaired(self, result: check.RepairReport) -> None:
        self.show_report(result.after)
        done = self.tr("Repaired: %1 orphan file(s) removed, %2 scan(s) put back from the backup.")
        done = done.replace("%1", str(result.orphans_removed)).replace("%2", str(result.scans_restored))
        if result.search_rebuilt:
            done += " " + self.tr("Search index rebuilt.")
        self.summary.setText(done + "\n" + self.summary.text())

    def show_report(self, report: check.CheckReport) -> None:
        self.report = report
        self.problems.clear()
        lang = ui_lang()
        style = self.style()
        errors = sum(p.severity == check.ERROR for p in report.problems)
        if not report.problems:
            self.summary.setText(self.tr("No problems found: the database, every scan and the "
                                         "backups are in order."))
        elif errors:
            self.summary.setText(self.tr("%n problem(s) need attention.", "", errors))
        else:
            self.summary.setText(self.tr("No damage found; %n remark(s):", "", len(report.problems)))
        for p in report.problems:
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical
                                      if p.severity == check.ERROR
                                      else QStyle.StandardPixmap.SP_MessageBoxWarning)
            text = p.message(lang)
            if p.fix_text(lang):
                text += "\n→ " + p.fix_text(lang)
            QListWidgetItem(icon, text, self.problems)
