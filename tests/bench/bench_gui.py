"""The real main window on the 100,000-event generated library: time to the first paint of the
list, latency of a search as typed (query set → hits painted), a sort by another column, and
paging while scrolling to the end of the loaded rows. Targets: first paint under 1 s, a search
under 100 ms.

    python -m tests.bench.bench_gui [WORKDIR] [--quick]

WORKDIR defaults to `.bench/` in the checkout, as `python -m tests.bench gui` uses: its
`large-library` (imported once by `bench_library`) is reused. `--quick` builds its own library of
100,000 bare events (no people or attendances) instead of importing the full generated one."""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QSettings  # noqa: E402

from tests.bench.timing import row  # noqa: E402

EVENTS = 100_000
DEFAULT_WORK = Path(__file__).resolve().parents[2] / ".bench"
QUERIES = ("会", "会议", "证书", "研讨会", "education", "Changsha", "wu")


def quick_library(work: Path) -> Path:
    """100,000 events through the records API (titles in both languages), built once."""
    from db import events, records
    from db.library import open_library
    lib_dir = work / "gui-quick-library"
    stamp = lib_dir / ".complete"
    if stamp.exists():
        return lib_dir
    topics = [("职业教育", "Vocational Education"), ("国际合作", "International Cooperation"),
              ("产教融合", "Industry-Education Integration"), ("证书", "Certificate")]
    forms = [("国际会议", "International Conference", "conference"),
             ("研讨会", "Seminar", "seminar"), ("签约仪式", "Signing Ceremony", "ceremony")]
    cities = ["Changsha", "Changzhou", "Beijing", "Berlin", "Munich"]
    t = time.perf_counter()
    with open_library(lib_dir, create=True) as lib, lib.atomic():
        for i in range(EVENTS):
            tz, te = topics[i % len(topics)]
            fz, fe, kind = forms[i % len(forms)]
            records.create(lib, events.SPEC, {
                "title_zh": f"第{i % 20 + 1}届{tz}{fz}", "title_en": f"{te} {fe} {i}",
                "kind": kind, "start_date": f"{2000 + i % 25}-{i % 12 + 1:02d}",
                "city": cities[i % len(cities)]})
    stamp.write_text("ok")
    print(row(f"build the quick library ({EVENTS:,} events)", (time.perf_counter() - t) * 1000),
          flush=True)
    return lib_dir


class _PaintWatch(QObject):
    def __init__(self):
        super().__init__()
        self.painted = False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def _until_painted(app, viewport, watch, started: float, limit_s: float = 10.0) -> float:
    watch.painted = False
    viewport.update()
    while not watch.painted and time.perf_counter() - started < limit_s:
        app.processEvents()
    return (time.perf_counter() - started) * 1000


def _search_times(app, panel, watch, query: str, repeats: int = 3) -> list[float]:
    """Query set (what the debounce timer does 150 ms after the last key) → hits painted, ms."""
    times = []
    for _ in range(repeats):
        panel.search_box.setText("")
        panel.run_search()
        app.processEvents()
        t = time.perf_counter()
        panel.search_box.setText(query)
        panel.run_search()
        times.append(_until_painted(app, panel.view.viewport(), watch, t))
    return times


def main(work: Path, quick: bool = False) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        if quick:
            lib_dir = quick_library(work)
        else:
            from tests.bench.bench_library import big_library
            lib_dir = big_library(work)
        from desktop.app import create_application
        from desktop.main_window import MainWindow
        app = create_application()

        started = time.perf_counter()
        window = MainWindow()
        window.resize(1400, 860)
        window.open_library_path(lib_dir)
        window.show()
        panel = window.panels["event"]
        watch = _PaintWatch()
        panel.view.viewport().installEventFilter(watch)
        ms = _until_painted(app, panel.view.viewport(), watch, started)
        print(f"  library: {panel.model.total:,} events")
        print(row("open the window and the library, first paint of the list", ms, 1000), flush=True)
        t = time.perf_counter()
        panel.model.reload()
        print(row("reload the list (first page + count), painted",
                  _until_painted(app, panel.view.viewport(), watch, t), 100), flush=True)

        for kind, query in [("event", q) for q in QUERIES] + [("certificate", "证书")]:
            searched = window.panels[kind]
            window.show_section(kind)
            searched.view.viewport().installEventFilter(watch)
            times = sorted(_search_times(app, searched, watch, query))
            print(row(f"search {query!r} in {kind}s: {searched.model.total} hits painted,"
                      f" worst {times[-1]:.0f} ms", times[len(times) // 2], 100), flush=True)
            searched.search_box.setText("")
            searched.run_search()
        window.show_section("event")

        t = time.perf_counter()
        panel.view.sortByColumn(0, panel.model.sort_order)
        print(row("sort 100,000 events by title (SQL), painted",
                  _until_painted(app, panel.view.viewport(), watch, t), 100))
        t = time.perf_counter()
        pages = 0
        while panel.model.rowCount() < 2000 and panel.model.canFetchMore():
            panel.view.scrollToBottom()
            app.processEvents()
            pages += 1
        ms = (time.perf_counter() - t) * 1000
        print(row(f"scroll to row 2,000 ({pages} fetches of 200), per fetch", ms / max(pages, 1),
                  50), flush=True)
        window.facade.undo_stack.clear()
        window.close()
        window.deleteLater()
        app.processEvents()


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(args[0]) if args else DEFAULT_WORK,
         quick="--quick" in sys.argv)
