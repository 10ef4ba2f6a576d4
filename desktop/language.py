"""The language of the interface: English (the source) or Simplified Chinese (ours and Qt's own
catalogues), chosen in View › Language (default: the system's) and switched while the app runs.

Switching keeps every window, dialog and editor as it is (typed, unsaved values included) and
translates the texts on screen in place. To know what a text on screen was, every translation goes
through one `RecordingTranslator` that remembers, for each text it handed out, its context and
source; after the switch each label, button, menu, action, tooltip, placeholder, combo item, tab,
list item and header is translated again from its source. Texts built at run time (counts, window
titles, list rows, headings) are made again by the `retranslate()` method of the object that shows
them, called after the texts on screen are done."""
from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import (
    QCoreApplication, QLibraryInfo, QLocale, QObject, Qt, QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QComboBox, QGroupBox, QLabel, QLineEdit,
    QListWidget, QMenu, QPlainTextEdit, QTableView, QTableWidget, QTabWidget, QTextEdit, QTreeView, QTreeWidget,
    QWidget,
)

from desktop import prefs

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
CATALOGUE = "cooperation_records"
LANGUAGES = ("en", "zh")
# The choices of View › Language: the setting's value and the name shown (each in its own language).
NATIVE_NAMES = {"en": "English", "zh": "简体中文"}

Origin = tuple[str, str, "str | None"]  # context, source, disambiguation


def qt_translations_dir() -> str:
    """Where PySide6 keeps Qt's own catalogues (qtbase_zh_CN.qm ships in the wheel)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def load_catalogues(lang: str, parent: QObject | None = None) -> list[QTranslator]:
    """Ours first, then Qt's own (dialog buttons, file dialogs, context menus); none for English."""
    if lang != "zh":
        return []
    found = []
    for name, folder in ((f"{CATALOGUE}_zh_CN", str(TRANSLATIONS)),
                         ("qtbase_zh_CN", qt_translations_dir())):
        translator = QTranslator(parent)
        if translator.load(name, folder):
            found.append(translator)
    return found


class RecordingTranslator(QTranslator):
    """Translates through the loaded catalogues and remembers where each handed-out text came
    from (text -> {(context, source, disambiguation)})."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.catalogues: list[QTranslator] = []
        self.origins: dict[str, set[Origin]] = {}

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        result = None
        for catalogue in self.catalogues:
            found = catalogue.translate(context, source, disambiguation, n)
            if found:
                result = found
                break
        if n == -1 and source:
            self.origins.setdefault(result or source, set()).add((context, source, disambiguation))
        return result  # None: Qt falls back to the source text


class Translations(QObject):
    """The application's language; a child of the QApplication (find it with `of(app)`)."""

    OBJECT_NAME = "translations"

    def __init__(self, app: QCoreApplication):
        super().__init__(app)
        self.setObjectName(self.OBJECT_NAME)
        self.recorder = RecordingTranslator(self)
        self.lang = ""

    def apply(self, lang: str) -> None:
        """Make `lang` ('en' or 'zh') the language of new and shown texts."""
        lang = "zh" if lang == "zh" else "en"
        if lang == self.lang:
            return
        first = not self.lang
        old_origins = self.recorder.origins
        self.lang = lang
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if lang == "zh"
                           else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        app = QCoreApplication.instance()
        app.removeTranslator(self.recorder)
        for old in self.recorder.catalogues:
            old.deleteLater()
        self.recorder.catalogues = load_catalogues(lang, self)
        self.recorder.origins = {}
        app.installTranslator(self.recorder)  # Qt's widgets retranslate on the LanguageChange
        if isinstance(app, QApplication):
            app.setApplicationDisplayName(QCoreApplication.translate("App", "Cooperation Records"))
            if not first:
                retranslate_all(old_origins)


def of(app: QCoreApplication | None = None) -> Translations | None:
    app = app or QCoreApplication.instance()
    return app.findChild(Translations, Translations.OBJECT_NAME) if app else None


def install(app: QCoreApplication, lang: str) -> Translations:
    """The application's Translations in `lang` (made on first call)."""
    translations = of(app) or Translations(app)
    translations.apply(lang)
    return translations


def switch(lang: str) -> None:
    """Set the language setting ('' = the system's) and apply it now."""
    prefs.set_language_choice(lang)
    install(QCoreApplication.instance(), prefs.language())


# ---------------------------------------------------------------- the texts on screen

def _class_names(obj: QObject) -> list[str]:
    names = []
    while obj is not None:
        names.extend(cls.__name__ for cls in type(obj).__mro__)
        obj = obj.parent()
    return names


def _is_qt_class(name: str) -> bool:
    return name.startswith("Q") and any(hasattr(m, name) for m in (QtCore, QtGui, QtWidgets))


def _again(text: str, origins: dict[str, set[Origin]], owner: QObject) -> str | None:
    """`text` translated again from the source it came from; None when it is not a known text."""
    if not text:
        return None
    found = origins.get(text)
    if not found:
        return None
    ours = {o for o in found if not _is_qt_class(o[0])}
    if ours:  # PySide's tr() also asks the Qt base classes' contexts: those are not sources
        found = ours | {o for o in found if o[1] not in {s for _c, s, _d in ours}}
    candidates = {o: QCoreApplication.translate(o[0], o[1], o[2]) for o in found}
    if len(set(candidates.values())) > 1:  # the same text from several sources: the owner's
        for name in _class_names(owner):
            for origin, result in candidates.items():
                if origin[0] == name:
                    return result
    return next(iter(candidates.values()))


