"""Chinese and English throughout: the catalogue is complete, every text a clerk can see in the
running app is Chinese when the language is, the language switches without losing unsaved work,
names and titles follow the language, pinyin finds and sorts people and organisations."""
from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QComboBox, QGroupBox, QLabel, QLineEdit, QListWidget, QMenu,
    QPlainTextEdit, QTableView, QTabWidget, QTextEdit, QTreeView, QWidget,
)

from db import attachments, dates, demo, organisations, people, records
from db.library import open_library
from desktop import i18n, language, prefs
from desktop.facade import spec_of
from tests.desktop.editor_helpers import type_text
from tests.desktop.shell_helpers import use_temp_settings

ROOT = Path(__file__).resolve().parents[2]
ZH_TS = ROOT / "resources" / "translations" / "cooperation_records_zh_CN.ts"
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Texts that stay as they are in Chinese: names of languages, paper, file types, keys, units.
ALLOWED = ("English", "简体中文", "PDF", "A4", "Letter", "Ctrl", "Shift", "Del", "Esc", "OK",
           "png", "jpg", "jpeg", "bmp", "gif", "webp", "tif", "tiff", "heic", "heif", "pdf")


# ---------------------------------------------------------------- the catalogue

def _messages(path: Path):
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        for m in ctx.iter("message"):
            yield ctx.find("name").text, m


def test_the_chinese_catalogue_is_complete_and_current(tmp_path):
    """Every string of the source is in the committed .ts, translated, and the .qm is its
    compilation: lupdate over the source adds nothing unfinished and drops nothing."""
    fresh = tmp_path / ZH_TS.name
    shutil.copy(ZH_TS, fresh)
    files = [str(p.relative_to(ROOT)) for p in i18n.sources()]
    subprocess.run([i18n._tool("pyside6-lupdate"), *files, "-source-language", "en",
                    "-target-language", "zh_CN", "-no-obsolete", "-locations", "none",
                    "-ts", str(fresh)], check=True, cwd=ROOT, capture_output=True)
    committed = {(c, m.findtext("source"), m.findtext("comment")) for c, m in _messages(ZH_TS)}
    current = {(c, m.findtext("source"), m.findtext("comment")) for c, m in _messages(fresh)}
    assert current - committed == set(), "new strings: run python -m desktop.i18n and translate"
    assert committed - current == set(), "strings no longer used: run python -m desktop.i18n"
    for context, m in _messages(fresh):
        tr = m.find("translation")
        texts = [f.text for f in tr.iter("numerusform")] if m.get("numerus") else [tr.text]
        where = (context, m.findtext("source"))
        assert tr.get("type") is None, f"unfinished or vanished: {where}"
        assert all(t and t.strip() for t in texts), f"empty: {where}"
        source = m.findtext("source")
        for t in texts:
            for mark in re.findall(r"%\d|%n", source):
                assert mark in t, f"{mark} lost in {where}"
            if re.search(r"&\w", source):
                assert re.search(r"&\w", t), f"the accelerator is lost in {where}"
    qm = tmp_path / "check.qm"
    subprocess.run([i18n._tool("pyside6-lrelease"), str(ZH_TS), "-qm", str(qm)], check=True,
                   capture_output=True)
    assert qm.read_bytes() == ZH_TS.with_suffix(".qm").read_bytes(), "run python -m desktop.i18n"


def test_qt_own_chinese_catalogue_ships_with_pyside():
    assert (Path(language.qt_translations_dir()) / "qtbase_zh_CN.qm").exists()


def test_summary_sheet_labels_cover_every_choice():
    from db import attendances, certificates, events
    from desktop.sheet.content import LABELS

    for prefix, values in (("kind", events.KINDS), ("org", events.ORGANISER_ROLES),
                           ("role", attendances.ROLES), ("cert", certificates.KINDS)):
        for value in values:
            en, zh = LABELS[f"{prefix}.{value}"]
            assert en and CJK.search(zh)
    source = (ROOT / "desktop" / "sheet" / "content.py").read_text(encoding="utf-8")
    for key in re.findall(r"""label\(["']([\w.]+)["']""", source):
        assert key in LABELS


