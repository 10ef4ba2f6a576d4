"""One search over every kind of record, in both languages, substring and case-insensitive.

Each live record has one document (title, body) in `search_docs`, whose rowid is
KIND_BASE[kind] + record id. Titles and bodies each have two FTS5 indexes: a trigram index
(`search_title_tri`, `search_body_tri`) answers queries of 3+ characters as substrings; a token
index (`search_title_short`, `search_body_short`) whose tokens are every CJK character and CJK
character pair, plus words with 1- and 2-character prefix indexes, answers shorter ones: `吕蕊`,
`证书`, `证` and `wu` all come from an index, never a scan. (SQLite 3.40, Python 3.11's, ignores
MATCH terms and LIKE patterns under 3 characters on a trigram table, hence the token index.)
Per kind, title matches are read before body matches, each query LIMITed and narrowed to the
kind's rowid range; ranking happens on those bounded candidates."""
from __future__ import annotations

import re
from dataclasses import dataclass

from db.collation import is_cjk, romanise, has_cjk

KINDS = ("event", "certificate", "person", "organisation")
_KIND_ORDER = {k: i for i, k in enumerate(KINDS)}
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


# Names of linked records, packed by SQL as fields separated by US (\x1f) and records by RS.
_US, _RS = "char(31)", "char(30)"


def _pack(*cols: str) -> str:
    return f" || {_US} || ".join(f"coalesce({c}, '')" for c in cols)


def _files(kind: str, alias: str) -> str:
    return (f"(SELECT group_concat({_pack('a.original_name', 'a.caption')}, {_RS}) FROM attachments a"
            f" WHERE a.owner_kind = '{kind}' AND a.owner_id = {alias}.id AND a.deleted_at IS NULL)")


_ORG = _pack("{0}.name_zh", "{0}.name_en", "{0}.abbreviation")

# Per kind: SQL giving (id, title parts..., body parts...) for live records; `{where}` narrows it.
_DOC_SQL = {
    "event": (
        "SELECT e.id, e.title_zh, e.title_en, e.edition, e.start_date, e.city, e.region, e.country,"
        " e.venue, (SELECT group_concat(" + _ORG.format("o") + f", {_RS}) FROM event_organisers eo"
        " JOIN organisations o ON o.id = eo.organisation_id"
        " WHERE eo.event_id = e.id AND eo.deleted_at IS NULL), e.summary, e.notes, "
        + _files("event", "e") + " FROM events e WHERE e.deleted_at IS NULL{where}",
        2,
    ),
    "certificate": (
        "SELECT c.id, c.title_zh, c.title_en, c.number, " + _ORG.format("o") + ", c.recipient, "
        + _pack("p.name_zh", "p.name_en") + ", c.issued_on, " + _pack("ev.title_zh", "ev.title_en")
        + ", c.notes, " + _files("certificate", "c") + " FROM certificates c"
        " LEFT JOIN organisations o ON o.id = c.issuer_id"
        " LEFT JOIN people p ON p.id = c.recipient_person_id"
        " LEFT JOIN events ev ON ev.id = c.event_id WHERE c.deleted_at IS NULL{where}",
        2,
    ),
    "person": (
        "SELECT pe.id, pe.name_zh, pe.name_en, pe.position, " + _ORG.format("o") + ", pe.email,"
        " pe.phone, pe.notes, " + _files("person", "pe") + " FROM people pe"
        " LEFT JOIN organisations o ON o.id = pe.organisation_id WHERE pe.deleted_at IS NULL{where}",
        2,
    ),
    "organisation": (
        "SELECT og.id, og.name_zh, og.name_en, og.abbreviation, og.country, og.website, og.notes"
        " FROM organisations og WHERE og.deleted_at IS NULL{where}",
        3,
    ),
}
_ALIAS = {"event": "e", "certificate": "c", "person": "pe", "organisation": "og"}


def _unpack(value):
    """A packed column (names of linked records) as display text."""
    if not isinstance(value, str) or ("\x1f" not in value and "\x1e" not in value):
        return value
    return _join(*(_join(*rec.split("\x1f")) for rec in value.split("\x1e")))


def _docs(conn, kind: str, record_id: int | None = None):
    """(record_id, title, body) of live records of a kind: one record, or all of them."""
    sql, n_title = _DOC_SQL[kind]
    where, params = ("", ()) if record_id is None else (f" AND {_ALIAS[kind]}.id = ?", (record_id,))
    for row in conn.execute(sql.format(where=where), params):
        title = _join(*row[1:1 + n_title])
        body = _join(*(_unpack(v) for v in row[1 + n_title:]))
        # Pinyin of a person's or organisation's Chinese name, so `moxiaojin`, `mo xiaojin` and
        # `mxj` find 莫晓进; kept after HIDDEN so snippets never show it.
        if kind in ("person", "organisation") and row[1]:
            body += HIDDEN + pinyin_forms(row[1])
        yield row[0], title, body


def _doc(lib, kind: str, record_id: int) -> tuple[str, str] | None:
    """(title, body) of a live record, or None when it is deleted or gone."""
    for _, title, body in _docs(lib.conn, kind, record_id):
        return title, body
    return None


