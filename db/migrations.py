"""The library's schema, as named migration steps. Never edit a step once released: add one."""
from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("cooperation_records")

_RECORD_COLUMNS = """
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
"""


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    db.executescript(
        f"""
        CREATE TABLE organisations (
            {_RECORD_COLUMNS},
            name_zh TEXT, name_en TEXT, abbreviation TEXT, kind TEXT NOT NULL DEFAULT 'other',
            country TEXT, website TEXT, notes TEXT,
            sort_key TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE people (
            {_RECORD_COLUMNS},
            name_zh TEXT, name_en TEXT, position TEXT,
            organisation_id INTEGER REFERENCES organisations(id),
            is_staff INTEGER NOT NULL DEFAULT 0, email TEXT, phone TEXT, notes TEXT,
            sort_key TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE events (
            {_RECORD_COLUMNS},
            title_zh TEXT, title_en TEXT, kind TEXT NOT NULL DEFAULT 'other', edition TEXT,
            parent_id INTEGER REFERENCES events(id),
            start_date TEXT, end_date TEXT, city TEXT, region TEXT, country TEXT, venue TEXT,
            summary TEXT, notes TEXT,
            sort_key TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE event_organisers (
            {_RECORD_COLUMNS},
            event_id INTEGER NOT NULL REFERENCES events(id),
            organisation_id INTEGER NOT NULL REFERENCES organisations(id),
            role TEXT NOT NULL DEFAULT 'organiser', notes TEXT
        );
        CREATE TABLE attendances (
            {_RECORD_COLUMNS},
            event_id INTEGER NOT NULL REFERENCES events(id),
            person_id INTEGER NOT NULL REFERENCES people(id),
            role TEXT NOT NULL DEFAULT 'delegate', notes TEXT
        );
        CREATE TABLE certificates (
            {_RECORD_COLUMNS},
            title_zh TEXT, title_en TEXT, kind TEXT NOT NULL DEFAULT 'certificate',
            issuer_id INTEGER REFERENCES organisations(id),
            recipient TEXT, recipient_person_id INTEGER REFERENCES people(id),
            event_id INTEGER REFERENCES events(id),
            issued_on TEXT, valid_from TEXT, valid_until TEXT, number TEXT, notes TEXT,
            sort_key TEXT NOT NULL DEFAULT ''
        );
        -- One row per distinct content stored in files/ (named by sha256).
        CREATE TABLE files (
            sha256 TEXT PRIMARY KEY,
            bytes INTEGER NOT NULL,
            media_type TEXT NOT NULL,
            width INTEGER, height INTEGER, pages INTEGER NOT NULL DEFAULT 1,
            added_at TEXT NOT NULL
        );
        CREATE TABLE attachments (
            {_RECORD_COLUMNS},
            owner_kind TEXT NOT NULL CHECK (owner_kind IN ('certificate', 'event', 'person')),
            owner_id INTEGER NOT NULL,
            sha256 TEXT NOT NULL REFERENCES files(sha256),
            original_name TEXT NOT NULL DEFAULT '',
            rotation INTEGER NOT NULL DEFAULT 0,
            caption TEXT, position INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE thumbnails (
            sha256 TEXT NOT NULL REFERENCES files(sha256),
            page INTEGER NOT NULL DEFAULT 0,
            size INTEGER NOT NULL,
            media_type TEXT NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (sha256, page, size)
        ) WITHOUT ROWID;
        CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL, who TEXT NOT NULL,
            kind TEXT NOT NULL, record_id INTEGER NOT NULL, record_uuid TEXT NOT NULL,
            action TEXT NOT NULL, field TEXT, old TEXT, new TEXT
        );
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);

        CREATE INDEX organisations_by_name ON organisations(sort_key, id) WHERE deleted_at IS NULL;
        CREATE INDEX people_by_name ON people(sort_key, id) WHERE deleted_at IS NULL;
        CREATE INDEX people_by_organisation ON people(organisation_id);
        CREATE INDEX events_by_title ON events(sort_key, id) WHERE deleted_at IS NULL;
        CREATE INDEX events_by_start ON events(coalesce(start_date, ''), id) WHERE deleted_at IS NULL;
        CREATE INDEX events_by_updated ON events(updated_at, id) WHERE deleted_at IS NULL;
        CREATE INDEX events_by_parent ON events(parent_id);
        CREATE INDEX certificates_by_title ON certificates(sort_key, id) WHERE deleted_at IS NULL;
        CREATE INDEX certificates_by_issued ON certificates(coalesce(issued_on, ''), id)
            WHERE deleted_at IS NULL;
        CREATE INDEX certificates_by_event ON certificates(event_id);
        CREATE INDEX certificates_by_issuer ON certificates(issuer_id);
        CREATE UNIQUE INDEX organisers_unique ON event_organisers(event_id, organisation_id, role)
            WHERE deleted_at IS NULL;
        CREATE INDEX organisers_by_organisation ON event_organisers(organisation_id);
        CREATE UNIQUE INDEX attendances_unique ON attendances(event_id, person_id)
            WHERE deleted_at IS NULL;
        CREATE INDEX attendances_by_person ON attendances(person_id);
        CREATE INDEX attachments_by_owner ON attachments(owner_kind, owner_id, position);
        CREATE INDEX attachments_by_file ON attachments(sha256);
        CREATE INDEX history_by_record ON history(kind, record_id, id);
        CREATE INDEX trash_organisations ON organisations(deleted_at) WHERE deleted_at IS NOT NULL;
        CREATE INDEX trash_people ON people(deleted_at) WHERE deleted_at IS NOT NULL;
        CREATE INDEX trash_events ON events(deleted_at) WHERE deleted_at IS NOT NULL;
        CREATE INDEX trash_certificates ON certificates(deleted_at) WHERE deleted_at IS NOT NULL;
        CREATE INDEX trash_attachments ON attachments(deleted_at) WHERE deleted_at IS NOT NULL;

        -- Search: one document per record; a trigram index for queries of 3+ characters and a
        -- token index (CJK unigrams and bigrams, words with 1-2 character prefixes) for shorter.
        CREATE TABLE search_docs (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL, record_id INTEGER NOT NULL,
            title TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '',
            UNIQUE (kind, record_id)
        );
        CREATE VIRTUAL TABLE search_tri USING fts5(
            title, body, tokenize='trigram', content='search_docs', content_rowid='id'
        );
        CREATE VIRTUAL TABLE search_short USING fts5(
            title, body, tokenize='unicode61 remove_diacritics 2', prefix='1 2', content=''
        );
        """
    )


