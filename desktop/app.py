"""Starting the application: QApplication, translations, then the last library (or, on the first
run, the default one, created, with the offer of the demo records)."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from db.library import default_library_path, is_library
from desktop import language, prefs
from desktop.editors.labels import ui_lang
from desktop.language import Translations
from desktop.main_window import KINDS, MainWindow


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(prefs.ORGANISATION)
    app.setApplicationName(prefs.APPLICATION)
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Cooperation Records"))
    return app


def install_translators(app: QCoreApplication, lang: str) -> Translations:
    """Qt's own and our Chinese catalogues when the language is Chinese (English is the
    source), through desktop.language so that View › Language can switch later."""
    return language.install(app, lang)


def initial_library(library_path: Path | None) -> tuple[Path, bool]:
    """The library to open first, and whether it has to be created (first run)."""
    if library_path is not None:
        return Path(library_path), not is_library(Path(library_path))
    last = prefs.last_library()
    if last is not None and is_library(last):
        return last, False
    path = default_library_path()
    return path, not is_library(path)


def start(window: MainWindow, library_path: Path | None = None) -> bool:
    path, first_run = initial_library(library_path)
    if not window.open_library_path(path, create=first_run):
        return False
    if first_run:
        offer_demo(window)
    return True


def offer_demo(window: MainWindow):
    """Offer the demo records on a new library; load them in the background if accepted."""
    try:
        from db import demo
    except ImportError:
        return None
    answer = QMessageBox.question(
        window, QCoreApplication.translate("App", "Welcome"),
        QCoreApplication.translate(
            "App", "A new, empty library was created. Load the demo records (two real events"
            " of an international office, with sample scans) to try the program?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes)
    if answer != QMessageBox.StandardButton.Yes:
        return None
    progress = QProgressDialog(
        QCoreApplication.translate("App", "Loading the demo records…"), "", 0, 0, window)
    progress.setCancelButton(None)
    progress.setMinimumDuration(300)
    task = window.tasks.start(window.facade.read, demo.load)

    def finished(_result):
        for kind in KINDS:
            window.facade.changed.emit(kind)

    def failed(exc):
        QMessageBox.warning(window, QCoreApplication.translate("App", "Demo records"),
                            exc.message(ui_lang()) if hasattr(exc, "message") else str(exc))

    task.finished.connect(finished)
    task.failed.connect(failed)
    task.done.connect(progress.close)
    return task


def main(library_path: Path | None = None) -> int:
    app = create_application()
    install_translators(app, prefs.language())  # a child of the app: lives as long
    window = MainWindow()
    window.show()
    start(window, library_path)
    return app.exec()
