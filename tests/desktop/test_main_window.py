"""The main window drives the library like a clerk would: sections, search as you type, sort,
paging, delete to the trash and restore, undo/redo with the standard keys, libraries, state."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from db import attachments, records, trash
from db.library import open_library
from desktop.facade import spec_of
from desktop.main_window import MainWindow
from desktop.trash_dialog import TrashDialog
from tests.desktop.shell_helpers import STAND_INS, bulk_events, shown_window
from tests.fixtures import corpus

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, lib_path):
    yield from shown_window(qtbot, lib_path, editor_classes=STAND_INS)


def _titles(panel):
    model = panel.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _type_search(qtbot, panel, text):
    panel.search_box.clear()
    with qtbot.waitSignal(panel.searched, timeout=2000):
        if text.isascii():
            qtbot.keyClicks(panel.search_box, text)
        else:  # QTest cannot type CJK; an input method commits one character at a time
            for ch in text:
                panel.search_box.insert(ch)


def test_opens_on_the_library_and_switches_sections(window):
    assert window.facade.lib is not None
    assert window.windowTitle().startswith("library")
    for row, kind in enumerate(["event", "certificate", "person", "organisation"]):
        window.sections.setCurrentRow(row)
        assert window.lists.currentWidget() is window.panels[kind]
        assert window.current_kind == kind


def test_search_as_you_type_in_both_languages(qtbot, window):
    f = window.facade
    f.create("event", {"title_zh": "第二届职业教育证书大会", "title_en": "Second Skills Conference"})
    f.create("event", {"title_en": "Alliance founding ceremony"})
    panel = window.panels["event"]
    _type_search(qtbot, panel, "证书")
    assert _titles(panel) == ["Second Skills Conference · 第二届职业教育证书大会"]
    assert "1" in panel.count_label.text()
    _type_search(qtbot, panel, "alliance")
    assert _titles(panel) == ["Alliance founding ceremony"]
    with qtbot.waitSignal(panel.searched):
        qtbot.keyClick(panel.search_box, Qt.Key.Key_Escape)
    assert len(_titles(panel)) == 2


def test_find_shortcut_focuses_the_search_box(qtbot, window):
    window.sections.setCurrentRow(2)
    window.action_find.trigger()
    assert window.panels["person"].search_box.hasFocus()


def test_sorts_by_a_column_in_sql(window):
    for title in ("Beta", "Alpha", "Gamma"):
        window.facade.create("event", {"title_en": title})
    view = window.panels["event"].view
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _titles(window.panels["event"]) == ["Alpha", "Beta", "Gamma"]
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _titles(window.panels["event"]) == ["Gamma", "Beta", "Alpha"]
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # kind cannot sort: nothing moves
    assert _titles(window.panels["event"]) == ["Gamma", "Beta", "Alpha"]
    assert view.horizontalHeader().sortIndicatorSection() == 0


def test_scrolling_pages_through_more_than_500_records(qtbot, window):
    bulk_events(window.facade.lib, 520)
    window.facade.changed.emit("event")
    panel = window.panels["event"]
    assert panel.model.rowCount() == 200
    assert "520" in panel.count_label.text()

    def scrolled_to_end():
        panel.view.scrollToBottom()
        return panel.model.rowCount() == 520

    qtbot.waitUntil(scrolled_to_end, timeout=5000)


def test_choosing_a_row_opens_the_record_and_delete_moves_it_to_the_trash(qtbot, window):
    rec = window.facade.create("event", {"title_en": "To be deleted"})
    panel = window.panels["event"]
    panel.view.setFocus()
    panel.view.selectRow(0)
    assert window.current_editor.record_id == rec.id
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert records.get(window.facade.lib, spec_of("event"), rec.id).deleted
    assert panel.model.rowCount() == 0
    assert window.current_editor is None

    dialog = TrashDialog(window.facade, window)
    qtbot.addWidget(dialog)
    assert dialog.models["event"].rowCount() == 1
    assert dialog.select_record("event", rec.id)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert not records.get(window.facade.lib, spec_of("event"), rec.id).deleted
    assert dialog.models["event"].rowCount() == 0
    assert _titles(panel) == ["To be deleted"]
    window.action_undo.trigger()  # restoring is undoable
    assert panel.model.rowCount() == 0


def test_undo_and_redo_create_and_delete_with_the_standard_keys(qtbot, window):
    window.action_new_event.trigger()
    editor = window.current_editor
    qtbot.keyClicks(editor.name, "Skills conference")
    assert window.isWindowModified()
    qtbot.keyClick(editor.name, Qt.Key.Key_S, CTRL)
    panel = window.panels["event"]
    assert _titles(panel) == ["Skills conference"]
    assert panel.selected_id == editor.record_id
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL)  # undo the create
    assert _titles(panel) == []
    assert window.current_editor is None
    qtbot.keyClick(panel.view, Qt.Key.Key_Y, CTRL)  # redo it
    assert _titles(panel) == ["Skills conference"]
    panel.view.selectRow(0)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert _titles(panel) == []
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL)  # undo the delete
    assert _titles(panel) == ["Skills conference"]
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert _titles(panel) == []


def test_switching_records_with_unsaved_changes_asks(qtbot, window, monkeypatch):
    a = window.facade.create("person", {"name_en": "Ann"})
    b = window.facade.create("person", {"name_en": "Bob"})
    assert window.show_record("person", a.id)
    window.current_editor.name.setText("Ann Lee")
    answers = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    window.panels["person"].view.selectRow(window.panels["person"].model.row_of(b.id))
    assert window.current_editor.record_id == a.id  # stayed
    assert window.panels["person"].selected_id == a.id
    answers.append(QMessageBox.StandardButton.Save)
    assert window.show_record("person", b.id)
    assert window.facade.get("person", a.id).name_en == "Ann Lee"


def test_switching_libraries_through_the_file_menu(qtbot, window, tmp_path, monkeypatch):
    first = window.facade.lib.path
    window.facade.create("event", {"title_en": "In the first library"})
    other = tmp_path / "other"
    with open_library(other, create=True) as lib:
        records.create(lib, spec_of("event"), {"title_en": "In the other library"})
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(other))
    window.action_open_library.trigger()
    assert window.facade.lib.path == other
    assert _titles(window.panels["event"]) == ["In the other library"]
    window.recent_menu.aboutToShow.emit()
    recent = [a for a in window.recent_menu.actions() if a.text() == str(first)]
    assert recent
    recent[0].trigger()
    assert window.facade.lib.path == first
    assert _titles(window.panels["event"]) == ["In the first library"]


def test_a_locked_library_gets_a_clear_message(qtbot, window, tmp_path, monkeypatch):
    other = tmp_path / "busy"
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    holder = open_library(other, create=True)
    try:
        assert not window.open_library_path(other)
    finally:
        holder.close()
    assert len(shown) == 1
    assert "open elsewhere" in shown[0] and str(other) in shown[0]
    assert window.facade.lib is not None and window.facade.lib.path != other


def test_geometry_splitter_and_columns_persist(qtbot, lib_path):
    first = MainWindow(editor_classes=STAND_INS)
    qtbot.addWidget(first)
    first.open_library_path(lib_path, create=True)
    first.show()
    first.resize(760, 540)
    first.splitter.setSizes([120, 300, 340])
    first.panels["event"].view.setColumnWidth(0, 222)
    first.panels["event"].view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    sizes = first.splitter.sizes()
    first.close()
    second = MainWindow(editor_classes=STAND_INS)
    qtbot.addWidget(second)
    second.open_library_path(lib_path)
    second.show()
    assert (second.width(), second.height()) == (760, 540)
    assert second.splitter.sizes() == sizes
    assert second.panels["event"].view.columnWidth(0) == 222
    assert second.panels["event"].model.sort_order == Qt.SortOrder.DescendingOrder
    second.close()


def test_print_is_reserved_and_every_action_has_a_menu_entry(window):
    assert window.action_print.objectName() == "action_print"
    assert window.action_print.shortcut().toString() == "Ctrl+P"
    in_menus = {a for m in window.menuBar().actions() for a in m.menu().actions()}
    for action in (window.action_new_event, window.action_save, window.action_undo,
                   window.action_redo, window.action_delete, window.action_find,
                   window.action_trash, window.action_print):
        assert action in in_menus
    keys = {k.toString() for k in window.action_redo.shortcuts()}
    assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= keys


def _answer(monkeypatch, button=QMessageBox.StandardButton.Yes):
    """Answer the next confirmations with `button`; returns the texts asked and warned."""
    said = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _parent, _title, text, *a, **k: said.append(text) or button)
    for name in ("warning", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda _parent, _title, text, *a, **k: said.append(text))
    return said


@pytest.fixture
def trash_dialog(qtbot, window):
    dialog = TrashDialog(window.facade, window)
    qtbot.addWidget(dialog)
    return dialog


def test_delete_permanently_asks_and_a_live_reference_refuses(qtbot, window, trash_dialog,
                                                              monkeypatch):
    facade = window.facade
    gone = facade.create("event", {"title_en": "Erase me"})
    org = facade.create("organisation", {"name_en": "Still used"})
    facade.create("person", {"name_en": "Ann", "organisation_id": org.id})
    facade.delete("event", gone.id)
    facade.delete("organisation", org.id)
    dialog = trash_dialog

    said = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert dialog.select_record("event", gone.id)
    qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
    assert "Erase me" in said[0] and dialog.models["event"].rowCount() == 1

    said = _answer(monkeypatch)
    qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
    assert dialog.models["event"].rowCount() == 0
    assert facade.read(trash.count) == 1
    assert not window.action_undo.isEnabled()  # erasing cannot be undone

    assert dialog.select_record("organisation", org.id)
    qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
    assert "still used by 1 record" in said[-1]  # the library's refusal, shown
    assert dialog.models["organisation"].rowCount() == 1


def test_empty_trash_names_the_count_and_keeps_what_is_used(qtbot, window, trash_dialog,
                                                            monkeypatch):
    facade = window.facade
    for title in ("One", "Two"):
        facade.delete("event", facade.create("event", {"title_en": title}).id)
    org = facade.create("organisation", {"name_en": "Still used"})
    facade.create("person", {"name_en": "Ann", "organisation_id": org.id})
    facade.delete("organisation", org.id)
    said = _answer(monkeypatch)
    qtbot.mouseClick(trash_dialog.empty_button, Qt.MouseButton.LeftButton)
    assert "all 3 item(s)" in said[0]
    assert "1 item(s) stay" in said[1] and "Still used" in said[1]
    assert trash_dialog.models["event"].rowCount() == 0
    assert [i.id for i in facade.read(trash.list_trash)] == [org.id]


def test_trashed_scans_are_listed_and_restored_undoably(qtbot, window, trash_dialog):
    facade = window.facade
    event = facade.create("event", {"title_en": "Skills fair"})
    scan = facade.read(attachments.add, corpus.jpeg_bytes(corpus.picture()), owner_kind="event",
                       owner_id=event.id, original_name="licence.jpg").attachment
    facade.action("Remove scan", "attachment", lambda lib: attachments.delete(lib, scan.id),
                  lambda lib: attachments.restore(lib, scan.id))
    dialog = trash_dialog
    assert dialog.models["attachment"].rowCount() == 1
    assert dialog.select_record("attachment", scan.id)
    assert dialog.models["attachment"].index(0, 0).data() == "licence.jpg · Event: Skills fair"
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert facade.read(attachments.for_owner, "event", event.id)[0].id == scan.id
    assert dialog.models["attachment"].rowCount() == 0
    window.action_undo.trigger()
    assert facade.read(attachments.for_owner, "event", event.id) == []
    assert dialog.models["attachment"].rowCount() == 1
