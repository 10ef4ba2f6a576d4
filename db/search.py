"""One search over every kind of record, in both languages, substring and case-insensitive.

Each live record has one document (title, body) in `search_docs`. Queries of 3+ characters go to
the FTS5 trigram index `search_tri` (substring match). Shorter queries go to `search_short`, whose
tokens are every CJK character and CJK character pair, plus words (with 1- and 2-character prefix
indexes): `吕蕊`, `证书`, `证` and `wu` are all answered from an index, never by a scan. SQLite 3.40
(Python 3.11's) ignores MATCH terms and LIKE patterns under 3 characters on a trigram table, hence
the second index. Every query is bounded; ranking happens on the bounded candidates."""
from __future__ import annotations

import re
from dataclasses import dataclass

from db.collation import is_cjk, romanise, has_cjk

KINDS = ("event", "certificate", "person", "organisation")
_KIND_ORDER = {k: i for i, k in enumerate(KINDS)}
CANDIDATES = 400  # most rows read from an index per query
HIDDEN = "\x1e"  # body text after this separator is searchable but never shown


@dataclass
class Hit:
    kind: str
    id: int
    title: str
    snippet: str
    score: int


# ---------------------------------------------------------------- documents


def _join(*parts) -> str:
    return " · ".join(str(p) for p in parts if p not in (None, ""))


def _names(lib, sql: str, params) -> list[str]:
    return [_join(*r) for r in lib.conn.execute(sql, params).fetchall()]


def _attachment_names(lib, kind: str, record_id: int) -> list[str]:
    return _names(
        lib,
        "SELECT original_name, caption FROM attachments WHERE owner_kind = ? AND owner_id = ?"
        " AND deleted_at IS NULL",
        (kind, record_id),
    )


def _doc(lib, kind: str, record_id: int) -> tuple[str, str] | None:
    """(title, body) of a live record, or None when it is deleted or gone."""
    table = {"event": "events", "certificate": "certificates", "person": "people",
             "organisation": "organisations"}[kind]
    cur = lib.conn.execute(f"SELECT * FROM {table} WHERE id = ? AND deleted_at IS NULL", (record_id,))
    row = cur.fetchone()
    if row is None:
        return None
    r = dict(zip([d[0] for d in cur.description], row))
    if kind == "event":
        title = _join(r["title_zh"], r["title_en"])
        orgs = _names(
            lib,
            "SELECT o.name_zh, o.name_en, o.abbreviation FROM event_organisers eo"
            " JOIN organisations o ON o.id = eo.organisation_id"
            " WHERE eo.event_id = ? AND eo.deleted_at IS NULL",
            (record_id,),
        )
        body = [r["edition"], r["start_date"], r["city"], r["region"], r["country"], r["venue"],
                *orgs, r["summary"], r["notes"], *_attachment_names(lib, kind, record_id)]
    elif kind == "certificate":
        title = _join(r["title_zh"], r["title_en"])
        issuer = _names(lib, "SELECT name_zh, name_en, abbreviation FROM organisations WHERE id = ?",
                        (r["issuer_id"],))
        person = _names(lib, "SELECT name_zh, name_en FROM people WHERE id = ?",
                        (r["recipient_person_id"],))
        event = _names(lib, "SELECT title_zh, title_en FROM events WHERE id = ?", (r["event_id"],))
        body = [r["number"], *issuer, r["recipient"], *person, r["issued_on"], *event, r["notes"],
                *_attachment_names(lib, kind, record_id)]
    elif kind == "person":
        title = _join(r["name_zh"], r["name_en"])
        org = _names(lib, "SELECT name_zh, name_en, abbreviation FROM organisations WHERE id = ?",
                     (r["organisation_id"],))
        body = [r["position"], *org, r["email"], r["phone"], r["notes"],
                *_attachment_names(lib, kind, record_id)]
    else:
        title = _join(r["name_zh"], r["name_en"], r["abbreviation"])
        body = [r["country"], r["website"], r["notes"]]
    text = _join(*body)
    # Pinyin of the Chinese name, so `moxiaojin`, `mo xiaojin` and `mxj` find 莫晓进; kept after
    # HIDDEN so snippets never show it.
    zh = r.get("name_zh")
    if zh and kind in ("person", "organisation"):
        text += HIDDEN + pinyin_forms(zh)
    return title, text


