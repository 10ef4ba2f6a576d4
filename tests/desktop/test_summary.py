"""The summary sheet as a PDF: text, fonts, pages, the command line and the Print action."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from db import attendances, events, people, settings
from desktop.sheet import jobs, render
from tests.fixtures import summary_seed

ROOT = Path(__file__).resolve().parents[2]


def pdf_text(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(p.extract_text() for p in reader.pages), len(reader.pages)


def embedded_fonts(data: bytes) -> dict[str, set[str]]:
    """Font name -> the embedded font file keys (FontFile, FontFile2, FontFile3)."""
    found: dict[str, set[str]] = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            desc = target["/FontDescriptor"].get_object()
            found.setdefault(str(font["/BaseFont"]), set()).update(
                k for k in ("/FontFile", "/FontFile2", "/FontFile3") if k in desc)
    return found


@pytest.fixture
def seed(lib, qapp):
    ids = summary_seed.build(lib, scans=2)
    settings.set(lib, settings.INSTITUTION_NAME_ZH, "无锡科技职业学院")
    return ids


@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_seed_event_is_one_page_with_the_right_characters(lib, seed, lang):
    data = jobs.build_sheet(lib, seed["seminar"], lang=lang).pdf_bytes()
    text, pages = pdf_text(data)
    assert pages == 1
    flat = " ".join(text.split())
    for name in ("Mo Xiaojin", "Lu Rui", "Wu Jingjing", "Sino-German Alliance of Enterprises and Education"):
        assert name in flat
    assert "(4th) Sino-German International Seminar" in flat
    if lang != "en":
        dense = "".join(text.split())  # a long name may wrap inside its table cell
        assert summary_seed.MOHRSS_ZH in dense  # 人 and 民 as themselves, not radicals ⼈ ⺠
        assert "无锡科技职业学院" in dense
        assert "2023年8月" in dense
        assert not [c for c in text if 0x2E80 <= ord(c) < 0x2FE0]
    if lang != "zh":
        assert "August 2023" in flat and "Keynote speaker" in flat
    assert "\t" not in text


def test_certificates_numbers_and_scans(lib, seed):
    data = jobs.build_sheet(lib, seed["conference"], lang="both").pdf_bytes()
    text, pages = pdf_text(data)
    assert pages == 1
    assert summary_seed.LICENCE_NO in text and "CEIE-P-2023-SAMPLE" in text
    assert "2026年8月" in text and "August 2026" in text
    reader = PdfReader(io.BytesIO(data))
    images = [img for page in reader.pages for img in page.images]
    assert len(images) == 2  # one thumbnail per certificate


def test_the_chinese_font_is_embedded(lib, seed):
    fonts = embedded_fonts(jobs.build_sheet(lib, seed["seminar"], lang="zh").pdf_bytes())
    cjk = {name: keys for name, keys in fonts.items()
           if any(tag in name for tag in ("CJK", "SC", "Hei", "Song", "YaHei"))}
    assert cjk, fonts
    assert all(keys for keys in cjk.values()), cjk
    assert not any("JP" in name or "jp" in name for name in fonts)


def test_a_second_printout_is_identical(lib, seed):
    first = jobs.build_sheet(lib, seed["conference"], lang="both").pdf_bytes()
    second = jobs.build_sheet(lib, seed["conference"], lang="both").pdf_bytes()
    assert first == second


def test_letter_paper(lib, seed):
    data = jobs.build_sheet(lib, seed["conference"], lang="en", paper="letter").pdf_bytes()
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_long_attendee_list_continues_on_further_pages(lib, seed):
    ev = seed["conference"]
    names = [f"Delegate Number{i:03d}" for i in range(200)]
    with lib.atomic():
        for name in names:
            p = people.create(lib, name_en=name, position="Teacher", organisation_id=seed["college"])
            attendances.create(lib, event_id=ev, person_id=p.id)
    sheet = jobs.build_sheet(lib, ev, lang="en")
    text, pages = pdf_text(sheet.pdf_bytes())
    assert pages == sheet.page_count >= 4
    flat = " ".join(text.split())
    for name in names:
        assert flat.count(name) == 1, name
    assert flat.count("Name Position Organisation Role") == pages  # the header row on every page
    assert f"Page {pages} of {pages}" in flat


def test_cli_writes_a_pdf_and_fails_cleanly_for_a_missing_event(lib, seed, lib_path, tmp_path):
    event_id = seed["seminar"]
    lib.close()  # the command opens (and locks) the library itself
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = tmp_path / "sheet.pdf"
    cmd = [sys.executable, "-m", "desktop", "summary"]
    done = subprocess.run(cmd + [str(event_id), "--pdf", str(out), "--lang", "both", "--library", str(lib_path)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    text, pages = pdf_text(out.read_bytes())
    assert pages == 1 and "Wu Jingjing" in text
    missing = subprocess.run(cmd + ["9999", "--pdf", str(tmp_path / "no.pdf"), "--library", str(lib_path)],
                             env=env, capture_output=True, text=True, timeout=120)
    assert missing.returncode == 1
    assert "9999" in missing.stderr
    assert not (tmp_path / "no.pdf").exists()


def test_broken_library_template_is_reported(lib, seed):
    (lib.path / "templates").mkdir()
    (lib.path / "templates" / "summary.html").write_text("<p>${title} ${no_such_thing}</p>", encoding="utf-8")
    from desktop.sheet.content import TemplateBroken
    with pytest.raises(TemplateBroken) as info:
        jobs.build_sheet(lib, seed["seminar"])
    assert "${no_such_thing}" in info.value.message("zh")


def test_font_is_simplified_chinese(qapp):
    assert render.cjk_family().endswith("SC") or render.cjk_family() in ("Microsoft YaHei", "SimSun")


def test_print_action_enabled_for_a_selected_event_and_pdf_written_in_background(qtbot, tmp_path, monkeypatch):
    from desktop.main_window import MainWindow
    from tests.desktop.shell_helpers import use_temp_settings
    from tests.desktop.test_main_window import STAND_INS

    use_temp_settings(tmp_path)
    monkeypatch.setenv("COOPREC_LIBRARY", str(tmp_path / "default library"))
    win = MainWindow(editor_classes=STAND_INS)
    qtbot.addWidget(win)
    assert win.open_library_path(tmp_path / "lib", create=True)
    ids = summary_seed.build(win.facade.lib, scans=1)
    win.facade.changed.emit("event")
    win.show()
    qtbot.waitExposed(win)
    printing = win.summary_printing
    assert not win.action_print.isEnabled()  # nothing selected yet
    panel = win.panels["event"]
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    panel.view.selectRow(0)
    assert win.action_print.isEnabled()
    event_id = printing.event_id()
    assert event_id in (ids["conference"], ids["seminar"])
    out = tmp_path / "from-gui.pdf"
    with qtbot.waitSignal(printing.pdf_written, timeout=20000) as signal:
        printing.save_pdf(event_id, str(out), lang="both")
        assert win.isEnabled()  # the window is not blocked while the PDF is made
    assert signal.args == [str(out)]
    text, pages = pdf_text(out.read_bytes())
    assert pages == 1 and "Mo Xiaojin" in text
    win.show_section("person")
    assert not win.action_print.isEnabled()
    win.facade.undo_stack.clear()
    win.close()


def test_the_institution_logo_is_printed_in_the_letterhead(lib, seed, tmp_path):
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (300, 120), (150, 20, 30)).save(buf, "PNG")
    import base64
    settings.set(lib, settings.INSTITUTION_LOGO, base64.b64encode(buf.getvalue()).decode())
    data = jobs.build_sheet(lib, seed["conference"], lang="both").pdf_bytes()
    reader = PdfReader(io.BytesIO(data))
    images = [img for page in reader.pages for img in page.images]
    assert len(images) == 3  # the logo and one thumbnail per certificate
    sizes = {img.image.size for img in images}
    assert any(abs(w / h - 2.5) < 0.05 for w, h in sizes)  # the 300 x 120 logo, scaled or not
    assert len(reader.pages) == 1
    # A logo that is not an image is left out rather than breaking the sheet.
    settings.set(lib, settings.INSTITUTION_LOGO, "bm90IGFuIGltYWdl")
    text, pages = pdf_text(jobs.build_sheet(lib, seed["conference"], lang="en").pdf_bytes())
    assert pages == 1 and "Sino-German" in text