def _redo(getter, setter, origins, owner) -> None:
    new = _again(getter(), origins, owner)
    if new is not None:
        setter(new)


def _retranslate_widget(w: QWidget, o: dict) -> None:
    _redo(w.windowTitle, w.setWindowTitle, o, w)
    _redo(w.toolTip, w.setToolTip, o, w)
    _redo(w.statusTip, w.setStatusTip, o, w)
    if isinstance(w, QLabel):
        _redo(w.text, w.setText, o, w)
    elif isinstance(w, QAbstractButton):
        _redo(w.text, w.setText, o, w)
    elif isinstance(w, QGroupBox):
        _redo(w.title, w.setTitle, o, w)
    elif isinstance(w, QMenu):
        _redo(w.title, w.setTitle, o, w)
    if isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit)):
        _redo(w.placeholderText, w.setPlaceholderText, o, w)
    if isinstance(w, QComboBox) and not w.isEditable():
        for i in range(w.count()):
            _redo(lambda i=i: w.itemText(i), lambda t, i=i: w.setItemText(i, t), o, w)
    elif isinstance(w, QComboBox) and w.lineEdit() is not None:
        _redo(w.lineEdit().placeholderText, w.lineEdit().setPlaceholderText, o, w)
    if isinstance(w, QTabWidget):
        for i in range(w.count()):
            _redo(lambda i=i: w.tabText(i), lambda t, i=i: w.setTabText(i, t), o, w)
    if isinstance(w, QListWidget):
        for i in range(w.count()):
            item = w.item(i)
            _redo(item.text, item.setText, o, w)
    if isinstance(w, QTableWidget):
        for c in range(w.columnCount()):
            item = w.horizontalHeaderItem(c)
            if item is not None:
                _redo(item.text, item.setText, o, w)
    if isinstance(w, QTreeWidget):
        head = w.headerItem()
        for c in range(w.columnCount()):
            _redo(lambda c=c: head.text(c), lambda t, c=c: head.setText(c, t), o, w)
    for action in w.actions():
        _retranslate_action(action, o)


def _retranslate_action(a: QAction, o: dict) -> None:
    owner = a.parent() or a
    _redo(a.text, a.setText, o, owner)
    _redo(a.statusTip, a.setStatusTip, o, owner)
    tip = a.toolTip()
    if tip != a.text().replace("&", ""):  # an own tooltip, not the one derived from the text
        _redo(lambda: tip, a.setToolTip, o, owner)


def retranslate_all(origins: dict[str, set[Origin]] | None = None) -> None:
    """Translate every text on screen again (from `origins`, the texts handed out in the old
    language), then let each object that builds texts at run time make them again."""
    widgets = QApplication.allWidgets()
    if origins:
        for w in widgets:
            _retranslate_widget(w, origins)
    for w in widgets:
        header = (w.horizontalHeader() if isinstance(w, QTableView)
                  else w.header() if isinstance(w, QTreeView) else None)
        if header is not None and w.model() is not None and header.count() > 0:
            w.model().headerDataChanged.emit(Qt.Orientation.Horizontal, 0, header.count() - 1)
    hooks = []
    for top in QApplication.topLevelWidgets():
        for obj in [top, *top.findChildren(QObject)]:
            hook = getattr(type(obj), "retranslate", None)
            if callable(hook) and obj not in hooks:
                hooks.append(obj)
    for obj in hooks:
        obj.retranslate()


# ---------------------------------------------------------------- View › Language

def language_menu(parent: QWidget) -> QMenu:
    """View › Language: System default, English, 简体中文 (each name in its own language)."""
    menu = QMenu(QCoreApplication.translate("Language", "&Language"), parent)
    menu.setObjectName("language_menu")
    group = QActionGroup(menu)
    choice = prefs.language_choice()
    entries = [("", QCoreApplication.translate("Language", "System default")),
               *((lang, NATIVE_NAMES[lang]) for lang in LANGUAGES)]
    for value, text in entries:
        action = QAction(text, menu)
        action.setObjectName(f"language_{value or 'system'}")
        action.setCheckable(True)
        action.setChecked(value == choice)
        action.triggered.connect(lambda _checked=False, v=value: switch(v))
        group.addAction(action)
        menu.addAction(action)
    return menu


def both_languages_action(parent: QWidget) -> QAction:
    """View › Show both languages: names and titles as '中文 · English' (preferred first), or
    only in the preferred language (the other when it is missing)."""
    action = QAction(QCoreApplication.translate("Language", "Show &both languages"), parent)
    action.setObjectName("action_both_languages")
    action.setCheckable(True)
    action.setChecked(prefs.both_languages())

    def toggled(on: bool) -> None:
        prefs.set_both_languages(on)
        retranslate_all()

    action.toggled.connect(toggled)
    return action
