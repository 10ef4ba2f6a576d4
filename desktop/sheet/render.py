"""Laying the summary sheet out on paper: QTextDocument on A4 or Letter, painted page by page with
a footer (record reference, printed date, page N of M) onto a QPdfWriter or a QPrinter.

Layout is done at a fixed 96 units an inch (a QImage as the layout device), whatever the screen,
so the sheet breaks into pages the same way on every machine; the painter is scaled to the device.
Chinese is set in an explicitly chosen Simplified Chinese font, embedded in the PDF."""
from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout, QColor, QFont, QFontDatabase, QImage, QPageLayout, QPageSize,
    QPagedPaintDevice, QPainter, QPdfWriter, QPen, QRawFont, QTextDocument,
)

from desktop.sheet import content, pdffix
from desktop.sheet.content import SheetData

UNITS_PER_INCH = 96  # layout units: CSS px
MM = UNITS_PER_INCH / 25.4
PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGINS_MM = (19.0, 16.0, 19.0, 20.0)  # left, top, right, bottom (the footer sits in the bottom)
FOOTER_GAP_MM = 6.0
PDF_RESOLUTION = 1200

# Simplified Chinese fonts, best first. Noto CJK comes from fonts-noto-cjk (dev.py installs it).
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
                "SimSun", "Noto Serif CJK SC")
CJK_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
)


@functools.cache
def cjk_family() -> str:
    """The Simplified Chinese font family the sheet is set in (registered from the system font
    folder when fontconfig does not list it)."""
    families = set(QFontDatabase.families())
    for fam in CJK_FAMILIES:
        if fam in families:
            return fam
    if not sys.platform.startswith("win"):
        for path in CJK_FILES:
            if Path(path).is_file():
                fid = QFontDatabase.addApplicationFont(path)
                names = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
                for name in names:
                    if name.endswith(" SC"):
                        return name
    return CJK_FAMILIES[0]  # Qt falls back; the test suite checks the real font is embedded


def sheet_font(point_size: float = 9.5, lang: str = "zh") -> QFont:
    """The sheet's font. `locl` is off: it would swap in other regions' glyph shapes (and Qt's PDF
    writer loses the text of the substituted digits). Outside pure Chinese, `palt` narrows the
    full-width quotes and punctuation that sit in English text."""
    font = QFont(cjk_family())
    font.setPointSizeF(point_size)
    font.setFeature(QFont.Tag("locl"), 0)
    if lang != "zh":
        font.setFeature(QFont.Tag("palt"), 1)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


@functools.cache
def unicode_fixes(family: str) -> dict[int, int]:
    """Code points Qt's PDF writer picks for glyphs (radicals, control characters) -> the
    character the text really has, for the glyphs this font shares between them."""
    raw = QRawFont.fromFont(QFont(family))
    fixes = {0x09: 0x20, 0x0A: 0x20, 0x0D: 0x20, 0xA0: 0x20}
    if not raw.isValid():
        return fixes
    unified = "".join(chr(c) for c in range(0x4E00, 0xA000))
    by_glyph: dict[int, int] = {}
    for cp, glyph in zip(range(0x4E00, 0xA000), raw.glyphIndexesForString(unified)):
        if glyph and glyph not in by_glyph:
            by_glyph[glyph] = cp
    radicals = list(range(0x2E80, 0x2FE0)) + list(range(0x3400, 0x4DC0)) + list(range(0xF900, 0xFB00))
    glyphs = raw.glyphIndexesForString("".join(chr(c) for c in radicals))
    for cp, glyph in zip(radicals, glyphs):
        if glyph in by_glyph and by_glyph[glyph] != cp:
            fixes[cp] = by_glyph[glyph]
    return fixes


def _layout_device() -> QImage:
    img = QImage(8, 8, QImage.Format.Format_RGB32)
    dpm = round(UNITS_PER_INCH / 0.0254)
    img.setDotsPerMeterX(dpm)
    img.setDotsPerMeterY(dpm)
    return img


def _qimage(data: bytes) -> QImage:
    img = QImage()
    img.loadFromData(data)
    return img


@dataclass
class Geometry:
    page: QSizeF  # in layout units
    body: QRectF  # where the text goes on each page

    @classmethod
    def for_paper(cls, paper: str) -> "Geometry":
        size = QPageSize(PAPERS[paper]).size(QPageSize.Unit.Millimeter)
        left, top, right, bottom = MARGINS_MM
        page = QSizeF(size.width() * MM, size.height() * MM)
        body = QRectF(left * MM, top * MM, (size.width() - left - right) * MM,
                      (size.height() - top - bottom) * MM)
        return cls(page, body)


