"""Scans: thumbnail of a 20 MB 600-dpi A4 JPEG and of a 40 MB TIFF, probing them, showing a
cached thumbnail, and attaching 100 scans (each one transaction: copy, hash, fsync, check every
page, thumbnail, row).

    python3 dev.py bench scans        (or: .venv/bin/python -m tests.bench scans)"""
from __future__ import annotations

import shutil
from pathlib import Path

from PIL import Image, ImageDraw

from db import attachments, certificates, media
from db.library import open_library
from tests.bench.timing import measure, once, row

A4_600DPI = (4961, 7016)


def scan_like(size: tuple[int, int], seed: int = 0, grain_scale: int = 2) -> Image.Image:
    """A page of 'text' on paper with grain, so it compresses like a real scan."""
    w, h = size
    grain = Image.effect_noise((w // grain_scale, h // grain_scale), 40 + seed % 7).resize(size)
    page = Image.merge("RGB", (grain.point(lambda v: 180 + v // 4),
                               grain.point(lambda v: 175 + v // 4),
                               grain.point(lambda v: 160 + v // 4)))
    d = ImageDraw.Draw(page)
    for y in range(300, h - 300, 90):
        d.line((300, y, w - 300 - (y * 13 + seed) % 900, y), fill=(40, 40, 70), width=18)
    d.rectangle((150, 150, w - 150, h - 150), outline=(150, 30, 30), width=25)
    return page


def make_jpeg(path: Path, target_mb: float = 20) -> Path:
    img = scan_like(A4_600DPI, grain_scale=1)
    for quality in (98, 96, 94, 92, 90):
        img.save(path, "JPEG", quality=quality, dpi=(600, 600), subsampling=0)
        if path.stat().st_size <= target_mb * 1.15 * 1024 * 1024:
            break
    return path


def make_tiff(path: Path) -> Path:
    """600-dpi A4 colour, LZW-compressed as scanners write it (about 40 MB), plus a small
    second page, as a two-sided scan would have."""
    page = scan_like(A4_600DPI, seed=3, grain_scale=3)
    back = scan_like((2480, 2100), seed=4).convert("L")
    page.save(path, "TIFF", dpi=(600, 600), compression="tiff_lzw", save_all=True,
              append_images=[back])
    return path


def small_scans(folder: Path, n: int = 100) -> list[Path]:
    """n distinct phone-sized scans (1200×1700 JPEG, ~0.5 MB each)."""
    folder.mkdir(exist_ok=True)
    out = []
    base = scan_like((1200, 1700))
    for i in range(n):
        p = folder / f"scan-{i:03d}.jpg"
        img = base.copy()
        ImageDraw.Draw(img).rectangle((i * 9, 40, i * 9 + 60, 100), fill=(i, 255 - i, 90))
        img.save(p, "JPEG", quality=88)
        out.append(p)
    return out


def main(work: Path) -> None:
    folder = work / "scans"
    folder.mkdir(exist_ok=True)
    jpeg = folder / "a4-600dpi.jpg"
    tiff = folder / "a4-600dpi.tif"
    if not jpeg.exists():
        make_jpeg(jpeg)
    if not tiff.exists():
        make_tiff(tiff)
    mb = lambda p: p.stat().st_size / 1024 / 1024  # noqa: E731
    print(f"  files: JPEG {mb(jpeg):.1f} MB {Image.open(jpeg).size}, "
          f"TIFF {mb(tiff):.1f} MB {Image.open(tiff).size} + 1 page")

    t = measure(lambda: media.make_thumbnail(jpeg, media.JPEG, size=256), repeat=5, warmup=1)
    print(row(f"thumbnail 256 px of the {mb(jpeg):.0f} MB JPEG (median of 5)", t["median_ms"]))
    t = measure(lambda: media.render(jpeg, media.JPEG, max_size=1600), repeat=5, warmup=1)
    print(row("viewer page 1600 px of the JPEG", t["median_ms"]))
    t = measure(lambda: media.make_thumbnail(tiff, media.TIFF, size=256), repeat=3, warmup=1)
    print(row(f"thumbnail 256 px of the {mb(tiff):.0f} MB TIFF (median of 3)", t["median_ms"]))
    t = measure(lambda: media.probe(jpeg), repeat=3, warmup=1)
    print(row("probe the JPEG (type, size, every page decodes)", t["median_ms"]))
    t = measure(lambda: media.probe(tiff), repeat=3, warmup=1)
    print(row("probe the TIFF (both pages decoded)", t["median_ms"]))

    lib_dir = work / "scans-library"
    shutil.rmtree(lib_dir, ignore_errors=True)
    lib = open_library(lib_dir, create=True)
    try:
        cert = certificates.create(lib, title_en="Benchmark certificate")
        _, ms = once(lambda: attachments.add(lib, jpeg, owner_kind="certificate", owner_id=cert.id))
        print(row(f"attach the {mb(jpeg):.0f} MB JPEG (copy, hash, fsync, check, thumb)", ms))
        _, ms = once(lambda: attachments.add(lib, tiff, owner_kind="certificate", owner_id=cert.id))
        print(row(f"attach the {mb(tiff):.0f} MB TIFF", ms))
        paths = small_scans(folder / "batch")
        total = sum(p.stat().st_size for p in paths) / 1024 / 1024
        result, ms = once(lambda: attachments.add_many(lib, paths, owner_kind="certificate",
                                                        owner_id=cert.id))
        assert len(result.added) == 100 and not result.rejected
        print(row(f"attach 100 scans ({total:.0f} MB, 1200×1700 JPEG), total", ms))
        print(row("  per scan", ms / 100))
        sha = result.added[0].attachment.sha256
        t = measure(lambda: attachments.thumbnail(lib, sha), repeat=200)
        print(row("cached thumbnail from the database", t["median_ms"]))
    finally:
        lib.close()
        shutil.rmtree(lib_dir, ignore_errors=True)


if __name__ == "__main__":
    import sys

    from tests.bench.__main__ import main as run

    sys.exit(run(["scans"]))
