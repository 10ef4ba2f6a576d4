"""The window a clerk lives in: sections (events, certificates, people, organisations) · a list
with a search box · the editor of the chosen record. Every action is in a menu with a shortcut."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox, QSplitter,
    QStackedWidget, QStyle, QToolBar, QWidget,
)

from db import errors, records
from db.library import is_library, open_library
from desktop import prefs
from desktop.editors.labels import ui_lang
from desktop.facade import Facade, spec_of
from desktop.list_panel import RecordListPanel
from desktop.tasks import TaskRunner

KINDS = ("event", "certificate", "person", "organisation")


def _editor_classes() -> dict:
    try:
        from desktop.editors import EDITOR_CLASSES
    except ImportError:
        return {}
    return EDITOR_CLASSES


class MainWindow(QMainWindow):
    library_changed = Signal()

    def __init__(self, facade: Facade | None = None, *, editor_classes: dict | None = None):
        super().__init__()
        self.setObjectName("main_window")
        self.facade = facade or Facade(self)
        self.tasks = TaskRunner(self)
        from desktop.auto_backup import AutoBackup
        self.auto_backup = AutoBackup(self, self.facade, self.tasks)
        from desktop.library_health import LibraryHealth
        self.health = LibraryHealth(self, self.tasks)
        self.health.restored.connect(self.open_library_path)
        self.facade.damaged.connect(self.health.report_damage)
        self.facade.library_closed.connect(self.health.forget)
        self._editor_classes = editor_classes
        self.editors: dict[str, QWidget] = {}
        self._shown: tuple[str, int | None] | None = None  # kind and id in the editor

        self.sections = QListWidget(self)
        self.sections.setObjectName("sections")
        self.sections.setIconSize(QSize(20, 20))
        icons = {"event": QStyle.StandardPixmap.SP_FileDialogDetailedView,
                 "certificate": QStyle.StandardPixmap.SP_DialogApplyButton,
                 "person": QStyle.StandardPixmap.SP_DirHomeIcon,
                 "organisation": QStyle.StandardPixmap.SP_DirIcon}
        for kind, title in zip(KINDS, self._section_titles()):
            item = QListWidgetItem(self.style().standardIcon(icons[kind]), title)
            self.sections.addItem(item)
        self.sections.setMinimumWidth(120)

        self.lists = QStackedWidget(self)
        self.panels: dict[str, RecordListPanel] = {}
        for kind in KINDS:
            panel = RecordListPanel(self.facade, kind, self.lists)
            panel.record_chosen.connect(lambda rid, k=kind: self._on_record_chosen(k, rid))
            self.panels[kind] = panel
            self.lists.addWidget(panel)

        self.editor_area = QStackedWidget(self)
        self.editor_area.setObjectName("editor_area")
        self.empty_page = QLabel(self)
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_page.setWordWrap(True)
        self.empty_page.setMargin(24)
        self.editor_area.addWidget(self.empty_page)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.sections)
        self.splitter.addWidget(self.lists)
        self.splitter.addWidget(self.editor_area)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setSizes([140, 560, 700])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self._build_actions()
        self._build_menus()
        self._limit_delete_to_lists()
        self.sections.currentRowChanged.connect(self._on_section)
        self.sections.setCurrentRow(0)
        self.facade.library_opened.connect(lambda _lib: self._on_library())
        self.facade.library_closed.connect(self._on_library)
        self._on_library()
        from desktop.sheet.print_actions import SummaryPrinting
        self.summary_printing = SummaryPrinting(self)  # wires action_print (Ctrl+P)
        self.resize(1280, 800)
        self.restore_window_state()

    # ------------------------------------------------------------ actions and menus

    def _action(self, name: str, text: str, slot, shortcuts=(), icon=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if tip:
            action.setStatusTip(tip)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        ks = QKeySequence.StandardKey
        self.action_new_library = self._action("action_new_library", self.tr("&New library…"),
                                               self.new_library_dialog)
        self.action_open_library = self._action("action_open_library", self.tr("&Open library…"),
                                                self.open_library_dialog, [ks.Open],
                                                sp.SP_DialogOpenButton)
        self.action_library_settings = self._action(
            "action_library_settings", self.tr("Library &settings…"), self.library_settings)
        self.action_quit = self._action("action_quit", self.tr("&Quit"), self.close, [ks.Quit])
        self.action_quit.setMenuRole(QAction.MenuRole.QuitRole)

        stack = self.facade.undo_stack
        # Own undo/redo actions (not createUndoAction, whose prefix is fixed): their text is
        # made again after a language switch.
        self.action_undo = QAction(self)
        self.action_undo.setObjectName("action_undo")
        self.action_undo.setShortcuts([QKeySequence(ks.Undo)])
        self.action_undo.triggered.connect(lambda _checked=False: stack.undo())
        self.action_redo = QAction(self)
        self.action_redo.setObjectName("action_redo")
        self.action_redo.triggered.connect(lambda _checked=False: stack.redo())
        stack.canUndoChanged.connect(self.action_undo.setEnabled)
        stack.canRedoChanged.connect(self.action_redo.setEnabled)
        stack.undoTextChanged.connect(lambda _text: self._show_undo_texts())
        stack.redoTextChanged.connect(lambda _text: self._show_undo_texts())
        self._show_undo_texts()
        redo_keys = [QKeySequence(ks.Redo), QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")]
        unique = []
        for key in redo_keys:
            if not key.isEmpty() and key not in unique:
                unique.append(key)
        self.action_redo.setShortcuts(unique)
        self.action_undo.setIcon(self.style().standardIcon(sp.SP_ArrowBack))
        self.action_redo.setIcon(self.style().standardIcon(sp.SP_ArrowForward))
        self.action_undo.triggered.connect(self._after_undo_redo)
        self.action_redo.triggered.connect(self._after_undo_redo)
        self.addAction(self.action_undo)
        self.addAction(self.action_redo)
        self.action_delete = self._action("action_delete", self.tr("&Delete"), self.delete_current,
                                          [ks.Delete], sp.SP_TrashIcon,
                                          self.tr("Move the record to the trash"))
        self.action_find = self._action("action_find", self.tr("&Find"), self.focus_search, [ks.Find])

        self.action_new_event = self._action("action_new_event", self.tr("New &event"),
                                             lambda: self.new_record("event"), [ks.New],
                                             sp.SP_FileIcon)
        self.action_new_certificate = self._action(
            "action_new_certificate", self.tr("New &certificate"), lambda: self.new_record("certificate"))
        self.action_new_person = self._action("action_new_person", self.tr("New &person"),
                                              lambda: self.new_record("person"))
        self.action_new_organisation = self._action(
            "action_new_organisation", self.tr("New &organisation"),
            lambda: self.new_record("organisation"))
        self.action_save = self._action("action_save", self.tr("&Save"), self.save_current,
                                        [ks.Save], sp.SP_DialogSaveButton)
        self.action_revert = self._action("action_revert", self.tr("Re&vert"), self.revert_current,
                                          (), sp.SP_DialogResetButton)
        # Wired by the summary sheet: Ctrl+P is reserved for it.
        self.action_print = self._action("action_print", self.tr("&Print summary sheet…"), None,
                                         [ks.Print])
        self.action_print.setEnabled(False)
        self.action_trash = self._action("action_trash", self.tr("&Trash…"), self.show_trash,
                                         (), sp.SP_TrashIcon)
        self.action_history = self._action("action_history", self.tr("Show &history"),
                                           self.show_history, ["Ctrl+Shift+H"])
        self.action_backups = self._action("action_backups", self.tr("&Backups…"), self.show_backups)
        self.action_check = self._action("action_check", self.tr("&Check library…"), self.show_check)
        self.action_scan_inbox = self._action("action_scan_inbox", self.tr("Scan &inbox…"),
                                              self.show_scan_inbox, ["Ctrl+Shift+I"])

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.action_new_library)
        file_menu.addAction(self.action_open_library)
        self.recent_menu = file_menu.addMenu(self.tr("&Recent libraries"))
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addAction(self.action_library_settings)
        file_menu.addAction(self.action_print)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.action_undo)
        edit_menu.addAction(self.action_redo)
        edit_menu.addSeparator()
        edit_menu.addAction(self.action_delete)
        edit_menu.addSeparator()
        edit_menu.addAction(self.action_find)

        record_menu = bar.addMenu(self.tr("&Record"))
        for action in (self.action_new_event, self.action_new_certificate, self.action_new_person,
                       self.action_new_organisation):
            record_menu.addAction(action)
        record_menu.addSeparator()
        record_menu.addAction(self.action_save)
        record_menu.addAction(self.action_revert)

        record_menu.addSeparator()
        record_menu.addAction(self.action_history)

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.action_trash)
        from desktop import language
        view_menu.addSeparator()
        self.action_both_languages = language.both_languages_action(self)
        view_menu.addAction(self.action_both_languages)
        view_menu.addMenu(language.language_menu(self))

        tools_menu = bar.addMenu(self.tr("&Tools"))
        tools_menu.addAction(self.action_backups)
        tools_menu.addAction(self.action_check)
        tools_menu.addAction(self.action_scan_inbox)

        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(18, 18))
        for action in (self.action_new_event, self.action_save, self.action_revert, None,
                       self.action_undo, self.action_redo, None, self.action_delete,
                       self.action_trash, self.action_print):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)
        self.addToolBar(toolbar)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        current = self.facade.lib.path if self.facade.lib else None
        paths = [p for p in prefs.recent_libraries() if p != current]
        for path in paths:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_library_path(p))
        if not paths:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _limit_delete_to_lists(self) -> None:
        """The Delete key trashes the list's record only while the focus is in a list: in an
        editor it belongs to the field or table there (a character, an attendee, a scan)."""
        self.removeAction(self.action_delete)
        self.action_delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for panel in self.panels.values():
            panel.view.addAction(self.action_delete)

    def _section_titles(self) -> list[str]:
        return [self.tr("Events"), self.tr("Certificates"), self.tr("People"), self.tr("Organisations")]

    # ------------------------------------------------------------ libraries

    def open_library_path(self, path: Path | str, *, create: bool = False) -> bool:
        """Open (or create) the library in `path` instead of the current one. A library that
        cannot be opened gets a clear message (and the offer to open another), never a traceback."""
        path = Path(path)
        if not self.confirm_leave():
            return False
        if self.facade.lib is not None and self.facade.lib.path == path.expanduser().absolute():
            return True
        try:
            lib = open_library(path, create=create)
        except errors.CannotOpen as exc:
            if not self.health.offer_restore(path.expanduser().absolute(), exc):
                self.show_open_error(exc)
            return False
        self.show_empty()
        self.facade.open(lib)
        prefs.remember_library(lib.path)
        self.health.check_in_background(lib)
        self.health.warn_about_location(lib)
        return True

    def show_open_error(self, exc: errors.CannotOpen) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot open the library"),
                          exc.message(ui_lang()), QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("open_error")
        other = box.addButton(self.tr("Open another library…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(other)
        box.exec()
        if box.clickedButton() is other:
            self.open_library_dialog()

    def open_library_dialog(self) -> bool:
        start = str(self.facade.lib.path.parent) if self.facade.lib else ""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a library folder"), start)
        if not folder:
            return False
        if not is_library(Path(folder)):
            QMessageBox.warning(self, self.tr("Open library"),
                                errors.CannotOpen("not_a_library", path=folder).message(ui_lang()))
            return False
        return self.open_library_path(folder)

    def new_library_dialog(self) -> bool:
        start = str(self.facade.lib.path.parent) if self.facade.lib else ""
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose an empty folder for the new library"), start)
        if not folder:
            return False
        return self.open_library_path(folder, create=True)

    def library_settings(self) -> None:
        if self.facade.lib is None:
            return
        from desktop.library_settings import LibrarySettingsDialog
        LibrarySettingsDialog(self.facade, self).exec()

    def _on_library(self) -> None:
        lib = self.facade.lib
        has = lib is not None
        for action in (self.action_library_settings, self.action_delete, self.action_new_event,
                       self.action_new_certificate, self.action_new_person,
                       self.action_new_organisation, self.action_trash, self.action_find,
                       self.action_history, self.action_backups, self.action_check,
                       self.action_scan_inbox):
            action.setEnabled(has)
        self.lists.setEnabled(has)
        self.sections.setEnabled(has)
        self._show_title()
        self.show_empty()
        self.library_changed.emit()

    def _show_undo_texts(self) -> None:
        stack = self.facade.undo_stack
        self.action_undo.setText(" ".join(t for t in (self.tr("&Undo"), stack.undoText()) if t))
        self.action_redo.setText(" ".join(t for t in (self.tr("&Redo"), stack.redoText()) if t))
        self.action_undo.setEnabled(stack.canUndo())
        self.action_redo.setEnabled(stack.canRedo())

    def _show_title(self) -> None:
        lib = self.facade.lib
        title = self.tr("Cooperation Records")
        self.setWindowTitle(f"{lib.path.name} [*] — {title}" if lib is not None else title)

    def retranslate(self) -> None:
        """After a language switch (desktop.language): the window title and the undo/redo
        actions, built at run time (an undo step keeps the text it was made with). The editor
        keeps its record and unsaved values."""
        self._show_title()
        self._show_undo_texts()

    # ------------------------------------------------------------ sections and records

    @property
    def current_kind(self) -> str:
        return KINDS[max(self.sections.currentRow(), 0)]

    @property
    def current_panel(self) -> RecordListPanel:
        return self.panels[self.current_kind]

    def show_section(self, kind: str) -> None:
        self.sections.setCurrentRow(KINDS.index(kind))

    def _on_section(self, row: int) -> None:
        if row < 0:
            return
        self.lists.setCurrentIndex(row)

    def editor(self, kind: str) -> QWidget | None:
        """The editor of `kind`, made on first use (None when the editors are not available)."""
        if kind not in self.editors:
            classes = self._editor_classes if self._editor_classes is not None else _editor_classes()
            cls = classes.get(kind)
            if cls is None:
                return None
            editor = cls(self.facade, self.editor_area)
            editor.dirty_changed.connect(self._on_dirty)
            editor.saved.connect(self._on_saved)
            editor.open_record.connect(self.show_record)
            if hasattr(editor, "new_certificate_requested"):
                editor.new_certificate_requested.connect(
                    lambda defaults: self.new_record("certificate", **defaults))
            self.editor_area.addWidget(editor)
            self.editors[kind] = editor
        return self.editors[kind]

    @property
    def current_editor(self):
        widget = self.editor_area.currentWidget()
        return widget if widget is not self.empty_page else None

    def confirm_leave(self) -> bool:
        """Before the editor shows something else: save, discard or stay. True to go on."""
        editor = self.current_editor
        if editor is None or not editor.is_dirty():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("This record has unsaved changes. Save them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return bool(editor.save())
        if answer == QMessageBox.StandardButton.Discard:
            editor.revert()
            return True
        return False

    def show_record(self, kind: str, record_id: int) -> bool:
        """Show one record in its section and editor (asking first about unsaved changes)."""
        if self._shown == (kind, record_id):
            return True
        if not self.confirm_leave():
            self._reselect_shown()
            return False
        self.show_section(kind)
        self.panels[kind].select_id(record_id)
        editor = self.editor(kind)
        if editor is None:
            self.show_empty(self.tr("No editor is available for this kind of record yet."))
            return False
        editor.load(record_id)
        self.editor_area.setCurrentWidget(editor)
        self._shown = (kind, record_id)
        self._on_dirty(editor.is_dirty())
        return True

    def new_record(self, kind: str, **defaults) -> bool:
        if self.facade.lib is None or not self.confirm_leave():
            return False
        self.show_section(kind)
        self.panels[kind].select_id(None)
        editor = self.editor(kind)
        if editor is None:
            self.show_empty(self.tr("No editor is available for this kind of record yet."))
            return False
        if defaults and hasattr(editor, "new"):
            editor.new(**defaults)
        else:
            editor.load(None)
        self.editor_area.setCurrentWidget(editor)
        self._shown = (kind, None)
        self._on_dirty(editor.is_dirty())
        if hasattr(editor, "focus_first"):
            editor.focus_first()  # the first field (the Chinese title), not the one after it
        else:
            editor.setFocus(Qt.FocusReason.ShortcutFocusReason)
            editor.focusNextChild()
        return True

    def show_empty(self, text: str | None = None) -> None:
        if text is None:
            text = (self.tr("Choose a record in the list, or create one with Record › New (Ctrl+N).")
                    if self.facade.lib is not None else
                    self.tr("No library is open. Use File › Open library… or File › New library…"))
        self.empty_page.setText(text)
        self.editor_area.setCurrentWidget(self.empty_page)
        self._shown = None
        self._on_dirty(False)

    def _on_record_chosen(self, kind: str, record_id: int) -> None:
        self.show_record(kind, record_id)

    def _reselect_shown(self) -> None:
        if self._shown is not None:
            kind, record_id = self._shown
            self.panels[kind].select_id(record_id)

    def _on_saved(self, kind: str, record_id: int) -> None:
        self._shown = (kind, record_id)
        if self.current_kind == kind:
            self.panels[kind].select_id(record_id)

    def _on_dirty(self, dirty: bool) -> None:
        self.setWindowModified(bool(dirty))
        has_editor = self.current_editor is not None
        self.action_save.setEnabled(has_editor)
        self.action_revert.setEnabled(has_editor and bool(dirty))

    def save_current(self) -> bool:
        editor = self.current_editor
        return bool(editor.save()) if editor is not None else False

    def revert_current(self) -> None:
        editor = self.current_editor
        if editor is not None:
            editor.revert()

    def focus_search(self) -> None:
        self.current_panel.focus_search()

    def delete_current(self) -> bool:
        """Move the selected record (or the one in the editor) to the trash; Ctrl+Z undoes it."""
        if self.facade.lib is None:
            return False
        kind = self.current_kind
        record_id = self.current_panel.selected_id
        if record_id is None and self._shown and self._shown[0] == kind:
            record_id = self._shown[1]
        if record_id is None:
            return False
        try:
            self.facade.delete(kind, record_id)
        except errors.LibraryError as exc:
            QMessageBox.warning(self, self.tr("Cannot delete"), exc.message(ui_lang()))
            return False
        if self._shown == (kind, record_id):
            editor = self.current_editor
            if editor is not None and editor.is_dirty():
                editor.revert()
            self.show_empty()
        self.current_panel.select_id(None)
        return True

    def _after_undo_redo(self) -> None:
        """After undo/redo, an editor whose record went to the trash shows nothing."""
        if not self._shown or self._shown[1] is None:
            return
        kind, record_id = self._shown
        editor = self.current_editor
        if editor is not None and editor.is_dirty():
            return
        try:
            record = self.facade.read(records.get, spec_of(kind), record_id)
        except errors.NotFound:
            record = None
        if record is None or record.deleted:
            self.show_empty()

    def show_scan_inbox(self):
        from desktop.scans.inbox import show_inbox
        return show_inbox(self)

    def show_trash(self) -> None:
        if self.facade.lib is None:
            return
        from desktop.trash_dialog import TrashDialog
        dialog = TrashDialog(self.facade, self)
        dialog.show_kind(self.current_kind)
        dialog.exec()

    def show_history(self) -> bool:
        """The history of the selected record (or the one in the editor)."""
        kind = self.current_kind
        record_id = self.current_panel.selected_id
        if record_id is None and self._shown and self._shown[0] == kind:
            record_id = self._shown[1]
        if self.facade.lib is None or record_id is None:
            return False
        from desktop.history_view import HistoryDialog
        record = self.facade.get(kind, record_id)
        title = getattr(record, "title", None) or getattr(record, "name", "")
        HistoryDialog(self.facade, kind, record_id, title, self).exec()
        return True

    def show_backups(self) -> None:
        if self.facade.lib is None:
            return
        from desktop.backup_dialog import BackupDialog
        dialog = BackupDialog(self.facade, self.tasks, self)
        dialog.open_library.connect(self.open_library_path)
        dialog.exec()

    def show_check(self) -> None:
        if self.facade.lib is None:
            return
        from desktop.check_dialog import CheckDialog
        dialog = CheckDialog(self.facade, self.tasks, self)
        dialog.run_check()
        dialog.exec()

    # ------------------------------------------------------------ window state

    def restore_window_state(self) -> None:
        store = prefs.settings()
        geometry = store.value("window/geometry")
        if geometry:
            self.restoreGeometry(geometry)
        state = store.value("window/state")
        if state:
            self.restoreState(state)
        splitter = store.value("window/splitter")
        if splitter:
            self.splitter.restoreState(splitter)
        for kind, panel in self.panels.items():
            panel.restore_state(store.value(f"lists/{kind}/header"))
        section = store.value("window/section")
        if section in KINDS:
            self.show_section(section)

    def save_window_state(self) -> None:
        store = prefs.settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        store.setValue("window/splitter", self.splitter.saveState())
        store.setValue("window/section", self.current_kind)
        for kind, panel in self.panels.items():
            store.setValue(f"lists/{kind}/header", panel.save_state())
        store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_leave():
            event.ignore()
            return
        self.auto_backup.before_close()
        self.save_window_state()
        self.facade.close()
        event.accept()
