"""Save screenshots of the main windows to a folder, to look at them:

    python -m desktop.screenshots OUTDIR

Opens a temporary library with the demo records (or a few records from the first seed post when
the demo is not there), offscreen, and saves main window, event editor, certificate editor and
trash, in English and in Chinese."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402

from db import records  # noqa: E402
from db.library import open_library  # noqa: E402
from desktop.facade import spec_of  # noqa: E402


def sample_records(lib) -> None:
    """A few records shaped like the first seed post (used when db.demo is missing)."""
    def make(record_kind, **values):
        return records.create(lib, spec_of(record_kind), values)

    with lib.atomic():
        sgaee = make("organisation", name_en="Sino-German Alliance of Enterprises and Education",
                     abbreviation="SGAEE", kind="alliance", country="China")
        mohrss = make("organisation", name_zh="人力资源和社会保障部",
                      name_en="Ministry of Human Resources and Social Security", kind="ministry",
                      country="China")
        wist = make("organisation", name_en="WIST", kind="college", country="China")
        conf = make("event", title_en="2023 Education Plus (7th) China (Changsha) International"
                    " Vocational Education Conference and Industry-Education Integration Expo",
                    kind="conference", edition="7th", start_date="2023-08", city="Changsha",
                    region="Hunan", country="China")
        seminar = make("event", title_en="(4th) Sino-German International Seminar on"
                       " Industry-Education Integration in Vocational Education", kind="seminar",
                       edition="4th", parent_id=conf.id, start_date="2023-08", city="Changsha",
                       region="Hunan", country="China")
        records.create(lib, spec_of("organiser"), {"event_id": conf.id, "organisation_id": sgaee.id})
        mo = make("person", name_en="Mo Xiaojin", position="Dean, Sino-German College of"
                  " Vocational Education", organisation_id=wist.id, is_staff=True)
        lu = make("person", name_en="Lu Rui", position="Officer", organisation_id=wist.id,
                  is_staff=True)
        wu = make("person", name_en="Wu Jingjing", position="Director of Bilateral Cooperation"
                  " Division", organisation_id=mohrss.id)
        for person, role in ((mo, "delegate"), (lu, "delegate"), (wu, "keynote")):
            records.create(lib, spec_of("attendance"),
                           {"event_id": seminar.id, "person_id": person.id, "role": role})
        make("certificate", title_en="First batch of 100 China-Europe Internship and Employment"
             " Talent Training Bases", kind="licence", issuer_id=sgaee.id, recipient="WIST",
             event_id=conf.id, issued_on="2023-08")
        make("event", title_en="Founding of the Sino-German HWK Dual System Alliance",
             kind="ceremony", start_date="2022-12-16", city="Changzhou", region="Jiangsu",
             country="China")


def fill(lib) -> None:
    try:
        from db import demo
    except ImportError:
        sample_records(lib)
    else:
        demo.load(lib)


def shoot(out: Path, library: Path, lang: str) -> list[Path]:
    from desktop.app import install_translators
    from desktop.main_window import MainWindow
    from desktop.trash_dialog import TrashDialog

    app = QCoreApplication.instance()
    install_translators(app, lang)  # switches from the previous language, if any
    suffix = "" if lang == "en" else f"-{lang}"
    saved = []

    def save(widget, name):
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        saved.append(path)

    window = MainWindow()
    window.resize(1400, 860)
    window.open_library_path(library)
    window.show()
    app.processEvents()
    panel = window.panels["event"]
    if panel.model.rowCount():
        panel.view.selectRow(0)
    app.processEvents()
    save(window, "main-window")

    # The event with attendees (a sub-event when there is one), in its editor.
    events = window.facade.read(records.list_page, spec_of("event"), limit=50).items
    event = next((e for e in events if e.parent_id), events[0] if events else None)
    if event is not None:
        window.show_record("event", event.id)
        app.processEvents()
        window.editor_area.resize(760, 1100)
        save(window.editor_area, "event-editor")
    certs = window.facade.read(records.list_page, spec_of("certificate"), limit=50).items
    cert = next((c for c in certs if c.issuer_id and c.event_id), certs[0] if certs else None)
    if cert is not None:
        window.show_record("certificate", cert.id)
        app.processEvents()
        window.editor_area.resize(760, 900)
        save(window.editor_area, "certificate-editor")
    people = window.facade.read(records.list_page, spec_of("person"), limit=1).items
    if people:
        window.facade.delete("person", people[0].id)
    window.show_section("event")
    dialog = TrashDialog(window.facade, window)
    dialog.show_kind("person")
    dialog.show()
    app.processEvents()
    save(dialog, "trash")
    dialog.close()
    dialog.deleteLater()
    window.facade.undo_stack.undo()
    window.close()
    window.deleteLater()
    app.processEvents()
    return saved


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        print(__doc__)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(tmp) / "qs"))
        from desktop.app import create_application
        create_application()
        library = Path(tmp) / "library"
        with open_library(library, create=True) as lib:
            fill(lib)
        saved = []
        for lang in ("en", "zh"):
            saved += shoot(out, library, lang)
    for path in saved:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
