"""The summary sheet as HTML: a pure function that fills the template in `resources/templates/`
with the values of one event, every value escaped. No Qt here (so it is tested without a screen).

The template is plain HTML + CSS with `${placeholders}` (string.Template). The repeated parts
(facts, attendee rows, certificates) are built here as small HTML fragments with class names that
the template's stylesheet styles; an institution edits the template, not this code."""
from __future__ import annotations

import html
import string
from dataclasses import dataclass, field
from pathlib import Path

from db import dates
from db.errors import LibraryError

LANGS = ("zh", "en", "both")
THUMB_WIDTH = 128  # px (96 an inch) of a landscape scan's thumbnail; a portrait one is 3/4 of it
TEMPLATE_PATH = Path(__file__).resolve().parents[2] / "resources" / "templates" / "summary.html"
LOGO_SRC = "sheet-logo"


def scan_src(index: int) -> str:
    """The image name a certificate's scan is known by in the HTML (render adds the image)."""
    return f"sheet-scan-{index}"


class TemplateBroken(LibraryError):
    """The summary-sheet template cannot be read or names a placeholder that does not exist."""

    code = "template_broken"


# ---------------------------------------------------------------- data


@dataclass
class Bilingual:
    zh: str | None = None
    en: str | None = None


@dataclass
class SheetPerson:
    name: Bilingual
    position: str | None = None
    organisation: Bilingual | None = None
    role: str = "delegate"
    is_staff: bool = False


@dataclass
class SheetCertificate:
    title: Bilingual
    kind: str = "certificate"
    issuer: Bilingual | None = None
    issued_on: str | None = None
    valid_until: str | None = None
    number: str | None = None
    image: bytes | None = None  # encoded JPEG/PNG of the first scan page, or None
    image_size: tuple[int, int] | None = None  # its pixel size


@dataclass
class SheetData:
    """Everything printed on the sheet, already read from the library."""

    event_id: int
    event_uuid: str
    title: Bilingual
    kind: str = "other"
    edition: str | None = None
    parent: Bilingual | None = None
    start_date: str | None = None
    end_date: str | None = None
    venue: str | None = None
    city: str | None = None
    region: str | None = None
    country: str | None = None
    summary: str | None = None
    notes: str | None = None
    organisers: list[tuple[str, Bilingual]] = field(default_factory=list)  # (role, organisation)
    attendees: list[SheetPerson] = field(default_factory=list)
    certificates: list[SheetCertificate] = field(default_factory=list)
    sub_events: list[tuple[Bilingual, str | None, str | None]] = field(default_factory=list)
    institution: Bilingual = field(default_factory=Bilingual)
    logo: bytes | None = None  # encoded PNG/JPEG
    printed_on: str = ""  # YYYY-MM-DD

    @property
    def reference(self) -> str:
        """The record reference printed in the footer: short uuid and id."""
        return f"EV-{self.event_uuid.replace('-', '')[:8].upper()} · #{self.event_id}"


# ---------------------------------------------------------------- labels

# key -> (English, Chinese)
LABELS: dict[str, tuple[str, str]] = {
    "doc_title": ("Event summary", "活动简报"),
    "kind": ("Kind", "类别"),
    "part_of": ("Part of", "所属活动"),
    "dates": ("Dates", "日期"),
    "place": ("Place", "地点"),
    "sub_events": ("Sub-events", "分项活动"),
    "summary": ("Summary", "概要"),
    "attendees": ("Attendees", "参会人员"),
    "name": ("Name", "姓名"),
    "position": ("Position", "职务"),
    "organisation": ("Organisation", "单位"),
    "role": ("Role", "角色"),
    "staff": ("own staff", "本校"),
    "certificates": ("Certificates received", "所获证书"),
    "issuer": ("Issuer", "颁发单位"),
    "issued_on": ("Issued", "颁发日期"),
    "number": ("No.", "编号"),
    "valid_until": ("Valid until", "有效期至"),
    "no_scan": ("no scan", "无扫描件"),
    "notes": ("Notes", "备注"),
    "reference": ("Record", "档案编号"),
    "printed": ("Printed", "打印日期"),
    "page": ("Page {page} of {pages}", "第 {page} 页，共 {pages} 页"),
    # event kinds
    "kind.conference": ("Conference", "会议"),
    "kind.seminar": ("Seminar", "研讨会"),
    "kind.ceremony": ("Ceremony", "仪式"),
    "kind.visit": ("Visit", "访问"),
    "kind.meeting": ("Meeting", "会谈"),
    "kind.exhibition": ("Exhibition", "展会"),
    "kind.training": ("Training", "培训"),
    "kind.other": ("Event", "活动"),
    # organiser roles (plural headings)
    "org.organiser": ("Organiser", "主办单位"),
    "org.co-organiser": ("Co-organiser", "协办单位"),
    "org.host": ("Host", "承办单位"),
    "org.supporter": ("Supported by", "支持单位"),
    # attendee roles
    "role.delegate": ("Delegate", "参会代表"),
    "role.speaker": ("Speaker", "发言嘉宾"),
    "role.keynote": ("Keynote speaker", "主旨演讲"),
    "role.guest": ("Guest", "嘉宾"),
    "role.organiser": ("Organiser", "组织者"),
    # certificate kinds
    "cert.certificate": ("Certificate", "证书"),
    "cert.licence": ("Licence", "授牌"),
    "cert.award": ("Award", "奖项"),
    "cert.membership": ("Membership", "会员资格"),
    "cert.plaque": ("Plaque", "牌匾"),
    "cert.letter": ("Letter", "函件"),
}


