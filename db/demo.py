"""The demo library: the records of the two news posts in the design's seeds (resources/demo/
demo.json, in the interchange format), with a sample scan made here for each certificate.

Chinese names appear only where certain (official names of public bodies); the people have only
the English names the posts give. Every sample scan says, in both languages, that it is a sample.
`load` is one transaction and idempotent: the uuids are fixed and the scans are drawn the same way
each time, so loading twice changes nothing."""
from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from db import attachments, certificates, interchange, settings
from db.library import Library

DEMO_DIR = Path(__file__).resolve().parent.parent / "resources" / "demo"
DEMO_JSON = DEMO_DIR / "demo.json"
INSTITUTION_EN = "WIST"  # the posts never give the full name: do not guess it
SAMPLE_MARK = "SAMPLE · 样本 — not a real document"
SAMPLE_MARK_EN = "SAMPLE — not a real document"
SCAN_SIZE = (1400, 990)  # A4 landscape, about 120 dpi
_CJK_FONT_NAMES = ("Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei")
_CJK_FONT_PATHS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/msyh.ttc",
)


@dataclass
class DemoReport:
    records: dict[str, int]  # section -> records added or updated
    scans_added: int


def load(lib: Library) -> DemoReport:
    """Put the demo records and their sample scans into the library (one transaction)."""
    with lib.atomic():
        report = interchange.import_(lib, DEMO_JSON)
        if not settings.get(lib, settings.INSTITUTION_NAME_EN):
            settings.set(lib, settings.INSTITUTION_NAME_EN, INSTITUTION_EN)
        added = 0
        for cert_uuid in _demo_certificate_uuids():
            cert = certificates.get_by_uuid(lib, cert_uuid)
            if cert is None or cert.deleted:
                continue
            result = attachments.add(
                lib, sample_scan(cert.title_en or "", cert.title_zh, cert.recipient or INSTITUTION_EN,
                                 cert.issued_on or ""),
                owner_kind="certificate", owner_id=cert.id,
                original_name=f"sample-scan-{cert_uuid[:8]}.png", caption=SAMPLE_MARK)
            added += not result.already_on_record
    return DemoReport(report.counts, added)


def _demo_certificate_uuids() -> list[str]:
    import json

    with open(DEMO_JSON, encoding="utf-8") as fh:
        return [c["uuid"] for c in json.load(fh)["certificates"]]


# ---------------------------------------------------------------- sample scans


@lru_cache(maxsize=1)
def cjk_font_path() -> str | None:
    """A font with Chinese glyphs (Noto Sans CJK, installed by dev.py), or None."""
    for name in _CJK_FONT_NAMES:
        try:
            out = subprocess.run(["fc-match", "-f", "%{file}", f"{name}:lang=zh-cn"],
                                 capture_output=True, text=True, timeout=5).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            break
        if out and ("cjk" in out.lower() or any(k in out for k in ("Han", "WenQuanYi", "PingFang"))):
            return out
    return next((p for p in _CJK_FONT_PATHS if Path(p).is_file()), None)


def _font(size: int, cjk: str | None):
    from PIL import ImageFont

    if cjk:
        return ImageFont.truetype(cjk, size, index=2 if cjk.endswith(".ttc") and "Noto" in cjk else 0)
    return ImageFont.load_default(size)


def _wrap(draw, text: str, font, width: int) -> list[str]:
    words, lines, line = text.split(), [], ""
    for w in words:
        trial = f"{line} {w}".strip()
        if draw.textlength(trial, font=font) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = w
    return lines + ([line] if line else [])


def sample_scan(title_en: str, title_zh: str | None, recipient: str, issued: str) -> bytes:
    """A certificate-like PNG, clearly marked as a sample (never a copy of a real document)."""
    from PIL import Image, ImageDraw

    cjk = cjk_font_path()
    mark = SAMPLE_MARK if cjk else SAMPLE_MARK_EN
    w, h = SCAN_SIZE
    img = Image.new("RGB", (w, h), (250, 246, 232))
    d = ImageDraw.Draw(img)
    d.rectangle([24, 24, w - 25, h - 25], outline=(150, 110, 40), width=8)
    d.rectangle([48, 48, w - 49, h - 49], outline=(190, 150, 70), width=2)
    y = 110
    heading = "证书 · CERTIFICATE" if cjk else "CERTIFICATE"
    f = _font(54, cjk)
    d.text((w // 2, y), heading, font=f, fill=(120, 40, 30), anchor="mt")
    y += 110
    if title_zh and cjk:
        d.text((w // 2, y), title_zh, font=_font(40, cjk), fill=(30, 30, 30), anchor="mt")
        y += 70
    f = _font(36, cjk)
    for line in _wrap(d, title_en, f, w - 260):
        d.text((w // 2, y), line, font=f, fill=(30, 30, 30), anchor="mt")
        y += 52
    y += 40
    f = _font(30, cjk)
    d.text((w // 2, y), f"Awarded to {recipient}", font=f, fill=(60, 60, 60), anchor="mt")
    if issued:
        d.text((w // 2, y + 50), issued, font=f, fill=(60, 60, 60), anchor="mt")
    # The seal is an empty ring: no real emblem is imitated.
    d.ellipse([w - 330, h - 330, w - 130, h - 130], outline=(190, 40, 40), width=6)
    # The sample mark, large, across the middle and along the bottom.
    band = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    bd = ImageDraw.Draw(band)
    bd.text((w // 2, h // 2), mark, font=_font(64, cjk), fill=(200, 30, 30, 110), anchor="mm")
    band = band.rotate(18, resample=Image.BICUBIC, center=(w // 2, h // 2))
    img.paste(band, (0, 0), band)
    d.text((w // 2, h - 80), mark, font=_font(28, cjk), fill=(200, 30, 30), anchor="mm")
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()


__all__ = ["load", "sample_scan", "cjk_font_path", "DemoReport", "DEMO_JSON", "SAMPLE_MARK"]
