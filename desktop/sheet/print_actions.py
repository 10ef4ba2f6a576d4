"""The main window's Print action (Ctrl+P): preview, print or save as PDF the summary sheet of the
selected event, in Chinese, English or both. Gathering the data and writing the PDF run in the
background (desktop.tasks); the window stays responsive."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QMessageBox, QPushButton,
)

from db.errors import LibraryError
from desktop.sheet import jobs
from desktop.sheet.render import Sheet

LANG_CHOICES = ("zh", "en", "both")


def _ui_lang() -> str:
    from PySide6.QtCore import QLocale
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


class SummaryDialog(QDialog):
    """Choose language and paper, then Preview, Print or Save as PDF."""

    PREVIEW, PRINT, PDF = 1, 2, 3

    def __init__(self, parent=None, lang: str = "zh", paper: str = "a4"):
        super().__init__(parent)
        self.setObjectName("summary_dialog")
        self.setWindowTitle(self.tr("Print summary sheet"))
        form = QFormLayout(self)
        self.lang_box = QComboBox(self)
        self.lang_box.setObjectName("summary_lang")
        for code, text in zip(LANG_CHOICES, (self.tr("Chinese"), self.tr("English"),
                                             self.tr("Chinese and English"))):
            self.lang_box.addItem(text, code)
        self.lang_box.setCurrentIndex(LANG_CHOICES.index(lang))
        self.paper_box = QComboBox(self)
        self.paper_box.setObjectName("summary_paper")
        self.paper_box.addItem(self.tr("A4"), "a4")
        self.paper_box.addItem(self.tr("Letter"), "letter")
        self.paper_box.setCurrentIndex(0 if paper == "a4" else 1)
        form.addRow(self.tr("&Language:"), self.lang_box)
        form.addRow(self.tr("&Paper:"), self.paper_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        for name, text, result in (("summary_preview", self.tr("Pre&view…"), self.PREVIEW),
                                   ("summary_print", self.tr("&Print…"), self.PRINT),
                                   ("summary_pdf", self.tr("Save as P&DF…"), self.PDF)):
            button = QPushButton(text, self)
            button.setObjectName(name)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _=False, r=result: self.done(r))
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.findChild(QPushButton, "summary_pdf").setDefault(True)

    @property
    def lang(self) -> str:
        return self.lang_box.currentData()

    @property
    def paper(self) -> str:
        return self.paper_box.currentData()


class SummaryPrinting(QObject):
    """Wires `window.action_print`: enabled when an event is selected. `pdf_written(path)` or
    `failed(message)` after a PDF job."""

    pdf_written = Signal(str)
    failed = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.facade = window.facade
        self.tasks = window.tasks
        self.lang, self.paper = "zh", "a4"
        self.action = window.action_print
        self.action.triggered.connect(self.run)
        window.panels["event"].record_chosen.connect(self.update_enabled)
        window.sections.currentRowChanged.connect(self.update_enabled)
        self.facade.library_opened.connect(self.update_enabled)
        self.facade.library_closed.connect(self.update_enabled)
        self.facade.changed.connect(self.update_enabled)
        self.update_enabled()

    def event_id(self) -> int | None:
        """The selected event, when the Events section is showing and a row is chosen."""
        if self.facade.lib is None or self.window.current_kind != "event":
            return None
        return self.window.panels["event"].selected_id

    def update_enabled(self, *_args) -> None:
        self.action.setEnabled(self.event_id() is not None)

    # ------------------------------------------------------------ actions

    def run(self) -> None:
        event_id = self.event_id()
        if event_id is None:
            return
        dialog = SummaryDialog(self.window, self.lang, self.paper)
        choice = dialog.exec()
        if choice in (0, QDialog.DialogCode.Rejected):
            return
        self.lang, self.paper = dialog.lang, dialog.paper
        if choice == SummaryDialog.PDF:
            path, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Save summary sheet as PDF"),
                str(Path.home() / f"summary-{event_id}-{self.lang}.pdf"), self.tr("PDF files (*.pdf)"))
            if path:
                self.save_pdf(event_id, path)
        else:
            self.show_printed(event_id, preview=choice == SummaryDialog.PREVIEW)

    def save_pdf(self, event_id: int, path: str, lang: str | None = None, paper: str | None = None):
        """Write the PDF in the background; returns the Task."""
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        task = self.tasks.start(jobs.write_pdf, self.facade.lib, event_id, path,
                                lang=lang or self.lang, paper=paper or self.paper, lock=self.facade.db_lock)
        task.finished.connect(lambda result: self._written(str(result)))
        task.failed.connect(self._failed)
        return task

    def _written(self, path: str) -> None:
        bar = self.window.statusBar() if hasattr(self.window, "statusBar") else None
        if bar is not None:
            bar.showMessage(self.tr("Summary sheet saved: %1").replace("%1", path), 8000)
        self.pdf_written.emit(path)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, LibraryError):
            message = exc.message(_ui_lang())
        else:
            message = self.tr("The summary sheet could not be made: %1").replace("%1", str(exc))
        self.failed.emit(message)
        QMessageBox.warning(self.window, self.tr("Summary sheet"), message)

    def show_printed(self, event_id: int, *, preview: bool) -> None:
        """Lay the sheet out in the background, then preview or print it on the UI thread."""
        task = self.tasks.start(jobs.read, self.facade.lib, event_id, lock=self.facade.db_lock)
        task.finished.connect(lambda result: self._print(result, preview))
        task.failed.connect(self._failed)

    def _print(self, read: tuple, preview: bool) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

        data, template = read
        try:
            sheet = Sheet(data, lang=self.lang, paper=self.paper, template=template)
        except LibraryError as exc:
            self._failed(exc)
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(sheet.page_layout())
        if preview:
            dialog = QPrintPreviewDialog(printer, self.window)
            dialog.paintRequested.connect(sheet.print_to)
            dialog.exec()
        else:
            dialog = QPrintDialog(printer, self.window)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                sheet.print_to(printer)