def label(key: str, lang: str) -> str:
    """A label in 'en', 'zh' or 'both' ('中文 English'); unknown keys show as themselves."""
    en, zh = LABELS.get(key, (key.split(".")[-1], key.split(".")[-1]))
    if lang == "zh":
        return zh
    if lang == "en":
        return en
    return f"{zh} {en}"


def page_label(page: int, pages: int, lang: str) -> str:
    en, zh = LABELS["page"]
    if lang == "zh":
        return zh.format(page=page, pages=pages)
    if lang == "en":
        return en.format(page=page, pages=pages)
    return f"{zh.format(page=page, pages=pages)} · {en.format(page=page, pages=pages)}"


def footer_parts(data: SheetData, lang: str, page: int, pages: int) -> tuple[str, str, str]:
    """Plain text of the footer (left, centre, right); render draws it on every page."""
    return (
        f"{label('reference', lang)}: {data.reference}",
        f"{label('printed', lang)}: {dates.format_date(data.printed_on, 'zh' if lang == 'zh' else 'en')}",
        page_label(page, pages, lang),
    )


# ---------------------------------------------------------------- formatting helpers

e = html.escape


def _pick(text: Bilingual | None, lang: str) -> tuple[str, str]:
    """(main, secondary) for a bilingual value in `lang`; the other language stands in when the
    chosen one is missing. Secondary is only used for 'both'."""
    if text is None:
        return "", ""
    zh, en = (text.zh or "").strip(), (text.en or "").strip()
    if lang == "zh":
        return zh or en, ""
    if lang == "en":
        return en or zh, ""
    if zh and en:
        return zh, en
    return zh or en, ""


def _inline(text: Bilingual | None, lang: str, sep: str = " / ") -> str:
    main, second = _pick(text, lang)
    if second:
        return f'{e(main)}<span class="second">{e(sep)}{e(second)}</span>'
    return e(main)


def _stacked(text: Bilingual | None, lang: str) -> str:
    main, second = _pick(text, lang)
    if second:
        return f'{e(main)}<br/><span class="second">{e(second)}</span>'
    return e(main)


def _date_range(start: str | None, end: str | None, lang: str) -> str:
    if lang == "both":
        zh, en = dates.format_range(start, end, "zh"), dates.format_range(start, end, "en")
        return e(zh) + (f'<span class="second"> / {e(en)}</span>' if en and en != zh else "")
    return e(dates.format_range(start, end, lang))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _edition(edition: str | None, lang: str) -> str:
    if not edition:
        return ""
    text = edition.strip()
    if text.isdigit():
        zh, en = f"第{int(text)}届", f"{_ordinal(int(text))} edition"
    else:
        zh = en = text
    return {"zh": zh, "en": en}.get(lang, f"{zh} / {en}" if zh != en else zh)


def _paragraphs(text: str | None) -> str:
    if not text or not text.strip():
        return ""
    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join(f"<p>{e(p).replace(chr(10), '<br/>')}</p>" for p in parts)


def _place(data: SheetData) -> str:
    bits = [b.strip() for b in (data.venue, data.city, data.region, data.country) if b and b.strip()]
    return e(", ".join(bits))


# ---------------------------------------------------------------- sections


def _label_html(key: str, lang: str, stacked: bool = False) -> str:
    """A label; in 'both' the Chinese, then the English (below it when `stacked`)."""
    if lang == "both":
        sep = "<br/>" if stacked else " "
        return f'{e(label(key, "zh"))}{sep}<span class="second">{e(label(key, "en"))}</span>'
    return e(label(key, lang))


def _fact(key: str, value_html: str, lang: str, width: int | None = None) -> str:
    if not value_html:
        return ""
    w = f' width="{width}"' if width else ""
    return f'<tr><td class="label"{w}>{_label_html(key, lang)}</td><td class="value">{value_html}</td></tr>'


LABEL_WIDTH = {"zh": 64, "en": 84, "both": 150}  # px of the label column in the facts tables


