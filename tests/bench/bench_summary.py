"""Summary sheet: time to produce the PDF of a seed event with two 21 MB 600-dpi A4 scans (target < 1 s).

Run: `python3 dev.py bench summary` (or `.venv/bin/python -m tests.bench summary`)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.bench.bench_scans import make_jpeg
from tests.bench.timing import measure, once, row

TARGET_MS = 1000


def main(workdir: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841
    from db import attachments
    from db.library import open_library
    from desktop.sheet import jobs
    from tests.fixtures import summary_seed

    folder = workdir / "summary-library"
    shutil.rmtree(folder, ignore_errors=True)
    lib = open_library(folder, create=True)
    try:
        ids = summary_seed.build(lib, scans=0)
        plaque = summary_seed.certificates.create(
            lib, title_en="Launch ceremony plaque (CEIE)", kind="plaque", issuer_id=ids["sgaee"],
            event_id=ids["conference"], issued_on="2023-08", number="CEIE-P-2023-SAMPLE")
        for cert_id in (ids["licence"], plaque.id):  # real-scan-like 21 MB 600-dpi A4 JPEGs
            scan = make_jpeg(workdir / f"summary-scan-{cert_id}.jpg")
            attachments.add(lib, scan, owner_kind="certificate", owner_id=cert_id, original_name=scan.name)
        out = workdir / "summary.pdf"
        _, cold = once(lambda: jobs.write_pdf(lib, ids["conference"], out, lang="both"))
        print(row("first PDF in the process (font lookup, glyph map)", cold, TARGET_MS))
        for lang in ("zh", "en", "both"):
            stats = measure(lambda: jobs.write_pdf(lib, ids["conference"], out, lang=lang), repeat=5, warmup=1)
            print(row(f"PDF of the seed event, two 600-dpi scans, {lang} (median)", stats["median_ms"], TARGET_MS))
        print(f"  PDF size {out.stat().st_size // 1024} KB")
    finally:
        lib.close()
