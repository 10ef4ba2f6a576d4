"""The never-lose-a-record pieces of the window: backup on close, Tools › Backups… (back up,
verify, restore into a new folder), Tools › Check library… (report, repair) and a record's history."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from db import backup, organisations, records
from desktop.backup_dialog import BackupDialog
from desktop.check_dialog import CheckDialog
from desktop.history_view import HistoryDialog, HistoryModel
from tests.desktop.shell_helpers import STAND_INS, shown_window

SHOTS = os.environ.get("COOPREC_SHOTS")  # a folder to save screenshots into, when set


def _shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture
def window(qtbot, lib_path):
    yield from shown_window(qtbot, lib_path, editor_classes=STAND_INS)


def _org(window, name="Sino-German Alliance"):
    return window.facade.create("organisation", {"name_en": name})


def test_closing_the_window_backs_up_what_changed(qtbot, window, lib_path):
    _org(window)
    dest = backup.default_dir(lib_path)
    assert backup.latest(dest) is None
    window.close()
    assert window.facade.lib is None
    snap = backup.latest(dest)
    assert snap is not None and backup.verify(snap) == []


def test_nothing_changed_since_the_last_backup_means_no_new_snapshot(qtbot, window, lib_path):
    _org(window)
    window.facade.read(backup.backup)
    window.close()
    assert len(backup.snapshots(backup.default_dir(lib_path))) == 1


def test_backup_dialog_backs_up_verifies_and_restores(qtbot, window, tmp_path, monkeypatch):
    _org(window)
    dialog = BackupDialog(window.facade, window.tasks, window)
    qtbot.addWidget(dialog)
    assert "no backup yet" in dialog.status.text()
    dialog.back_up_now()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert dialog.snapshots.count() == 1 and "Backed up" in dialog.status.text()
    dialog.verify_selected()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert "sound" in dialog.status.text()
    dialog.show()
    _shot(dialog, "backup_dialog")

    opened = []
    dialog.open_library.connect(opened.append)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    target = tmp_path / "restored"
    dialog.restore_selected(target)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert opened == [target] and (target / "records.db").is_file()
    # Restoring onto the open library is refused and said plainly.
    dialog.restore_selected(window.facade.lib.path)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert "not empty" in dialog.status.text()


def test_check_dialog_reports_and_repairs(qtbot, window):
    lib = window.facade.lib
    stray = lib.files_dir / "ab" / ("ab" + "1" * 62)
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(b"left over")
    dialog = CheckDialog(window.facade, window.tasks, window)
    qtbot.addWidget(dialog)
    dialog.run_check()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    texts = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any("belong to no record" in t and "Repair deletes them" in t for t in texts)
    assert any("no backup" in t for t in texts)
    assert dialog.button_repair.isEnabled()
    dialog.show()
    _shot(dialog, "check_dialog")
    dialog.run_repair()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert not stray.exists()
    assert "1 orphan file(s) removed" in dialog.summary.text()


def test_history_of_the_selected_record(qtbot, window, monkeypatch, qtmodeltester):
    org = _org(window, "Chamber of Commerce")
    window.facade.update("organisation", org.id, {"name_en": "China Chamber of Commerce",
                                                  "country": "China"})
    window.show_section("organisation")
    window.panels["organisation"].select_id(org.id)
    shown = []
    monkeypatch.setattr(HistoryDialog, "exec", lambda d: shown.append(d) or 0)
    window.action_history.trigger()
    dialog = shown[0]
    assert "China Chamber of Commerce" in dialog.windowTitle()
    model = dialog.model
    qtmodeltester.check(model)
    rows = [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]
    assert rows[0][2] == "created" and rows[0][5] == "Chamber of Commerce"
    assert ["changed", "English name", "Chamber of Commerce", "China Chamber of Commerce"] in [
        r[2:] for r in rows]
    assert all(r[1] for r in rows)  # who
    dialog.show()
    _shot(dialog, "history_dialog")


def test_history_model_on_no_rows(qtmodeltester):
    qtmodeltester.check(HistoryModel([]))


def test_tools_menu_holds_backups_and_check(window):
    menus = {m.text().replace("&", ""): m.menu() for m in window.menuBar().actions()}
    names = [a.objectName() for a in menus["Tools"].actions()]
    assert names[:2] == ["action_backups", "action_check"]  # then the scan inbox
    assert window.action_history.shortcut().toString() == "Ctrl+Shift+H"