def _facts(data: SheetData, lang: str) -> str:
    kind = e(label(f"kind.{data.kind}", lang))
    edition = _edition(data.edition, lang)
    rows = [
        _fact("kind", kind + (f" · {e(edition)}" if edition else ""), lang, LABEL_WIDTH[lang]),
        _fact("part_of", _inline(data.parent, lang) if data.parent else "", lang),
        _fact("dates", _date_range(data.start_date, data.end_date, lang), lang),
        _fact("place", _place(data), lang),
    ]
    by_role: dict[str, list[Bilingual]] = {}
    for role, org in data.organisers:
        by_role.setdefault(role, []).append(org)
    for role, orgs in by_role.items():
        rows.append(_fact(f"org.{role}", "<br/>".join(_inline(o, lang) for o in orgs), lang))
    if data.sub_events:
        subs = []
        for title, start, end in data.sub_events:
            when = _date_range(start, end, lang)
            subs.append(_inline(title, lang) + (f' <span class="second">({when})</span>' if when else ""))
        rows.append(_fact("sub_events", "<br/>".join(subs), lang))
    return "".join(rows)


def _section(key: str, body: str, lang: str) -> str:
    if not body:
        return ""
    return f'<h2>{e(label(key, lang))}</h2>{body}'


def _attendees(data: SheetData, lang: str) -> str:
    if not data.attendees:
        return ""
    widths = {"name": 22, "position": 33, "organisation": 30, "role": 15}
    head = "".join(f'<th width="{w}%">{_label_html(k, lang, stacked=True)}</th>' for k, w in widths.items())
    rows = []
    for p in data.attendees:
        staff = f'<br/><span class="staff">{e(label("staff", lang))}</span>' if p.is_staff else ""
        rows.append(
            "<tr>"
            f'<td class="name">{_stacked(p.name, lang)}{staff}</td>'
            f"<td>{e(p.position or '')}</td>"
            f"<td>{_stacked(p.organisation, lang)}</td>"
            f'<td class="role">{_label_html("role." + p.role, lang, stacked=True)}</td>'
            "</tr>"
        )
    table = (
        '<table class="grid" width="100%" cellspacing="0">'
        f'<thead><tr class="head">{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )
    return _section("attendees", table, lang)


def _certificates(data: SheetData, lang: str) -> str:
    if not data.certificates:
        return ""
    blocks = []
    for i, c in enumerate(data.certificates):
        if c.image:
            w, h = c.image_size or (3, 4)
            width = THUMB_WIDTH * 3 // 4 if h >= w else THUMB_WIDTH  # px of the page (96 an inch)
            thumb = f'<img src="{scan_src(i)}" width="{width}" height="{round(width * h / max(w, 1))}"/>'
        else:
            thumb = f'<span class="second">{e(label("no_scan", lang))}</span>'
        facts = [
            _fact("kind", e(label(f"cert.{c.kind}", lang)), lang, LABEL_WIDTH[lang]),
            _fact("issuer", _inline(c.issuer, lang) if c.issuer else "", lang),
            _fact("issued_on", _date_range(c.issued_on, None, lang), lang),
            _fact("number", e(c.number or ""), lang),
            _fact("valid_until", _date_range(c.valid_until, None, lang), lang),
        ]
        blocks.append(
            '<table class="cert" width="100%" cellspacing="0"><tr>'
            f'<td class="thumb" width="{THUMB_WIDTH + 18}">{thumb}</td>'
            f'<td class="certbody"><p class="certtitle">{_stacked(c.title, lang)}</p>'
            f'<table class="facts" cellspacing="0">{"".join(facts)}</table></td>'
            "</tr></table>"
        )
    return _section("certificates", "".join(blocks), lang)


# ---------------------------------------------------------------- the template


def load_template(path: Path | None = None) -> str:
    """The template text (the shipped one by default); TemplateBroken when it cannot be read."""
    path = Path(path) if path else TEMPLATE_PATH
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateBroken("template_unreadable", path=str(path),
                             detail=getattr(exc, "strerror", None) or str(exc)) from exc


def values(data: SheetData, lang: str) -> dict[str, str]:
    """Every placeholder the template may use, as HTML (already escaped)."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    title_main, title_second = _pick(data.title, lang)
    inst_main, inst_second = _pick(data.institution, lang)
    out = {
        "lang": "en" if lang == "en" else "zh-Hans",
        "doc_title": e(label("doc_title", lang)),
        "institution": _stacked(data.institution, lang),
        "logo_cell": f'<td class="logo" width="64"><img src="{LOGO_SRC}" height="52"/></td>' if data.logo else "",
        "title": e(title_main),
        "title_second": e(title_second),
        "facts": _facts(data, lang),
        "summary": _section("summary", _paragraphs(data.summary), lang),
        "attendees": _attendees(data, lang),
        "certificates": _certificates(data, lang),
        "notes": _section("notes", _paragraphs(data.notes), lang),
        "reference": e(data.reference),
    }
    for key in LABELS:
        if "." not in key and key != "page":
            out[f"label_{key}"] = e(label(key, lang))
    return out


def sheet_html(data: SheetData, template: str, lang: str = "zh") -> str:
    """The filled template. Raises TemplateBroken for an unknown placeholder or a stray `$`."""
    try:
        return string.Template(template).substitute(values(data, lang))
    except KeyError as exc:
        raise TemplateBroken(placeholder=f"${{{exc.args[0]}}}") from exc
    except ValueError as exc:  # a `$` not followed by a name: write `$$` for a dollar sign
        raise TemplateBroken("template_syntax", detail=str(exc)) from exc
