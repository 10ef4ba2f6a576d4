"""A damaged library is offered its latest backup, restored into a new folder; a big library's
quick_check runs in the background after it opens and reports damage."""
from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QMessageBox

from db import backup, events
from db import library as library_mod
from db.library import open_library
from desktop.main_window import MainWindow
from tests.desktop.shell_helpers import STAND_INS


@pytest.fixture
def window(qtbot):
    win = MainWindow(editor_classes=STAND_INS)
    qtbot.addWidget(win)
    yield win
    win.tasks.wait()
    win.close()


def _library_with_backup(path):
    lib = open_library(path, create=True)
    for i in range(300):
        events.create(lib, title_en=f"Event {i}", notes="n" * 400)
    backup.backup(lib)
    lib.close()


def _damage(path):
    with open(path / "records.db", "r+b") as fh:
        fh.seek(4096 * 6)
        fh.write(os.urandom(4096 * 4))


def test_a_damaged_library_is_offered_its_latest_backup_in_a_new_folder(qtbot, window, tmp_path, monkeypatch):
    lib_path = tmp_path / "office"
    _library_with_backup(lib_path)
    _damage(lib_path)
    damaged_bytes = (lib_path / "records.db").read_bytes()
    questions = []
    monkeypatch.setattr(window.health, "ask", lambda q: questions.append(q) or True)
    with qtbot.waitSignal(window.health.restored, timeout=30000) as restored:
        assert not window.open_library_path(lib_path)
    new_path = restored.args[0]
    assert questions and "damaged" in questions[0] and str(new_path) in questions[0]
    qtbot.waitUntil(lambda: window.facade.lib is not None, timeout=10000)
    assert window.facade.lib.path == new_path and new_path != lib_path
    assert events.count(window.facade.lib) == 300
    assert (lib_path / "records.db").read_bytes() == damaged_bytes  # left as it was


def test_declining_the_restore_shows_the_plain_message(window, tmp_path, monkeypatch):
    lib_path = tmp_path / "office"
    _library_with_backup(lib_path)
    _damage(lib_path)
    monkeypatch.setattr(window.health, "ask", lambda q: False)
    shown = []
    monkeypatch.setattr(window, "show_open_error", lambda exc: shown.append(exc.code))
    assert not window.open_library_path(lib_path)
    assert shown == ["damaged"] and window.facade.lib is None


def test_a_big_library_is_checked_in_the_background_after_opening(qtbot, window, tmp_path, monkeypatch):
    lib_path = tmp_path / "big"
    _library_with_backup(lib_path)
    _damage(lib_path)
    monkeypatch.setattr(library_mod, "QUICK_CHECK_ON_OPEN_MAX_BYTES", 1024)
    monkeypatch.setattr(window.health, "ask", lambda q: False)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    try:
        with qtbot.waitSignal(window.health.checked, timeout=30000) as checked:
            opened = window.open_library_path(lib_path)
    except Exception:
        pytest.skip("the damage hit the schema, so open refused it already")
    if not opened:
        pytest.skip("the damage hit the schema, so open refused it already")
    assert checked.args[0]  # the problem text
    qtbot.waitUntil(lambda: bool(warned))
    assert len(warned) == 1 and "damaged" in warned[0]


def test_a_sound_big_library_passes_the_background_check(qtbot, window, tmp_path, monkeypatch):
    lib_path = tmp_path / "big"
    _library_with_backup(lib_path)
    monkeypatch.setattr(library_mod, "QUICK_CHECK_ON_OPEN_MAX_BYTES", 1024)
    with qtbot.waitSignal(window.health.checked, timeout=30000) as checked:
        assert window.open_library_path(lib_path)
    assert checked.args[0] is None


def test_a_library_in_a_cloud_synced_folder_opens_with_a_warning_once(qtbot, window, tmp_path, monkeypatch):
    synced = tmp_path / "Dropbox" / "office library"
    warned = []
    monkeypatch.setattr(window.health, "warn", lambda title, text: warned.append(text))
    assert window.open_library_path(synced, create=True)
    assert len(warned) == 1 and "cloud" in warned[0] and "backup folder" in warned[0]
    window.open_library_path(tmp_path / "plain", create=True)
    window.open_library_path(synced)
    assert len(warned) == 1  # once per folder in a session
