"""The library at scale: 100,000 events, 20,000 people, 1,000,000 attendances, 50,000 certificates.

Measures opening, the first page of a sorted event list, searches (1-, 2- and 3-character Chinese
queries and an English word, first 50 hits), fetching one event with its attendees and
certificates, adding a 10 MB scan, and the import of the whole generated library."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from db import events, search
from db.library import open_library, quick_check
from tests.bench.timing import measure, once, row

SIZES = dict(events=100_000, people=20_000, attendances=1_000_000, certificates=50_000)


def big_library(work: Path) -> Path:
    """Generate (once) and import the large library; returns its folder."""
    from db import interchange
    from tests.bench.generate import generate

    lib_dir = work / "large-library"
    stamp = lib_dir / ".complete"
    if stamp.exists():
        return lib_dir
    doc = work / "large.json"
    if not doc.exists():
        _, ms = once(lambda: generate(doc, **SIZES, seed=1))
        print(row("generate interchange document", ms))
    shutil.rmtree(lib_dir, ignore_errors=True)
    lib = open_library(lib_dir, create=True)
    try:
        _, ms = once(lambda: interchange.import_(lib, doc))
        print(row("import the whole generated library", ms, 60_000))
    finally:
        lib.close()
    stamp.write_text("ok")
    return lib_dir


def main(work: Path) -> None:
    lib_dir = big_library(work)
    _, ms = once(lambda: open_library(lib_dir).close())
    print(row("open the library (cold in this process)", ms, 300))
    print(row("open the library (median of 5)", measure(lambda: open_library(lib_dir).close(), repeat=5, warmup=0)["median_ms"], 300))
    _, ms = once(lambda: quick_check(lib_dir))
    print(row("quick_check, run in the background after opening", ms))
    lib = open_library(lib_dir)
    try:
        counts = {t: lib.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("events", "people", "attendances", "certificates")}
        print("  sizes:", counts)
        for sort, desc in (("start", True), ("title", False)):
            m = measure(lambda: events.list_page(lib, sort=sort, descending=desc, limit=200))
            print(row(f"first page (200) of events sorted by {sort}", m["median_ms"], 20))
        page = events.list_page(lib, sort="start", descending=True, limit=200)
        m = measure(lambda: events.list_page(lib, sort="start", descending=True, after=page.next_after, limit=200))
        print(row("next page (keyset) of events sorted by start", m["median_ms"], 20))
        for q in ("会", "会议", "研讨会", "证书", "education", "Changsha", "wu"):
            m = measure(lambda: search.search(lib, q, limit=50))
            n = len(search.search(lib, q, limit=50))
            print(row(f"search {q!r} (first 50: {n} hits)", m["median_ms"], 20))
        busiest = lib.conn.execute(
            "SELECT event_id FROM attendances GROUP BY event_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        m = measure(lambda: events.detail(lib, busiest))
        n = len(events.detail(lib, busiest).attendees)
        print(row(f"one event with its {n} attendees and certificates", m["median_ms"], 20))
        try:
            from db import attachments
        except ImportError:
            print("  (attachments module not available)")
        else:
            cert_id = lib.conn.execute("SELECT id FROM certificates LIMIT 1").fetchone()[0]
            blob = _ten_mb_jpeg(work)
            _, ms = once(lambda: attachments.add(lib, blob, owner_kind="certificate", owner_id=cert_id))
            print(row("add a 10 MB scan (hash, write, fsync, commit)", ms))
    finally:
        lib.close()


def _ten_mb_jpeg(work: Path) -> Path:
    path = work / "scan-10mb.jpg"
    if not path.exists():
        from PIL import Image
        img = Image.frombytes("RGB", (2480, 3508), os.urandom(2480 * 3508 * 3))
        img.save(path, quality=75)
    # A fresh copy with a different last byte, so it is new content each run.
    data = bytearray(path.read_bytes())
    data[-3] = os.urandom(1)[0]
    out = work / "scan-10mb-run.jpg"
    out.write_bytes(bytes(data))
    return out