def pinyin_forms(text: str) -> str:
    """Full pinyin (spaced and joined) and initials of a Chinese name:
    莫晓进 → 'mo xiao jin moxiaojin mxj'; ü is written both u and v (吕 → lu, lv)."""
    spaced = romanise(text).lower()
    forms = []
    for variant in {spaced.replace("ü", "u"), spaced.replace("ü", "v")}:
        syllables = variant.split()
        forms += [variant, "".join(syllables)]
    syllables = spaced.split()
    forms.append("".join(s[0] for s in syllables if s).replace("ü", "l"))
    return " ".join(dict.fromkeys(forms))


def short_tokens(text: str) -> str:
    """Text for the short index: each CJK run becomes its characters and character pairs, each
    token set apart by spaces; other characters keep their runs (words). A regex over runs: the
    bulk import tokenises hundreds of thousands of documents."""
    return _CJK_RUN.sub(_run_tokens, text)


_CJK_RUN = re.compile(
    "[\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002fa1f\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]+"
)  # the ranges of collation.is_cjk


def _run_tokens(m: re.Match) -> str:
    run = m.group()
    return "".join(f" {c} " for c in run) + "".join(f" {a}{b} " for a, b in zip(run, run[1:]))


def _remove(lib, doc_id: int, title: str, body: str) -> None:
    lib.conn.execute(
        "INSERT INTO search_tri(search_tri, rowid, title, body) VALUES ('delete', ?, ?, ?)",
        (doc_id, title, body),
    )
    lib.conn.execute(
        "INSERT INTO search_short(search_short, rowid, title, body) VALUES ('delete', ?, ?, ?)",
        (doc_id, short_tokens(title), short_tokens(body)),
    )
    lib.conn.execute("DELETE FROM search_docs WHERE id = ?", (doc_id,))


def _add(lib, kind: str, record_id: int, title: str, body: str) -> None:
    cur = lib.conn.execute(
        "INSERT INTO search_docs (kind, record_id, title, body) VALUES (?, ?, ?, ?)",
        (kind, record_id, title, body),
    )
    doc_id = cur.lastrowid
    lib.conn.execute(
        "INSERT INTO search_tri (rowid, title, body) VALUES (?, ?, ?)", (doc_id, title, body)
    )
    lib.conn.execute(
        "INSERT INTO search_short (rowid, title, body) VALUES (?, ?, ?)",
        (doc_id, short_tokens(title), short_tokens(body)),
    )


def reindex(lib, kind: str, record_id: int, *, dependents: bool = False) -> None:
    """Bring the search document of one record (and of records that show its name) up to date.
    Call inside the transaction of the change."""
    if kind in ("attendance",):
        return
    if kind == "organiser":
        row = lib.conn.execute("SELECT event_id FROM event_organisers WHERE id = ?", (record_id,)).fetchone()
        if row:
            reindex(lib, "event", row[0])
        return
    if kind == "attachment":
        row = lib.conn.execute("SELECT owner_kind, owner_id FROM attachments WHERE id = ?", (record_id,)).fetchone()
        if row:
            reindex(lib, row[0], row[1])
        return
    if kind not in KINDS:
        return
    old = lib.conn.execute(
        "SELECT id, title, body FROM search_docs WHERE kind = ? AND record_id = ?", (kind, record_id)
    ).fetchone()
    doc = _doc(lib, kind, record_id)
    if old and doc and (old[1], old[2]) == doc:
        pass
    else:
        if old:
            _remove(lib, *old)
        if doc:
            _add(lib, kind, record_id, *doc)
    if dependents:
        for dep_kind, dep_id in _dependents(lib, kind, record_id):
            reindex(lib, dep_kind, dep_id)


def _dependents(lib, kind: str, record_id: int):
    if kind == "organisation":
        yield from (("person", r[0]) for r in lib.conn.execute(
            "SELECT id FROM people WHERE organisation_id = ? AND deleted_at IS NULL", (record_id,)))
        yield from (("certificate", r[0]) for r in lib.conn.execute(
            "SELECT id FROM certificates WHERE issuer_id = ? AND deleted_at IS NULL", (record_id,)))
        yield from (("event", r[0]) for r in lib.conn.execute(
            "SELECT DISTINCT event_id FROM event_organisers WHERE organisation_id = ?"
            " AND deleted_at IS NULL", (record_id,)))
    elif kind == "person":
        yield from (("certificate", r[0]) for r in lib.conn.execute(
            "SELECT id FROM certificates WHERE recipient_person_id = ? AND deleted_at IS NULL",
            (record_id,)))
    elif kind == "event":
        yield from (("certificate", r[0]) for r in lib.conn.execute(
            "SELECT id FROM certificates WHERE event_id = ? AND deleted_at IS NULL", (record_id,)))


