"""Scans in the window, driven like a clerk: drop files on a record, paste a picture, a batch with
bad files, a duplicate, the viewer (rotate, pages), the scan inbox."""
from __future__ import annotations

import hashlib
import shutil

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from db import attachments, filestore, settings
from desktop.facade import Facade
from desktop.scans.strip import AttachmentStrip
from tests.fixtures import corpus


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return corpus.build(tmp_path_factory.mktemp("corpus"))


@pytest.fixture
def cert(facade):
    return facade.create("certificate", {"title_en": "Training Base licence", "title_zh": "培训基地证书"})


@pytest.fixture
def strip(qtbot, facade, cert):
    s = AttachmentStrip(facade)
    qtbot.addWidget(s)
    s.resize(700, 260)
    s.set_owner("certificate", cert.id)
    s.show()
    qtbot.waitExposed(s)
    yield s
    s.tasks.wait()


def names(facade, cert):
    return [a.original_name for a in facade.read(attachments.for_owner, "certificate", cert.id)]


def drop(strip, paths=(), mime=None) -> None:
    """Send a drop of file URLs the way Qt delivers one from the file manager: enter, drop."""
    if mime is None:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(strip.view.rect().center())
    action = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos.toPoint(), action, mime, buttons, mods)
    QApplication.sendEvent(strip, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(strip, QDropEvent(pos, action, mime, buttons, mods))


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # QDragEnterEvent takes a QPoint
def test_drop_of_file_urls_attaches_the_files(qtbot, strip, facade, cert, files):
    with qtbot.waitSignal(strip.batch_finished, timeout=10000):
        drop(strip, [files["jpeg"], files["pdf"], files["tiff_multipage"]])
    assert names(facade, cert) == ["scan.jpg", "two-pages.pdf", "three-pages.tif"]
    qtbot.waitUntil(lambda: strip.model.rowCount() == 3 and strip.model.all_loaded())
    assert strip.messages() == []
    # the thumbnails are real pictures, and adding is one undoable step
    assert all(r.image is not None and not r.image.isNull() for r in strip.model.rows)
    facade.undo_stack.undo()
    assert names(facade, cert) == []
    assert strip.model.rowCount() == 0
    facade.undo_stack.redo()
    assert names(facade, cert) == ["scan.jpg", "two-pages.pdf", "three-pages.tif"]


def test_paste_of_an_image_from_the_clipboard(qtbot, strip, facade, cert):
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    QGuiApplication.clipboard().setImage(image)
    strip.view.setFocus()
    with qtbot.waitSignal(strip.batch_finished, timeout=10000):
        qtbot.keyClick(strip.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    (att,) = facade.read(attachments.for_owner, "certificate", cert.id)
    assert att.original_name.startswith("pasted-") and att.original_name.endswith(".png")
    assert (att.media_type, att.width, att.height) == ("image/png", 120, 80)


def test_batch_with_bad_files_names_each_and_attaches_the_rest(qtbot, strip, facade, cert, files, tmp_path):
    empty = tmp_path / "blank-scan.jpg"
    empty.write_bytes(b"")
    text = tmp_path / "minutes.jpg"
    text.write_text("Minutes of the meeting, not a picture at all.\n" * 20)
    batch = [files["jpeg"], empty, files["png_alpha"], text, files["webp"]]
    with qtbot.waitSignal(strip.batch_finished, timeout=10000) as blocker:
        strip.add_paths(batch)
    assert names(facade, cert) == ["scan.jpg", "plaque.png", "photo.webp"]
    lines = strip.messages()
    assert len(lines) == 2
    assert "blank-scan.jpg" in lines[0] and "empty" in lines[0]
    assert "minutes.jpg" in lines[1] and "not a picture" in lines[1]
    assert strip.notice.isVisible() and "minutes.jpg" in strip.notice.text()
    assert len(blocker.args[0].rejected) == 2
    # nothing partial: three files stored, no temp file, no orphan
    lib = facade.lib
    stored = [p for p in lib.files_dir.rglob("*") if p.is_file()]
    assert len(stored) == 3
    assert filestore.orphans(lib) == []


def test_duplicate_says_so(qtbot, strip, facade, cert, files, tmp_path):
    with qtbot.waitSignal(strip.batch_finished, timeout=10000):
        strip.add_paths([files["jpeg"]])
    assert strip.messages() == []
    with qtbot.waitSignal(strip.batch_finished, timeout=10000):
        strip.add_paths([files["jpeg"]])
    assert names(facade, cert) == ["scan.jpg"]
    assert strip.messages() == ["scan.jpg: this file is already attached to this record."]
    # the same bytes on another record: linked, stored once
    other = facade.create("certificate", {"title_en": "Membership"})
    copy = tmp_path / "copy-of-scan.jpg"
    shutil.copyfile(files["jpeg"], copy)
    strip.set_owner("certificate", other.id)
    with qtbot.waitSignal(strip.batch_finished, timeout=10000):
        strip.add_paths([copy])
    assert strip.messages() == ["copy-of-scan.jpg: the same file is already in the library; "
                                "it is linked here, not stored twice."]
    assert len([p for p in facade.lib.files_dir.rglob("*") if p.is_file()]) == 1


def test_record_with_many_scans_opens_at_once_and_fills_in(qtbot, facade, cert, files):
    lib = facade.lib
    for key in ("jpeg", "png_alpha", "pdf", "tiff_multipage", "webp", "bmp"):
        attachments.add(lib, files[key], owner_kind="certificate", owner_id=cert.id)
    # drop the cached thumbnails: they are made again in the background and cached
    with lib.atomic():
        lib.conn.execute("DELETE FROM thumbnails")
    strip = AttachmentStrip(facade)
    qtbot.addWidget(strip)
    with qtbot.waitSignal(strip.thumbnails_loaded, timeout=10000):
        strip.set_owner("certificate", cert.id)
        assert strip.model.rowCount() == 6
        assert strip.model.pending()  # placeholders first
    assert strip.model.all_loaded()
    assert lib.conn.execute("SELECT count(*) FROM thumbnails").fetchone()[0] == 6
    strip.tasks.wait()


def test_rotate_and_remove_from_the_strip_are_undoable(qtbot, strip, facade, cert, files):
    with qtbot.waitSignal(strip.batch_finished, timeout=10000):
        strip.add_paths([files["jpeg"]])
    strip.view.setCurrentIndex(strip.model.index(0))
    strip.action_rotate_right.trigger()
    att = facade.read(attachments.for_owner, "certificate", cert.id)[0]
    assert att.rotation == 90 and strip.model.rows[0].rotation == 90
    strip.view.setFocus()
    qtbot.keyClick(strip.view, Qt.Key.Key_Delete)
    assert names(facade, cert) == []
    facade.undo_stack.undo()
    assert names(facade, cert) == ["scan.jpg"]


def test_save_a_copy_keeps_the_bytes(qtbot, strip, facade, cert, files, tmp_path):
    from desktop.scans import actions

    with qtbot.waitSignal(strip.batch_finished, timeout=10000):
        strip.add_paths([files["chinese_name"]])
    att = facade.read(attachments.for_owner, "certificate", cert.id)[0]
    dest = actions.save_copy(facade, strip, att, str(tmp_path / att.original_name))
    assert dest.read_bytes() == files["chinese_name"].read_bytes()
    assert actions.viewing_copy_name(att) == "证书.jpg"


# ---------------------------------------------------------------- viewer


def open_viewer(qtbot, facade, att):
    from desktop.scans.viewer import ScanViewer

    viewer = ScanViewer(facade, att.id)
    qtbot.addWidget(viewer)
    with qtbot.waitSignal(viewer.page_shown, timeout=10000):
        viewer.show()
    return viewer


def test_viewer_rotation_is_metadata_only(qtbot, facade, cert, files):
    att = facade.read(attachments.add, files["jpeg"], owner_kind="certificate", owner_id=cert.id).attachment
    stored = facade.read(attachments.file_path, att)
    before = hashlib.sha256(stored.read_bytes()).hexdigest()
    viewer = open_viewer(qtbot, facade, att)
    viewer.action_rotate_right.trigger()
    viewer.action_rotate_right.trigger()
    viewer.action_rotate_left.trigger()
    assert facade.read(attachments.get, att.id).rotation == 90
    assert viewer.item.rotation() == 90
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == before == att.sha256
    facade.undo_stack.undo()
    assert facade.read(attachments.get, att.id).rotation == 180
    viewer.tasks.wait()


def test_viewer_pages_of_a_multipage_tiff(qtbot, facade, cert, files):
    att = facade.read(attachments.add, files["tiff_multipage"], owner_kind="certificate",
                      owner_id=cert.id).attachment
    viewer = open_viewer(qtbot, facade, att)
    assert viewer.page_text() == "Page 1 of 3"
    assert not viewer.action_previous.isEnabled()
    viewer.view.setFocus()
    with qtbot.waitSignal(viewer.page_shown, timeout=10000) as shown:
        qtbot.keyClick(viewer.view, Qt.Key.Key_PageDown)
    assert shown.args == [1]
    assert viewer.page_text() == "Page 2 of 3"
    assert not viewer.item.pixmap().isNull()
    viewer.tasks.wait()


def test_viewer_zoom_fit_and_caption(qtbot, facade, cert, files):
    att = facade.read(attachments.add, files["pdf"], owner_kind="certificate", owner_id=cert.id).attachment
    viewer = open_viewer(qtbot, facade, att)
    fitted = viewer.zoom()
    viewer.action_zoom_in.trigger()
    assert viewer.zoom() == pytest.approx(fitted * 1.25)
    viewer.action_actual.trigger()
    assert viewer.zoom() == pytest.approx(1.0)
    viewer.action_fit.trigger()
    assert viewer.zoom() == pytest.approx(fitted)
    viewer.caption.setText("Licence, page 1 and 2")
    viewer.caption.editingFinished.emit()
    assert facade.read(attachments.get, att.id).caption == "Licence, page 1 and 2"
    viewer.tasks.wait()


def test_models_pass_the_model_tester(qtmodeltester, qtbot, strip, files):
    with qtbot.waitSignal(strip.batch_finished, timeout=10000):
        strip.add_paths([files["jpeg"], files["pdf"]])
    qtbot.waitUntil(strip.model.all_loaded)
    qtmodeltester.check(strip.model)


# ---------------------------------------------------------------- scan inbox


@pytest.fixture
def inbox(qtbot, facade, tmp_path):
    from desktop.scans.inbox import SCAN_INBOX, InboxDialog

    folder = tmp_path / "inbox"
    folder.mkdir()
    facade.read(settings.set, SCAN_INBOX, str(folder))
    dialog = InboxDialog(facade)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    dialog.tasks.wait()


def test_inbox_lists_a_new_file_and_files_it(qtbot, facade, cert, files, inbox, qtmodeltester):
    assert inbox.paths() == []
    arrived = inbox.folder / "scan0001.jpg"
    shutil.copyfile(files["jpeg"], inbox.folder / ".scan0002.jpg.part")  # still being written
    with qtbot.waitSignal(inbox.listed, timeout=10000):
        shutil.copyfile(files["jpeg"], arrived)  # the watcher sees it
    assert inbox.paths() == [arrived]
    qtbot.waitUntil(inbox.model.all_loaded)
    assert inbox.model.rows[0].image is not None
    qtmodeltester.check(inbox.model)
    inbox.select_record("certificate", cert.id)
    with qtbot.waitSignal(inbox.filed, timeout=10000):
        qtbot.mouseClick(inbox.file_button, Qt.MouseButton.LeftButton)
    assert names(facade, cert) == ["scan0001.jpg"]
    assert not arrived.exists()
    assert inbox.paths() == []
    assert inbox.messages() == ["1 scan(s) filed."]


def test_inbox_keeps_a_rejected_file_and_says_why(qtbot, facade, cert, inbox, tmp_path):
    bad = inbox.folder / "half-written.pdf"
    bad.write_bytes(b"%PDF-1.7\n garbage")
    inbox.rescan()
    inbox.select_record("certificate", cert.id)
    with qtbot.waitSignal(inbox.filed, timeout=10000):
        inbox.file_selected()
    assert names(facade, cert) == []
    assert bad.exists() and inbox.paths() == [bad]
    (line,) = inbox.messages()
    assert "half-written.pdf" in line


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # QDragEnterEvent takes a QPoint
def test_drag_from_the_inbox_onto_a_strip_files_it(qtbot, facade, cert, files, inbox, strip):
    arrived = inbox.folder / "plaque-photo.png"
    shutil.copyfile(files["png_alpha"], arrived)
    inbox.rescan()
    mime = inbox.model.mimeData([inbox.model.index(0)])
    with qtbot.waitSignal(strip.batch_finished, timeout=10000):
        drop(strip, mime=mime)
    assert names(facade, cert) == ["plaque-photo.png"]
    assert not arrived.exists()
    qtbot.waitUntil(lambda: inbox.paths() == [])


def test_the_inbox_folder_is_a_library_setting_and_the_window_opens_it(qtbot, facade, tmp_path):
    from desktop.library_settings import LibrarySettingsDialog
    from desktop.main_window import MainWindow
    from desktop.scans.inbox import SCAN_INBOX, InboxDialog
    from tests.desktop.shell_helpers import use_temp_settings

    use_temp_settings(tmp_path)
    folder = tmp_path / "scanner"
    folder.mkdir()
    dialog = LibrarySettingsDialog(facade)
    qtbot.addWidget(dialog)
    dialog.scan_inbox.setText(str(folder))
    dialog.accept()
    assert facade.read(settings.get, SCAN_INBOX) == str(folder)
    window = MainWindow(facade, editor_classes={})
    qtbot.addWidget(window)
    window._on_library()
    assert window.action_scan_inbox.isEnabled()
    window.action_scan_inbox.trigger()
    inbox = window._scan_inbox
    assert isinstance(inbox, InboxDialog) and inbox.isVisible() and inbox.folder == folder
    inbox.close()


def test_a_big_batch_shows_progress_and_cancel_stops_between_files(qtbot, strip, facade, cert, files):
    batch = [files[k] for k in ("jpeg", "png_alpha", "webp", "bmp", "tiff_lzw")]
    with qtbot.waitSignal(strip.batch_finished, timeout=10000) as finished:
        with facade.db_lock:  # the worker waits at its first file until cancel is pressed
            assert strip.add_paths(batch)
            assert strip.progress.isVisible() and strip.cancel_button.isVisible()
            qtbot.waitUntil(lambda: "scan.jpg" in strip.progress.format())
            qtbot.mouseClick(strip.cancel_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].cancelled
    assert names(facade, cert) == ["scan.jpg"]  # the file under way went in; none after it
    assert strip.messages() == ["Cancelled: 1 file(s) were attached before you stopped."]
    assert not strip.progress.isVisible()