# ---------------------------------------------------------------- the running app

@pytest.fixture
def settings(tmp_path):
    use_temp_settings(tmp_path)
    prefs.set_language_choice("")
    prefs.set_both_languages(True)


@pytest.fixture
def lang(qapp, settings):
    """Set the language (the app's Translations) for a test; English again afterwards."""
    yield lambda code: language.install(qapp, code)
    language.install(qapp, "en")


@pytest.fixture
def demo_path(tmp_path):
    path = tmp_path / "demo"
    with open_library(path, create=True) as lib:
        demo.load(lib)
    return path


def _close(windows) -> None:
    for w in windows:
        editor = w.current_editor
        if editor is not None and editor.is_dirty():
            editor.revert()  # no "unsaved changes" question at close, even after a failure
        w.close()
        w.deleteLater()


@pytest.fixture
def window(qtbot, lang, demo_path):
    from desktop.main_window import MainWindow
    made = []

    def make(code: str):
        lang(code)
        w = MainWindow()
        made.append(w)
        assert w.open_library_path(demo_path)
        w.show()
        return w
    yield make
    _close(made)


def _data_strings(facade) -> list[str]:
    """Every text the library holds: names, titles, places, notes, file names."""
    out = {str(facade.lib.path), facade.lib.path.name}
    for kind in ("event", "certificate", "person", "organisation"):
        for rec in facade.read(records.list_page, spec_of(kind), limit=500).items:
            out.update(v for v in vars(rec).values() if isinstance(v, str) and v)
            for att in facade.read(attachments.for_owner, kind, rec.id) if kind != "organisation" else []:
                out.update(v for v in (att.original_name, att.caption) if v)
    return sorted(out, key=len, reverse=True)