class Sheet:
    """One event's summary sheet, laid out, ready to paint on any paged device."""

    def __init__(self, data: SheetData, *, lang: str = "zh", paper: str = "a4",
                 template: str | None = None):
        if paper not in PAPERS:
            raise ValueError(f"paper must be one of {sorted(PAPERS)}, not {paper!r}")
        self.data, self.lang, self.paper = data, lang, paper
        self.html = content.sheet_html(data, template if template is not None else content.load_template(), lang)
        self.geometry = Geometry.for_paper(paper)
        self._device = _layout_device()  # must outlive the document
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self._device)
        doc.setDefaultFont(sheet_font(lang=lang))
        doc.setDocumentMargin(0)
        doc.setUseDesignMetrics(True)
        if data.logo:
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(content.LOGO_SRC), _qimage(data.logo))
        for i, cert in enumerate(data.certificates):
            if cert.image:
                doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(content.scan_src(i)),
                                _qimage(cert.image))
        doc.setHtml(self.html)
        doc.setPageSize(self.geometry.body.size())
        self.doc = doc

    @property
    def page_count(self) -> int:
        return self.doc.pageCount()

    @property
    def title(self) -> str:
        main, second = content._pick(self.data.title, self.lang)
        return f"{main} — {second}" if second else main

    # ------------------------------------------------------------ painting

    def paint(self, painter: QPainter, device: QPagedPaintDevice, resolution: int) -> None:
        """Paint every page; `device` is already begun by `painter`, its painter origin is the
        paper's corner (full page) and `resolution` its dots per inch."""
        scale = resolution / UNITS_PER_INCH
        body = self.geometry.body
        pages = self.page_count
        for index in range(pages):
            if index:
                device.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.save()
            painter.translate(body.left(), body.top() - index * body.height())
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.clip = QRectF(0, index * body.height(), body.width(), body.height())
            painter.setClipRect(ctx.clip)
            self.doc.documentLayout().draw(painter, ctx)
            painter.restore()
            self._footer(painter, index + 1, pages)
            painter.restore()

    def _footer(self, painter: QPainter, page: int, pages: int) -> None:
        body = self.geometry.body
        y = body.bottom() + FOOTER_GAP_MM * MM
        painter.setPen(QPen(QColor("#b8b8b8"), 0.6))
        painter.drawLine(body.left(), y, body.right(), y)
        font = sheet_font(lang=self.lang)
        font.setPixelSize(round(7.5 * UNITS_PER_INCH / 72))
        painter.setFont(font)
        painter.setPen(QColor("#5a5a5a"))
        box = QRectF(body.left(), y + 3, body.width(), 16)
        left, centre, right = content.footer_parts(self.data, self.lang, page, pages)
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, left)
        painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, centre)
        painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, right)

    # ------------------------------------------------------------ outputs

    def page_layout(self) -> QPageLayout:
        return QPageLayout(QPageSize(PAPERS[self.paper]), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))

    def pdf_bytes(self) -> bytes:
        """The sheet as a finished PDF (fonts embedded, searchable text, same bytes every time)."""
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(PDF_RESOLUTION)
        writer.setPageLayout(self.page_layout())
        writer.setTitle(self.title)
        writer.setCreator("Cooperation Records")
        painter = QPainter(writer)
        try:
            self.paint(painter, writer, writer.resolution())
        finally:
            painter.end()
        buffer.close()
        return pdffix.finish(bytes(buffer.data()), fixes=unicode_fixes(cjk_family()), title=self.title,
                             day=self.data.printed_on or "2000-01-01")

    def write_pdf(self, path: str | Path) -> Path:
        """Write the PDF to `path` (a temporary file first, then renamed: never half a file)."""
        path = Path(path)
        data = self.pdf_bytes()
        tmp = path.with_name(path.name + ".part")
        tmp.write_bytes(data)
        tmp.replace(path)
        return path

    def print_to(self, printer) -> None:
        """Paint on a QPrinter (print or preview)."""
        printer.setFullPage(True)
        printer.setPageLayout(self.page_layout())
        printer.setDocName(self.title)
        painter = QPainter(printer)
        try:
            self.paint(painter, printer, printer.resolution())
        finally:
            painter.end()