def pinyin_forms(text: str) -> str:
    """Full pinyin (spaced and joined) and initials of a Chinese name:
    莫晓进 → 'mo xiao jin moxiaojin mo xiaojin mxj'; ü is written both u and v (吕 → lu, lv)."""
    spaced = romanise(text).lower()
    forms = []
    for variant in dict.fromkeys((spaced.replace("ü", "u"), spaced.replace("ü", "v"))):
        syllables = variant.split()
        forms += [variant, "".join(syllables)]
        if len(syllables) > 2:  # surname apart, given name joined: 'mo xiaojin', 'ouyang xiaojin'
            forms.append(f"{syllables[0]} {''.join(syllables[1:])}")
            if len(syllables) > 3:
                forms.append(f"{''.join(syllables[:2])} {''.join(syllables[2:])}")
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


# A document's rowid is KIND_BASE[kind] + record id, so a kind filter is a rowid range.
KIND_BASE = {kind: (i + 1) << 40 for i, kind in enumerate(KINDS)}
# (FTS table, column, tokens of the text) for every index over search_docs.
_INDEXES = (
    ("search_title_tri", "title", None),
    ("search_body_tri", "body", None),
    ("search_title_short", "title", "short"),
    ("search_body_short", "body", "short"),
)


def _index_values(text_of: dict[str, str]):
    for table, column, tokens in _INDEXES:
        text = text_of[column]
        yield table, column, short_tokens(text) if tokens else text


def _remove(lib, doc_id: int, title: str, body: str) -> None:
    for table, column, value in _index_values({"title": title, "body": body}):
        lib.conn.execute(
            f"INSERT INTO {table}({table}, rowid, {column}) VALUES ('delete', ?, ?)", (doc_id, value))
    lib.conn.execute("DELETE FROM search_docs WHERE id = ?", (doc_id,))


def _add(lib, kind: str, record_id: int, title: str, body: str) -> None:
    doc_id = KIND_BASE[kind] + record_id
    lib.conn.execute(
        "INSERT INTO search_docs (id, kind, record_id, title, body) VALUES (?, ?, ?, ?, ?)",
        (doc_id, kind, record_id, title, body),
    )
    for table, column, value in _index_values({"title": title, "body": body}):
        lib.conn.execute(f"INSERT INTO {table} (rowid, {column}) VALUES (?, ?)", (doc_id, value))


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
        return fill(lib.conn)


def fill(conn) -> int:
    """Empty and refill the search tables in the caller's transaction: one query per kind; the
    trigram indexes rebuilt from their content table in one go."""
    conn.execute("DELETE FROM search_docs")
    for table, _, tokens in _INDEXES:
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
    for kind in KINDS:
        conn.executemany(
            "INSERT INTO search_docs (id, kind, record_id, title, body) VALUES (?, ?, ?, ?, ?)",
            ((KIND_BASE[kind] + rid, kind, rid, title, body) for rid, title, body in _docs(conn, kind)),
        )
    for table, column, tokens in _INDEXES:
        if tokens:
            conn.executemany(
                f"INSERT INTO {table} (rowid, {column}) VALUES (?, ?)",
                ((i, short_tokens(text)) for i, text in
                 conn.execute(f"SELECT id, {column} FROM search_docs").fetchall()),
            )
        else:
            conn.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
    return conn.execute("SELECT count(*) FROM search_docs").fetchone()[0]


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


def _candidates(lib, q: str, kinds: tuple[str, ...], per_query: int) -> list[tuple]:
    """(id, kind, record_id, title, body, in_title) rows matching q: for each kind, up to
    `per_query` title matches, then up to `per_query` body matches. Every query is bounded."""
    if len(q) >= 3:
        expr, suffix = _fts_phrase(q), "tri"
    else:
        expr, suffix = _short_query(q), "short"
    seen: set[int] = set()
    rows: list[tuple] = []
    for kind in kinds:
        low = KIND_BASE[kind]
        if expr is None:  # punctuation only: a bounded scan of this kind's titles
            found = lib.conn.execute(
                "SELECT id, kind, record_id, title, body, 1 FROM search_docs"
                " WHERE id BETWEEN ? AND ? AND instr(lower(title), ?) > 0 LIMIT ?",
                (low, low + (1 << 40) - 1, q, per_query)).fetchall()
            rows += found
            continue
        for column, in_title in (("title", 1), ("body", 0)):
            table = f"search_{column}_{suffix}"
            ids = [r[0] for r in lib.conn.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?",
                (expr, low, low + (1 << 40) - 1, per_query))]
            ids = [i for i in ids if i not in seen]
            seen.update(ids)
            if ids:
                marks = ",".join("?" for _ in ids)
                rows += [(*r, in_title) for r in lib.conn.execute(
                    f"SELECT id, kind, record_id, title, body FROM search_docs WHERE id IN ({marks})",
                    ids)]
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
    kinds = tuple(k for k in KINDS if k in (kinds or KINDS))
    scored = []
    per_query = max(2 * limit, 100)
    for doc_id, kind, record_id, title, body, in_title in _candidates(lib, q, kinds, per_query):
        score = _score(q, title, body, in_title)
        scored.append((score, _KIND_ORDER.get(kind, 9), len(title), doc_id,
                       kind, record_id, title, body))
    scored.sort()
    hits = []
    for score, _, _, _, kind, record_id, title, body in scored[:limit]:
        hits.append(Hit(kind, record_id, title, snippet(body, q), score))
    return hits


__all__ = ["Hit", "search", "reindex", "rebuild", "snippet", "short_tokens", "has_cjk"]