def _english(text: str, data: list[str]) -> bool:
    """Whether a visible text is (partly) English that should have been translated."""
    text = re.sub(r"<[^>]+>", " ", text).replace("&&", "").replace("&", "")
    if CJK.search(text):
        return False
    for value in data:
        if len(value) > 1:
            text = text.replace(value, " ")
    for word in ALLOWED:
        text = re.sub(rf"\b{re.escape(word)}\b", " ", text)
    text = re.sub(r"\S*[/\\]\S*|\S+\.\w{2,4}\b|\S+@\S+", " ", text)  # paths, files, e-mail
    return bool(re.search(r"[A-Za-z]{2,}", text))


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every text of a window a clerk can see or hover: titles, labels,
    buttons, group boxes, menus and actions, tooltips, placeholders, combo items, tabs, list
    items and table headers. Cell contents are data and left out."""
    found = []

    def add(where, text):
        if text:
            found.append((where, text))

    def action_texts(where, action):
        add(f"{where}/action", action.text())
        add(f"{where}/tip", action.toolTip())
        add(f"{where}/status", action.statusTip())
        if action.menu() is not None:
            for sub in action.menu().actions():
                action_texts(f"{where}/{action.text()}", sub)

    for w in [root, *root.findChildren(QWidget)]:
        where = f"{type(w).__name__}:{w.objectName()}"
        if w.isWindow():
            add(where, w.windowTitle())
        add(f"{where}/tooltip", w.toolTip())
        add(f"{where}/status", w.statusTip())
        if isinstance(w, (QLabel, QAbstractButton)):
            add(where, w.text())
        if isinstance(w, QGroupBox):
            add(where, w.title())
        if isinstance(w, QMenu):
            add(where, w.title())
        if isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit)):
            add(f"{where}/placeholder", w.placeholderText())
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                add(f"{where}/item", w.itemText(i))
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(f"{where}/tab", w.tabText(i))
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                add(f"{where}/item", w.item(i).text())
        if isinstance(w, (QTableView, QTreeView)) and w.model() is not None:
            model = w.model()
            header = w.horizontalHeader() if isinstance(w, QTableView) else w.header()
            for c in range(header.count()):
                add(f"{where}/header", model.headerData(c, Qt.Orientation.Horizontal))
        for action in w.actions():
            action_texts(where, action)
    return found


def untranslated(root: QWidget, data: list[str]) -> list[tuple[str, str]]:
    return [(where, text) for where, text in visible_texts(root) if _english(str(text), data)]


def _every_window(qtbot, w):
    """Open every editor and dialog of the main window in turn; yield each to be walked."""
    from desktop.backup_dialog import BackupDialog
    from desktop.check_dialog import CheckDialog
    from desktop.history_view import HistoryDialog
    from desktop.library_settings import LibrarySettingsDialog
    from desktop.scans.inbox import show_inbox
    from desktop.scans.viewer import ScanViewer
    from desktop.sheet.print_actions import SummaryDialog
    from desktop.trash_dialog import TrashDialog

    yield "main window", w
    facade = w.facade
    scan = None
    for kind in ("event", "certificate", "person", "organisation"):
        items = facade.read(records.list_page, spec_of(kind), limit=50).items
        rich = max(items, key=lambda r: len(vars(r)))  # any record of the kind
        assert w.show_record(kind, rich.id)
        yield f"{kind} editor", w
        if kind != "organisation" and scan is None:
            found = facade.read(attachments.for_owner, kind, rich.id)
            scan = found[0] if found else None
    # A new record that cannot be saved: the library's message, in the clerk's language.
    w.new_record("event")
    assert not w.current_editor.save()
    yield "event editor with an error", w
    errors = [w.current_editor.error_text(f) for f in ("title_zh", "title_en", None)]
    assert any(CJK.search(e) for e in errors)
    w.current_editor.revert()

    person = facade.read(records.list_page, spec_of("person"), limit=1).items[0]
    facade.delete("person", person.id)
    dialogs = [TrashDialog(facade, w), BackupDialog(facade, w.tasks, w),
               HistoryDialog(facade, "person", person.id, person.name_en or "", w),
               LibrarySettingsDialog(facade, w), SummaryDialog(w, lang="zh")]
    if scan is not None:
        dialogs.append(ScanViewer(facade, scan.id, w))
    check = CheckDialog(facade, w.tasks, w)
    with qtbot.waitSignal(check.run_check().done, timeout=20000):
        pass
    dialogs.append(check)
    dialogs.append(show_inbox(w))
    for dialog in dialogs:
        dialog.show()
        yield type(dialog).__name__, dialog
        dialog.close()
    facade.undo_stack.undo()


def test_every_visible_text_is_chinese_when_the_language_is(qtbot, window):
    w = window("zh")
    assert QLocale().language() == QLocale.Language.Chinese
    data = _data_strings(w.facade)
    walked, missed = 0, []
    for name, top in _every_window(qtbot, w):
        texts = visible_texts(top)
        walked += len(texts)
        missed += [(name, *t) for t in untranslated(top, data)]
    assert walked > 300
    assert missed == []


def test_the_walk_sees_english_when_the_language_is_english(qtbot, window):
    """The check above can fail: in English it finds the texts it looks at."""
    w = window("en")
    missed = untranslated(w, _data_strings(w.facade))
    assert len(missed) > 30
    assert any(text == "&File" for _where, text in missed)


def test_qt_own_dialog_buttons_are_chinese(qtbot, lang):
    from PySide6.QtWidgets import QDialogButtonBox

    lang("zh")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {b.text() for b in box.buttons()}
    assert texts == {"确定", "取消"}


# ---------------------------------------------------------------- switching

def _menu_titles(w) -> list[str]:
    return [a.text() for a in w.menuBar().actions()]


def test_switching_the_language_keeps_unsaved_work(qtbot, window):
    w = window("en")
    first = w.facade.read(records.list_page, spec_of("event"), limit=1).items[0]
    conference = w.facade.update("event", first.id, {"title_zh": "职业教育大会"})
    assert w.show_record("event", conference.id)
    editor = w.current_editor
    field = editor._fields["notes"]
    field.setFocus()
    type_text(qtbot, field, "Met the 校长 after lunch")
    assert editor.is_dirty() and w.isWindowModified()
    heading_en = editor.heading.text()
    assert _menu_titles(w)[0] == "&File"

    language_menu = w.findChild(QMenu, "language_menu")
    language_menu.actions()[2].trigger()  # 简体中文
    assert prefs.language_choice() == "zh" and language.of().lang == "zh"
    assert _menu_titles(w) == ["文件(&F)", "编辑(&E)", "记录(&R)", "查看(&V)", "工具(&T)"]
    assert w.current_editor is editor and editor.record_id == conference.id
    assert "Met the 校长 after lunch" in field.value()
    assert editor.is_dirty() and w.isWindowModified()
    assert editor.heading.text().startswith(conference.title_zh) and editor.heading.text() != heading_en
    panel = w.panels["event"]
    assert panel.model.headerData(0, Qt.Orientation.Horizontal) == "标题"
    assert panel.search_box.placeholderText().startswith("搜索活动")
    assert panel.count_label.text().startswith("共")
    assert w.sections.item(0).text() == "活动"
    # An undo step keeps the text it was made with; the action's own word follows the language.
    assert w.action_undo.text().startswith("撤销(&U)")
    steps = {w.action_undo.text(), w.action_redo.text()}
    assert [t for t in untranslated(w, _data_strings(w.facade)) if t[1] not in steps] == []

    language_menu.actions()[1].trigger()  # English
    assert _menu_titles(w)[0] == "&File" and w.sections.item(0).text() == "Events"
    assert panel.model.headerData(0, Qt.Orientation.Horizontal) == "Title"
    assert "Met the 校长 after lunch" in field.value() and editor.is_dirty()
    assert editor.save()
    assert "校长" in w.facade.get("event", conference.id).notes


def test_system_default_follows_the_system_locale(settings, monkeypatch):
    monkeypatch.delenv("COOPREC_LANG", raising=False)
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert prefs.language_choice() == "" and prefs.language() == "zh"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert prefs.language() == "en"
    prefs.set_language_choice("zh")
    assert prefs.language() == "zh"


# ---------------------------------------------------------------- bilingual records

def test_names_show_in_the_preferred_language_first_or_alone(qtbot, window):
    w = window("zh")
    panel = w.panels["organisation"]  # the demo's public bodies have official Chinese names

    def rows():
        return [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]

    both = [r for r in rows() if " · " in r]
    assert both and all(CJK.search(r.split(" · ")[0]) for r in both)
    english_only = [r for r in rows() if not CJK.search(r)]

    w.action_both_languages.setChecked(False)
    assert not prefs.both_languages()
    assert not any(" · " in r for r in rows())
    assert {r.split(" · ")[0] for r in both} <= set(rows())
    assert set(english_only) <= set(rows())  # the other language stands in when one is missing

    language.switch("en")
    w.action_both_languages.setChecked(True)
    both = [r for r in rows() if " · " in r]
    assert both and all(not CJK.search(r.split(" · ")[0]) for r in both)


# ---------------------------------------------------------------- pinyin

@pytest.fixture
def names_lib(tmp_path, settings, lang):
    lang("zh")
    path = tmp_path / "names"
    with open_library(path, create=True) as lib:
        org = organisations.create(lib, name_zh="湖南省职业教育学会", name_en="Hunan Vocational Education Society")
        for zh, en in (("莫晓金", None), ("吕蕊", "Lu Rui"), (None, "Anna Schmidt"), ("张伟", None),
                       (None, "Zoe Martin"), ("阿里", None), (None, "Bernd Weber")):
            people.create(lib, name_zh=zh, name_en=en, organisation_id=org.id)
    return path


@pytest.fixture
def names_window(qtbot, names_lib, lang):
    from desktop.main_window import MainWindow
    w = MainWindow()
    assert w.open_library_path(names_lib)
    w.show_section("person")
    yield w
    _close([w])


def _search(qtbot, panel, text):
    panel.search_box.clear()
    with qtbot.waitSignal(panel.searched, timeout=3000):
        type_text(qtbot, panel.search_box, text)
    return [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]


@pytest.mark.parametrize("query", ["moxiaojin", "mo xiaojin", "mxj", "MoXiaoJin", "xiaojin"])
def test_the_search_box_finds_a_person_by_pinyin(qtbot, names_window, query):
    panel = names_window.panels["person"]
    assert _search(qtbot, panel, query) == ["莫晓金"]


def test_the_search_box_mixes_pinyin_and_english(qtbot, names_window):
    panel = names_window.panels["person"]
    assert _search(qtbot, panel, "lurui") == ["吕蕊 · Lu Rui"]
    assert _search(qtbot, panel, "Lu Rui") == ["吕蕊 · Lu Rui"]
    assert _search(qtbot, panel, "schmidt") == ["Anna Schmidt"]
    org_panel = names_window.panels["organisation"]
    assert _search(qtbot, org_panel, "hnszyjyxh") == ["湖南省职业教育学会 · Hunan Vocational Education Society"]


@pytest.mark.parametrize("query", ["mxj", "moxiaojin", "mo xiaojin"])
def test_the_person_picker_finds_by_pinyin(qtbot, names_window, query):
    from desktop.editors.picker import RecordPicker

    picker = RecordPicker(names_window.facade, "person")
    qtbot.addWidget(picker)
    picker.refresh(query)
    assert [name for name, _id in picker.suggestions()] == ["莫晓金"]


def test_the_organisation_picker_finds_by_initials(qtbot, names_window):
    from desktop.editors.picker import RecordPicker

    picker = RecordPicker(names_window.facade, "organisation")
    qtbot.addWidget(picker)
    picker.refresh("hnszy")
    assert [name for name, _id in picker.suggestions()] == [
        "湖南省职业教育学会 · Hunan Vocational Education Society"]


def test_the_list_sorts_chinese_names_by_pinyin_among_english_ones(qtbot, names_window):
    model = names_window.panels["person"].model
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    # ā li, Anna, Bernd, Lǚ Ruì, Mò Xiǎojīn, Zhāng Wěi, Zoe
    assert names == ["阿里", "Anna Schmidt", "Bernd Weber", "吕蕊 · Lu Rui", "莫晓金", "张伟",
                     "Zoe Martin"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == names[::-1]


# ---------------------------------------------------------------- locale formats

def test_dates_and_counts_follow_the_language(qtbot, window):
    w = window("zh")
    panel = w.panels["event"]
    events = w.facade.read(records.list_page, spec_of("event"), limit=50).items
    shown = {panel.model.index(r, 2).data() for r in range(panel.model.rowCount())}
    assert {dates.format_range(e.start_date, e.end_date, "zh") for e in events} == shown
    assert any("年" in s for s in shown)
    assert panel.count_label.text() == f"共 {len(events)} 条"
    language.switch("en")
    shown = {panel.model.index(r, 2).data() for r in range(panel.model.rowCount())}
    assert {dates.format_range(e.start_date, e.end_date, "en") for e in events} == shown
    assert not any("年" in s for s in shown)
    assert QLocale().toString(12345) == "12,345"
    assert dates.format_date("2023-08-15", "zh") == "2023年8月15日"
    assert dates.format_date("2023-08-15", "en") == "15 August 2023"
    assert dates.format_date("2023-08", "zh") == "2023年8月"


def test_translate_records_where_each_text_came_from(qapp, lang):
    lang("zh")
    recorder = language.of().recorder
    text = QCoreApplication.translate("Choices", "Organiser", "organiser role")
    assert text == "主办单位" and ("Choices", "Organiser", "organiser role") in recorder.origins[text]
    assert QCoreApplication.translate("Choices", "Organiser", "attendee role") != text
