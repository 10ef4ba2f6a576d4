"""What a scan is and what it looks like: type by content, size and page count, safe decoding at
the size it is shown, thumbnails. Pure functions on a path, safe to call off the UI thread.

Every failure is a `FileRejected` naming the file by the name the clerk knows (`name`, text only:
never a path built from it). Decoders raise all sorts of errors on malformed input; they are turned
into `file_damaged` here, so callers only ever see `FileRejected`."""
from __future__ import annotations

import contextlib
import io
import os
import re
import stat
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from db.errors import FileRejected

MAX_BYTES = 200 * 1024 * 1024  # a hard limit on one file
# Most pixels one page may have. A 600-dpi A3 scan has 70 million, a 1200-dpi A4 one 139 million.
# Checked from the header, before anything is decoded.
MAX_PIXELS = 150_000_000
THUMBNAIL_SIZE = 256

# Pillow's own guard (a warning above MAX_IMAGE_PIXELS, an error above twice that) runs inside
# Image.open; ours is the limit that counts, so Pillow's warning level is set to it.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)

JPEG, PNG, TIFF, WEBP, BMP, PDF = (
    "image/jpeg", "image/png", "image/tiff", "image/webp", "image/bmp", "application/pdf")
HEIC, HEIF = "image/heic", "image/heif"
MEDIA_TYPES = (JPEG, PNG, TIFF, WEBP, BMP, PDF, HEIC, HEIF)
EXTENSIONS = {JPEG: ".jpg", PNG: ".png", TIFF: ".tif", WEBP: ".webp", BMP: ".bmp", PDF: ".pdf",
              HEIC: ".heic", HEIF: ".heif"}
_PIL_FORMAT = {JPEG: "JPEG", PNG: "PNG", TIFF: "TIFF", WEBP: "WEBP", BMP: "BMP", HEIC: "HEIF",
               HEIF: "HEIF"}
_HEIC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs"}
_HEIF_BRANDS = {b"mif1", b"msf1"}
_BMP_HEADERS = {12, 16, 40, 52, 56, 64, 108, 124}

_pdfium_lock = threading.Lock()  # pdfium is not thread-safe
_heif_lock = threading.Lock()
_heif_registered = False


@dataclass(frozen=True)
class MediaInfo:
    media_type: str
    width: int | None  # pixels as displayed (EXIF orientation applied); PDF: points of page 1
    height: int | None
    pages: int = 1


# ---------------------------------------------------------------- type by content


