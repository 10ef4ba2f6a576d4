"""The summary sheet's pure part: the template filled with escaped values (no Qt, no library)."""
from __future__ import annotations

import pytest

from db.errors import LibraryError
from desktop.sheet import content
from desktop.sheet.content import Bilingual, SheetCertificate, SheetData, SheetPerson

EVIL = '<script>alert("x")</script> & Co'


def evil_sheet() -> SheetData:
    b = Bilingual(EVIL, EVIL)
    return SheetData(
        event_id=7, event_uuid="0f1e2d3c-aaaa-bbbb-cccc-000000000000", title=b, kind="conference",
        edition=EVIL, parent=b, start_date="2023-08", venue=EVIL, city=EVIL, summary=EVIL, notes=EVIL,
        organisers=[("organiser", b), ("supporter", b)],
        attendees=[SheetPerson(name=b, position=EVIL, organisation=b, role="keynote", is_staff=True)],
        certificates=[SheetCertificate(title=b, kind="licence", issuer=b, number=EVIL, issued_on="2023")],
        sub_events=[(b, None, None)], institution=b, printed_on="2024-01-02",
    )


@pytest.mark.parametrize("lang", content.LANGS)
def test_every_value_is_escaped(lang):
    html = content.sheet_html(evil_sheet(), content.load_template(), lang)
    assert "<script>" not in html
    assert "& Co" not in html
    assert html.count("&lt;script&gt;") >= 12  # title, parent, place, organisers, people, certificate...


def test_labels_and_dates_follow_the_language():
    data = evil_sheet()
    data.title = Bilingual("职业教育大会", "Vocational Education Conference")
    zh = content.sheet_html(data, content.load_template(), "zh")
    en = content.sheet_html(data, content.load_template(), "en")
    both = content.sheet_html(data, content.load_template(), "both")
    assert "2023年8月" in zh and "参会人员" in zh and "Vocational Education Conference" not in zh
    assert "August 2023" in en and "Attendees" in en and "职业教育大会" not in en
    assert "职业教育大会" in both and "Vocational Education Conference" in both
    assert "2023年8月" in both and "August 2023" in both


def test_missing_language_falls_back_to_the_other():
    data = evil_sheet()
    data.title = Bilingual(None, "Only English")
    assert "Only English" in content.sheet_html(data, "${title}", "zh")


def test_unknown_placeholder_is_a_clear_error_in_both_languages():
    with pytest.raises(content.TemplateBroken) as info:
        content.sheet_html(evil_sheet(), "<h1>${title}</h1> ${nonsense}", "en")
    assert isinstance(info.value, LibraryError)
    assert "${nonsense}" in info.value.message("en") and "placeholder" in info.value.message("en")
    assert "${nonsense}" in info.value.message("zh") and "占位符" in info.value.message("zh")


def test_stray_dollar_is_a_clear_error_and_double_dollar_is_a_dollar():
    with pytest.raises(content.TemplateBroken) as info:
        content.sheet_html(evil_sheet(), "costs $ 5", "en")
    assert "$$" in info.value.message("en") and "$$" in info.value.message("zh")
    assert content.sheet_html(evil_sheet(), "costs $$5", "en") == "costs $5"


def test_unreadable_template_is_a_clear_error(tmp_path):
    with pytest.raises(content.TemplateBroken) as info:
        content.load_template(tmp_path / "missing.html")
    assert "missing.html" in info.value.message("en") and "模板" in info.value.message("zh")
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(content.TemplateBroken):
        content.load_template(bad)


def test_footer_reference_and_pages():
    data = evil_sheet()
    left, centre, right = content.footer_parts(data, "en", 2, 3)
    assert "EV-0F1E2D3C" in left and "#7" in left
    assert "2 January 2024" in centre and right == "Page 2 of 3"
    assert content.footer_parts(data, "zh", 1, 1)[2] == "第 1 页，共 1 页"