def rebuild(lib) -> int:
    """Recreate every search document (after a bulk import or a change of the document format)."""
    with lib.atomic():
        lib.conn.execute("DELETE FROM search_docs")
        lib.conn.execute("INSERT INTO search_tri(search_tri) VALUES ('delete-all')")
        lib.conn.execute("INSERT INTO search_short(search_short) VALUES ('delete-all')")
        n = 0
        for kind, table in (("event", "events"), ("certificate", "certificates"),
                            ("person", "people"), ("organisation", "organisations")):
            ids = [r[0] for r in lib.conn.execute(f"SELECT id FROM {table} WHERE deleted_at IS NULL")]
            for record_id in ids:
                doc = _doc(lib, kind, record_id)
                if doc:
                    _add(lib, kind, record_id, *doc)
                    n += 1
        return n


# ---------------------------------------------------------------- queries


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _short_query(q: str) -> str | None:
    """MATCH expression for a 1-2 character query on the short index."""
    if all(is_cjk(c) for c in q):
        return _fts_phrase(q)
    if all(c.isalnum() for c in q):
        return _fts_phrase(q) + "*"
    return None


def _candidates(lib, q: str, kinds: tuple[str, ...]) -> list[tuple]:
    """Up to CANDIDATES (id, kind, record_id, title, body, in_title) rows matching q."""
    kind_clause = ""
    params: list = []
    if set(kinds) != set(KINDS):
        kind_clause = f" AND d.kind IN ({','.join('?' for _ in kinds)})"
        params = list(kinds)
    if len(q) >= 3:
        table, expr = "search_tri", _fts_phrase(q)
    else:
        expr = _short_query(q)
        table = "search_short"
        if expr is None:  # punctuation: a bounded scan of titles
            return [(*r, True) for r in lib.conn.execute(
                "SELECT id, kind, record_id, title, body FROM search_docs d"
                f" WHERE instr(lower(title), ?) > 0{kind_clause} LIMIT ?",
                (q.lower(), *params, CANDIDATES))]
    seen: set[int] = set()
    rows: list[tuple] = []
    for column, in_title in (("title", True), ("body", False)):
        sql = (
            f"SELECT d.id, d.kind, d.record_id, d.title, d.body FROM {table} f"
            f" JOIN search_docs d ON d.id = f.rowid"
            f" WHERE {table} MATCH ?{kind_clause} LIMIT ?"
        )
        for r in lib.conn.execute(sql, (f"{column} : {expr}", *params, CANDIDATES - len(rows))):
            if r[0] not in seen:
                seen.add(r[0])
                rows.append((*r, in_title))
        if len(rows) >= CANDIDATES:
            break
    return rows


def _score(q: str, title: str, body: str, in_title: bool) -> int:
    t = title.casefold()
    names = [p.strip() for p in t.split("·")]
    if q in names:
        return 0
    if any(p.startswith(q) for p in names):
        return 1
    if in_title or q in t:
        return 2
    if re.search(r"(^|[\s·(])" + re.escape(q), body.casefold()):
        return 3
    return 4


def snippet(text: str, q: str, width: int = 70) -> str:
    """A piece of `text` around the first match of q (case-insensitive), with ellipses."""
    text = text.split(HIDDEN, 1)[0]
    if not text:
        return ""
    pos = text.casefold().find(q.casefold())
    if pos < 0:
        return text[:width] + ("…" if len(text) > width else "")
    start = max(0, pos - width // 3)
    end = min(len(text), start + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def normalise_query(query: str) -> str:
    """Case-folded, control characters dropped, runs of white space made one space."""
    visible = "".join(ch if ch.isprintable() else " " for ch in query)
    return " ".join(visible.split()).casefold()


def search(lib, query: str, *, kinds: tuple[str, ...] | list[str] | None = None,
           limit: int = 50) -> list[Hit]:
    """The best `limit` matches of `query` across record kinds, best first."""
    q = normalise_query(query)
    if not q:
        return []
    kinds = tuple(kinds or KINDS)
    scored = []
    for doc_id, kind, record_id, title, body, in_title in _candidates(lib, q, kinds):
        score = _score(q, title, body, in_title)
        scored.append((score, _KIND_ORDER.get(kind, 9), len(title), doc_id,
                       kind, record_id, title, body))
    scored.sort()
    hits = []
    for score, _, _, _, kind, record_id, title, body in scored[:limit]:
        hits.append(Hit(kind, record_id, title, snippet(body, q), score))
    return hits


__all__ = ["Hit", "search", "reindex", "rebuild", "snippet", "short_tokens", "has_cjk"]