def sniff(head: bytes) -> str | None:
    """The media type the first bytes of a file announce, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return TIFF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[:2] == b"BM" and len(head) >= 18 and int.from_bytes(head[14:18], "little") in _BMP_HEADERS:
        return BMP
    if b"%PDF-" in head[:1024]:
        return PDF
    if head[4:8] == b"ftyp":
        box = int.from_bytes(head[0:4], "big")
        brands = {head[8:12]} | {head[i:i + 4] for i in range(16, min(box, len(head)) - 3, 4)}
        if brands & _HEIC_BRANDS:
            return HEIC
        if brands & _HEIF_BRANDS:
            return HEIF
    return None


def _register_heif() -> None:
    global _heif_registered
    with _heif_lock:
        if not _heif_registered:
            import pillow_heif  # a dependency; imported only when a HEIF file shows up

            pillow_heif.register_heif_opener()
            _heif_registered = True


# ---------------------------------------------------------------- checks


def _label(path: Path, name: str | None) -> str:
    return name if name is not None else Path(path).name


def check_file(path: Path, name: str | None = None) -> int:
    """The size of a file that can be read and is not empty nor too big; else FileRejected."""
    label = _label(path, name)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise FileRejected("file_not_found", name=label) from None
    except OSError as exc:
        raise unreadable(label, exc) from None
    if stat.S_ISDIR(st.st_mode):
        raise FileRejected("file_unreadable", name=label, detail="it is a folder",
                           detail_zh="这是一个文件夹")
    if not stat.S_ISREG(st.st_mode):
        raise FileRejected("file_unreadable", name=label, detail="not a regular file",
                           detail_zh="不是普通文件")
    check_size(st.st_size, label)
    return st.st_size


def check_size(size: int, name: str) -> None:
    if size == 0:
        raise FileRejected("file_empty", name=name)
    if size > MAX_BYTES:
        raise FileRejected("file_too_big", name=name, size_mb=_mb(size), limit_mb=_mb(MAX_BYTES))


def unreadable(name: str, exc: OSError) -> FileRejected:
    if isinstance(exc, FileNotFoundError):
        return FileRejected("file_not_found", name=name)
    if isinstance(exc, IsADirectoryError):
        return FileRejected("file_unreadable", name=name, detail="it is a folder",
                            detail_zh="这是一个文件夹")
    if isinstance(exc, PermissionError):
        return FileRejected("file_unreadable", name=name, detail="permission denied",
                            detail_zh="没有读取权限")
    return FileRejected("file_unreadable", name=name, detail=exc.strerror or type(exc).__name__)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}" if size >= 10 * 1024 * 1024 else f"{size / (1024 * 1024):.1f}"


def _damaged(name: str, exc: BaseException | None = None) -> FileRejected:
    text = str(exc).lower() if exc else ""
    if "truncated" in text or "premature" in text or isinstance(exc, EOFError):
        return FileRejected("file_damaged", name=name, detail="the data ends too early",
                            detail_zh="数据不完整")
    return FileRejected("file_damaged", name=name, detail="the picture data cannot be decoded",
                        detail_zh="图像数据无法解码")


def _bomb(name: str, pixels: int) -> FileRejected:
    return FileRejected("file_bomb", name=name, pixels=f"{pixels / 1e6:,.0f}",
                        limit=f"{MAX_PIXELS / 1e6:,.0f}")


def _check_pixels(img: Image.Image, name: str) -> None:
    w, h = img.size
    if w <= 0 or h <= 0:
        raise _damaged(name)
    if w * h > MAX_PIXELS:
        raise _bomb(name, w * h)


# ---------------------------------------------------------------- opening


@contextlib.contextmanager
def _guard(name: str, pixels: int = 0):
    """Turn whatever a decoder raises on bad input into a FileRejected naming the file."""
    try:
        yield
    except FileRejected:
        raise
    except Image.DecompressionBombError as exc:
        found = re.search(r"\((\d+) pixels\)", str(exc))
        raise _bomb(name, int(found.group(1)) if found else max(pixels, MAX_PIXELS + 1)) from None
    except MemoryError:
        raise _bomb(name, max(pixels, MAX_PIXELS + 1)) from None
    except (FileNotFoundError, PermissionError, IsADirectoryError) as exc:
        raise unreadable(name, exc) from None
    except Exception as exc:  # noqa: BLE001 - decoders raise anything on malformed input
        raise _damaged(name, exc) from None


def _open(path: Path, media_type: str, name: str) -> Image.Image:
    """Open a raster file of a known type (header only: no pixel is decoded here)."""
    if media_type in (HEIC, HEIF):
        _register_heif()
    with _guard(name):
        img = Image.open(path, formats=[_PIL_FORMAT[media_type]])
    try:
        _check_pixels(img, name)
    except FileRejected:
        img.close()
        raise
    return img


def _frames(img: Image.Image, media_type: str) -> int:
    if media_type in (TIFF, HEIC, HEIF):
        return max(1, int(getattr(img, "n_frames", 1)))
    return 1


def _orientation(img: Image.Image) -> int:
    try:
        value = img.getexif().get(0x0112, 1)
    except Exception:  # noqa: BLE001 - unreadable EXIF means no orientation
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _display_mode(img: Image.Image) -> Image.Image:
    """RGB, RGBA or L: what a screen shows, with 16-bit and float scaled rather than clipped."""
    mode = img.mode
    if mode in ("RGB", "L", "RGBA"):
        return img
    if mode in ("1",):
        return img.convert("L")
    if mode in ("LA", "La", "PA", "RGBa"):
        return img.convert("RGBA")
    if mode == "P":
        return img.convert("RGBA" if "transparency" in img.info else "RGB")
    if mode.startswith("I") or mode == "F":
        wide = img.convert("F") if mode == "F" else img.convert("I")
        _low, high = wide.getextrema()
        high = float(high) if high else 0.0
        if high > 255:
            wide = wide.point(lambda v: v * (255.0 / high))
        return wide.convert("L")
    return img.convert("RGB")


def _decode(img: Image.Image, media_type: str, max_size: int | None) -> Image.Image:
    """Decode the current frame at about max_size (None: a size only big enough to check it),
    in display mode and orientation. Call inside _guard."""
    orientation = _orientation(img)
    target = max_size or 64
    if media_type == JPEG:
        img.draft(None, (target, target))
    img.load()
    out = _display_mode(img)
    if max_size is not None:
        if out is img:  # never shrink the opened file in place: it may have more pages
            factor = max(out.size) // (max_size * 2)
            out = out.reduce(factor) if factor >= 2 else out.copy()
        out.thumbnail((target, target), Image.Resampling.LANCZOS, reducing_gap=2.0)
    if orientation in _TRANSPOSE:
        out = out.transpose(_TRANSPOSE[orientation])
    return out


def _seek(img: Image.Image, page: int, name: str) -> None:
    try:
        img.seek(page)
    except EOFError:
        raise FileRejected("file_damaged", name=name, detail=f"there is no page {page + 1}",
                           detail_zh=f"没有第 {page + 1} 页") from None
    _check_pixels(img, name)


# ---------------------------------------------------------------- PDF


def _pdf_open(path: Path, name: str):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise FileRejected("file_unreadable", name=name, detail="the PDF is password-protected",
                               detail_zh="PDF 有密码保护") from None
        raise FileRejected("file_damaged", name=name, detail="the PDF cannot be read",
                           detail_zh="PDF 无法读取") from None
    except OSError as exc:
        raise unreadable(name, exc) from None


def _pdf_render(doc, page: int, max_size: int, name: str) -> Image.Image:
    if not 0 <= page < len(doc):
        raise FileRejected("file_damaged", name=name, detail=f"there is no page {page + 1}",
                           detail_zh=f"没有第 {page + 1} 页")
    try:
        pdf_page = doc[page]
        w, h = pdf_page.get_size()
        if not (w > 0 and h > 0):
            raise ValueError("empty page")
        scale = max_size / max(w, h)
        img = pdf_page.render(scale=scale, may_draw_forms=True).to_pil()
    except FileRejected:
        raise
    except Exception as exc:  # noqa: BLE001 - any pdfium error on bad input means "damaged"
        raise FileRejected("file_damaged", name=name, detail="a page of the PDF cannot be drawn",
                           detail_zh="PDF 页面无法显示") from exc
    return _display_mode(img)


def _pdf_probe(path: Path, name: str, thumb_size: int | None) -> tuple[MediaInfo, Image.Image | None]:
    with _pdfium_lock:
        doc = _pdf_open(path, name)
        try:
            pages = len(doc)
            if pages < 1:
                raise FileRejected("file_damaged", name=name, detail="the PDF has no pages",
                                   detail_zh="PDF 没有页面")
            try:
                w, h = doc[0].get_size()
            except Exception as exc:  # noqa: BLE001
                raise _damaged(name, exc) from None
            first = _pdf_render(doc, 0, thumb_size or 64, name)
        finally:
            doc.close()
    return MediaInfo(PDF, round(w), round(h), pages), first if thumb_size else None


# ---------------------------------------------------------------- public


def read_head(path: Path, name: str | None = None, size: int = 1024) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(size)
    except OSError as exc:
        raise unreadable(_label(path, name), exc) from None


def _inspect(path: Path, name: str | None, thumb_size: int | None) -> tuple[MediaInfo, Image.Image | None]:
    path = Path(path)
    label = _label(path, name)
    check_file(path, label)
    media_type = sniff(read_head(path, label))
    if media_type is None:
        raise FileRejected("file_unknown_type", name=label)
    if media_type == PDF:
        return _pdf_probe(path, label, thumb_size)
    img = _open(path, media_type, label)
    with img, _guard(label, img.size[0] * img.size[1]):
        pages = _frames(img, media_type)
        first: Image.Image | None = None
        width, height = img.size
        if _orientation(img) >= 5:
            width, height = height, width
        for page in range(pages):
            if page:
                _seek(img, page, label)
            decoded = _decode(img, media_type, thumb_size if page == 0 else None)
            if page == 0 and thumb_size:
                first = decoded
    return MediaInfo(media_type, width, height, pages), first


def probe(path: Path, name: str | None = None) -> MediaInfo:
    """Type, displayed size and pages of a file, after checking every page decodes.
    Raises FileRejected: file_not_found, file_unreadable, file_empty, file_too_big,
    file_unknown_type, file_damaged, file_bomb."""
    return _inspect(path, name, None)[0]


def probe_with_thumbnail(path: Path, name: str | None = None,
                         size: int = THUMBNAIL_SIZE) -> tuple[MediaInfo, bytes]:
    """probe() and make_thumbnail() of page 1 with one decode of that page."""
    info, first = _inspect(path, name, size)
    assert first is not None
    return info, encode(first)


def render(path: Path, media_type: str, *, page: int = 0, max_size: int,
           name: str | None = None) -> Image.Image:
    """Page `page` decoded at about max_size pixels on its longer side (never the full size when
    the format can decode smaller), EXIF orientation applied, in RGB, RGBA or L."""
    path = Path(path)
    label = _label(path, name)
    max_size = max(1, int(max_size))
    if media_type == PDF:
        with _pdfium_lock:
            doc = _pdf_open(path, label)
            try:
                return _pdf_render(doc, page, max_size, label)
            finally:
                doc.close()
    if media_type not in _PIL_FORMAT:
        raise FileRejected("file_unknown_type", name=label)
    img = _open(path, media_type, label)
    with img, _guard(label, img.size[0] * img.size[1]):
        if page:
            _seek(img, page, label)
        return _decode(img, media_type, max_size)


def encode(img: Image.Image) -> bytes:
    """JPEG bytes, or PNG when the picture has see-through parts."""
    buf = io.BytesIO()
    if img.mode == "RGBA":
        low, _high = img.getchannel("A").getextrema()
        if low < 255:
            img.save(buf, "PNG", optimize=True)
            return buf.getvalue()
        img = img.convert("RGB")
    img.save(buf, "JPEG", quality=85, optimize=True)
    return buf.getvalue()


def thumbnail_media_type(data: bytes) -> str:
    return PNG if data.startswith(b"\x89PNG") else JPEG


def make_thumbnail(path: Path, media_type: str, page: int = 0, size: int = THUMBNAIL_SIZE,
                   *, name: str | None = None) -> bytes:
    """A thumbnail (JPEG or PNG bytes) fitting size×size, decoded at reduced size."""
    return encode(render(path, media_type, page=page, max_size=size, name=name))

