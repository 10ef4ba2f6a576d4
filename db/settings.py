"""Library-wide settings (the institution's name and logo, used on the summary sheet): text values
by key in the `settings` table, stored in the library so they travel with it."""
from __future__ import annotations

from db.library import Library

INSTITUTION_NAME_ZH = "institution_name_zh"
INSTITUTION_NAME_EN = "institution_name_en"
INSTITUTION_LOGO = "institution_logo"  # a PNG, base64-encoded, at most 512 px on its longer side


def get(lib: Library, key: str, default: str | None = None) -> str | None:
    row = lib.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return default if row is None or row[0] is None else row[0]


def set(lib: Library, key: str, value: str | None) -> None:  # noqa: A001 - mirrors get
    """Store a value (None removes the key), as one transaction."""
    with lib.atomic():
        if value is None:
            lib.conn.execute("DELETE FROM settings WHERE key = ?", (key,))
        else:
            lib.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
