"""The sheet's work as plain functions: gather + lay out + write, callable from a background task
(the GUI) or directly (the command line)."""
from __future__ import annotations

import contextlib
from pathlib import Path

from db.library import Library
from desktop.sheet import content
from desktop.sheet.content import SheetData
from desktop.sheet.data import gather
from desktop.sheet.render import Sheet


def template_for(lib: Library) -> str:
    """The library's own template (`<library>/templates/summary.html`) when it has one, else the
    shipped one."""
    own = lib.path / "templates" / "summary.html"
    return content.load_template(own if own.is_file() else None)


def read(lib: Library, event_id: int, *, lock=None) -> tuple[SheetData, str]:
    """The sheet's data and template (no Qt); the library is read under `lock` if given."""
    with lock if lock is not None else contextlib.nullcontext():
        return gather(lib, event_id), template_for(lib)


def build_sheet(lib: Library, event_id: int, *, lang: str = "zh", paper: str = "a4", lock=None) -> Sheet:
    """The laid-out sheet of an event (build it in the thread that paints it)."""
    data, template = read(lib, event_id, lock=lock)
    return Sheet(data, lang=lang, paper=paper, template=template)


def write_pdf(lib: Library, event_id: int, path: str | Path, *, lang: str = "zh", paper: str = "a4",
              lock=None) -> Path:
    return build_sheet(lib, event_id, lang=lang, paper=paper, lock=lock).write_pdf(path)