@migrations(name="0002_search_by_column_and_kind")
def search_by_column_and_kind(db: Database) -> None:
    """Titles and bodies get FTS tables of their own (a word common in bodies but in no title made
    a title-only column filter read the whole doclist), and a document's rowid encodes its kind
    (a kind filter is a rowid range the index seeks to)."""
    from db import search

    db.executescript(
        """
        DROP TABLE search_tri;
        DROP TABLE search_short;
        DROP TABLE search_docs;
        CREATE TABLE search_docs (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL, record_id INTEGER NOT NULL,
            title TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '',
            UNIQUE (kind, record_id)
        );
        CREATE VIRTUAL TABLE search_title_tri USING fts5(
            title, tokenize='trigram', content='search_docs', content_rowid='id');
        CREATE VIRTUAL TABLE search_body_tri USING fts5(
            body, tokenize='trigram', content='search_docs', content_rowid='id');
        CREATE VIRTUAL TABLE search_title_short USING fts5(
            title, tokenize='unicode61 remove_diacritics 2', prefix='1 2', content='');
        CREATE VIRTUAL TABLE search_body_short USING fts5(
            body, tokenize='unicode61 remove_diacritics 2', prefix='1 2', content='');
        """
    )
    search.fill(db.conn)


@migrations(name="0003_search_pinyin_surname_apart")
def search_pinyin_surname_apart(db: Database) -> None:
    """Search documents now also hold a Chinese name's pinyin with the surname apart
    ('mo xiaojin'): rebuild them."""
    from db import search

    search.fill(db.conn)


@migrations(name="0004_history_by_uuid")
def history_by_uuid(db: Database) -> None:
    """A record's history is found by its uuid (ids can be given again after the trash is
    emptied)."""
    db.execute("CREATE INDEX history_by_uuid ON history(record_uuid, id)")


ALL_STEPS = [m.name for m in migrations._migrations]
