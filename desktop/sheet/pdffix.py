"""Finishing touches on the PDF that Qt writes (no Qt here).

1. Searchable, copyable Chinese. Qt's PDF writer maps each glyph back to the *lowest* code point
   that shows it: with Noto CJK (and other CJK fonts) that gives Kangxi radicals (U+2F08 ⼈ for
   人, U+2EE0 ⺠ for 民) and a tab for every space, so search and copy give the wrong characters.
   Here the ToUnicode maps are corrected with a code point map computed from the font.
2. The same sheet twice gives the same bytes: the creation date is the printed day, the document
   id is derived from the content, and Qt's XMP packet (which holds the time of day) is dropped.
"""
from __future__ import annotations

import hashlib
import io
import re

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject, NameObject

_XMP = (b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        b' xmp:CreatorTool="Cooperation Records" xmp:CreateDate="DAY" xmp:ModifyDate="DAY"/>'
        b'</rdf:RDF></x:xmpmeta><?xpacket end="r"?>')
_HEX = re.compile(rb"<([0-9A-Fa-f]{4,8})>")
_RANGE = re.compile(rb"^(\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*)(.*)$")
_CHAR = re.compile(rb"^(\s*<[0-9A-Fa-f]+>\s*)(.*)$")


def _fix_cmap(cmap: bytes, fixes: dict[int, int]) -> bytes:
    """Rewrite the destination code points of bfrange/bfchar lines (never the glyph codes)."""

    def dest(match: re.Match) -> bytes:
        raw = match.group(1)
        if len(raw) != 4:
            return match.group(0)
        cp = int(raw, 16)
        return b"<%04X>" % fixes[cp] if cp in fixes else match.group(0)

    out, section = [], None
    for line in cmap.split(b"\n"):
        if line.endswith(b"beginbfrange"):
            section = "range"
        elif line.endswith(b"beginbfchar"):
            section = "char"
        elif line.startswith(b"endbf"):
            section = None
        elif section:
            m = (_RANGE if section == "range" else _CHAR).match(line)
            if m:
                head, tail = m.groups()
                codes = _HEX.findall(head)
                incrementing = section == "range" and not tail.lstrip().startswith(b"[")
                if not incrementing or codes[0] == codes[-1]:  # a run <lo> <hi> <start> stays
                    line = head + _HEX.sub(dest, tail)
        out.append(line)
    return b"\n".join(out)


def finish(data: bytes, *, fixes: dict[int, int], title: str, day: str) -> bytes:
    """The PDF `data` with corrected ToUnicode maps and deterministic metadata (`day` YYYY-MM-DD)."""
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    seen: set[int] = set()
    for page in writer.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            tu = font.get("/ToUnicode")
            if tu is None:
                continue
            stream = tu.get_object()
            if id(stream) in seen:
                continue
            seen.add(id(stream))
            stream.set_data(_fix_cmap(stream.get_data(), fixes))
    root = writer._root_object
    if "/Metadata" in root:  # Qt's XMP holds the time of day and a random id: a fixed packet instead
        root["/Metadata"].get_object().set_data(_XMP.replace(b"DAY", day.encode("ascii")))
    stamp = "D:" + day.replace("-", "") + "000000Z"
    writer.add_metadata({"/Title": title, "/Producer": "Cooperation Records", "/Creator": "Cooperation Records",
                         "/CreationDate": stamp, "/ModDate": stamp})
    for key in ("/Author", "/Trapped"):
        writer._info.get_object().pop(NameObject(key), None)  # type: ignore[union-attr]
    digest = hashlib.md5(title.encode() + day.encode(), usedforsecurity=False)
    for page in writer.pages:
        digest.update(page.get_contents().get_data() if page.get_contents() else b"")
    ident = ByteStringObject(digest.digest())
    writer._ID = ArrayObject([ident, ident])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

