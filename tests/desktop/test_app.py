"""Starting the app: first run creates the default library (and offers the demo); later runs open
the last library; library settings are stored in the library."""
from __future__ import annotations

import base64

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

from db import settings
from db.library import is_library
from desktop import app as app_module
from desktop.library_settings import LibrarySettingsDialog, logo_from_text
from desktop.main_window import MainWindow
from tests.desktop.shell_helpers import STAND_INS, use_temp_settings


@pytest.fixture
def window(qtbot):
    win = MainWindow(editor_classes=STAND_INS)
    qtbot.addWidget(win)
    yield win
    win.close()


def test_first_run_creates_the_default_library_and_offers_the_demo(window, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    assert app_module.start(window)
    assert is_library(tmp_path / "default library")
    assert window.facade.lib.path == tmp_path / "default library"
    try:
        from db import demo  # noqa: F401
    except ImportError:
        assert asked == []
    else:
        assert len(asked) == 1 and "demo" in asked[0]


def test_later_runs_open_the_last_library(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    other = tmp_path / "other"
    assert window.open_library_path(other, create=True)
    window.facade.close()
    second = MainWindow(editor_classes=STAND_INS)
    qtbot.addWidget(second)
    assert app_module.start(second)
    assert second.facade.lib.path == other
    second.close()


def test_a_library_that_cannot_open_at_start_shows_a_message(window, tmp_path, monkeypatch):
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "records.db").write_bytes(b"this is not a database" * 100)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    assert not app_module.start(window, damaged)
    assert shown and "damaged" in shown[0]
    assert window.facade.lib is None
    assert not window.action_new_event.isEnabled()


def test_library_settings_keep_the_institution_name_and_logo(qtbot, window, tmp_path):
    window.open_library_path(tmp_path / "lib", create=True)
    dialog = LibrarySettingsDialog(window.facade, window)
    qtbot.addWidget(dialog)
    dialog.name_zh.setText("无锡科技职业学院")
    dialog.name_en.setText("WIST")
    image = QImage(2000, 1000, QImage.Format.Format_RGB32)
    image.fill(QColor("darkblue"))
    logo = tmp_path / "logo.png"
    image.save(str(logo))
    assert dialog.load_logo(str(logo))
    dialog.accept()
    lib = window.facade.lib
    assert settings.get(lib, settings.INSTITUTION_NAME_ZH) == "无锡科技职业学院"
    assert settings.get(lib, settings.INSTITUTION_NAME_EN) == "WIST"
    stored = logo_from_text(settings.get(lib, settings.INSTITUTION_LOGO))
    assert (stored.width(), stored.height()) == (512, 256)
    base64.b64decode(settings.get(lib, settings.INSTITUTION_LOGO))


def test_a_file_that_is_not_an_image_is_refused_with_a_message(qtbot, window, tmp_path, monkeypatch):
    window.open_library_path(tmp_path / "lib", create=True)
    dialog = LibrarySettingsDialog(window.facade, window)
    qtbot.addWidget(dialog)
    bad = tmp_path / "logo.png"
    bad.write_bytes(b"not a png")
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    assert not dialog.load_logo(str(bad))
    assert warned
