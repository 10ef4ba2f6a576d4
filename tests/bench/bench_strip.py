"""Opening a record with 30 scans in the scans strip: the time until the strip shows its rows
(placeholders) and until every thumbnail is on screen, from the thumbnail cache and cold (the
cache emptied, so each thumbnail is decoded at reduced size in the background and cached).

    python -m tests.bench.bench_strip [WORKDIR]"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.bench.timing import row  # noqa: E402

SCANS = 30


def _open_and_fill(facade, cert_id) -> tuple[float, float]:
    from desktop.scans.strip import AttachmentStrip

    strip = AttachmentStrip(facade)
    strip.resize(900, 220)
    strip.show()
    loop = QEventLoop()
    strip.thumbnails_loaded.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    t = time.perf_counter()
    strip.set_owner("certificate", cert_id)
    QApplication.processEvents()
    shown = (time.perf_counter() - t) * 1000
    if not strip.model.all_loaded():
        loop.exec()
    filled = (time.perf_counter() - t) * 1000
    assert strip.model.all_loaded()
    strip.tasks.wait()
    strip.deleteLater()
    return shown, filled


def main(work: Path) -> None:
    from db import attachments, certificates
    from db.library import open_library
    from desktop.facade import Facade
    from tests.bench.bench_scans import small_scans

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        lib = open_library(Path(tmp) / "lib", create=True)
        cert = certificates.create(lib, title_en="Thirty scans")
        for path in small_scans(Path(tmp) / "scans", SCANS):
            attachments.add(lib, path, owner_kind="certificate", owner_id=cert.id)
        facade = Facade()
        facade.open(lib)
        shown, filled = _open_and_fill(facade, cert.id)
        print(row(f"record with {SCANS} scans, cached: rows shown", shown))
        print(row(f"record with {SCANS} scans, cached: all thumbnails shown", filled))
        with lib.atomic():
            lib.conn.execute("DELETE FROM thumbnails")
        shown, filled = _open_and_fill(facade, cert.id)
        print(row(f"record with {SCANS} scans, cold: rows shown", shown))
        print(row(f"record with {SCANS} scans, cold: all thumbnails shown", filled))
        facade.close()
    del app


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()))
